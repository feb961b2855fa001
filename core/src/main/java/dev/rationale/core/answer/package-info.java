// SPDX-License-Identifier: Apache-2.0
/**
 * Reading a final answer out of a completion ({@link dev.rationale.core.answer.AnswerExtractor}), normalising
 * it ({@link dev.rationale.core.answer.AnswerNormalizer}) and grading it against the expected answer
 * ({@link dev.rationale.core.answer.AnswerGrader}).
 */
@NullMarked
package dev.rationale.core.answer;

import org.jspecify.annotations.NullMarked;
