// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import org.jspecify.annotations.Nullable;

/**
 * What an evaluation ran over beyond its set, task, variants and targets, so that it can be run again the same way.
 * Runs stored before these were kept (schema 2 and older) have {@link #NONE}: the task's own cases, all of them,
 * each variant's own samples.
 *
 * @param datasetFile the dataset file whose cases were evaluated, as the user gave it; null for the task's cases
 * @param caseLimit only the first this many cases were evaluated; null for all
 * @param samples completions per case for every variant; null when each variant used its own count
 */
public record RunScope(@Nullable String datasetFile, @Nullable Integer caseLimit, @Nullable Integer samples) {

    /** The task's own cases, all of them, each variant's own samples. */
    public static final RunScope NONE = new RunScope(null, null, null);
}
