// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import org.jspecify.annotations.Nullable;

/**
 * One grid position (variant, target endpoint, case, sample) in two runs: its grade in each, null where that run
 * has no completion there.
 */
public record CaseComparison(String variant, String target, String caseId, int sample, @Nullable Outcome inA,
        @Nullable Outcome inB) {

    /** Whether the two runs disagree here, including a position only one of them has. */
    public boolean changed() {
        return inA != inB;
    }
}
