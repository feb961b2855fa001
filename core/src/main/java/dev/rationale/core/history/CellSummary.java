// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/** A run's completions for one variant on one target, counted by outcome. */
public record CellSummary(String variant, RunTarget target, Tally tally) {
}
