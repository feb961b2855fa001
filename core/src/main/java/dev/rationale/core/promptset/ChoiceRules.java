// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a test case's choices: each has a non-blank text and a finite score, no text is given twice, there are
 * at least two and they do not all score alike (else none is the answer), and the case's {@code expected}, when
 * given, is the text of a top-scored choice, so that generation and likelihood grade the case by the same answer.
 */
final class ChoiceRules {
    private ChoiceRules() {
    }

    static void check(TestCase testCase, String casePath, Findings findings) {
        List<Choice> choices = testCase.choices();
        if (choices.isEmpty()) {
            return;
        }
        String path = FieldPath.field(casePath, "choices");
        if (!eachComplete(choices, path, findings)) {
            return;
        }
        if (choices.size() < 2) {
            findings.error(path, "needs at least two choices, got 1");
            return;
        }
        List<String> top = testCase.topChoices();
        if (top.size() == choices.size()) {
            findings.error(path, "every choice scores " + SettingsRules.format(choices.getFirst().score())
                    + ", so none is the answer");
            return;
        }
        String expected = testCase.expected();
        if (expected != null && !top.contains(expected)) {
            findings.error(FieldPath.field(casePath, "expected"), "must be the text of a top-scored choice ("
                    + String.join(", ", top.stream().map(t -> "\"" + t + "\"").toList()) + "), got \""
                    + expected + "\"");
        }
    }

    // The rules over all choices only make sense once every one of them has its text and score.
    private static boolean eachComplete(List<Choice> choices, String path, Findings findings) {
        UniqueIds texts = new UniqueIds("choice", "text");
        boolean complete = true;
        for (int i = 0; i < choices.size(); i++) {
            String choicePath = FieldPath.index(path, i);
            Choice choice = choices.get(i);
            if (!findings.requireElement(choice, choicePath)) {
                complete = false;
                continue;
            }
            if (findings.requireText(choice.text(), FieldPath.field(choicePath, "text"))) {
                texts.add(choice.text(), choicePath, findings);
            } else {
                complete = false;
            }
            complete &= checkScore(choice.score(), FieldPath.field(choicePath, "score"), findings);
        }
        return complete;
    }

    private static boolean checkScore(@Nullable Double score, String path, Findings findings) {
        if (score == null) {
            findings.error(path, Findings.REQUIRED);
            return false;
        }
        if (!Double.isFinite(score)) {
            findings.error(path, "must be a finite number, got " + score);
            return false;
        }
        return true;
    }
}
