// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.history.CaseComparison;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.Tally;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale history compare}: two runs side by side, per variant x target, and the cases that changed. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Compare two runs: accuracy per variant x target in each, the difference (B - A, the older run"
                + " is A), and on the cases both runs graded the discordant counts (only A right / only B right),"
                + " the exact McNemar p-value and a paired bootstrap 95%% interval of B - A; then which run is better"
                + " and whether that is significant, and the cases whose grade changed.",
            "Exit 2 when the workspace lacks either run."})
final class HistoryCompareCommand implements Callable<Integer> {
    /** Changed cases the table lists; --json lists all. */
    static final int CASES_SHOWN = 50;

    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "A run's id, as 'history list' prints it.")
    private String first;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The other run's id.")
    private String second;

    @Option(names = "--json", description = "Print one JSON object: {a, b, verdict, delta, paired, fixed, broke,"
            + " cells, changes}.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String missing = null;
        // Comparing must not create a history in a folder that has none; a missing run is named on stderr.
        if (HistoryStore.exists(workspace.folder())) {
            try (HistoryStore store = HistoryStore.open(workspace.folder())) {
                missing = store.run(first).isEmpty() ? first : store.run(second).isEmpty() ? second : null;
                if (missing == null) {
                    print(store, out);
                    out.flush();
                    return 0;
                }
            }
        }
        spec.commandLine().getErr().println("rationale: no run " + (missing == null ? first : missing) + " in "
                + HistoryStore.databaseFile(workspace.folder()).toAbsolutePath().normalize());
        spec.commandLine().getErr().flush();
        return RationaleCommand.EXIT_BAD_INPUT;
    }

    // The JSON lists every change from a second walk over both runs; the table needs only the first ones.
    private void print(HistoryStore store, PrintWriter out) {
        if (json) {
            RunComparison comparison = RunComparison.of(store, first, second, 0);
            HistoryJson.writeComparison(comparison, changes -> store.compare(comparison.a().id(),
                    comparison.b().id(), position -> {
                        if (position.changed()) {
                            changes.accept(new RunComparison.Change(position,
                                    RunComparison.direction(position.inA(), position.inB())));
                        }
                    }), out);
            out.println();
            return;
        }
        RunComparison comparison = RunComparison.of(store, first, second, CASES_SHOWN);
        out.println("A " + describe(comparison.a()));
        out.println("B " + describe(comparison.b()));
        out.println();
        printCells(comparison, out);
        out.println();
        out.println(comparison.verdict());
        printChanges(comparison, out);
    }

    private static String describe(Run run) {
        String set = run.promptSetName() == null ? "-" : run.promptSetName();
        return run.id() + "  " + HistoryCommand.localTime(run.startedAt()) + "  " + run.status().id() + "  "
                + (run.task() == null ? set : set + " / " + run.task()) + "  accuracy "
                + HistoryCommand.accuracy(run.tally());
    }

    private static void printCells(RunComparison comparison, PrintWriter out) {
        TextTable table = new TextTable("VARIANT", "TARGET", "A", "B", "B - A", "ONLY A / ONLY B", "P",
                "PAIRED B - A [95%]");
        for (RunComparison.Cell cell : comparison.cells()) {
            String[] paired = PairedJson.columns(cell.paired());
            table.row(cell.variant(), cell.target(), accuracy(cell.inA()), accuracy(cell.inB()),
                    RunComparison.points(cell.delta()), paired[0], paired[1], paired[2]);
        }
        String[] paired = PairedJson.columns(comparison.paired());
        table.row("all", "", accuracy(comparison.a().tally()), accuracy(comparison.b().tally()),
                RunComparison.points(comparison.delta()), paired[0], paired[1], paired[2]);
        table.print(out);
        out.println();
        out.println("A and B count completions. The paired columns count the cases both runs graded (a case with"
                + " several samples is right when most of its graded samples are): how many only A or only B got"
                + " right, McNemar's exact p (* below 0.05) and a bootstrap interval in points.");
    }

    // e.g. "60.0% [31.3-83.2] 3/5": the interval, and the counts it rests on.
    private static String accuracy(Tally tally) {
        if (tally.accuracy() == null) {
            return "-";
        }
        WilsonInterval interval = RunComparison.interval(tally);
        return String.format(Locale.ROOT, "%s [%.1f-%.1f] %d/%d", HistoryCommand.accuracy(tally),
                interval.low() * 100, interval.high() * 100, tally.correct(), tally.graded());
    }

    private static void printChanges(RunComparison comparison, PrintWriter out) {
        out.println();
        if (comparison.changed() == 0) {
            out.println("No case changed its grade.");
            return;
        }
        TextTable table = new TextTable("CHANGE", "VARIANT", "TARGET", "CASE", "SAMPLE", "A", "B");
        for (RunComparison.Change change : comparison.changes()) {
            CaseComparison p = change.position();
            table.row(change.direction().name().toLowerCase(Locale.ROOT), p.variant(), p.target() + "/" + p.model(),
                    p.caseId(), String.valueOf(p.sample() + 1), grade(p.inA()), grade(p.inB()));
        }
        table.print(out);
        if (comparison.changed() > comparison.changes().size()) {
            out.println("… and " + (comparison.changed() - comparison.changes().size())
                    + " more (--json lists every one).");
        }
    }

    private static String grade(@Nullable Verdict outcome) {
        return outcome == null ? "(none)" : outcome.id();
    }
}
