// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.TestCase;
import org.jspecify.annotations.Nullable;

/**
 * One answer to grade.
 *
 * @param testCase the case asked, with its inputs (a tests grader reads its tests there) and expected answer
 * @param question what the case asked, as the task's input line renders it, without exemplars: what a judge reads
 * @param completion the completion's answer text, thinking removed
 * @param extracted the answer as the format's extract rule found it, {@link dev.rationale.core.answer.Verdict#UNGRADED
 *     ungraded}; it holds no answer when the rule found none, and then a grader is not called
 * @param endpoint the endpoint that answered, which judges when the format names no judge endpoint; null when not
 *     known (then such a judge cannot grade)
 * @param model the model that answered on {@code endpoint}; null when not known
 */
public record GradingInput(TestCase testCase, String question, String completion, Grade extracted,
        @Nullable Endpoint endpoint, @Nullable String model) {

    /** An answer whose endpoint is not known. */
    public GradingInput(TestCase testCase, String question, String completion, Grade extracted) {
        this(testCase, question, completion, extracted, null, null);
    }
}
