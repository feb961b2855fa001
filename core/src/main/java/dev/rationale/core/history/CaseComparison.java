// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * One grid position (variant, target endpoint and model, case, sample) in two runs: its grade in each, null where
 * that run has no completion there.
 *
 * @param target the target's endpoint name
 */
public record CaseComparison(String variant, String target, String model, String caseId, int sample,
        @Nullable Verdict inA, @Nullable Verdict inB) {

    /** Whether the two runs disagree here, including a position only one of them has. */
    public boolean changed() {
        return inA != inB;
    }
}
