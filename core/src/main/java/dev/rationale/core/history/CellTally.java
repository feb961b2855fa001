// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/**
 * A run's stored completions for one variant on one target, counted by verdict: every sample counts once, as the
 * history keeps it. Not the evaluation's {@code CellMetrics} (built by {@code eval.CellSummary}), which counts
 * cases after the vote over their samples and adds intervals, calibration and latency; a cell's tally and its
 * metrics differ whenever a case has more than one sample.
 */
public record CellTally(String variant, RunTarget target, Tally tally) {
}
