// SPDX-License-Identifier: Apache-2.0
/**
 * Grading beyond matching answers: answer formats that {@link dev.rationale.core.answer.CompareRule#scores score}
 * (chrF, a judge model, executed tests), the scores of a cell, and agreement between graders.
 */
@NullMarked
package dev.rationale.core.grading;

import org.jspecify.annotations.NullMarked;
