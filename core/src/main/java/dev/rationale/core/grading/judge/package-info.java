// SPDX-License-Identifier: Apache-2.0
/**
 * The judge: a model that grades an answer by criteria on a scale ({@link JudgeGrader}), or picks the better of two
 * variants' answers, asked in both orders ({@link PairwiseJudge}). Its prompts are ours and editable
 * ({@link JudgePrompts}); its replies are JSON, asked for with the backend's structured output where it has one and
 * read leniently ({@link JsonReplies}); a reply that cannot be read is a failed grade, never a pass.
 */
@NullMarked
package dev.rationale.core.grading.judge;

import org.jspecify.annotations.NullMarked;
