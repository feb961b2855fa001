// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import java.util.Locale;

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
}
