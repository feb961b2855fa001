// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rationale.core.parse.JsonFailure;
import dev.rationale.core.promptset.Choice;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV dataset: the first row names the columns; one column, {@code expected} (or {@code answer},
 * {@code target}), holds the expected answer, an optional {@code id} column names the cases, an optional
 * {@code target_scores} column holds a multiple-choice case's options as a JSON object of option to score (the
 * top-scored being the expected answers when there is no expected-answer column), and every other column is an
 * input. Values are stripped of surrounding whitespace; empty lines are skipped.
 */
final class CsvDatasetReader {
    // Without a schema each row comes as an array of strings, so this class, not Jackson, decides what a short
    // or long row means.
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvDatasetReader() {
    }

    /** The text a reader can be opened on more than once. */
    interface Text {
        Reader open() throws IOException;
    }

    static Dataset read(String text, String source) {
        return read(() -> new StringReader(text), source);
    }

    /**
     * Reads the rows twice, a piece at a time, keeping none: first only to parse them, so that a file that is not
     * CSV is reported as such whatever its earlier rows hold (as when all rows were parsed before any was used),
     * then to make the cases.
     */
    static Dataset read(Text text, String source) {
        forEachRow(text, source, row -> { });
        Cases cases = new Cases(source);
        forEachRow(text, source, cases::add);
        return cases.dataset();
    }

    /** The header, then each row as a case. */
    private static final class Cases {
        private final String source;
        private final CaseCollector cases;
        private @Nullable CsvHeader header;

        Cases(String source) {
            this.source = source;
            this.cases = new CaseCollector(source);
        }

        void add(Row row) {
            if (header == null) {
                header = CsvHeader.of(row, source);
            } else {
                addCase(row, header, cases, source);
            }
        }

        Dataset dataset() {
            if (header == null) {
                throw DatasetException.of(source, "is empty; the first row must name the columns");
            }
            return new Dataset(source, DatasetFormat.CSV, header.inputs(), cases.cases(), null);
        }
    }

    private static void addCase(Row row, CsvHeader header, CaseCollector cases, String source) {
        List<String> names = header.names();
        if (row.values().size() != names.size()) {
            int size = row.values().size();
            throw DatasetException.at(source, row.line(), "row has " + size + (size == 1 ? " value" : " values")
                    + ", but the header names " + names.size() + " columns");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String input : header.inputs()) {
            inputs.put(input, row.value(header.position(input)));
        }
        String id = header.id() == null ? null : row.value(header.position(header.id()));
        String expected = header.answer() == null ? "" : row.value(header.position(header.answer()));
        List<Choice> choices = header.scores() == null ? List.of() : choices(row, header, source);
        // Without an expected answer a case with options takes its top-scored ones.
        List<String> answers = expected.isEmpty() && !choices.isEmpty() ? List.of() : List.of(expected);
        String answerColumn = header.answer() != null ? header.answer() : String.valueOf(header.scores());
        cases.add(row.line(), id, inputs, answers, "column \"" + answerColumn + "\"", choices);
    }

    // An empty cell is a case without options, so one file can mix multiple-choice and free-answer cases.
    private static List<Choice> choices(Row row, CsvHeader header, String source) {
        String column = String.valueOf(header.scores());
        String cell = row.value(header.position(column));
        if (cell.isEmpty()) {
            return List.of();
        }
        String field = "column \"" + column + "\"";
        JsonNode scores;
        try {
            scores = JsonValues.parse(cell, source, row.line());
        } catch (DatasetException e) {
            // The row's line alone: a column counted inside the cell would point at the wrong place in the file.
            throw DatasetException.at(source, row.line(), field + " is " + e.problem());
        }
        return TargetScores.choices(scores, source, row.line(), field);
    }

    private static void forEachRow(Text text, String source, Consumer<Row> rows) {
        try (Reader reader = text.open(); JsonParser parser = CSV.createParser(reader)) {
            forEachRow(parser, source, rows);
        } catch (IOException e) {
            throw DatasetException.of(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void forEachRow(JsonParser parser, String source, Consumer<Row> rows) throws IOException {
        List<String> values = new ArrayList<>();
        int line = 0;
        try {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_ARRAY -> values = new ArrayList<>();
                    // The row's own start token is placed before its line break; its first value is on the row.
                    case VALUE_STRING -> {
                        line = values.isEmpty() ? parser.currentTokenLocation().getLineNr() : line;
                        values.add(parser.getText());
                    }
                    case END_ARRAY -> rows.accept(new Row(line, values));
                    default -> throw new IllegalStateException("unexpected CSV token " + token);
                }
            }
        } catch (JacksonException e) {
            JsonFailure failure = JsonFailure.of(e, parser);
            throw DatasetException.at(source, failure.line(), failure.column(), "not valid CSV: " + failure.problem());
        }
    }

    /** One row of values with the line it starts on (a quoted value may span lines). */
    record Row(int line, List<String> values) {
        Row {
            values = List.copyOf(values);
        }

        String value(int index) {
            return values.get(index).strip();
        }
    }
}
