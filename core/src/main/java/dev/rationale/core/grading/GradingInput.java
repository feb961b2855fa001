// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.promptset.TestCase;

/**
 * One answer to grade.
 *
 * @param testCase the case asked, with its inputs (a tests grader reads its tests there) and expected answer
 * @param question what the case asked, as the task's input line renders it, without exemplars: what a judge reads
 * @param completion the completion's answer text, thinking removed
 * @param extracted the answer as the format's extract rule found it, {@link dev.rationale.core.answer.Verdict#UNGRADED
 *     ungraded}; it holds no answer when the rule found none, and then a grader is not called
 */
public record GradingInput(TestCase testCase, String question, String completion, Grade extracted) {
}
