// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.eval.paired.RunVerdicts;
import dev.rationale.core.history.CaseComparison;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunBatch;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.history.Tally;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale history show}: one run's summary, with counts and accuracy per variant x target. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Show a run: what ran, how it ended, and counts, accuracy and cost per variant x target.",
            "Costs are worked out now from the tokens the history kept, at the prices of prices.json.",
            "Exit 2 when the workspace has no run with that id."})
final class HistoryShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, as 'history list' prints it.")
    private String runId;

    @Option(names = "--json", description = "Print one JSON object: {run, cells, baseline, comparisons}; with two"
            + " variants or more, comparisons pairs each with the first on each target's cases (see history compare).")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Report> report = HistoryCommand.read(workspace.folder(),
                store -> store.run(runId).map(run -> new Report(run, store.cells(run.id()),
                        json ? verdicts(store.compare(run.id(), run.id())) : new RunVerdicts(),
                        store.batches(run.id()))));
        if (report.isEmpty()) {
            return HistoryCommand.noRun(spec, workspace.folder(), runId);
        }
        Run run = report.get().run();
        List<CellTally> cells = report.get().cells();
        RunCosts costs = RunCosts.of(PriceTable.forUser(workspace.folder().resolve(HistoryStore.FOLDER)), cells);
        if (json) {
            String baseline = run.variants().isEmpty() ? null : run.variants().getFirst();
            out.println(HistoryJson.write(new HistoryJson.RunReport(HistoryJson.RunEntry.of(run),
                    cells.stream().map(c -> HistoryJson.CellEntry.of(c, costs)).toList(),
                    HistoryJson.Cost.of(cells, costs), baseline, baseline == null ? List.of()
                            : report.get().verdicts().against(baseline, run.variants()).stream()
                                    .map(HistoryJson.VariantComparison::of).toList())));
        } else {
            printSummary(run, out);
            printBatches(report.get().batches(), out);
            out.println();
            printCells(cells, costs, out);
        }
        out.flush();
        return 0;
    }

    private record Report(Run run, List<CellTally> cells, RunVerdicts verdicts, List<RunBatch> batches) {
    }

    // A batch run's completions were billed at the batch price: say which provider batches they came from.
    private static void printBatches(List<RunBatch> batches, PrintWriter out) {
        for (RunBatch b : batches) {
            out.println("Batch " + b.batch() + " (" + b.api() + ", target " + b.target() + ", " + b.requests()
                    + " requests): " + b.state() + (b.failed() > 0 ? ", " + b.failed() + " failed" : "")
                    + (b.imported() ? ", imported" : ", not imported yet"));
        }
    }

    // The run compared with itself lists each of its positions once with its verdict, without texts or tokens.
    private static RunVerdicts verdicts(List<CaseComparison> positions) {
        RunVerdicts verdicts = new RunVerdicts();
        for (CaseComparison p : positions) {
            if (p.inA() != null) {
                verdicts.add(p.variant(), p.target() + "/" + p.model(), p.caseId(), p.inA());
            }
        }
        return verdicts;
    }

    private static void printSummary(Run run, PrintWriter out) {
        out.println("Run " + run.id() + " (" + run.kind().id() + ", " + run.status().id() + ")");
        if (run.promptSetName() != null || run.promptSetFile() != null) {
            out.println("Prompt set: " + (run.promptSetName() == null ? "-" : run.promptSetName())
                    + (run.promptSetFile() == null ? "" : " (" + run.promptSetFile() + ")")
                    + (run.task() == null ? "" : ", task " + run.task()));
        }
        out.println("Started: " + HistoryCommand.localTime(run.startedAt())
                + (run.finishedAt() == null ? "" : ", finished: " + HistoryCommand.localTime(run.finishedAt())));
        out.println("Variants: " + String.join(", ", run.variants()));
        out.println("Rationale " + run.appVersion());
        Tally t = run.tally();
        out.println("Completions: " + t.total() + (run.planned() > 0 ? " of " + run.planned() + " planned" : "")
                + "; " + t.correct() + " correct, " + t.wrong() + " wrong, " + t.noAnswer() + " no answer, "
                + t.ungraded() + " ungraded, " + t.failed() + " failed; accuracy " + HistoryCommand.accuracy(t));
    }

    private static void printCells(List<CellTally> cells, RunCosts costs, PrintWriter out) {
        if (cells.isEmpty()) {
            out.println("No completions recorded.");
            return;
        }
        // With one sample per case pass@1 = maj@1 = cons@1 = the accuracy: the column only with several.
        boolean bySamples = cells.stream().anyMatch(cell -> cell.atK().size() > 1);
        List<String> header = new ArrayList<>(List.of("VARIANT", "TARGET", "N", "CORRECT", "WRONG", "NO ANSWER",
                "UNGRADED", "FAILED", "ACCURACY", "COST"));
        if (bySamples) {
            header.add("BY SAMPLES");
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (CellTally cell : cells) {
            Tally t = cell.tally();
            List<String> row = new ArrayList<>(List.of(cell.variant(), cell.target().label(),
                    String.valueOf(t.total()), String.valueOf(t.correct()), String.valueOf(t.wrong()),
                    String.valueOf(t.noAnswer()), String.valueOf(t.ungraded()), String.valueOf(t.failed()),
                    HistoryCommand.accuracy(t), costs.costText(cell)));
            if (bySamples) {
                row.add(AtKText.of(cell.atK()));
            }
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
        out.println(costs.totalText(cells));
    }
}
