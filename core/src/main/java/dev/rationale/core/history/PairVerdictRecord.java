// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.time.Instant;

/**
 * A pairwise judge's verdict on two completions of one run (the same target, case and sample, two variants), kept
 * beside them with both of its exchanges: the first answer shown as A, then the order swapped.
 *
 * @param first the id of the completion shown first as A
 * @param second the id of the other completion
 * @param judge the endpoint and model that judged, {@code endpoint/model}
 * @param outcome {@code first}, {@code second}, {@code tie} or {@code unjudged}
 * @param inconsistent whether the two orders disagreed (then the outcome is a tie)
 * @param note the judge's reasons, or why there is no verdict
 * @param asShownRequest the first judge prompt, {@code first} as A
 * @param asShownReply the judge's reply to it
 * @param swappedRequest the second judge prompt, {@code second} as A
 * @param swappedReply the judge's reply to it
 * @param judgedAt when the verdict was reached
 */
public record PairVerdictRecord(
        long first,
        long second,
        String judge,
        String outcome,
        boolean inconsistent,
        String note,
        String asShownRequest,
        String asShownReply,
        String swappedRequest,
        String swappedReply,
        Instant judgedAt) {
}
