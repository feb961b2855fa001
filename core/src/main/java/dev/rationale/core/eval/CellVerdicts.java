// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.eval.paired.PairedComparison;
import java.util.BitSet;

/**
 * Which cases one variant graded on one target after the vote (correct or wrong; failed, ungraded and pending
 * cases are not graded) and which of those it got right, a bit per case by the case's number in the plan: what
 * pairing two variants on the same cases needs of a run of any size.
 */
public record CellVerdicts(String variant, String target, BitSet graded, BitSet correct) {

    public CellVerdicts {
        graded = (BitSet) graded.clone();
        correct = (BitSet) correct.clone();
    }

    /** This cell as side A (the baseline) against {@code other} as side B, on the cases both graded. */
    public PairedComparison pairedWith(CellVerdicts other) {
        return PairedComparison.of(graded, correct, other.graded, other.correct);
    }
}
