// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.RationaleException;
import dev.rationale.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a run from the history can be written in, by the names the command line uses. */
public enum RunReportFormat {
    /** A self-contained page: score grid, charts, every case with its token heat map. */
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
