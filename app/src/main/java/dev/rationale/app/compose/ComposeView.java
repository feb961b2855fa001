// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The Compose screen: task and variant pickers on top; on the left the templates, variant controls, exemplar
 * table and test-case inputs; on the right the live preview of the exact prompt with its token count. Binds to a
 * {@link ComposeViewModel} and holds no state of its own.
 */
public final class ComposeView extends BorderPane {
    private static final double EDITOR_SHARE = 0.6;
    private static final double VARIANT_WIDTH = 330;

    private final ComposeViewModel viewModel;
    private final HBox toolbar = new HBox();
    private final ComboBox<String> taskPicker = new ComboBox<>();
    private final ComboBox<String> variantPicker = new ComboBox<>();

    public ComposeView(ComposeViewModel viewModel) {
        this.viewModel = viewModel;
        createView();
        initListeners();
    }

    /** Adds controls at the right end of the toolbar, e.g. Run and Stop. */
    public void addToolbarItems(Node... items) {
        toolbar.getChildren().addAll(items);
    }

    private void createView() {
        setId("compose");
        getStyleClass().add(Styles.COMPOSE);
        setTop(createToolbar());
        var split = new SplitPane(createEditor(), createPreview());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(EDITOR_SHARE);
        split.getStyleClass().add(Styles.COMPOSE_SPLIT);
        setCenter(split);
    }

    private HBox createToolbar() {
        picker(taskPicker, "compose-task", viewModel.getTaskIds(), viewModel::taskLabel);
        picker(variantPicker, "compose-variant", viewModel.getVariantIds(), viewModel::variantLabel);
        taskPicker.setPrefWidth(260);
        variantPicker.setPrefWidth(380);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getChildren().addAll(pickerLabel("Task"), taskPicker, pickerLabel("Variant"), variantPicker, spacer);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(Styles.COMPOSE_TOOLBAR);
        return toolbar;
    }

    private ScrollPane createEditor() {
        var template = new Section("Template", new TemplateEditor(viewModel.getTemplateFields(), viewModel));
        var variant = new Section("Variant", new VariantPane(viewModel.getVariantControls()));
        variant.setPrefWidth(VARIANT_WIDTH);
        variant.setMinWidth(VARIANT_WIDTH);
        HBox.setHgrow(template, Priority.ALWAYS);
        var top = new HBox(12, template, variant);
        var exemplars = new Section("Exemplars", new ExemplarTable(viewModel.getExemplars()));
        var inputs = new CaseInputsPane(viewModel.getCaseInputs());
        var testCase = new Section("Test case", inputs, inputs.header());
        var editor = new VBox(12, top, exemplars, testCase);
        VBox.setVgrow(exemplars, Priority.ALWAYS);
        editor.getStyleClass().add(Styles.COMPOSE_EDITOR);

        var scroll = new ScrollPane(editor);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Styles.COMPOSE_EDITOR_SCROLL);
        // Fill the height when there is room, so the exemplar table takes the rest; scroll when there is not.
        editor.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        return scroll;
    }

    private Node createPreview() {
        var pane = new PreviewPane(viewModel.getPreview());
        var section = new Section("Preview", pane, pane.summary(), pane.tokens());
        var box = new VBox(section);
        VBox.setVgrow(section, Priority.ALWAYS);
        box.getStyleClass().add(Styles.COMPOSE_EDITOR);
        return box;
    }

    private void initListeners() {
        follow(taskPicker, viewModel.selectedTaskProperty());
        follow(variantPicker, viewModel.selectedVariantProperty());
    }

    // Replacing a combo box's items clears its value for a moment; only a real choice is passed on.
    private static void follow(ComboBox<String> picker, ObjectProperty<@Nullable String> selected) {
        picker.setValue(selected.get());
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(selected.get())) {
                selected.set(now);
            }
        });
        selected.addListener((obs, old, now) -> picker.setValue(now));
        picker.getItems().addListener((ListChangeListener<String>) change ->
                picker.setValue(selected.get()));
    }

    private static void picker(ComboBox<String> picker, String id, ObservableList<String> ids,
            Function<String, String> label) {
        picker.setId(id);
        picker.setItems(ids);
        picker.setVisibleRowCount(14);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable String value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
    }

    private static Label pickerLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.COMPOSE_PICKER_LABEL);
        return label;
    }
}
