// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.UserDialogs;
import dev.rationale.core.cost.CostText;
import dev.rationale.core.cost.EstimateText;
import dev.rationale.core.cost.EvalEstimate;

/**
 * Asks whether an evaluation estimated above the user's limit should start. Called on the FX thread, before
 * anything is sent.
 */
@FunctionalInterface
public interface CostConfirmation {

    /** Never asks: every evaluation starts (for tests of other things). */
    CostConfirmation NEVER_ASK = (estimate, limit) -> true;

    /** True to start. */
    boolean proceed(EvalEstimate estimate, double limit);

    /** Asks in a dialog that shows the estimate line by line and the limit it is above. */
    static CostConfirmation askingWith(UserDialogs dialogs) {
        return (estimate, limit) -> dialogs.confirm("Start this evaluation?", String.join("\n",
                EstimateText.lines(estimate)) + "\n\nThis is above your limit of " + CostText.usd(limit)
                + " (confirmAbove in prices.json). Start it?");
    }
}
