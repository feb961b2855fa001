// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.EstimateText;
import dev.rationale.core.cost.EvalEstimate;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.CaseSelection;
import dev.rationale.core.eval.CostEstimator;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationRunner;
import dev.rationale.core.eval.EvaluationSession;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.PlanRunner;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.grading.code.CodeTestGrader;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.pool.PoolSummary;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rationale eval}: runs a task's variants on one or more models over its test cases and prints accuracy
 * with 95% intervals. Every finished completion is appended to a results file at once, so {@code --resume}
 * continues a stopped or killed run without asking anything twice.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Evaluate a task's variants on models over its test cases.",
            "Each completion is appended to the results file as one JSON line as soon as it finishes (default:"
                    + " NAME.TASK.eval.jsonl beside the prompt set, NAME.TASK.DATASET.eval.jsonl with --dataset)."
                    + " A new run empties that file; with --resume it continues it, skipping completions already"
                    + " answered and asking failed ones again.",
            "Prints a table of accuracy per variant and model with 95%% Wilson intervals, or with --json one"
                    + " object. Exit 0 when the run completed, even with wrong answers.",
            "Before it starts, a run on priced models is estimated (requests, tokens, cost); above the limit"
                    + " (--max-cost, else confirmAbove in prices.json, else $1) it is refused unless --yes is given."
                    + " --dry-run prints the estimate and sends nothing.",
            "Ctrl-C stops the run: what finished stays in the results file, the history marks the run cancelled,"
                    + " and the command exits with 130 after printing how to --resume. A --batch run's batches go on at"
                    + " the provider: --resume collects them, --cancel-batch cancels them.",
            "Multiple-choice cases (a case's own choices, as imports keep them in the set; a --dataset file's"
                    + " options; or a task answering with a letter) are also"
                    + " scored by likelihood where the backend can score a prompt (the embedded engine, servers"
                    + " that echo prompt log-probabilities): the accuracy of the most likely option, raw and per"
                    + " token, is shown beside the generation accuracy."})
final class EvalCommand implements Callable<Integer> {
    // Long enough to close the results and the history after the requests in flight are cancelled.
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpointOptions;

    @Parameters(paramLabel = "FILE", description = "The prompt set (.rationale.json or .yaml).")
    private Path file;

    @Option(names = "--task", paramLabel = "ID", description = "The task (default: the first).")
    private @Nullable String taskId;

    @Option(names = "--variant", paramLabel = "ID", description = "A variant to run; repeat for more (default: all).")
    private List<String> variantIds = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A model to evaluate; repeat for more (default: the endpoint's).")
    private List<String> models = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N",
            description = "Completions per case for every variant, voted on (default: each variant's samples).")
    private @Nullable Integer samples;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight per endpoint (default: 4 on this machine, 8 remote).")
    private @Nullable Integer concurrency;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N test cases.")
    private @Nullable Integer limit;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "Test cases from a .csv, .jsonl or BIG-bench .json file instead of the task's own.")
    private @Nullable Path dataset;

    @Option(names = "--out", paramLabel = "FILE", description = "The results file (JSON Lines).")
    private @Nullable Path out;

    @Option(names = "--resume", description = "Continue the results file instead of starting it afresh.")
    private boolean resume;

    @Option(names = "--no-history",
            description = "Do not keep the completions in the workspace history (.rationale/history.db).")
    private boolean noHistory;

    @Option(names = "--no-likelihood",
            description = "Do not score multiple-choice options by likelihood (it costs a request per option on a"
                    + " server).")
    private boolean noLikelihood;

    @Option(names = "--progress",
            description = "Draw the progress line on standard error even when it is not a terminal (e.g. a log).")
    private boolean progressLine;

    @Option(names = "--json", description = "Print one JSON object with the figures per variant and model, and"
            + " each variant against the first (the baseline; --variant sets the order) on the same cases.")
    private boolean json;

    @Option(names = "--dry-run", description = "Print the estimate (requests, tokens, cost) and send nothing.")
    private boolean dryRun;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Refuse to start when the estimate is above"
            + " this many dollars (default: confirmAbove in prices.json, else 1).")
    private @Nullable Double maxCost;

    @Option(names = "--yes", description = "Start even when the estimate is above the limit.")
    private boolean yes;

    @Mixin
    private JudgeOptions judgeOptions;

    @Mixin
    private BatchEvalOptions batchOptions;

    @Mixin
    private ChatLayoutOption chatLayout;

    @Mixin
    private ThinkingOption thinking;

    @Mixin
    private CodeExecutionOption codeExecution;

    @Override
    public Integer call() throws InterruptedException {
        // The HTTP client's set-up (TLS's takes tens of milliseconds) needs nothing from the prompt set: it gets
        // ready on another thread while the set is read and planned. (The history opens on one of its own.)
        Endpoint endpoint = endpointOptions.resolve(spec);
        FutureTask<ProviderFactory> factory = new FutureTask<>(() -> EndpointOptions.providers(endpoint));
        Thread.ofVirtual().name("http-client").start(factory);
        PromptSet set = PromptSetFiles.load(file);
        Task task = TaskChoice.task(set, taskId, file);
        // A judge endpoint that is not there is refused before anything is sent.
        List<Endpoint> judgeEndpoints = judgeOptions.endpoints(task);
        judgeOptions.judges(p -> null, judgeEndpoints).check(task.effectiveAnswer());
        if (!judgeEndpoints.isEmpty()) {
            // The judge may be elsewhere than the endpoint evaluated: the client must speak TLS too.
            factory = new FutureTask<>(() -> EndpointOptions.providers(null));
            factory.run();
        }
        List<Variant> variants = TaskChoice.variants(task, variantIds).stream().map(chatLayout::applyTo)
                .map(thinking::applyTo).toList();
        CaseSelection selection = selection();
        Path resultsPath = out != null ? out : ResultsFile.defaultPath(file, String.valueOf(task.id()), dataset);
        boolean resuming = batchOptions.resumes(resume);
        boolean batch = batchOptions.active(resuming, resultsPath);
        // A batch is graded by its completions only: options are not scored by likelihood.
        EvalPlan plan = EvalPlan.of(set, task, variants, targets(endpoint), cases(task, selection),
                samples, !noLikelihood && !batch);
        PriceTable table = PriceTable.forUser(TaskChoice.workspace(file).resolve(HistoryStore.FOLDER));
        TargetPrices prices = TargetPrices.of(table, plan.targets());
        PrintWriter stdout = spec.commandLine().getOut();
        codeExecution.apply(TaskChoice.workspace(file), task, spec.commandLine().getErr());
        if (dryRun) {
            printEstimate(plan, table, factory, batch, stdout);
            return 0;
        }
        refuseAboveLimit(plan, table, prices, factory, batch);
        PrintWriter err = spec.commandLine().getErr();
        EvaluationSession.History history = noHistory ? null : new EvaluationSession.History(
                TaskChoice.workspace(file), file, selection.scope(samples), Clock.systemUTC());
        StopOnShutdown stop = null;
        boolean interrupted;
        ProviderFactory made = ready(factory);
        try (EvaluationSession session = EvaluationSession.open(plan, resultsPath, resuming, history);
                ProviderCache providers = new ProviderCache(made)) {
            PoolHealth pool = batch ? null : providers.get(endpoint).pool().orElse(null);
            EvalProgress progress = progressLine || onTerminal() ? EvalProgress.drawn(err, session.tally(), pool)
                    : null;
            GradingContext grading = grading(providers, judgeEndpoints);
            PlanRunner runner = batch ? batchOptions.runner(made, resultsPath, grading)
                    : new EvaluationRunner(providers::get, grading);
            session.start(runner, EvalOptions.DEFAULTS.withConcurrency(concurrency),
                    progress == null ? new LimitNotice(err) : progress);
            stop = new StopOnShutdown(session, STOP_GRACE);
            EvalOutcome outcome = session.await();
            if (progress != null) {
                progress.end();
            }
            if (pool != null) {
                printMembers(pool, err);
            }
            print(plan, outcome, session, prices, batch, stdout);
            interrupted = stop.stopping() && outcome.cancelled();
            if (batch && outcome.cancelled()) {
                err.println(BatchEvalOptions.stillOpen(resultsPath, resumeCommand()));
                err.flush();
            } else if (interrupted) {
                err.println(howToResume(plan, outcome, resultsPath));
                err.flush();
            } else {
                failIfNothingRan(outcome.summary());
            }
        } finally {
            if (stop != null) {
                stop.close();
            }
        }
        return interrupted ? RationaleCommand.EXIT_INTERRUPTED : 0;
    }

    // How each server of a pool did, on standard error after the run, whether or not a progress line was drawn.
    private static void printMembers(PoolHealth pool, PrintWriter err) {
        err.println("pool " + pool.name() + ":");
        pool.members().forEach(m -> err.println("  " + m.endpoint() + ": " + PoolSummary.detail(m)));
        err.flush();
    }

    private static <T> T ready(FutureTask<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void printEstimate(EvalPlan plan, PriceTable table, FutureTask<ProviderFactory> factory, boolean batch,
            PrintWriter stdout) throws InterruptedException {
        EvalEstimate estimate = estimate(plan, table, factory, batch);
        if (json) {
            stdout.println(EstimateJson.of(estimate, limit(table)));
        } else {
            EstimateText.lines(estimate).forEach(stdout::println);
            stdout.println("nothing was sent (--dry-run)");
        }
        stdout.flush();
    }

    // Free or unpriced models are not estimated: there is no cost to confirm, and counting costs time.
    private void refuseAboveLimit(EvalPlan plan, PriceTable table, TargetPrices prices,
            FutureTask<ProviderFactory> factory, boolean batch) throws InterruptedException {
        if (yes || prices.allFree() || prices.unpriced().size() == plan.targets().size()) {
            return;
        }
        EvalEstimate estimate = estimate(plan, table, factory, batch);
        double limit = limit(table);
        if (estimate.needsConfirmation(limit)) {
            throw new RationaleException("the estimate is about " + CostText.usd(estimate.cost()) + " for "
                    + estimate.requests() + " requests, above the " + CostText.usd(limit) + " limit; add --yes to"
                    + " run it (or raise --max-cost, or confirmAbove in prices.json; --dry-run shows the figures)");
        }
    }

    // A batch run is estimated at the batch price.
    private EvalEstimate estimate(EvalPlan plan, PriceTable table, FutureTask<ProviderFactory> factory,
            boolean batch) throws InterruptedException {
        if (maxCost != null && !(maxCost >= 0)) {
            throw new RationaleException("--max-cost must be 0 or more, got " + maxCost);
        }
        try (ProviderCache providers = new ProviderCache(ready(factory))) {
            return new CostEstimator(table, providers::get).estimate(plan, batch);
        }
    }

    private double limit(PriceTable table) {
        return maxCost != null ? maxCost : table.confirmAbove();
    }

    private void print(EvalPlan plan, EvalOutcome outcome, EvaluationSession session, TargetPrices prices,
            boolean batch, PrintWriter stdout) {
        EvalSummary report = outcome.summary();
        LikelihoodReport likelihood = LikelihoodReport.of(plan, outcome);
        if (json) {
            // Only a batch run has batch lines to read back.
            List<BatchRecord> batches = batch ? ResultsFile.batches(session.resultsPath()) : List.of();
            stdout.println(EvalJson.of(plan, report, likelihood, session.resultsPath(), outcome, prices, batches));
        } else {
            EvalTable.print(plan, report, likelihood, prices, stdout);
            stdout.println("results: " + session.resultsPath());
            if (session.historyRunId() != null) {
                stdout.println("history: run " + session.historyRunId() + " in "
                        + TaskChoice.workspace(file).resolve(".rationale"));
            }
        }
        stdout.flush();
    }

    private String howToResume(EvalPlan plan, EvalOutcome outcome, Path resultsPath) {
        return "rationale: stopped; " + outcome.summary().completions() + " of " + plan.totalCompletions()
                + " completions are in " + resultsPath + ".\nTo continue where it stopped: " + resumeCommand();
    }

    private String resumeCommand() {
        List<String> args = BatchEvalOptions.resumeArgs(spec.commandLine().getParseResult().originalArgs());
        return "rationale " + String.join(" ", args.stream().map(EvalCommand::shellQuoted).toList());
    }

    private static String shellQuoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private List<EvalTarget> targets(Endpoint endpoint) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(models));
        if (names.isEmpty() && endpoint.model() != null && !endpoint.model().isBlank()) {
            names.add(endpoint.model());
        }
        if (names.isEmpty()) {
            throw new RationaleException("give a model with --model");
        }
        return names.stream().map(model -> EvalTarget.of(endpoint, model)).toList();
    }

    private CaseSelection selection() {
        if (limit != null && limit < 1) {
            throw new RationaleException("--limit must be 1 or more, got " + limit);
        }
        return new CaseSelection(dataset, limit);
    }

    private static List<DatasetCase> cases(Task task, CaseSelection selection) {
        List<DatasetCase> cases = selection.cases(task);
        if (cases.isEmpty()) {
            throw new RationaleException("task \"" + task.id() + "\" has no test cases to evaluate");
        }
        return cases;
    }

    // A run where not one request got through did not evaluate anything: say why and exit non-zero.
    private static void failIfNothingRan(EvalSummary summary) {
        SampleRecord first = summary.firstFailure();
        if (!summary.allFailed() || first == null) {
            return;
        }
        ProviderException.Kind kind;
        try {
            kind = ProviderException.Kind.valueOf(String.valueOf(first.errorKind()));
        } catch (IllegalArgumentException e) {
            throw new RationaleException("every request failed: " + first.reason(), e);
        }
        throw new ProviderException(kind, "every request failed: " + first.reason());
    }

    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    // The judge and the code runner of answer formats that score.
    private GradingContext grading(ProviderCache providers, List<Endpoint> judgeEndpoints) {
        return GradingContext.of(judgeOptions.judges(providers::get, judgeEndpoints)::grader,
                CodeTestGrader.forWorkspace(TaskChoice.workspace(file)));
    }
}
