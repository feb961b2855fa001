// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import dev.rationale.core.eval.CaseIdOrder;
import java.util.Comparator;

/**
 * The order of a table column whose cells show figures as text ("9", "100.0%", "+3.0 points", "−2.0 points",
 * "[40.0%, 60.0%]", "–"): a text that starts with a number sorts by that number, below every text that does not
 * (a dash for "nothing" goes last when sorting up); ties and texts without a number go in natural order
 * ({@link CaseIdOrder}), which also orders names such as "cot-2" before "cot-10". Sorting the text itself put
 * "100.0%" before "50.0%" and "10" before "9".
 */
public final class FigureOrder implements Comparator<String> {
    public static final FigureOrder INSTANCE = new FigureOrder();

    private FigureOrder() {
    }

    @Override
    public int compare(String a, String b) {
        double x = leadingNumber(a);
        double y = leadingNumber(b);
        boolean hasX = !Double.isNaN(x);
        boolean hasY = !Double.isNaN(y);
        if (hasX != hasY) {
            return hasX ? -1 : 1;
        }
        int order = hasX ? Double.compare(x, y) : 0;
        return order != 0 ? order : CaseIdOrder.NATURAL.compare(a, b);
    }

    /** The number a text starts with (after an opening bracket), with its sign; NaN when it starts with none. */
    static double leadingNumber(String text) {
        int i = 0;
        if (i < text.length() && (text.charAt(i) == '[' || text.charAt(i) == '(')) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && "+-\u2212\u00b1".indexOf(text.charAt(i)) >= 0) {
            negative = text.charAt(i) == '-' || text.charAt(i) == '\u2212';
            i++;
        }
        int start = i;
        while (i < text.length() && (isDigit(text.charAt(i))
                || text.charAt(i) == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1)))) {
            i++;
        }
        if (i == start) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text.substring(start, i));
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
