// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static dev.rationale.core.exchange.HtmlText.escape;
import static dev.rationale.core.exchange.HtmlText.percent;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.history.CellTally;
import java.util.List;

/**
 * The report's table of accuracy by samples per case: pass@k, maj@k and cons@k of each cell, one row per k. Left
 * out when no cell has more than one sample per case, where all three equal plain accuracy at k = 1.
 */
final class HtmlAtKTable {

    private HtmlAtKTable() {
    }

    static void append(List<CellTally> cells, boolean oneTarget, StringBuilder html) {
        if (cells.stream().noneMatch(cell -> cell.atK().size() > 1)) {
            return;
        }
        html.append("<h2>Accuracy by samples per case</h2>\n<table class=\"grid\">\n<tr><th>Variant</th><th>k</th>"
                + "<th>pass@k</th><th>maj@k</th><th>cons@k</th></tr>\n");
        for (CellTally cell : cells) {
            String name = oneTarget ? cell.variant() : cell.variant() + " · " + cell.target().label();
            for (AtK at : cell.atK()) {
                html.append("<tr><th>").append(escape(name)).append("</th><td>").append(at.k()).append("</td><td>")
                        .append(percent(at.pass())).append("</td><td>").append(percent(at.maj()))
                        .append("</td><td>").append(percent(at.cons())).append("</td></tr>\n");
            }
        }
        html.append("</table>\n<p class=\"label\">Over graded cases. pass@k: at least one of k samples drawn at"
                + " random is correct (unbiased estimate); maj@k: the majority of the first k samples is correct;"
                + " cons@k: the majority of k samples drawn at random is correct, averaged over every draw.</p>\n");
    }
}
