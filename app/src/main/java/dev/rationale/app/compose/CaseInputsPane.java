// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The test case the preview renders: a case picker, its expected answer, and one field per input variable. */
final class CaseInputsPane extends VBox {
    private final CaseInputs inputs;
    private final ComboBox<String> picker = new ComboBox<>();
    private final GridPane fields = new GridPane();
    private final HBox header;

    CaseInputsPane(CaseInputs inputs) {
        this.inputs = inputs;
        header = createHeader();
        createView();
        initListeners();
    }

    private HBox createHeader() {
        picker.setId("compose-case");
        picker.setItems(inputs.getCaseLabels());
        picker.setPrefWidth(320);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setVisibleRowCount(12);
        HBox.setHgrow(picker, Priority.SOMETIMES);
        Label expected = new Label();
        expected.setId("compose-expected");
        expected.getStyleClass().add(Styles.COMPOSE_EXPECTED);
        expected.textProperty().bind(Bindings.when(inputs.expectedProperty().isEmpty())
                .then("no expected answer").otherwise(Bindings.concat("expected ", inputs.expectedProperty())));
        expected.setMinWidth(Label.USE_PREF_SIZE);
        var box = new HBox(10, picker, expected);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void createView() {
        Label scratch = new Label("This task has no test cases: these inputs only feed the preview and are not saved.");
        scratch.getStyleClass().add(Styles.COMPOSE_HINT);
        scratch.setWrapText(true);
        scratch.visibleProperty().bind(inputs.scratchProperty());
        scratch.managedProperty().bind(scratch.visibleProperty());
        picker.visibleProperty().bind(inputs.scratchProperty().not());
        picker.managedProperty().bind(picker.visibleProperty());
        var labels = new ColumnConstraints();
        var editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        fields.getColumnConstraints().addAll(labels, editors);
        fields.setHgap(10);
        fields.setVgap(8);
        showFields(inputs.getFields());
        getChildren().addAll(scratch, fields);
        setSpacing(8);
    }

    private void initListeners() {
        picker.getSelectionModel().select(inputs.getSelectedIndex());
        // Replacing the items clears the combo box's selection; that is not the user choosing. Once the popup's
        // list exists it clears it after our items listener below has run, so the case is chosen again here.
        picker.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() < 0 && inputs.getSelectedIndex() >= 0) {
                picker.getSelectionModel().select(inputs.getSelectedIndex());
            } else if (now.intValue() >= 0 && now.intValue() != inputs.getSelectedIndex()) {
                inputs.select(now.intValue());
            }
        });
        inputs.selectedIndexProperty().addListener((obs, old, now) ->
                picker.getSelectionModel().select(now.intValue()));
        inputs.getCaseLabels().addListener((ListChangeListener<String>) change ->
                picker.getSelectionModel().select(inputs.getSelectedIndex()));
        inputs.getFields().addListener((ListChangeListener<InputField>) change ->
                showFields(inputs.getFields()));
    }

    private void showFields(List<InputField> shown) {
        fields.getChildren().clear();
        for (int row = 0; row < shown.size(); row++) {
            InputField field = shown.get(row);
            var area = new TextArea();
            area.setId("compose-input-" + field.getName());
            area.setWrapText(true);
            area.setPrefRowCount(2);
            area.textProperty().bindBidirectional(field.valueProperty());
            Label name = Section.fieldLabel(field.getName());
            GridPane.setValignment(name, VPos.TOP);
            fields.addRow(row, name, area);
        }
    }

    /** The case picker and expected answer, shown in the section's header. */
    HBox header() {
        return header;
    }
}
