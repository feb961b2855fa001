// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.RationaleException;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** The formats a run from the history can be written in, by the names the command line uses. */
public enum RunReportFormat {
    /** A self-contained page: score grid, charts, the cases worth reading with their token heat maps. */
    HTML("html", "HTML report"),
    /** One row per completion. */
    CSV("csv", "CSV results"),
    /** One JSON object per completion. */
    JSONL("jsonl", "JSONL results");

    private final String id;
    private final String label;

    RunReportFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name on the command line, which is also the file extension. */
    public String id() {
        return id;
    }

    /** What a person calls it, e.g. in a menu. */
    public String label() {
        return label;
    }

    /**
     * Writes the run to {@code file}, whole or not at all.
     *
     * @throws RationaleException when the file cannot be written
     */
    public void write(RunSnapshot snapshot, Path file) {
        StringWriter text = new StringWriter();
        try {
            write(snapshot, text);
            AtomicFiles.writeString(file, text.toString());
        } catch (IOException e) {
            throw new RationaleException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes run {@code runId} of {@code store} to {@code file}, whole or not at all, reading the run a completion
     * at a time: CSV and JSONL through a buffer, the HTML report keeping only the cases' grades and the completions
     * it shows, so memory does not grow with the run's texts. Blocks on the database and the disk.
     *
     * @return the completions written, or empty when the store has no such run
     * @throws RationaleException when the file cannot be written
     */
    public OptionalLong write(HistoryStore store, String runId, Path file) {
        Optional<StreamedRun> run = StreamedRun.open(store, runId);
        if (run.isEmpty()) {
            return OptionalLong.empty();
        }
        if (this == HTML) {
            try {
                // The workspace's own prices sit beside its history.
                PriceTable prices = PriceTable.forUser(store.file().toAbsolutePath().getParent());
                AtomicFiles.writeString(file, HtmlRunReport.render(run.get(), prices));
            } catch (IOException e) {
                throw new RationaleException("could not write " + file + ": " + e.getMessage(), e);
            }
            return OptionalLong.of(run.get().run().tally().total());
        }
        long[] written = {0};
        try {
            AtomicFiles.writeText(file, out -> written[0] = this == CSV ? RunResultsExport.writeCsv(run.get(), out)
                    : RunResultsExport.writeJsonl(run.get(), out));
        } catch (IOException | UncheckedIOException e) {
            throw new RationaleException("could not write " + file + ": " + e.getMessage(), e);
        }
        return OptionalLong.of(written[0]);
    }

    public void write(RunSnapshot snapshot, Writer out) throws IOException {
        switch (this) {
            case HTML -> out.write(HtmlRunReport.render(snapshot));
            case CSV -> RunResultsExport.writeCsv(snapshot, out);
            case JSONL -> RunResultsExport.writeJsonl(snapshot, out);
        }
    }

    public static Optional<RunReportFormat> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
