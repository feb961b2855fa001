// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.run.ChatLayoutChoice;
import dev.rationale.app.run.ChatLayoutPicker;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.IntegerStringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The Evaluate tab: which variants to evaluate (or a one-click k-shot sweep), samples and a case limit, then
 * Evaluate, Resume and Cancel with a progress bar; when it ends the grid of scores and the charts. Binds to
 * {@link EvaluateViewModel}.
 */
public final class EvaluateView extends BorderPane {

    private final EvaluateViewModel viewModel;
    private final ObservableList<Variant> variants;
    private final Function<List<Variant>, EvaluateViewModel.@Nullable Setup> setup;
    private final Supplier<List<Variant>> sweepVariants;
    private final Consumer<List<FinishedCompletion>> open;
    private final FlowPane variantChecks = new FlowPane(10, 6);
    private final List<Variant> lastRun = new ArrayList<>();
    private final AccuracyChart accuracyChart = new AccuracyChart("Accuracy by variant (95% interval)", "variant");
    private final SweepChart shotsChart = SweepChart.shots();
    private final SweepChart calibrationChart = SweepChart.calibration();
    private final ModelScalingChart modelChart = new ModelScalingChart();

    /**
     * @param variants the open task's variants
     * @param setup what an evaluation of the given variants runs on (the set, task, endpoint and model now)
     * @param sweepVariants the variants of a k-shot sweep over the open task
     * @param open shows the completions of a case opened from the cases list (one sample or several)
     */
    public EvaluateView(EvaluateViewModel viewModel, ObservableList<Variant> variants,
            Function<List<Variant>, EvaluateViewModel.@Nullable Setup> setup, Supplier<List<Variant>> sweepVariants,
            Consumer<List<FinishedCompletion>> open) {
        this.viewModel = viewModel;
        this.variants = variants;
        this.setup = setup;
        this.sweepVariants = sweepVariants;
        this.open = open;
        getStyleClass().add("evaluate-view");
        setTop(createControls());
        setCenter(createResults());
        variants.addListener((ListChangeListener<Variant>) change -> {
            showVariants();
            noticeOpenBatches();
        });
        viewModel.getCells().addListener((ListChangeListener<CellMetrics>) change -> showCharts());
        viewModel.getModels().addListener((ListChangeListener<SizedModel>) change -> showCharts());
        viewModel.startedVariantsProperty().addListener((obs, old, now) -> started(now));
        showVariants();
        // The main window makes this view when Evaluate is first selected, which may be after an evaluation ran.
        if (!viewModel.startedVariantsProperty().get().isEmpty()) {
            started(viewModel.startedVariantsProperty().get());
        }
        if (!viewModel.getCells().isEmpty()) {
            showCharts();
        }
        noticeOpenBatches();
    }

    // Opening a task (or this tab the first time) says whether its last run left batches open at the provider.
    private void noticeOpenBatches() {
        // While another set opens, its variants may come before its task: nothing to say until both are there.
        EvaluateViewModel.Setup now = variants.isEmpty() ? null : setup.apply(List.copyOf(variants));
        if (now != null) {
            viewModel.noticeOpenBatches(now);
        }
    }

    private VBox createControls() {
        Label variantsLabel = new Label("Variants");
        variantsLabel.getStyleClass().add("evaluate-label");
        variantChecks.setId("evaluate-variants");
        TextField samples = numberField("evaluate-samples", "variant's", viewModel.samplesProperty());
        TextField limit = numberField("evaluate-limit", "all", viewModel.limitProperty());
        ComboBox<ChatLayoutChoice> layout = ChatLayoutPicker.create("evaluate-chat-layout",
                viewModel.chatLayoutProperty());
        TextField extraModels = new TextField();
        extraModels.setId("evaluate-models");
        // Short, so it is read whole when the row squeezes the field; the tooltip says it in full.
        extraModels.setPromptText("model, model, …");
        extraModels.setTooltip(new Tooltip("More models of the same endpoint to run the evaluation on too,"
                + " comma-separated"));
        extraModels.setPrefColumnCount(14);
        extraModels.setMinWidth(80);
        extraModels.textProperty().bindBidirectional(viewModel.extraModelsProperty());
        Button evaluate = button("Evaluate", "evaluate-start", () -> run(checkedVariants(), false));
        evaluate.getStyleClass().add("accent");
        Button resume = button("Resume", "evaluate-resume", () -> run(lastRun.isEmpty() ? checkedVariants()
                : List.copyOf(lastRun), true));
        Button sweep = button("k-shot sweep", "evaluate-sweep", () -> run(sweepVariants.get(), false));
        Button cancel = button("Cancel", "evaluate-cancel", viewModel::cancel);
        CheckBox asBatch = new CheckBox("Run as batch");
        asBatch.setId("evaluate-batch");
        asBatch.setTooltip(new Tooltip("Send the requests through the provider's batch API (OpenAI, Anthropic,"
                + " Gemini): about half the price, answers within a day. Cancel cancels the batches; Resume"
                + " collects them, also after a restart."));
        asBatch.selectedProperty().bindBidirectional(viewModel.batchProperty());
        asBatch.disableProperty().bind(viewModel.runningProperty());
        asBatch.setMinWidth(Region.USE_PREF_SIZE);
        evaluate.disableProperty().bind(viewModel.runningProperty());
        resume.disableProperty().bind(viewModel.runningProperty());
        sweep.disableProperty().bind(viewModel.runningProperty());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button dataset = button("Dataset…", "evaluate-dataset", this::chooseDataset);
        Label datasetName = new Label();
        datasetName.setId("evaluate-dataset-name");
        datasetName.textProperty().bind(Bindings.createStringBinding(() -> viewModel.datasetProperty().get() == null
                ? "the task's cases" : String.valueOf(viewModel.datasetProperty().get().getFileName()),
                viewModel.datasetProperty()));
        Button clearDataset = button("✕", "evaluate-dataset-clear", () -> viewModel.datasetProperty().set(null));
        clearDataset.visibleProperty().bind(viewModel.datasetProperty().isNotNull());
        datasetName.setMinWidth(Region.USE_PREF_SIZE);
        HBox settings = new HBox(8, dataset, datasetName, clearDataset, fixed("Samples"), samples,
                fixed("Cases"), limit, fixed("Also on"), extraModels, spacer, sweep, evaluate, resume, cancel);
        settings.setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setId("evaluate-progress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("evaluate-progress-text");
        counts.textProperty().bind(viewModel.progressTextProperty());
        Label message = new Label();
        message.setId("evaluate-message");
        message.getStyleClass().add("evaluate-message");
        message.textProperty().bind(viewModel.messageProperty());
        Label estimate = new Label();
        estimate.setId("evaluate-estimate");
        estimate.getStyleClass().add("evaluate-message");
        estimate.textProperty().bind(viewModel.estimateProperty());
        Label codeExecution = new Label();
        codeExecution.setId("evaluate-code-execution");
        codeExecution.getStyleClass().add("evaluate-message");
        codeExecution.textProperty().bind(viewModel.codeExecutionProperty());
        Hyperlink turnOff = new Hyperlink("Turn off for this workspace");
        turnOff.setId("evaluate-code-execution-off");
        turnOff.setOnAction(event -> viewModel.disallowCode());
        codeExecution.setGraphic(turnOff);
        codeExecution.setContentDisplay(ContentDisplay.RIGHT);
        codeExecution.visibleProperty().bind(viewModel.codeExecutionProperty().isNotEmpty());
        codeExecution.managedProperty().bind(codeExecution.visibleProperty());
        HBox progress = new HBox(10, bar, counts);
        progress.setAlignment(Pos.CENTER_LEFT);
        // The layout and the batch choice apply to the variants ticked beside them; that row wraps, so it has the
        // room, where the row of buttons below would be pushed past the window's edge.
        HBox variants = new HBox(10, variantsLabel, variantChecks, fixed("Chat layout"), layout, asBatch);
        VBox controls = new VBox(8, variants, settings, progress, estimate, codeExecution, message);
        controls.getStyleClass().add("evaluate-controls");
        HBox.setHgrow(variantChecks, Priority.ALWAYS);
        return controls;
    }

    private void chooseDataset() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Evaluate on a dataset");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Datasets (*.csv, *.jsonl, BIG-bench *.json)", "*.csv", "*.jsonl",
                        "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            viewModel.datasetProperty().set(chosen.toPath());
        }
    }

    private void run(List<Variant> chosen, boolean resume) {
        EvaluateViewModel.Setup now = setup.apply(chosen);
        if (now != null) {
            viewModel.start(now, resume);
        }
    }

    // A run started elsewhere (History's rerun) shows which variants it runs; a sweep's are not among the ticks.
    private void started(List<Variant> chosen) {
        lastRun.clear();
        lastRun.addAll(chosen);
        List<CheckBox> boxes = variantChecks.getChildren().stream().filter(CheckBox.class::isInstance)
                .map(CheckBox.class::cast).toList();
        List<String> ids = chosen.stream().map(Variant::id).toList();
        if (boxes.stream().map(box -> ((Variant) box.getUserData()).id()).toList().containsAll(ids)) {
            boxes.forEach(box -> box.setSelected(ids.contains(((Variant) box.getUserData()).id())));
        }
    }

    private List<Variant> checkedVariants() {
        List<Variant> chosen = new ArrayList<>();
        for (var node : variantChecks.getChildren()) {
            if (node instanceof CheckBox box && box.isSelected()) {
                chosen.add((Variant) box.getUserData());
            }
        }
        return chosen;
    }

    private void showVariants() {
        variantChecks.getChildren().clear();
        for (Variant variant : variants) {
            CheckBox box = new CheckBox(variant.effectiveLabel());
            box.setUserData(variant);
            box.setSelected(true);
            box.setId("evaluate-variant-" + variant.id());
            variantChecks.getChildren().add(box);
        }
    }

    private SplitPane createResults() {
        ScoreGrid grid = new ScoreGrid(viewModel);
        Tab casesTab = new Tab("Cases", new CaseListView(viewModel.getCases(),
                grid.getSelectionModel().selectedItemProperty(), open));
        TabPane charts = new TabPane(new Tab("Accuracy", accuracyChart), new Tab("By shots", shotsChart),
                new Tab("By model", modelChart), new Tab("Calibration", calibrationChart), casesTab);
        grid.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                charts.getSelectionModel().select(casesTab);
            }
        });
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("evaluate-charts");
        VBox scores = new VBox(baselineBar(), grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        SplitPane split = new SplitPane(scores, charts);
        split.setOrientation(Orientation.VERTICAL);
        // The grid has a row per variant and model, a few at most; the cases and their clusters need the room.
        split.setDividerPositions(0.3);
        return split;
    }

    // Hidden until an evaluation with two variants or more ended: with one there is nothing to compare.
    private HBox baselineBar() {
        BaselineViewModel baseline = viewModel.getBaseline();
        ComboBox<BaselineViewModel.Choice> picker = new ComboBox<>(baseline.getChoices());
        picker.setId("evaluate-baseline");
        // A long label would push the hint off the bar; the list shows it whole.
        picker.setPrefWidth(260);
        picker.valueProperty().bindBidirectional(baseline.baselineProperty());
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(BaselineViewModel.@Nullable Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public BaselineViewModel.@Nullable Choice fromString(String text) {
                return null;
            }
        });
        Label hint = new Label("Each other variant vs this one on the same cases: difference in points · McNemar p;"
                + " * p < 0.05. A cell's tooltip has the 95% interval and the counts.");
        hint.getStyleClass().add("evaluate-hint");
        hint.setMinWidth(0);
        HBox bar = new HBox(8, fixed("Baseline"), picker, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("evaluate-baseline-bar");
        bar.visibleProperty().bind(Bindings.size(baseline.getChoices()).greaterThan(1));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void showCharts() {
        List<CellMetrics> cells = List.copyOf(viewModel.getCells());
        var plan = viewModel.getPlan();
        Map<String, String> labels = new LinkedHashMap<>();
        if (plan != null) {
            plan.variants().forEach(v -> labels.put(String.valueOf(v.id()), v.effectiveLabel()));
        }
        // Accuracy and shots are drawn for the run bar's model; the chart by model shows every model.
        List<CellMetrics> first = cells.stream()
                .filter(cell -> plan == null || cell.target().equals(plan.targets().getFirst().id())).toList();
        accuracyChart.show(ChartSeries.intervals(first, labels));
        modelChart.show(List.copyOf(viewModel.getModels()), ChartSeries.byModel(cells, labels));
        if (plan != null) {
            shotsChart.show(ChartSeries.shotLines(plan.variants(), first, plan.task()));
        }
        calibrationChart.showCalibration(ChartSeries.calibration(cells));
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A field for a whole number or nothing; its value follows {@code property} both ways. */
    private static TextField numberField(String id, String prompt, ObjectProperty<@Nullable Integer> property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        // Five columns: four cut the Samples field's "variant's" to "variant'".
        field.setPrefColumnCount(5);
        field.setMinWidth(Region.USE_PREF_SIZE);
        TextFormatter<Integer> formatter = new TextFormatter<>(new IntegerStringConverter(), null,
                change -> change.getControlNewText().matches("\\d{0,6}") ? change : null);
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(property);
        return field;
    }
}
