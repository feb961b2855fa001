// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.FxBatcher;
import dev.rationale.app.history.HistoryPlace;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.run.ChatLayoutChoice;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.eval.CalibrationBins;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.CompletionKey;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalReport;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationRunner;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.RunningEvaluation;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.eval.TargetSizes;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ModelSize;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Evaluate screen's state: an evaluation of the open task's variants on the run bar's model (and more models
 * on its endpoint) over the task's
 * test cases, its progress (counts and time left), cancel and resume, and when it ends the grid of scores with
 * intervals and the figures the charts show; multiple-choice cases add the likelihood accuracy, raw and per token
 * ({@link #likelihoodOf}). Results go to a file beside the prompt set, so a stopped evaluation
 * resumes where it stopped, and every completion goes to the workspace history. The runner works off the FX
 * thread; progress arrives in batches. Touch it on the FX thread.
 */
public final class EvaluateViewModel {

    /** The shot counts a sweep tries, capped at the task's exemplars. */
    static final List<Integer> SWEEP_SHOTS = List.of(0, 1, 2, 4, 8);

    /** What the evaluation runs on: the set, the task and its variants, the endpoint and model. */
    public record Setup(PromptSet set, @Nullable Path setFile, Task task, List<Variant> variants,
            @Nullable Endpoint endpoint, String model) {
    }

    private final ProviderCache providers;
    private final Executor fx;
    private final Executor background;
    private final Path scratchFolder;
    private final Clock clock;
    private final ObjectProperty<@Nullable Integer> samples = new SimpleObjectProperty<>(this, "samples");
    private final ObjectProperty<@Nullable Integer> limit = new SimpleObjectProperty<>(this, "limit");
    private final ObjectProperty<ChatLayoutChoice> chatLayout =
            new SimpleObjectProperty<>(this, "chatLayout", ChatLayoutChoice.VARIANTS);
    private final ObjectProperty<@Nullable Path> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final StringProperty extraModels = new SimpleStringProperty(this, "extraModels", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<CellMetrics> cells = FXCollections.observableArrayList();
    private final ObservableList<SizedModel> models = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable EvalReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<List<Variant>> startedVariants = new ReadOnlyObjectWrapper<>(this,
            "startedVariants", List.of());
    private final ReadOnlyObjectWrapper<LikelihoodReport> likelihood = new ReadOnlyObjectWrapper<>(this,
            "likelihood", LikelihoodReport.NONE);
    private @Nullable EvalPlan plan;
    // Where the plan's evaluation keeps its history, and the set file as its runs name it.
    private @Nullable Path historyFolder;
    private @Nullable Path planSetFile;
    private List<SampleRecord> records = List.of();
    private @Nullable RunningEvaluation current;
    private int done;
    private int correct;
    private int failed;
    private int scored;
    private long startedNanos;

    /**
     * @param scratchFolder where results go for a prompt set never saved
     */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock) {
        this.providers = providers;
        this.scratchFolder = scratchFolder;
        this.fx = fx;
        this.background = background;
        this.clock = clock;
    }

    /** Evaluates {@code setup}'s variants; with {@code resume}, continues the results of the last evaluation. */
    public void start(Setup setup, boolean resume) {
        if (running.get()) {
            return;
        }
        if (setup.endpoint() == null || setup.model().isBlank()) {
            message.set("Choose an endpoint and a model in the run bar first.");
            return;
        }
        Path file = dataset.get();
        if (file == null) {
            startOn(setup, setup.task().cases().stream().map(DatasetCase::of).toList(), null, resume);
            return;
        }
        // A dataset is read off the FX thread; a broken one starts nothing and says which line is wrong.
        running.set(true);
        message.set("Reading " + file.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> Datasets.load(file, setup.task()), background)
                .whenCompleteAsync((loaded, error) -> {
                    running.set(false);
                    if (error != null) {
                        message.set("Cannot use " + file.getFileName() + ": " + Failures.messageOf(error));
                        return;
                    }
                    startOn(setup, loaded, file, resume);
                }, fx);
    }

    // Multiple-choice cases are also scored by likelihood where the backend can (see EvaluationRunner).
    private void startOn(Setup setup, List<DatasetCase> allCases, @Nullable Path datasetFile, boolean resume) {
        if (setup.variants().isEmpty() || allCases.isEmpty()) {
            message.set("The task needs at least one variant and one test case to evaluate.");
            return;
        }
        List<DatasetCase> cases = limit.get() == null ? allCases
                : allCases.stream().limit(Math.max(1, limit.get())).toList();
        ChatLayout layout = chatLayout.get().layout();
        List<Variant> variants = layout == null ? setup.variants()
                : setup.variants().stream().map(v -> v.withChatLayout(layout)).toList();
        EvalPlan newPlan = EvalPlan.of(setup.set(), setup.task(), variants,
                models(setup.model()).stream().map(m -> EvalTarget.of(setup.endpoint(), m)).toList(), cases,
                samples.get(), true);
        plan = newPlan;
        startedVariants.set(List.copyOf(setup.variants()));
        Path resultsPath = resultsFile(setup, datasetFile);
        Path workspace = HistoryPlace.of(setup.setFile(), scratchFolder).folder();
        historyFolder = workspace;
        planSetFile = setup.setFile();
        running.set(true);
        cells.clear();
        models.clear();
        report.set(null);
        likelihood.set(LikelihoodReport.NONE);
        done = 0;
        correct = 0;
        failed = 0;
        scored = 0;
        startedNanos = System.nanoTime();
        message.set("");
        updateProgress(newPlan.totalCompletions(), 0);
        FxBatcher<SampleRecord> batcher = new FxBatcher<>(fx, batch -> counted(newPlan, batch));
        FxBatcher<LikelihoodRecord> scores = new FxBatcher<>(fx, batch -> countedScores(newPlan, batch.size()));
        // Kept with the history run, so that History can run it again the same way.
        RunScope scope = new RunScope(datasetFile == null ? null : datasetFile.toAbsolutePath().toString(),
                limit.get(), samples.get());
        CompletableFuture.supplyAsync(() -> begin(newPlan, setup.setFile(), scope, resultsPath, workspace, resume,
                batcher, scores), background)
                .thenCompose(started -> started.running().outcome().toCompletableFuture()
                        .whenComplete((outcome, error) -> started.close(error, outcome)))
                .whenCompleteAsync((outcome, error) -> ended(newPlan, outcome, error), fx);
    }

    /** What {@link #begin} opened, closed once the evaluation ends. */
    private record Started(RunningEvaluation running, ResultsFile results, HistoryStore store,
            HistoryRecorder history) {

        void close(@Nullable Throwable error, @Nullable EvalOutcome outcome) {
            try {
                if (error != null) {
                    history.fail();
                } else {
                    history.finish(outcome != null && outcome.cancelled());
                }
            } finally {
                results.close();
                store.close();
            }
        }
    }

    private Started begin(EvalPlan newPlan, @Nullable Path setFile, RunScope scope, Path resultsPath, Path workspace,
            boolean resume, FxBatcher<SampleRecord> batcher, FxBatcher<LikelihoodRecord> scores) {
        ResultsFile results = resume ? ResultsFile.resume(resultsPath) : ResultsFile.create(resultsPath);
        HistoryStore store = HistoryStore.open(workspace);
        HistoryRecorder history = HistoryRecorder.start(store, newPlan, setFile, scope, clock);
        List<SampleRecord> previous = results.previous();
        fx.execute(() -> {
            previous.forEach(this::count);
            updateProgress(newPlan.totalCompletions(), done);
        });
        EvalListener screen = new EvalListener() {
            @Override
            public void finished(SampleRecord record) {
                batcher.add(record);
            }

            @Override
            public void scored(LikelihoodRecord record) {
                scores.add(record);
            }
        };
        EvalListener listener = EvalListener.both(history, screen);
        RunningEvaluation evaluation = new EvaluationRunner(providers::get)
                .start(newPlan, results, EvalOptions.DEFAULTS, listener);
        current = evaluation;
        return new Started(evaluation, results, store, history);
    }

    private void counted(EvalPlan forPlan, List<SampleRecord> batch) {
        if (forPlan != plan) {
            return;
        }
        batch.forEach(this::count);
        updateProgress(forPlan.totalCompletions(), done);
    }

    // Scoring follows each phase's completions, so the bar can be full while options are still being scored.
    private void countedScores(EvalPlan forPlan, int count) {
        if (forPlan != plan) {
            return;
        }
        scored += count;
        updateProgress(forPlan.totalCompletions(), done);
    }

    private void count(SampleRecord record) {
        done++;
        if (record.status() == Verdict.CORRECT) {
            correct++;
        } else if (record.status() == Verdict.FAILED) {
            failed++;
        }
    }

    private void updateProgress(int total, int finished) {
        progress.set(total == 0 ? 0 : (double) finished / total);
        String eta = "";
        long elapsed = System.nanoTime() - startedNanos;
        if (running.get() && finished > 0 && finished < total && elapsed > 0) {
            Duration left = Duration.ofNanos(elapsed / Math.max(1, finished) * (total - finished));
            eta = String.format(Locale.ROOT, " · about %d:%02d left", left.toMinutes(), left.toSecondsPart());
        }
        String scoring = scored == 0 ? "" : String.format(Locale.ROOT, " · %,d cases scored by likelihood", scored);
        progressText.set(String.format(Locale.ROOT, "%,d of %,d completions · %,d correct · %,d failed%s%s",
                finished, total, correct, failed, scoring, eta));
    }

    private void ended(EvalPlan forPlan, @Nullable EvalOutcome outcome, @Nullable Throwable error) {
        if (forPlan != plan) {
            return;
        }
        running.set(false);
        current = null;
        if (error != null) {
            message.set("The evaluation stopped: " + Failures.messageOf(error));
            return;
        }
        records = List.copyOf(Objects.requireNonNull(outcome).records());
        EvalReport result = EvalReport.of(forPlan, records);
        report.set(result);
        showSizes(forPlan);
        likelihood.set(LikelihoodReport.of(forPlan, outcome));
        cells.setAll(result.cells());
        updateProgress(forPlan.totalCompletions(), done);
        message.set(outcome.cancelled() ? "Stopped; Resume continues where it stopped." : "Done.");
    }

    // The names' sizes show at once; the endpoints' model lists (counted or reported sizes) replace them when they
    // answer. After the run, so that an embedded model is loaded and its weights can be counted.
    private void showSizes(EvalPlan forPlan) {
        Map<String, @Nullable ModelSize> byName = new LinkedHashMap<>();
        forPlan.targets().forEach(t -> byName.put(t.id(), ModelSize.fromName(t.model())));
        models.setAll(SizedModel.ordered(byName));
        CompletableFuture.supplyAsync(() -> TargetSizes.of(forPlan.targets(), providers::get), background)
                .thenAcceptAsync(sizes -> {
                    if (forPlan == plan) {
                        models.setAll(SizedModel.ordered(sizes));
                    }
                }, fx);
    }

    /** Stops the evaluation; what finished stays in the results file and the history. */
    public void cancel() {
        RunningEvaluation evaluation = current;
        if (evaluation != null) {
            evaluation.cancel();
        }
    }

    /**
     * The variants of a k-shot sweep over {@code task}: for each shot count up to its exemplars, answers only and
     * chain of thought (a trigger at zero shots, exemplar rationales above), in {@code base}'s prompt shape.
     */
    public static List<Variant> sweep(Task task, Variant base) {
        int exemplars = task.exemplars().size();
        List<Variant> variants = new ArrayList<>();
        for (int k : SWEEP_SHOTS) {
            if (k > exemplars) {
                break;
            }
            variants.add(sweepVariant(base, k, false));
            variants.add(sweepVariant(base, k, true));
        }
        return variants;
    }

    private static Variant sweepVariant(Variant base, int k, boolean chain) {
        ReasoningStyle style = !chain ? ReasoningStyle.NONE
                : k == 0 ? ReasoningStyle.ZERO_SHOT_TRIGGER : ReasoningStyle.FEW_SHOT_RATIONALE;
        String id = "sweep-" + k + (chain ? "-cot" : "");
        String label = k + "-shot" + (chain ? " chain of thought" : " answer only");
        return new Variant(id, label, k, List.of(), null, null, style, null, base.shape(), base.system(),
                base.template(), 1, base.settings());
    }

    /** Accuracy with its interval per variant, for the accuracy chart; variants without graded cases are left out. */
    public static List<Interval> intervals(List<CellMetrics> cells, Map<String, String> labels) {
        List<Interval> intervals = new ArrayList<>();
        for (CellMetrics cell : cells) {
            if (cell.accuracy() != null) {
                intervals.add(new Interval(labels.getOrDefault(cell.variant(), cell.variant()), cell.accuracy(),
                        Math.min(cell.interval().low(), cell.accuracy()),
                        Math.max(cell.interval().high(), cell.accuracy())));
            }
        }
        return intervals;
    }

    /** Accuracy against shots, one line for answers only and one for chain of thought. */
    public static Map<String, List<Point>> shotLines(List<Variant> variants, List<CellMetrics> cells, Task task) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (CellMetrics cell : cells) {
            Variant variant = variants.stream().filter(v -> cell.variant().equals(v.id())).findFirst().orElse(null);
            if (variant == null || cell.accuracy() == null) {
                continue;
            }
            int shots = variant.shots() != null ? variant.shots() : task.exemplars().size();
            String line = variant.effectiveReasoning() == ReasoningStyle.NONE ? "answers only" : "chain of thought";
            lines.computeIfAbsent(line, name -> new ArrayList<>()).add(new Point(shots, cell.accuracy()));
        }
        lines.values().forEach(points -> points.sort((a, b) -> Double.compare(a.x(), b.x())));
        return lines;
    }

    /** Calibration over every cell: each non-empty bin as (mean confidence, accuracy). */
    public static List<Point> calibration(List<CellMetrics> cells) {
        List<Point> points = new ArrayList<>();
        for (CellMetrics cell : cells) {
            for (CalibrationBins.Bin bin : cell.calibration().bins()) {
                if (bin.meanConfidence() != null && bin.accuracy() != null) {
                    points.add(new Point(bin.meanConfidence(), bin.accuracy()));
                }
            }
        }
        points.sort((a, b) -> Double.compare(a.x(), b.x()));
        return points;
    }

    /** The likelihood columns of one row of the grid: blank when the evaluation had no multiple-choice cases. */
    public LikelihoodEntry likelihoodOf(CellMetrics cell) {
        return LikelihoodEntry.of(likelihood.get().cell(cell.variant(), cell.target()));
    }

    /**
     * The last finished evaluation's likelihood scores of its multiple-choice cases; {@link LikelihoodReport#NONE}
     * when it had none (the grid then hides its likelihood columns).
     */
    public ReadOnlyObjectProperty<LikelihoodReport> likelihoodProperty() {
        return likelihood.getReadOnlyProperty();
    }

    /** The cases of one cell of the grid, in the plan's order. */
    public List<CaseResult> casesOf(CellMetrics cell) {
        EvalReport shown = report.get();
        return shown == null ? List.of() : shown.cases().stream()
                .filter(c -> c.key().variant().equals(cell.variant()) && c.key().target().equals(cell.target()))
                .toList();
    }

    /**
     * Reads the completions of {@code result}'s samples back off the FX thread (from the run history, which keeps
     * their requests and scored tokens, whichever session made them) and hands them to {@code open} on the FX
     * thread, one per sample in order.
     */
    public void openCase(CaseResult result, Consumer<List<FinishedCompletion>> open) {
        EvalPlan shown = plan;
        Path folder = historyFolder;
        Path setFile = planSetFile;
        List<SampleRecord> samples = records.stream().filter(r -> r.key().caseKey().equals(result.key()))
                .sorted(Comparator.comparingInt(SampleRecord::sample)).toList();
        if (shown == null || folder == null || samples.isEmpty()) {
            message.set("Case " + result.key().testCase() + " has no finished completion to open.");
            return;
        }
        CompletableFuture.supplyAsync(() -> EvaluatedCase.read(folder, setFile, shown, samples), background)
                .whenCompleteAsync((completions, error) -> {
                    if (error != null) {
                        message.set("Cannot open case " + result.key().testCase() + ": " + Failures.messageOf(error));
                    } else {
                        open.accept(completions);
                    }
                }, fx);
    }

    /** How the samples of one case voted: answer (as first written) to count; no answer and failures named so. */
    public Map<String, Integer> votes(CompletionKey.CaseKey key) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (SampleRecord record : records) {
            if (record.key().caseKey().equals(key)) {
                String answer = record.status() == Verdict.FAILED ? "(failed)"
                        : record.answer() == null ? "(no answer)" : record.answer();
                votes.merge(answer, 1, Integer::sum);
            }
        }
        return votes;
    }

    /** The run bar's model, then the extra ones, each once. */
    List<String> models(String first) {
        List<String> models = new ArrayList<>(List.of(first));
        for (String extra : String.valueOf(extraModels.get()).split(",")) {
            if (!extra.isBlank() && !models.contains(extra.strip())) {
                models.add(extra.strip());
            }
        }
        return models;
    }

    /** Accuracy per variant and model, for the chart by model: variant label to target id to accuracy. */
    public static Map<String, Map<String, Double>> byModel(List<CellMetrics> cells, Map<String, String> labels) {
        Map<String, Map<String, Double>> lines = new LinkedHashMap<>();
        for (CellMetrics cell : cells) {
            if (cell.accuracy() != null) {
                lines.computeIfAbsent(labels.getOrDefault(cell.variant(), cell.variant()), v -> new LinkedHashMap<>())
                        .put(cell.target(), cell.accuracy());
            }
        }
        return lines;
    }

    // Named as `rationale eval` names it, so that either can resume the other's run; an unsaved set's in scratch.
    private Path resultsFile(Setup setup, @Nullable Path datasetFile) {
        Path file = setup.setFile();
        Path set = file == null ? scratchFolder.resolve("untitled.rationale.json") : file.toAbsolutePath();
        return ResultsFile.defaultPath(set, String.valueOf(setup.task().id()), datasetFile);
    }

    /** Answers per case, the overrides of the variants' own; null keeps each variant's. */
    public ObjectProperty<@Nullable Integer> samplesProperty() {
        return samples;
    }

    /** More models on the same endpoint, comma-separated, evaluated beside the run bar's; for the chart by model. */
    public StringProperty extraModelsProperty() {
        return extraModels;
    }

    /** A dataset file whose cases are evaluated instead of the task's own; null for the task's. */
    public ObjectProperty<@Nullable Path> datasetProperty() {
        return dataset;
    }

    /** How raw-text variants become chat messages where chat is what the backend or model takes. */
    public ObjectProperty<ChatLayoutChoice> chatLayoutProperty() {
        return chatLayout;
    }

    /** Only the first N cases; null for all. */
    public ObjectProperty<@Nullable Integer> limitProperty() {
        return limit;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Finished completions over planned ones, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Counts and time left, e.g. "40 of 120 completions · 31 correct · 0 failed · about 1:20 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why nothing started, or how the last evaluation ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The grid: one row per variant and model, filled when an evaluation ends. */
    public ObservableList<CellMetrics> getCells() {
        return cells;
    }

    /**
     * The last finished evaluation's models for the chart by model: smallest first where the size is known (counted,
     * reported by the endpoint, or stated by the name), then the rest by name.
     */
    public ObservableList<SizedModel> getModels() {
        return models;
    }

    /**
     * The variants of the evaluation started last, from this tab or from History's rerun: what the variant ticks
     * should show, and what Resume continues.
     */
    public ReadOnlyObjectProperty<List<Variant>> startedVariantsProperty() {
        return startedVariants.getReadOnlyProperty();
    }

    /** The last finished evaluation's report; null before one ended. */
    public ReadOnlyObjectProperty<@Nullable EvalReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The plan of the last started evaluation, for the views' labels; null before one started. */
    public @Nullable EvalPlan getPlan() {
        return plan;
    }
}
