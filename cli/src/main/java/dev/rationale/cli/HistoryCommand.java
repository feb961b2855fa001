// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Tally;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rationale history}: the runs stored in a workspace; its subcommands list them, show one, compare two. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "List past runs of a workspace, show one, compare two, or judge two variants of one.",
        subcommands = {HistoryListCommand.class, HistoryShowCommand.class, HistoryCompareCommand.class,
            HistoryPairwiseCommand.class})
final class HistoryCommand implements Runnable {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: 'rationale history list' or 'rationale history show RUN_ID'.");
    }

    /**
     * What {@code query} reads from the history of {@code workspace}; empty when the folder has none, since
     * reading must not create a history where there is none (a missing one holds no run).
     */
    static <T> Optional<T> read(Path workspace, Function<HistoryStore, Optional<T>> query) {
        if (!HistoryStore.exists(workspace)) {
            return Optional.empty();
        }
        try (HistoryStore store = HistoryStore.open(workspace)) {
            return query.apply(store);
        }
    }

    /** Says that the workspace has no such run; returns the exit code for it. */
    static int noRun(CommandSpec spec, Path workspace, String runId) {
        spec.commandLine().getErr().println("rationale: no run " + runId + " in "
                + HistoryStore.databaseFile(workspace).toAbsolutePath().normalize());
        spec.commandLine().getErr().flush();
        return RationaleCommand.EXIT_BAD_INPUT;
    }

    /** A time as people read it on their own terminal. */
    static String localTime(Instant at) {
        return LOCAL_TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** Accuracy as a percentage with one decimal, or {@code -} when nothing was graded. */
    static String accuracy(Tally tally) {
        Double accuracy = tally.accuracy();
        return accuracy == null ? "-" : String.format(Locale.ROOT, "%.1f%%", accuracy * 100);
    }
}
