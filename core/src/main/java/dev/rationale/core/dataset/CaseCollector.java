// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.NameIndex;
import dev.rationale.core.promptset.TestCase;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the cases a reader finds and applies the checks every format shares: ids unique in the file, no empty
 * input value, at least one non-empty accepted answer, and for a multiple-choice case accepted answers that are
 * among its top-scored options (without an expected answer, those options are the accepted ones). The first
 * problem ends the import.
 */
final class CaseCollector {
    private final String file;
    // Kept compact as they come, with a table of ids: a file can have hundreds of thousands of rows.
    private final DatasetCaseList.Builder cases = new DatasetCaseList.Builder();
    private final NameIndex ids = new NameIndex(cases::id, 1024);

    CaseCollector(String file) {
        this.file = file;
    }

    /**
     * Adds one case.
     *
     * @param answers the accepted answers the file gives; may be empty for a case with choices
     * @param answerField how the file names the expected answer, for messages
     * @param choices the case's options, already checked ({@link TargetScores}); empty when it has none
     */
    void add(int line, @Nullable String id, Map<String, String> inputs, List<String> answers, String answerField,
            List<Choice> choices) {
        String caseId = id == null || id.isBlank() ? null : id.strip();
        checkId(line, caseId);
        checkInputs(line, inputs);
        List<String> top = Choice.top(choices);
        List<String> accepted = answers.isEmpty() ? top : answers;
        if (accepted.isEmpty() || accepted.stream().anyMatch(String::isBlank)) {
            throw DatasetException.at(file, line, "empty expected answer (" + answerField + ")");
        }
        if (!choices.isEmpty()) {
            checkAmongTop(line, accepted, top);
        }
        TestCase testCase = new TestCase(caseId, inputs, accepted.getFirst(), choices);
        cases.add(new DatasetCase(testCase, accepted, line));
    }

    private void checkAmongTop(int line, List<String> accepted, List<String> top) {
        // A set, not the list: a case may list thousands of answers and options.
        Set<String> topOptions = new HashSet<>(top);
        for (String answer : accepted) {
            if (!topOptions.contains(answer)) {
                throw DatasetException.at(file, line, "expected answer \"" + answer + "\" is not a top-scored option"
                        + " of " + TargetScores.FIELD + " (" + String.join(", ", top.stream()
                                .map(t -> "\"" + t + "\"").toList()) + ")");
            }
        }
    }

    List<DatasetCase> cases() {
        if (cases.size() == 0) {
            throw DatasetException.of(file, "has no cases");
        }
        return cases.build();
    }

    private void checkId(int line, @Nullable String id) {
        if (id == null) {
            return;
        }
        int earlier = ids.add(cases.size(), id);
        if (earlier >= 0) {
            throw DatasetException.at(file, line, "duplicate id \"" + id + "\" (line " + cases.line(earlier)
                    + " has it too)");
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
