// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.grading.ScoreSummary;

/** The scores of one variant x target of a run whose answer format scores, from its kept gradings. */
public record RunCellScores(String variant, RunTarget target, ScoreSummary scores) {
}
