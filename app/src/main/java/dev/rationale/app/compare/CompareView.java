// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.app.clusters.ClusterPane;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.output.TokenPopup;
import dev.rationale.core.analysis.TokenHeat.Measure;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Variant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Compare tab: a tool bar (add a column, repeat the first as samples, run all, stop), the columns side by side
 * with scrolling kept in step, the answers' agreement and clusters with the chains aligned (below the columns,
 * shown by itself once two columns have finished), and a word diff of any two columns. Build and use on the FX
 * thread.
 */
public final class CompareView extends BorderPane {

    private static final double COLUMN_WIDTH = 420;
    // Below this the column's text shrank to one line under its reasoning, answer, figures and resample rows when the
    // clusters took the lower part; the columns scroll up and down instead.
    private static final double OUTPUT_MIN_HEIGHT = 400;

    private final CompareViewModel viewModel;
    private final ObservableList<Variant> variants;
    private final ObservableList<Endpoint> endpoints;
    private final ObservableList<String> models;
    private final Runnable runAll;
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.PROBABILITY);
    private final HBox columnsBox = new HBox();
    private final Map<CompareColumn, OutputView> views = new HashMap<>();
    private final ScrollSync scrolling = new ScrollSync();
    private final DiffPane diff;
    private final SplitPane center = new SplitPane();
    private final ToggleButton showClusters = new ToggleButton("Answer clusters");
    private final ClusterPane clusters;

    /**
     * @param variants the current task's variants, for the columns' pickers
     * @param endpoints and {@code models}: the run settings' lists, for the columns' pickers
     * @param runAll runs every column on the current test case (the caller knows the document and settings)
     */
    public CompareView(CompareViewModel viewModel, ObservableList<Variant> variants,
            ObservableList<Endpoint> endpoints, ObservableList<String> models, Runnable runAll) {
        this.viewModel = viewModel;
        this.variants = variants;
        this.endpoints = endpoints;
        this.models = models;
        this.runAll = runAll;
        this.diff = new DiffPane(viewModel);
        this.clusters = new ClusterPane(viewModel.getClusters());
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("compare-view");
        setTop(createToolBar());
        columnsBox.getStyleClass().add("compare-columns");
        ScrollPane scroller = new ScrollPane(columnsBox);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("compare-scroller");
        center.setOrientation(Orientation.VERTICAL);
        center.getItems().add(scroller);
        setCenter(center);
        Label agreement = new Label();
        agreement.setId("compare-agreement");
        agreement.getStyleClass().add("compare-agreement");
        agreement.textProperty().bind(viewModel.agreementProperty());
        Label message = new Label();
        message.getStyleClass().add("compare-message");
        message.textProperty().bind(viewModel.messageProperty());
        setBottom(new VBox(agreement, message, diff));
        viewModel.getColumns().forEach(this::addColumnView);
    }

    private HBox createToolBar() {
        Button add = new Button("Add column");
        add.setId("compare-add");
        add.setOnAction(event -> {
            List<CompareColumn> columns = viewModel.getColumns();
            CompareColumn last = columns.isEmpty() || !columns.getLast().isRunnable() ? null : columns.getLast();
            viewModel.addColumn(last == null ? firstVariantId() : last.variantIdProperty().get(),
                    last == null ? null : last.endpointProperty().get(),
                    last == null ? "" : last.modelProperty().get());
        });
        Spinner<Integer> times = new Spinner<>(2, 16, 3);
        times.setPrefWidth(70);
        times.setId("compare-repeat-count");
        Button repeat = new Button("Repeat first as samples");
        repeat.setId("compare-repeat");
        repeat.setOnAction(event -> viewModel.repeatFirst(times.getValue()));
        Button run = new Button("Run all");
        run.setId("compare-run");
        run.getStyleClass().add("accent");
        run.setOnAction(event -> runAll.run());
        Button stop = new Button("Stop");
        stop.setId("compare-stop");
        stop.setOnAction(event -> viewModel.stopAll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Sampling repeats need a temperature above 0.");
        hint.getStyleClass().add("compare-hint");
        showClusters.setId("compare-clusters");
        showClusters.setTooltip(new Tooltip("The finished columns' answers as clusters, and their chains aligned"
                + " step by step"));
        HBox bar = new HBox(8, add, new Label("×"), times, repeat, showClusters, spacer, hint, run, stop);
        bar.getStyleClass().add("compare-tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void initListeners() {
        showClusters.selectedProperty().addListener((obs, old, now) -> {
            if (now && !center.getItems().contains(clusters)) {
                center.getItems().add(clusters);
                // The columns keep the larger part: at 0.45 their text shrank to one line at the default size.
                center.setDividerPositions(0.58);
            } else if (!now) {
                center.getItems().remove(clusters);
            }
        });
        // Shown by itself once there are two samples to read together; hidden again only by the user.
        viewModel.getClusters().resultProperty().addListener((obs, old, now) -> {
            if (old.clusters().total() < 2 && now.clusters().total() >= 2) {
                showClusters.setSelected(true);
            }
        });
        viewModel.getColumns().addListener((ListChangeListener<CompareColumn>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeColumnView);
                change.getAddedSubList().forEach(this::addColumnView);
            }
            diff.columnsChanged();
        });
    }

    private String firstVariantId() {
        return variants.isEmpty() ? null : variants.getFirst().id();
    }

    private void addColumnView(CompareColumn column) {
        OutputView output = new OutputView(column.output(), measure, true);
        output.popup().setBranchAction(new TokenPopup.BranchAction() {
            @Override
            public boolean available() {
                return column.output().getBranches().canBranch();
            }

            @Override
            public void branch(int tokenIndex, int alternative) {
                viewModel.branch(column.output(), tokenIndex, alternative);
            }
        });
        VBox pane = new VBox(createHeader(column), output);
        VBox.setVgrow(output, Priority.ALWAYS);
        output.setMinHeight(OUTPUT_MIN_HEIGHT);
        pane.getStyleClass().add("compare-column");
        pane.setPrefWidth(COLUMN_WIDTH);
        pane.setMinWidth(COLUMN_WIDTH);
        pane.setUserData(column);
        int index = viewModel.getColumns().indexOf(column);
        columnsBox.getChildren().add(Math.min(Math.max(index, 0), columnsBox.getChildren().size()), pane);
        views.put(column, output);
        scrolling.add(output.heatMap().area());
    }

    private void removeColumnView(CompareColumn column) {
        columnsBox.getChildren().removeIf(node -> node.getUserData() == column);
        OutputView output = views.remove(column);
        if (output != null) {
            scrolling.remove(output.heatMap().area());
        }
    }

    private VBox createHeader(CompareColumn column) {
        Label title = new Label();
        title.getStyleClass().add("compare-column-title");
        title.textProperty().bind(column.titleProperty());
        title.setWrapText(true);
        Button remove = new Button("✕");
        remove.getStyleClass().add("compare-column-remove");
        remove.setOnAction(event -> viewModel.removeColumn(column));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, title, spacer, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, top);
        header.getStyleClass().add("compare-column-header");
        if (column.isRunnable()) {
            header.getChildren().add(createPickers(column));
        }
        return header;
    }

    private HBox createPickers(CompareColumn column) {
        ComboBox<Variant> variant = new ComboBox<>(variants);
        variant.setConverter(converter(Variant::effectiveLabel));
        variant.setPromptText("variant");
        variants.stream().filter(v -> v.id() != null && v.id().equals(column.variantIdProperty().get()))
                .findFirst().ifPresent(variant::setValue);
        variant.valueProperty().addListener((obs, old, now) -> column.variantIdProperty().set(
                now == null ? null : now.id()));
        ComboBox<Endpoint> endpoint = new ComboBox<>(endpoints);
        endpoint.setConverter(converter(Endpoint::name));
        endpoint.setPromptText("endpoint");
        endpoint.setValue(column.endpointProperty().get());
        endpoint.valueProperty().bindBidirectional(column.endpointProperty());
        ComboBox<String> model = new ComboBox<>(models);
        model.setEditable(true);
        model.setPromptText("model");
        model.setValue(column.modelProperty().get());
        model.valueProperty().addListener((obs, old, now) -> column.modelProperty().set(now == null ? "" : now));
        variant.setMaxWidth(140);
        endpoint.setMaxWidth(130);
        model.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(model, Priority.ALWAYS);
        HBox pickers = new HBox(4, variant, endpoint, model);
        pickers.getStyleClass().add("compare-column-pickers");
        return pickers;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    /** The output view of {@code column}, for tests. */
    public OutputView outputOf(CompareColumn column) {
        return views.get(column);
    }

    /** Runs {@code action} with every column's output view; for screenshots and tests. */
    void forEachOutput(Consumer<OutputView> action) {
        views.values().forEach(action);
    }
}
