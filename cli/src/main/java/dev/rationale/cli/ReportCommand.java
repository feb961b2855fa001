// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.exchange.RunReportFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rationale report}: a run of the history as an HTML page, or its results as CSV or JSON Lines. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Write a run of the workspace history as a report.",
            "html: one self-contained page of at most about 5 MB (scores with 95%% intervals, charts, and the cases"
                    + " worth reading with their token heat maps: every wrong or failed one up to 500, and 100 of the"
                    + " others); csv, jsonl: one row per completion.",
            "Exit 2 when the workspace has no run with that id."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, as 'history list' prints it.")
    private String runId;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "html, csv or jsonl.")
    private String format;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "The file to write.")
    private Path out;

    @Override
    public Integer call() {
        RunReportFormat chosen = RunReportFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown format \"" + format + "\" (one of: html, csv, jsonl)"));
        // CSV and JSONL stream from the history to the file, a completion at a time.
        Optional<Long> written = HistoryCommand.read(workspace.folder(), store -> {
            OptionalLong count = chosen.write(store, runId, out);
            return count.isPresent() ? Optional.of(count.getAsLong()) : Optional.empty();
        });
        if (written.isEmpty()) {
            return HistoryCommand.noRun(spec, workspace.folder(), runId);
        }
        spec.commandLine().getOut().println(out + ": " + format + " report of run " + runId + " ("
                + written.get() + " completions)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
