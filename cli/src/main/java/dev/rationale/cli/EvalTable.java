// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalReport;
import dev.rationale.core.eval.EvalTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary table of {@code rationale eval}: one row per variant and model, columns padded to fit. */
final class EvalTable {
    private static final List<String> HEADER = List.of("variant", "model", "accuracy", "95% interval", "correct",
            "wrong", "failed");

    private EvalTable() {
    }

    static void print(EvalPlan plan, EvalReport report, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CellMetrics cell : report.cells()) {
            rows.add(List.of(cell.variant(), model(plan, cell.target()),
                    cell.accuracy() == null ? "-" : percent(cell.accuracy()),
                    cell.accuracy() == null ? "-"
                            : "[" + percent(cell.interval().low()) + ", " + percent(cell.interval().high()) + "]",
                    String.valueOf(cell.correct()), String.valueOf(cell.wrong()), String.valueOf(cell.failed())));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String model(EvalPlan plan, String targetId) {
        return plan.targets().stream().filter(t -> t.id().equals(targetId)).map(EvalTarget::model).findFirst()
                .orElse(targetId);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
