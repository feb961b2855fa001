// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Dollar amounts as every screen, table and report writes them. */
public final class CostText {
    /** What stands where a model has no price. */
    public static final String UNKNOWN = "—";

    private CostText() {
    }

    /**
     * {@code $0}, {@code $0.00042} (small amounts keep two significant digits, since a completion often costs less
     * than a cent), {@code $0.12}, {@code $1,234.50}.
     */
    public static String usd(double dollars) {
        if (dollars == 0) {
            return "$0";
        }
        if (dollars >= 0.01) {
            return String.format(Locale.ROOT, "$%,.2f", dollars);
        }
        int decimals = Math.min(8, 1 - (int) Math.floor(Math.log10(dollars)));
        return String.format(Locale.ROOT, "$%." + decimals + "f", dollars);
    }

    /**
     * A run's cost line: the total of its priced cells, that it comes from the reported usage, the day the prices
     * were checked, and what has no price.
     */
    public static String total(double dollars, String checked, List<String> unpriced) {
        StringBuilder text = new StringBuilder("cost: ").append(usd(dollars))
                .append(" from the reported usage at the prices checked ").append(checked);
        if (!unpriced.isEmpty()) {
            text.append("; no price for ").append(String.join(", ", unpriced));
        }
        return text.toString();
    }

    /**
     * One completion's cost line, e.g. "cost $0.00042 at the prices checked 2026-12-07", or a dash and why when
     * the model has no price.
     */
    public static String completion(Optional<ModelPrice> price, TokenTotals tokens, boolean batch, String checked) {
        if (price.isEmpty()) {
            return "cost " + UNKNOWN + " (no price for this model; add it to prices.json)";
        }
        return "cost " + usd(price.get().cost(tokens, batch)) + (batch ? " at the batch price" : "")
                + " at the prices checked " + checked;
    }
}
