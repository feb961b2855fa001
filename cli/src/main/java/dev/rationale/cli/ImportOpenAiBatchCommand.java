// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.exchange.ImportedBatch;
import dev.rationale.core.exchange.OpenAiBatchImport;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale import openai-batch}: an OpenAI Batch output file back into an evaluation run. */
@Command(
        name = "openai-batch",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Grade an OpenAI Batch API output file exported with 'rationale export --format"
                + " openai-batch' as an evaluation: a results file like 'rationale eval' writes, and a run in the"
                + " history of the prompt set's folder.",
            "Pass the batch's error file too, if it has one, so that refused requests are kept as failed.",
            "Custom ids that are not the set's, and lines that cannot be read, are listed on stderr."})
final class ImportOpenAiBatchCommand implements Callable<Integer> {
    private static final int LISTED = 20;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "OUTPUT", arity = "1..*", description = "The batch output (and error) JSONL files.")
    private List<Path> files;

    @Option(names = "--set", paramLabel = "FILE", required = true, description = "The prompt set exported.")
    private Path setFile;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The results file (JSON Lines; default: NAME.TASK.eval.jsonl beside the prompt set).")
    private @Nullable Path out;

    @Option(names = "--task", paramLabel = "ID", description = "The task, when the files hold several.")
    private @Nullable String taskId;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "The model to record (default: the one the responses name).")
    private @Nullable String model;

    @Option(names = "--no-history", description = "Do not add a run to the workspace history.")
    private boolean noHistory;

    @Override
    public Integer call() {
        PromptSet set = PromptSetFiles.load(setFile);
        ImportedBatch batch = OpenAiBatchImport.read(files, set, taskId, model);
        Path resultsPath = out != null ? out : ResultsFile.defaultPath(setFile, batch.plan().taskId(), null);
        PrintWriter stdout = spec.commandLine().getOut();
        String runId = null;
        EvalSummary summary;
        try (ResultsFile results = ResultsFile.create(resultsPath);
                HistoryStore store = noHistory ? null : HistoryStore.open(TaskChoice.workspace(setFile))) {
            HistoryRecorder history = store == null ? null
                    : HistoryRecorder.start(store, batch.plan(), setFile, Clock.systemUTC());
            summary = batch.record(results, history);
            runId = history == null ? null : history.runId();
        }
        // A batch holds generations only: no option was scored by likelihood.
        PriceTable prices = PriceTable.forUser(TaskChoice.workspace(setFile).resolve(HistoryStore.FOLDER));
        EvalTable.print(batch.plan(), summary, LikelihoodReport.NONE,
                TargetPrices.of(prices, batch.plan().targets()), stdout);
        stdout.println("results: " + resultsPath);
        if (runId != null) {
            stdout.println("history: run " + runId + " in "
                    + TaskChoice.workspace(setFile).resolve(HistoryStore.FOLDER));
        }
        stdout.flush();
        listLeftovers(batch);
        return 0;
    }

    private void listLeftovers(ImportedBatch batch) {
        PrintWriter err = spec.commandLine().getErr();
        if (batch.unknownIdCount() > 0) {
            err.println(batch.unknownIdCount() + " custom ids belong to no completion of the set: "
                    + shortList(batch.unknownIds(), batch.unknownIdCount()));
        }
        batch.problems().stream().limit(LISTED).forEach(err::println);
        if (batch.problemCount() > LISTED) {
            err.println("… and " + (batch.problemCount() - LISTED) + " more lines like these");
        }
        if (batch.missingCount() > 0) {
            err.println(batch.missingCount() + " planned completions have no line (a refused request is in the"
                    + " batch's error file: pass it too)");
        }
        err.flush();
    }

    private static String shortList(List<String> first, long count) {
        String shown = String.join(", ", first.subList(0, Math.min(LISTED, first.size())));
        return count > LISTED ? shown + ", …" : shown;
    }
}
