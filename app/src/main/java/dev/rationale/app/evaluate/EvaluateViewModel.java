// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.Failures;
import dev.rationale.app.run.ChatLayoutChoice;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.batch.BatchRunner;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.EstimateText;
import dev.rationale.core.cost.EvalEstimate;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.eval.CasePage;
import dev.rationale.core.eval.CasePages;
import dev.rationale.core.eval.CaseSelection;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.ConcurrencyLimits;
import dev.rationale.core.eval.CostEstimator;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationRunner;
import dev.rationale.core.eval.EvaluationSession;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.ShotSweep;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import dev.rationale.core.grading.code.CodeTestGrader;
import dev.rationale.core.grading.judge.Judges;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.PoolHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Evaluate screen's state: an evaluation of the open task's variants on the run bar's model (and more models
 * on its endpoint, {@link ModelListViewModel}) over the task's test cases, its progress (the session's
 * {@link EvalTally}: counts and time left), cancel and resume, and when it ends the grid of scores; the charts'
 * models and the cases behind the grid have view models of their own. The {@link EvaluationSession} keeps results in
 * a file beside the prompt set, so a stopped evaluation resumes where it stopped, and every completion in the
 * workspace history. The session works off the FX thread; progress arrives in batches. Touch it on the FX thread.
 */
public final class EvaluateViewModel {

    /** What the evaluation runs on: the set, the task and its variants, the endpoint and model. */
    public record Setup(PromptSet set, @Nullable Path setFile, Task task, List<Variant> variants,
            @Nullable Endpoint endpoint, String model) {
    }

    private final ProviderCache providers;
    // The pools the running evaluation sends to; set off the FX thread before its first progress.
    private volatile List<PoolHealth> pools = List.of();
    private final BatchOptions batchOptions;
    private final Executor fx;
    private final Executor background;
    private final Path scratchFolder;
    private final Clock clock;
    private final ObjectProperty<@Nullable Integer> samples = new SimpleObjectProperty<>(this, "samples");
    private final ObjectProperty<@Nullable Integer> limit = new SimpleObjectProperty<>(this, "limit");
    private final ObjectProperty<ChatLayoutChoice> chatLayout =
            new SimpleObjectProperty<>(this, "chatLayout", ChatLayoutChoice.VARIANTS);
    private final ObjectProperty<@Nullable Path> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final BooleanProperty batch = new SimpleBooleanProperty(this, "batch");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<CellMetrics> cells = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<Variant>> startedVariants = new ReadOnlyObjectWrapper<>(this,
            "startedVariants", List.of());
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyObjectWrapper<@Nullable TargetPrices> prices = new ReadOnlyObjectWrapper<>(this,
            "prices");
    private final CostConfirmation confirmation;
    private final CodeExecutionConfirmation codeConfirmation;
    private final ReadOnlyStringWrapper codeExecution = new ReadOnlyStringWrapper(this, "codeExecution", "");
    // The workspace whose code-execution line is shown, which Turn off applies to.
    private @Nullable Path codeWorkspace;
    // Cancel pressed while the estimate was being made: nothing is started when it is ready.
    private boolean stopBeforeStart;
    private String estimated = "";
    private final CaseListViewModel cases;
    private final ModelListViewModel models;
    private final BaselineViewModel baseline;
    private @Nullable EvalPlan plan;
    // Set off the FX thread once the session is open, so that Cancel reaches it.
    private volatile @Nullable EvaluationSession current;
    // The runner of a batch evaluation, so that Cancel cancels its batches at the provider.
    private volatile @Nullable BatchRunner currentBatch;

    /**
     * @param scratchFolder where results go for a prompt set never saved
     */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock) {
        this(providers, scratchFolder, fx, background, clock, BatchOptions.DEFAULTS, CostConfirmation.NEVER_ASK);
    }

    /** @param batchOptions how batch evaluations poll (tests poll at once) */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock, BatchOptions batchOptions) {
        this(providers, scratchFolder, fx, background, clock, batchOptions, CostConfirmation.NEVER_ASK);
    }

    /** @param confirmation asked before an evaluation estimated above the user's limit starts */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock, CostConfirmation confirmation) {
        this(providers, scratchFolder, fx, background, clock, BatchOptions.DEFAULTS, confirmation);
    }

    /**
     * @param scratchFolder where results go for a prompt set never saved
     * @param batchOptions how batch evaluations poll (tests poll at once)
     * @param confirmation asked before an evaluation estimated above the user's limit starts
     */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock, BatchOptions batchOptions, CostConfirmation confirmation) {
        this(providers, scratchFolder, fx, background, clock, batchOptions, confirmation,
                CodeExecutionConfirmation.DECLINE);
    }

    /**
     * @param scratchFolder where results go for a prompt set never saved
     * @param batchOptions how batch evaluations poll (tests poll at once)
     * @param confirmation asked before an evaluation estimated above the user's limit starts
     * @param codeConfirmation asked before a task graded by tests is first evaluated in a workspace
     */
    public EvaluateViewModel(ProviderCache providers, Path scratchFolder, Executor fx, Executor background,
            Clock clock, BatchOptions batchOptions, CostConfirmation confirmation,
            CodeExecutionConfirmation codeConfirmation) {
        this.batchOptions = batchOptions;
        this.confirmation = confirmation;
        this.codeConfirmation = codeConfirmation;
        this.providers = providers;
        this.scratchFolder = scratchFolder;
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        this.cases = new CaseListViewModel(fx, background, message::set);
        this.models = new ModelListViewModel(providers, fx, background);
        this.baseline = new BaselineViewModel(cases.reportProperty(), this::getPlan, fx, background);
    }

    /**
     * Says so when {@code setup}'s results file holds batches still open at the provider (a run submitted as a batch
     * and left going, or cut off by a restart), so that reopening the task shows where its answers are: Resume
     * collects them. Polling is left to Resume, since each poll is a request to the provider and Cancel there cancels
     * the batches. The file is read off the FX thread; nothing is said while a run is going, or of a file that
     * cannot be read.
     */
    public void noticeOpenBatches(Setup setup) {
        if (running.get()) {
            return;
        }
        Path results = EvalLaunch.resultsFile(setup, selection(), scratchFolder);
        CompletableFuture.supplyAsync(() -> ResultsFile.openBatches(results), background)
                .whenCompleteAsync((open, error) -> {
                    if (error == null && !open.isEmpty() && !running.get()) {
                        message.set(OpenBatches.notice(open));
                    }
                }, fx);
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
        CaseSelection selection = selection();
        Path file = selection.dataset();
        if (file == null) {
            startOn(setup, selection, selection.cases(setup.task()), resume);
            return;
        }
        // A dataset is read off the FX thread; a broken one starts nothing and says which line is wrong.
        running.set(true);
        message.set("Reading " + file.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> selection.cases(setup.task()), background)
                .whenCompleteAsync((loaded, error) -> {
                    running.set(false);
                    if (error != null) {
                        message.set("Cannot use " + file.getFileName() + ": " + Failures.messageOf(error));
                        return;
                    }
                    startOn(setup, selection, loaded, resume);
                }, fx);
    }

    private CaseSelection selection() {
        return new CaseSelection(dataset.get(), limit.get() == null ? null : Math.max(1, limit.get()));
    }

    // Multiple-choice cases are also scored by likelihood where the backend can (see EvaluationRunner).
    private void startOn(Setup setup, CaseSelection selection, List<DatasetCase> chosen, boolean resume) {
        if (setup.variants().isEmpty() || chosen.isEmpty()) {
            message.set("The task needs at least one variant and one test case to evaluate.");
            return;
        }
        boolean asBatch = batch.get();
        EvalLaunch launch = EvalLaunch.of(setup, selection, chosen, chatLayout.get().layout(),
                models.names(setup.model()), samples.get(), scratchFolder, clock, asBatch);
        EvalPlan newPlan = launch.plan();
        plan = newPlan;
        running.set(true);
        stopBeforeStart = false;
        message.set("Estimating the cost…");
        // The estimate reads prices.json and may tokenize every prompt: off the FX thread, before anything is sent.
        CompletableFuture.supplyAsync(() -> Priced.of(launch, providers, asBatch), background)
                .whenCompleteAsync((priced, error) -> {
                    if (newPlan != plan) {
                        return;
                    }
                    if (stopBeforeStart) {
                        running.set(false);
                        message.set("Stopped before it started.");
                        return;
                    }
                    if (error != null) {
                        running.set(false);
                        message.set("Not started: " + Failures.messageOf(error));
                        return;
                    }
                    estimated = EstimateText.total(priced.estimate());
                    estimate.set(estimated);
                    double limit = priced.table().confirmAbove();
                    if (priced.estimate().needsConfirmation(limit)
                            && !confirmation.proceed(priced.estimate(), limit)) {
                        running.set(false);
                        message.set("Not started: the estimate, about " + CostText.usd(priced.estimate().cost())
                                + ", is above your limit of " + CostText.usd(limit) + ".");
                        return;
                    }
                    prices.set(TargetPrices.of(priced.table(), newPlan.targets()));
                    codeExecution.set(priced.code().line());
                    codeWorkspace = priced.code().isolation() == null ? null : launch.workspace();
                    if (priced.code().mustAsk()) {
                        allowCodeThenLaunch(setup, launch, resume, asBatch, priced.code());
                    } else {
                        launch(setup, launch, resume, asBatch);
                    }
                }, fx);
    }

    // The workspace does not let the model's code run yet: asked once, and the answer kept for the workspace.
    private void allowCodeThenLaunch(Setup setup, EvalLaunch launch, boolean resume, boolean asBatch,
            CodeExecutionGate code) {
        EvalPlan newPlan = launch.plan();
        if (!codeConfirmation.allow(launch.workspace(), String.valueOf(code.isolation()))) {
            running.set(false);
            message.set("Not started: this task is graded by running the model's code, which this workspace does"
                    + " not allow.");
            return;
        }
        CompletableFuture.runAsync(() -> allowCode(launch.workspace()), background)
                .whenCompleteAsync((done, error) -> {
                    if (newPlan != plan) {
                        return;
                    }
                    if (error != null) {
                        running.set(false);
                        message.set("Not started: " + Failures.messageOf(error));
                        return;
                    }
                    launch(setup, launch, resume, asBatch);
                }, fx);
    }

    /**
     * Stops letting the workspace of the last evaluation graded by tests run the model's code; its next such
     * evaluation asks again. Recorded off the FX thread.
     */
    public void disallowCode() {
        Path workspace = codeWorkspace;
        if (workspace == null) {
            return;
        }
        CompletableFuture.runAsync(() -> recordCodeChoice(workspace, false), background)
                .whenCompleteAsync((done, error) -> {
                    if (error != null) {
                        message.set(Failures.messageOf(error));
                        return;
                    }
                    codeWorkspace = null;
                    codeExecution.set("");
                    message.set("Running the model's code is off for this workspace; its next evaluation graded by"
                            + " tests asks again.");
                }, fx);
    }

    private void allowCode(Path workspace) {
        recordCodeChoice(workspace, true);
    }

    private void recordCodeChoice(Path workspace, boolean allowed) {
        try {
            CodeExecutionConsent.set(workspace, allowed, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the choice in " + CodeExecutionConsent.file(workspace)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The prices in force for a launch's workspace, what its plan will cost at them, and whether code may run. */
    private record Priced(PriceTable table, EvalEstimate estimate, CodeExecutionGate code) {
        // A batch run is estimated at the batch price.
        static Priced of(EvalLaunch launch, ProviderCache providers, boolean batch) {
            PriceTable table = PriceTable.forUser(launch.workspace().resolve(HistoryStore.FOLDER));
            return new Priced(table, new CostEstimator(table, providers::get).estimate(launch.plan(), batch),
                    CodeExecutionGate.of(launch.plan().task(), launch.workspace()));
        }
    }

    private void launch(Setup setup, EvalLaunch launch, boolean resume, boolean asBatch) {
        EvalPlan newPlan = launch.plan();
        startedVariants.set(List.copyOf(setup.variants()));
        cells.clear();
        models.clear();
        cases.clear();
        message.set("");
        progress.set(0);
        progressText.set("");
        var source = new CaseListViewModel.Source(newPlan, launch.workspace(), setup.setFile());
        CompletableFuture.supplyAsync(() -> begin(launch, resume, asBatch), background)
                .thenCompose(EvaluationSession::ended)
                .thenApply(outcome -> Ended.of(outcome, CasePages.of(newPlan, launch.results(),
                        CaseListViewModel.PAGE)))
                .whenCompleteAsync((outcome, error) -> ended(source, outcome, error), fx);
    }

    // Off the FX thread: a resume of a run whose batches are still open collects them, whatever the box says.
    private EvaluationSession begin(EvalLaunch launch, boolean resume, boolean batchAsked) {
        boolean asBatch = batchAsked || resume && BatchRunner.hasOpenBatches(launch.results());
        EvalPlan newPlan = launch.plan();
        EvaluationSession session = EvaluationSession.open(newPlan, launch.results(), resume, launch.history());
        current = session;
        // Made here, off the FX thread, as the runner would: the progress reads their members' health as it goes.
        pools = asBatch ? List.of() : newPlan.targets().stream().map(EvalTarget::endpoint).distinct()
                .map(providers::get).flatMap(provider -> provider.pool().stream()).toList();
        BatchRunner batchRunner = asBatch ? new BatchRunner(providers::batchApi, batchOptions,
                grading(launch.workspace())) : null;
        currentBatch = batchRunner;
        EvalListener feed = new TallyFeed(fx, session.tally(), counts -> {
            if (newPlan == plan) {
                showProgress(counts);
            }
        });
        session.start(batchRunner != null ? batchRunner
                : new EvaluationRunner(providers::get, grading(launch.workspace())), EvalOptions.DEFAULTS,
                batchRunner == null ? feed : EvalListener.both(feed, new BatchFeed(fx, line -> {
                    if (newPlan == plan) {
                        message.set(line);
                    }
                })));
        return session;
    }

    private void showProgress(EvalTally.Counts counts) {
        progress.set(counts.fraction());
        progressText.set(ProgressText.of(counts, running.get(), pools));
    }

    /** An evaluation's end, its results file indexed and its first page of cases read, off the FX thread. */
    private record Ended(EvalOutcome outcome, CasePages pages, CasePage first) {
        static Ended of(EvalOutcome outcome, CasePages pages) {
            return new Ended(outcome, pages, pages.read(0));
        }
    }

    private void ended(CaseListViewModel.Source source, @Nullable Ended end, @Nullable Throwable error) {
        EvalPlan forPlan = source.plan();
        if (forPlan != plan) {
            return;
        }
        running.set(false);
        EvaluationSession session = current;
        current = null;
        boolean wasBatch = currentBatch != null;
        currentBatch = null;
        if (error != null) {
            message.set("The evaluation stopped: " + Failures.messageOf(error));
            return;
        }
        EvalOutcome outcome = Objects.requireNonNull(end).outcome();
        cases.show(source, outcome, end.pages(), end.first());
        models.show(forPlan);
        cells.setAll(outcome.summary().cells());
        TargetPrices priced = prices.get();
        if (priced != null) {
            // Beside what was estimated, what the providers' reported usage says it cost.
            estimate.set(estimated + " · spent " + CostText.usd(priced.total(outcome.summary().cells()))
                    + " by the reported usage");
        }
        if (session != null) {
            showProgress(session.tally().counts());
        }
        message.set(!outcome.cancelled() ? "Done."
                : wasBatch ? "The batches go on at the provider; Resume collects their answers."
                : "Stopped; Resume continues where it stopped.");
    }

    /**
     * Stops the evaluation; what finished stays in the results file and the history. A batch evaluation's batches
     * are cancelled at the provider, and the run ends once they have, with what they had finished.
     */
    public void cancel() {
        BatchRunner batchRunner = currentBatch;
        if (batchRunner != null) {
            batchRunner.cancelBatches();
            message.set("Cancelling the batches at the provider…");
            return;
        }
        EvaluationSession session = current;
        if (session != null) {
            session.cancel();
        } else if (running.get()) {
            stopBeforeStart = true;
        }
    }

    /**
     * Sends the evaluation through the endpoint's batch API (OpenAI, Anthropic, Gemini) rather than request by
     * request: about half the price, answers within a day.
     */
    public BooleanProperty batchProperty() {
        return batch;
    }

    /** The variants of a k-shot sweep over {@code task} in {@code base}'s prompt shape ({@link ShotSweep}). */
    public static List<Variant> sweep(Task task, Variant base) {
        return ShotSweep.variants(task, base);
    }

    /** Answers per case, the overrides of the variants' own; null keeps each variant's. */
    public ObjectProperty<@Nullable Integer> samplesProperty() {
        return samples;
    }

    /** More models on the same endpoint, comma-separated, evaluated beside the run bar's; for the chart by model. */
    public StringProperty extraModelsProperty() {
        return models.extraModelsProperty();
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

    /** The session's done completions over planned ones, 0 to 1 ({@link EvalTally} says what is done). */
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

    /** The cases behind the grid's cells, with their votes, completions and likelihood columns. */
    public CaseListViewModel getCases() {
        return cases;
    }

    /** The baseline the grid compares the other variants with, and those comparisons. */
    public BaselineViewModel getBaseline() {
        return baseline;
    }

    /** The last finished evaluation's models for the chart by model, ordered by size ({@link ModelListViewModel}). */
    public ObservableList<SizedModel> getModels() {
        return models.getModels();
    }

    /**
     * The variants of the evaluation started last, from this tab or from History's rerun: what the variant ticks
     * should show, and what Resume continues.
     */
    public ReadOnlyObjectProperty<List<Variant>> startedVariantsProperty() {
        return startedVariants.getReadOnlyProperty();
    }

    /** The last finished evaluation's report; null before one ended. */
    public ReadOnlyObjectProperty<@Nullable EvalSummary> reportProperty() {
        return cases.reportProperty();
    }

    /**
     * The estimate of the evaluation started last, in one line: cost, at the batch price or not, and the day the
     * prices were checked; empty before one started.
     */
    /** How the model's code runs while a task graded by tests is evaluated; empty for other tasks. */
    public ReadOnlyStringProperty codeExecutionProperty() {
        return codeExecution.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** The prices of the started evaluation's targets, for the grid's cost column; null before one started. */
    public ReadOnlyObjectProperty<@Nullable TargetPrices> pricesProperty() {
        return prices.getReadOnlyProperty();
    }

    /** The plan of the last started evaluation, for the views' labels; null before one started. */
    public @Nullable EvalPlan getPlan() {
        return plan;
    }

    // The judge and the code runner of answer formats that score.
    // A judge endpoint named by the prompt set is found among the user's endpoints, read when first judged (on the
    // grading thread, never the FX thread); code runs only where the workspace allows it.
    private GradingContext grading(Path workspace) {
        Judges judges = new Judges(providers::get, EndpointStore.user()::load,
                (provider, endpoint) -> ConcurrencyLimits.limitFor(provider, endpoint, null), null, null);
        return GradingContext.of(judges::grader, CodeTestGrader.forWorkspace(workspace));
    }
}
