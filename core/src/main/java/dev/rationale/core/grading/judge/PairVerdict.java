// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a pairwise judge decided about two answers, asked twice with their order swapped.
 *
 * @param outcome which answer won, counted only when both orders agree
 * @param inconsistent whether the two orders disagreed (position bias): then the outcome is a tie
 * @param note the judge's reasons, or why there is no verdict
 * @param asShown the first request: the first answer shown as A
 * @param swapped the second request: the second answer shown as A
 */
public record PairVerdict(Outcome outcome, boolean inconsistent, String note, Round asShown, Round swapped) {

    /** Which of the two answers is better, by both orders. */
    public enum Outcome {
        FIRST, SECOND, TIE,
        /** A request failed or a reply named no winner: no verdict. */
        UNJUDGED;

        /** Lower case, as files and JSON spell it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One of the two requests.
     *
     * @param prompt the judge prompt as sent
     * @param reply the judge's reply as it came
     * @param winner the winner as the judge named it in this order ({@code A}, {@code B} or {@code tie}); null when
     *     the reply named none
     * @param reason the judge's reason, or why there is no winner
     */
    public record Round(String prompt, String reply, @Nullable String winner, String reason) {
    }
}
