// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.history.Tally;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rationale history}: the runs stored in a workspace; its subcommands list them, show one, compare two. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = "List past runs of a workspace, show one, or compare two.",
        subcommands = {HistoryListCommand.class, HistoryShowCommand.class, HistoryCompareCommand.class})
final class HistoryCommand implements Runnable {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: 'rationale history list' or 'rationale history show RUN_ID'.");
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
