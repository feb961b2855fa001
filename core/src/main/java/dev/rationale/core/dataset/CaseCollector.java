// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.TestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the cases a reader finds and applies the checks every format shares: ids unique in the file, no empty
 * input value, at least one non-empty accepted answer. The first problem ends the import.
 */
final class CaseCollector {
    private final String file;
    private final Map<String, Integer> idLines = new HashMap<>();
    private final List<DatasetCase> cases = new ArrayList<>();

    CaseCollector(String file) {
        this.file = file;
    }

    /**
     * Adds one case.
     *
     * @param answerField how the file names the expected answer, for messages
     */
    void add(int line, @Nullable String id, Map<String, String> inputs, List<String> answers, String answerField,
            List<Choice> choices) {
        String caseId = id == null || id.isBlank() ? null : id.strip();
        checkId(line, caseId);
        checkInputs(line, inputs);
        if (answers.isEmpty() || answers.stream().anyMatch(String::isBlank)) {
            throw DatasetException.at(file, line, "empty expected answer (" + answerField + ")");
        }
        TestCase testCase = new TestCase(caseId, inputs, answers.getFirst());
        cases.add(new DatasetCase(testCase, answers, choices, line));
    }

    List<DatasetCase> cases() {
        if (cases.isEmpty()) {
            throw DatasetException.of(file, "has no cases");
        }
        return List.copyOf(cases);
    }

    private void checkId(int line, @Nullable String id) {
        if (id == null) {
            return;
        }
        Integer earlier = idLines.putIfAbsent(id, line);
        if (earlier != null) {
            throw DatasetException.at(file, line, "duplicate id \"" + id + "\" (line " + earlier + " has it too)");
        }
    }

    private void checkInputs(int line, Map<String, String> inputs) {
        if (inputs.isEmpty()) {
            throw DatasetException.at(file, line, "no input values");
        }
        inputs.forEach((name, value) -> {
            if (value.isBlank()) {
                throw DatasetException.at(file, line, "empty input \"" + name + "\"");
            }
        });
    }
}
