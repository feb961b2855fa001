// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.ProviderKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Queries that aggregate a run's completions: counts per grid cell, and two runs side by side. */
final class RunReports {
    private RunReports() {
    }

    /**
     * Counts per variant x target, in the order the cells were first recorded; one per stored cell, read from the
     * cells' own counts. With {@code withAtK}, pass@k, maj@k and cons@k too, which walks the run once.
     */
    static List<CellTally> cells(Connection connection, String runId, boolean withAtK) throws SQLException {
        Map<String, List<AtK>> atK = withAtK ? atK(connection, runId) : Map.of();
        List<CellTally> cells = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT k.variant, k.target, k.target_kind, "
                + "k.model, " + CellCounts.TALLY_COLUMNS + " FROM completion_cells k"
                + " WHERE k.run_id = ? AND k.recorded > 0 ORDER BY k.id")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RunTarget target = new RunTarget(rows.getString("target"),
                            ProviderKind.parse(rows.getString("target_kind")).orElseThrow(),
                            rows.getString("model"));
                    Tally tally = new Tally(rows.getInt("recorded"), rows.getInt("correct"), rows.getInt("wrong"),
                            rows.getInt("no_answer"), rows.getInt("ungraded"), rows.getInt("failed"));
                    cells.add(new CellTally(rows.getString("variant"), target, tally,
                            atK.getOrDefault(cellKey(rows.getString("variant"), rows.getString("target"),
                                    rows.getString("model")), List.of())));
                }
            }
        }
        return cells;
    }

    /**
     * pass@k, maj@k and cons@k per cell, keyed by {@link #cellKey}. The history keeps verdicts and extracted
     * answers but not the task's compare rule, so samples are grouped by answer this way: every correct sample is
     * one answer (each matched the expected one), a wrong one is its extracted text stripped and lower-cased, and
     * one without an answer is none. A case counts when it was graded (no sample ungraded); failed samples are
     * left out, as {@link AtKScores} expects. The run is walked in grid order, where a case's samples come
     * together, so only one case is held at a time.
     */
    private static Map<String, List<AtK>> atK(Connection connection, String runId) throws SQLException {
        Map<String, CellAtK> byCell = new LinkedHashMap<>();
        try (GridCursor cursor = new GridCursor(connection, runId)) {
            GridPosition.Cell cursorCell = null;
            String cell = null;
            String caseId = null;
            boolean ungraded = false;
            List<AtKScores.Sample> samples = new ArrayList<>();
            for (GridPosition at = cursor.next(); at != null; at = cursor.next()) {
                Verdict grade = CompletionRows.grade(at.grade());
                if (grade == Verdict.FAILED) {
                    continue;
                }
                if (at.cell() != cursorCell || !at.caseId().equals(caseId)) {
                    addCase(byCell, cell, ungraded, samples);
                    cursorCell = at.cell();
                    cell = cellKey(cursorCell.variant(), cursorCell.target(), cursorCell.model());
                    caseId = at.caseId();
                    ungraded = false;
                    samples = new ArrayList<>();
                }
                ungraded |= grade == Verdict.UNGRADED;
                samples.add(sample(grade, at.extracted()));
            }
            addCase(byCell, cell, ungraded, samples);
        }
        Map<String, List<AtK>> scores = new LinkedHashMap<>();
        byCell.forEach((cell, figures) -> scores.put(cell, figures.scores()));
        return scores;
    }

    private static void addCase(Map<String, CellAtK> byCell, @Nullable String cell, boolean ungraded,
            List<AtKScores.Sample> samples) {
        if (cell != null) {
            CellAtK figures = byCell.computeIfAbsent(cell, c -> new CellAtK());
            if (!ungraded) {
                figures.add(samples);
            }
        }
    }

    private static AtKScores.Sample sample(Verdict grade, @Nullable String extracted) {
        if (grade == Verdict.CORRECT) {
            return new AtKScores.Sample("", true);
        }
        boolean answered = grade == Verdict.WRONG && extracted != null && !extracted.isBlank();
        // A leading space keeps a wrong answer apart from the correct one's empty key.
        return new AtKScores.Sample(answered ? " " + extracted.strip().toLowerCase(Locale.ROOT) : null, false);
    }

    private static String cellKey(String variant, String target, String model) {
        return variant + '\u0000' + target + '\u0000' + model;
    }

    /**
     * Hands {@code action} each grid position of either run with its grade in both, in grid order. Positions match
     * on variant, target endpoint, its kind, model, case and sample, so comparing a rerun of the same grid lines up
     * case by case (and two models on one endpoint stay apart). Both runs are read at once from two forward
     * cursors in the same order and merged, so memory stays flat however large the runs.
     */
    static void compare(Connection connection, String runA, String runB, Consumer<CaseComparison> action)
            throws SQLException {
        try (GridCursor cursorA = new GridCursor(connection, runA);
                GridCursor cursorB = new GridCursor(connection, runB)) {
            GridPosition a = cursorA.next();
            GridPosition b = cursorB.next();
            while (a != null || b != null) {
                int order = a == null ? 1 : b == null ? -1 : a.compareTo(b);
                GridPosition at = order <= 0 ? a : b;
                action.accept(new CaseComparison(at.cell().variant(), at.cell().target(), at.cell().model(),
                        at.caseId(), at.sample(), order <= 0 ? grade(a.grade()) : null,
                        order >= 0 ? grade(b.grade()) : null));
                a = order <= 0 ? cursorA.next() : a;
                b = order >= 0 ? cursorB.next() : b;
            }
        }
    }

    private static @Nullable Verdict grade(@Nullable String id) {
        return id == null ? null : CompletionRows.grade(id);
    }
}
