// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.AnswerFormat;
import org.jspecify.annotations.Nullable;

/** The grader an answer format needs beyond matching answers. */
public final class Graders {
    private Graders() {
    }

    /** The format's grader, or null when its compare rule does not {@link
     * dev.rationale.core.answer.CompareRule#scores score}. */
    public static @Nullable Grader of(AnswerFormat format, GradingContext context) {
        return switch (format.effectiveCompare()) {
            case CHRF -> ChrfGrader.of(format);
            case JUDGE -> context.judge(format);
            case TESTS -> context.tests(format);
            default -> null;
        };
    }
}
