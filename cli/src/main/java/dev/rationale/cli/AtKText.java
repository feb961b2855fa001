// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.analysis.AtK;
import java.util.List;
import java.util.Locale;

/** pass@k, maj@k and cons@k of a cell in one short column: at the largest k, after pass@1. */
final class AtKText {

    private AtKText() {
    }

    /** E.g. "pass@1 40% · k=4: pass 90% maj 80% cons 78%"; "-" with one sample per case or none graded. */
    static String of(List<AtK> atK) {
        if (atK.size() < 2) {
            return "-";
        }
        AtK top = atK.getLast();
        return "pass@1 " + percent(atK.getFirst().pass()) + " · k=" + top.k() + ": pass " + percent(top.pass())
                + " maj " + percent(top.maj()) + " cons " + percent(top.cons());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
