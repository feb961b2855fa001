// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A run's results as a table: one row per completion, as CSV with a header line or as JSON Lines; from a
 * {@link StreamedRun} a row at a time, so any size of run fits in memory. Rows hold the
 * grid position, the answer and its grade, and what the completion cost; no prompt, text, key or URL.
 */
public final class RunResultsExport {

    /**
     * One completion.
     *
     * @param answer the extracted answer, null when none was found
     * @param grade {@code correct}, {@code wrong}, {@code no-answer}, {@code ungraded} or {@code failed}
     * @param confidence the mean probability of the answer's tokens, where the backend scored them
     * @param latencyMillis from sending the request to its end, where measured (not for imported batches)
     * @param failure why the call failed
     */
    @JsonPropertyOrder({"run", "task", "variant", "endpoint", "model", "case", "sample", "answer", "expected",
            "grade", "confidence", "latencyMillis", "promptTokens", "completionTokens", "finishReason", "failure"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(String run, @Nullable String task, String variant, String endpoint, String model,
            @JsonProperty("case") String testCase, int sample, @Nullable String answer, @Nullable String expected,
            String grade, @Nullable Double confidence, @Nullable Double latencyMillis, @Nullable Integer promptTokens,
            @Nullable Integer completionTokens, @Nullable String finishReason, @Nullable String failure) {
    }

    private static final CsvMapper CSV = new CsvMapper();
    // Lower-cased once, not for every row.
    private static final String[] FINISH_REASONS = Arrays.stream(FinishReason.values())
            .map(reason -> reason.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(Row.class).withHeader();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RunResultsExport() {
    }

    /** The rows of a run, in grid order. */
    public static List<Row> rows(RunSnapshot snapshot) {
        return snapshot.completions().stream()
                .map(c -> row(snapshot.run(), snapshot.confidence(c.record()), rowOf(c), c.record().usage(),
                        c.record().timings())).toList();
    }

    /**
     * Writes the rows as CSV under a header line, a completion at a time as they are read.
     *
     * @return the rows written
     */
    public static long writeCsv(StreamedRun run, Writer out) {
        // The generator's own calls, a value at a time in the schema's order: the same text as writing each Row as
        // a bean, without looking its properties up by reflection for every row of a large run.
        try (CsvGenerator csv = CSV.getFactory().createGenerator(out)) {
            csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            csv.setSchema(CSV_SCHEMA);
            return writeEach(run, row -> writeCsvRow(csv, row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCsvRow(CsvGenerator csv, Row row) throws IOException {
        csv.writeStartArray();
        csv.writeString(row.run());
        writeNullable(csv, row.task());
        csv.writeString(row.variant());
        csv.writeString(row.endpoint());
        csv.writeString(row.model());
        csv.writeString(row.testCase());
        csv.writeNumber(row.sample());
        writeNullable(csv, row.answer());
        writeNullable(csv, row.expected());
        csv.writeString(row.grade());
        if (row.confidence() == null) {
            csv.writeNull();
        } else {
            csv.writeNumber(row.confidence());
        }
        if (row.latencyMillis() == null) {
            csv.writeNull();
        } else {
            csv.writeNumber(row.latencyMillis());
        }
        writeNullable(csv, row.promptTokens());
        writeNullable(csv, row.completionTokens());
        writeNullable(csv, row.finishReason());
        writeNullable(csv, row.failure());
        csv.writeEndArray();
    }

    private static void writeNullable(CsvGenerator csv, @Nullable String value) throws IOException {
        if (value == null) {
            csv.writeNull();
        } else {
            csv.writeString(value);
        }
    }

    private static void writeNullable(CsvGenerator csv, @Nullable Integer value) throws IOException {
        if (value == null) {
            csv.writeNull();
        } else {
            csv.writeNumber(value);
        }
    }

    /**
     * Writes one JSON object per row and line, a completion at a time as they are read.
     *
     * @return the rows written
     */
    public static long writeJsonl(StreamedRun run, Writer out) {
        long count = writeEach(run, row -> {
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    // The rows are made on a reader thread (reading and decoding the run), written on the caller's.
    private static long writeEach(StreamedRun run, ReadAhead.Sink<Row> sink) {
        return ReadAhead.run(rows -> run.forEach(c -> rows.accept(row(run.run(), run.confidence(c), c.row(),
                c.usage(), c.timings()))), sink);
    }

    /** Writes the rows as CSV (RFC 4180 quoting) under a header line. */
    public static void writeCsv(RunSnapshot snapshot, Writer out) {
        CsvSchema schema = CSV.schemaFor(Row.class).withHeader();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(out)) {
            writer.writeAll(rows(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one JSON object per row and line. */
    public static void writeJsonl(RunSnapshot snapshot, Writer out) {
        try {
            for (Row row : rows(snapshot)) {
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletionRow rowOf(StoredCompletion stored) {
        CompletionRecord r = stored.record();
        return new CompletionRow(stored.id(), r.key(), r.extracted(), r.expected(), r.grade(), r.failure(),
                r.finishReason(), r.createdAt());
    }

    private static Row row(Run run, @Nullable Double confidence, CompletionRow r, @Nullable Usage usage,
            @Nullable Timings timings) {
        var key = r.key();
        return new Row(key.runId(), run.task(), key.variant(), key.target().endpoint(), key.target().model(),
                key.caseId(), key.sample(), r.extracted(), r.expected(), r.grade().id(), confidence,
                timings == null ? null : timings.totalMillis(), usage == null ? null : usage.promptTokens(),
                usage == null ? null : usage.completionTokens(),
                r.finishReason() == null ? null : FINISH_REASONS[r.finishReason().ordinal()], r.failure());
    }
}
