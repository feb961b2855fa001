// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of grading one completion against an expected answer.
 *
 * @param verdict whether the answer was right, wrong, missing or not graded; never {@link Verdict#FAILED}
 * @param extracted the answer as found in the completion; null when nothing was found
 * @param normalized the extracted answer in the compare rule's canonical form; null when nothing was found
 */
public record Grade(Verdict verdict, @Nullable String extracted, @Nullable String normalized) {
}
