// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The header row of a CSV dataset: the column names, which of them is the expected answer, which the id, which
 * the scored options, and the input columns that remain. At least one of the expected answer and the options is
 * there.
 */
record CsvHeader(List<String> names, @Nullable String answer, @Nullable String id, @Nullable String scores,
        List<String> inputs, Map<String, Integer> positions) {

    static CsvHeader of(CsvDatasetReader.Row row, String source) {
        List<String> names = names(row, source);
        List<String> answers = names.stream().filter(FieldNames::isAnswer).toList();
        String scores = names.stream().filter(FieldNames::isScores).findFirst().orElse(null);
        if (answers.isEmpty() && scores == null) {
            throw DatasetException.at(source, row.line(), "no expected-answer column; name one "
                    + FieldNames.ANSWER_NAMES + ", or give the options in \"" + TargetScores.FIELD + "\" (columns: "
                    + String.join(", ", names) + ")");
        }
        if (answers.size() > 1) {
            throw DatasetException.at(source, row.line(), "columns " + quoted(answers)
                    + " all name the expected answer; keep one");
        }
        String id = names.stream().filter(FieldNames::isId).findFirst().orElse(null);
        List<String> inputs = names.stream()
                .filter(n -> !FieldNames.isAnswer(n) && !FieldNames.isId(n) && !FieldNames.isScores(n)).toList();
        String answer = answers.isEmpty() ? null : answers.getFirst();
        if (inputs.isEmpty()) {
            throw DatasetException.at(source, row.line(), "no input columns; besides \""
                    + (answer != null ? answer : scores) + "\" at least one column must hold the inputs");
        }
        return new CsvHeader(names, answer, id, scores, inputs, positions(names));
    }

    /** The 0-based position of a column this header names. */
    int position(String name) {
        return positions.get(name);
    }

    // A row is read by name once per column; a list search for each would make wide files quadratic.
    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> positions = HashMap.newHashMap(names.size());
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return Map.copyOf(positions);
    }

    private static List<String> names(CsvDatasetReader.Row row, String source) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < row.values().size(); i++) {
            String name = row.value(i);
            if (name.isEmpty()) {
                throw DatasetException.at(source, row.line(), "column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(name)) {
                throw DatasetException.at(source, row.line(), "two columns are named \"" + name + "\"");
            }
            names.add(name);
        }
        return names;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
