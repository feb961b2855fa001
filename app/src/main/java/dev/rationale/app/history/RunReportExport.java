// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.core.exchange.RunReportFormat;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * History's report of one run: asks where, then writes the run as the history keeps it in a {@link RunReportFormat}
 * on the background executor (an HTML report with grid, charts and heat maps, or one row per completion), and says
 * on the FX executor what was written.
 */
final class RunReportExport {

    private final UserDialogs dialogs;
    private final Executor fx;
    private final Executor background;

    RunReportExport(UserDialogs dialogs, Executor fx, Executor background) {
        this.dialogs = dialogs;
        this.fx = fx;
        this.background = background;
    }

    /** Writes {@code run} of the history in {@code folder}; {@code say} gets the outcome on the FX thread. */
    void write(Run run, Path folder, RunReportFormat format, Consumer<String> say) {
        Optional<Path> chosen = dialogs.chooseExportFile("Export " + format.label(), folder,
                run.id() + "." + format.id());
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get();
        CompletableFuture.supplyAsync(() -> {
            // Read a completion at a time, as the command line writes it, with the workspace's prices for the costs.
            try (HistoryStore store = HistoryStore.open(folder)) {
                return format.write(store, run.id(), out).orElseThrow(() -> new HistoryException(
                        "run " + run.id() + " is no longer in the history"));
            }
        }, background).whenCompleteAsync((count, error) -> say.accept(error != null
                ? "Cannot write the report: " + Failures.messageOf(error)
                : "Wrote " + out.getFileName() + ": " + format.label() + " of run " + run.id() + " (" + count
                        + " completions)."), fx);
    }
}
