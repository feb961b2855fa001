// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.util.Locale;

/** Text made safe for HTML and SVG element content and quoted attribute values. */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A 0..1 share as a percentage with one decimal, e.g. {@code 87.5%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A coordinate or length for SVG, with at most one decimal and a dot whatever the locale. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
