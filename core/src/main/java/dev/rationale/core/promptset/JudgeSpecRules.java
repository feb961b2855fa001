// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.template.TemplateException;
import dev.rationale.core.template.TemplateVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks an answer format's judge: a scale whose bottom is below its top, a threshold on that scale, a prompt whose
 * placeholders are the judge's own; and warns of a judge given to a rule that does not use one.
 */
final class JudgeSpecRules {

    private JudgeSpecRules() {
    }

    static void check(AnswerFormat answer, String path, Findings findings) {
        JudgeSpec judge = answer.judge();
        String judgePath = FieldPath.field(path, "judge");
        if (answer.effectiveCompare() != CompareRule.JUDGE) {
            if (judge != null) {
                findings.warning(judgePath, "is not used unless compare is judge");
            }
            return;
        }
        JudgeSpec spec = answer.effectiveJudge();
        int min = spec.effectiveMin();
        int max = spec.effectiveMax();
        if (min >= max) {
            findings.error(FieldPath.field(judgePath, "min"), "must be below max (" + min + " is not below " + max
                    + ")");
        } else if (answer.threshold() != null && (answer.threshold() < min || answer.threshold() > max)) {
            findings.error(FieldPath.field(path, "threshold"), "must be on the judge's scale " + min + "-" + max
                    + ", got " + answer.threshold());
        }
        if (spec.prompt() != null) {
            checkPrompt(spec.prompt(), FieldPath.field(judgePath, "prompt"), findings);
        }
    }

    private static void checkPrompt(String prompt, String promptPath, Findings findings) {
        List<String> unknown;
        try {
            unknown = new ArrayList<>(TemplateVariables.of(prompt));
        } catch (TemplateException e) {
            findings.error(promptPath, "does not parse: " + e.getMessage());
            return;
        }
        unknown.removeAll(JudgeSpec.PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            findings.error(promptPath, "has unknown placeholders " + String.join(", ", unknown.stream()
                    .map(name -> "{{" + name + "}}").toList()) + " (known: " + String.join(", ",
                    new TreeSet<>(JudgeSpec.PLACEHOLDERS)) + ")");
        }
    }
}
