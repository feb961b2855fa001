// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Page;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rationale history list}: the workspace's runs, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "List the workspace's runs, newest first.")
final class HistoryListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print a JSON array of runs.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Show at most N runs (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--filter", paramLabel = "TEXT",
            description = "Only runs whose id, prompt set, task, endpoint or model contains TEXT.")
    private String filter;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only runs of this kind: evaluation, prompt (Compose's Run), compare (a Compare column) or "
                    + "branch.")
    private String kind;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            spec.commandLine().getErr().println("rationale: --limit must be 1 or more, got " + limit);
            return RationaleCommand.EXIT_BAD_INPUT;
        }
        Optional<RunKind> wanted = kind == null ? Optional.empty() : RunKind.parse(kind);
        if (kind != null && wanted.isEmpty()) {
            spec.commandLine().getErr().println("rationale: --kind must be one of " + Arrays.stream(RunKind.values())
                    .map(RunKind::id).collect(Collectors.joining(", ")) + ", got " + kind);
            return RationaleCommand.EXIT_BAD_INPUT;
        }
        List<Run> runs = runs(wanted.orElse(null));
        if (json) {
            out.println(HistoryJson.write(runs.stream().map(HistoryJson.RunEntry::of).toList()));
        } else if (runs.isEmpty()) {
            out.println("No runs in " + workspace.folder().toAbsolutePath().normalize()
                    + (filter == null ? "" : " match \"" + filter + "\"")
                    + (wanted.isEmpty() ? "" : " of kind " + wanted.get().id()));
        } else {
            printTable(runs, out);
        }
        out.flush();
        return 0;
    }

    // Listing must not create a history in a folder that has none.
    private List<Run> runs(@Nullable RunKind only) {
        if (!HistoryStore.exists(workspace.folder())) {
            return List.of();
        }
        try (HistoryStore store = HistoryStore.open(workspace.folder())) {
            Page<Run> page = store.runs(RunFilter.all().matching(filter).ofKind(only).page(0, Math.min(limit, 10_000)));
            return page.items();
        }
    }

    private static void printTable(List<Run> runs, PrintWriter out) {
        TextTable table = new TextTable("ID", "STARTED", "KIND", "STATUS", "DONE", "ACCURACY", "SET / TASK",
                "TARGETS");
        for (Run run : runs) {
            table.row(run.id(), HistoryCommand.localTime(run.startedAt()), run.kind().id(), run.status().id(),
                    done(run), HistoryCommand.accuracy(run.tally()), setAndTask(run),
                    run.targets().stream().map(RunTarget::label).collect(Collectors.joining(", ")));
        }
        table.print(out);
    }

    private static String done(Run run) {
        return run.planned() > 0 ? run.tally().total() + "/" + run.planned() : String.valueOf(run.tally().total());
    }

    private static String setAndTask(Run run) {
        String set = run.promptSetName() != null ? run.promptSetName() : "-";
        return run.task() == null ? set : set + " / " + run.task();
    }
}
