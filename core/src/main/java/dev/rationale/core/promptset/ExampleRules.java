// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CodeTestsSpec;
import dev.rationale.core.answer.CompareRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a task's exemplars and test cases: optional ids unique in the task, an exemplar's answer, inputs that
 * give every input variable a value, and a case's choices ({@link ChoiceRules}). Input values no template reads
 * are warned about, as is a case without an expected answer in a task that grades answers.
 */
final class ExampleRules {
    private final InputVariables variables;
    private final Findings findings;

    ExampleRules(InputVariables variables, Findings findings) {
        this.variables = variables;
        this.findings = findings;
    }

    void checkExemplars(List<Exemplar> exemplars, String listPath) {
        UniqueIds ids = new UniqueIds("exemplar");
        for (int i = 0; i < exemplars.size(); i++) {
            String path = FieldPath.index(listPath, i);
            Exemplar exemplar = exemplars.get(i);
            if (!findings.requireElement(exemplar, path)) {
                continue;
            }
            checkOptionalId(exemplar.id(), path, ids);
            checkInputs(exemplar.inputs(), path, Set.of());
            if (exemplar.answer() == null) {
                findings.error(FieldPath.field(path, "answer"), Findings.REQUIRED);
            }
        }
    }

    void checkCases(List<TestCase> cases, String listPath, AnswerFormat answer) {
        CompareRule compare = answer.effectiveCompare();
        // A task graded by tests reads the tests (and a case's language) from the case, not from a template.
        Set<String> graded = compare == CompareRule.TESTS
                ? Set.of(answer.effectiveTests().effectiveInput(), CodeTestsSpec.LANGUAGE_INPUT) : Set.of();
        // Not UniqueIds: a set can have half a million cases, and that map would keep every id and path at once.
        NameIndex ids = new NameIndex(i -> String.valueOf(cases.get(i).id()), cases.size());
        for (int i = 0; i < cases.size(); i++) {
            String path = FieldPath.index(listPath, i);
            TestCase testCase = cases.get(i);
            if (!findings.requireElement(testCase, path)) {
                continue;
            }
            checkCaseId(testCase.id(), i, listPath, ids);
            checkInputs(testCase.inputs(), path, graded);
            ChoiceRules.check(testCase, path, findings);
            if (compare == CompareRule.TESTS) {
                String tests = answer.effectiveTests().effectiveInput();
                String given = testCase.inputs().get(tests);
                if (given == null || given.isBlank()) {
                    findings.warning(FieldPath.field(FieldPath.field(path, "inputs"), tests), "missing, so this case"
                            + " cannot be graded (the task is graded by running its tests)");
                }
            } else if (testCase.expected() == null && compare != CompareRule.NONE) {
                findings.warning(FieldPath.field(path, "expected"), "missing, so this case cannot be graded"
                        + " (the task compares answers as " + JsonNames.of(compare) + ")");
            }
        }
    }

    private void checkCaseId(@Nullable String id, int index, String listPath, NameIndex ids) {
        if (id == null) {
            return;
        }
        String path = FieldPath.index(listPath, index);
        if (id.isBlank()) {
            findings.error(FieldPath.field(path, "id"), "must not be blank");
            return;
        }
        int earlier = ids.add(index, id);
        if (earlier >= 0) {
            findings.error(FieldPath.field(path, "id"), UniqueIds.duplicate("case", "id", id,
                    FieldPath.index(listPath, earlier)));
        }
    }

    private void checkOptionalId(@Nullable String id, String path, UniqueIds ids) {
        if (id == null) {
            return;
        }
        if (id.isBlank()) {
            findings.error(FieldPath.field(path, "id"), "must not be blank");
        } else {
            ids.add(id, path, findings);
        }
    }

    private void checkInputs(Map<String, String> inputs, String ownerPath, Set<String> graded) {
        String path = FieldPath.field(ownerPath, "inputs");
        Map<String, String> required = variables.required();
        if (inputs.isEmpty()) {
            String needed = required.isEmpty() ? "" : " (values for: " + String.join(", ", required.keySet()) + ")";
            findings.error(path, Findings.REQUIRED + needed);
            return;
        }
        required.forEach((name, usedIn) -> {
            if (!inputs.containsKey(name)) {
                findings.error(path, "no value for \"" + name + "\", which " + usedIn + " uses");
            }
        });
        inputs.forEach((name, value) -> {
            String valuePath = FieldPath.field(path, name);
            if (value == null) {
                findings.error(valuePath, "expected text, got null");
            }
            if (!variables.isUsed(name) && !graded.contains(name)) {
                findings.warning(valuePath, "no template uses \"" + name + "\"");
            }
        });
    }
}
