// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** Checks a task's answer format: a regex rule has a pattern that compiles, a fallback differs, choices are letters. */
final class AnswerFormatRules {
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");

    private AnswerFormatRules() {
    }

    static void check(@Nullable AnswerFormat answer, String path, Findings findings) {
        if (answer == null) {
            return;
        }
        checkPattern(answer, path, findings);
        ExtractRule extract = answer.effectiveExtract();
        if (answer.fallback() == extract) {
            findings.error(FieldPath.field(path, "fallback"),
                    "must differ from extract (both are " + JsonNames.of(extract) + ")");
        }
        checkThreshold(answer, path, findings);
        String choices = answer.choices();
        if (choices != null && !LETTERS.matcher(choices).matches()) {
            findings.error(FieldPath.field(path, "choices"), "must be letters only, e.g. \"ABCD\", got \""
                    + choices + "\"");
        }
    }

    // A threshold is on its rule's scale: chrF 0-100, the share of tests passed 0-1 (the judge's is checked with
    // its scale).
    private static void checkThreshold(AnswerFormat answer, String path, Findings findings) {
        Double threshold = answer.threshold();
        if (threshold == null) {
            return;
        }
        String thresholdPath = FieldPath.field(path, "threshold");
        CompareRule rule = answer.effectiveCompare();
        if (!rule.scores()) {
            findings.warning(thresholdPath, "is not used unless compare is chrf, judge or tests");
        } else if (rule == CompareRule.CHRF && (threshold < 0 || threshold > 100)) {
            findings.error(thresholdPath, "must be a chrF score from 0 to 100, got " + threshold);
        } else if (rule == CompareRule.TESTS && (threshold < 0 || threshold > 1)) {
            findings.error(thresholdPath, "must be the share of tests that pass, from 0 to 1, got " + threshold);
        }
    }

    private static void checkPattern(AnswerFormat answer, String path, Findings findings) {
        String patternPath = FieldPath.field(path, "pattern");
        boolean usesRegex = answer.effectiveExtract() == ExtractRule.REGEX || answer.fallback() == ExtractRule.REGEX;
        String pattern = answer.pattern();
        if (pattern == null || pattern.isEmpty()) {
            if (usesRegex) {
                findings.error(patternPath, "is required when extract or fallback is regex");
            }
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            String near = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
            findings.error(patternPath, "not a valid regular expression: " + e.getDescription() + near);
            return;
        }
        if (!usesRegex) {
            findings.warning(patternPath, "is not used unless extract or fallback is regex");
        }
    }
}
