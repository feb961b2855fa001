// SPDX-License-Identifier: Apache-2.0
/**
 * What runs cost. {@link dev.rationale.core.cost.PriceTable} is the shipped price list (a dated data file) with the
 * user's overrides merged over it; {@link dev.rationale.core.cost.ModelPrice} turns token counts
 * ({@link dev.rationale.core.cost.TokenTotals}) into dollars; {@link dev.rationale.core.cost.EvalEstimate} says what an
 * evaluation will send and cost before it starts. Costs are computed when shown, from the tokens a run stored and
 * the table in force then; no dollar figure is stored.
 */
@NullMarked
package dev.rationale.core.cost;

import org.jspecify.annotations.NullMarked;
