// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.analysis.AtK;
import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.ProviderKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Queries that aggregate a run's completions: counts per grid cell, and two runs side by side. */
final class RunReports {
    private RunReports() {
    }

    /**
     * Counts per variant x target, in the order the cells were first recorded; one per stored cell, read from the
     * cells' own counts. With {@code withAtK}, pass@k, maj@k and cons@k too: from the counts for a cell whose every
     * case has one completion, else from a walk over the cell.
     */
    static List<CellTally> cells(Connection connection, String runId, boolean withAtK) throws SQLException {
        List<CountedCell> counted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT k.id, k.variant, k.target, "
                + "k.target_kind, k.model, " + CellCounts.TALLY_COLUMNS + ", " + CellBills.SUM_COLUMNS
                + " FROM completion_cells k"
                + " WHERE k.run_id = ? AND k.recorded > 0 ORDER BY k.id")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RunTarget target = new RunTarget(rows.getString("target"),
                            ProviderKind.parse(rows.getString("target_kind")).orElseThrow(),
                            rows.getString("model"));
                    Tally tally = new Tally(rows.getInt("recorded"), rows.getInt("correct"), rows.getInt("wrong"),
                            rows.getInt("no_answer"), rows.getInt("ungraded"), rows.getInt("failed"));
                    // The sums follow the id, the cell's names (4) and its tally's 7 columns.
                    TokenTotals[] tokens = CellBills.read(rows, 13);
                    counted.add(new CountedCell(rows.getLong("id"), rows.getString("variant"), target, tally,
                            rows.getInt("repeated") == 0, tokens[0], tokens[1]));
                }
            }
        }
        Set<Long> walked = new HashSet<>();
        counted.stream().filter(cell -> withAtK && !cell.oneEach()).forEach(cell -> walked.add(cell.id()));
        Map<Long, List<AtK>> atK = walked.isEmpty() ? Map.of() : atK(connection, runId, walked);
        return counted.stream().map(cell -> new CellTally(cell.variant(), cell.target(), cell.tally(),
                !withAtK ? List.of() : cell.oneEach() ? oneEach(cell.tally()) : atK.getOrDefault(cell.id(),
                        List.of()), cell.liveTokens(), cell.batchTokens())).toList();
    }

    private record CountedCell(long id, String variant, RunTarget target, Tally tally, boolean oneEach,
            TokenTotals liveTokens, TokenTotals batchTokens) {
    }

    /**
     * What {@link AtKScores#of} gives when every case has one completion: pass@1, maj@1 and cons@1 are each case's
     * verdict, so all three are the share of graded cases that are correct (failed and ungraded ones left out).
     */
    private static List<AtK> oneEach(Tally tally) {
        if (tally.graded() == 0) {
            return List.of();
        }
        double correct = (double) tally.correct() / tally.graded();
        return List.of(new AtK(1, correct, correct, correct));
    }

    /**
     * pass@k, maj@k and cons@k of the {@code walked} cells, by cell id. The history keeps verdicts and extracted
     * answers but not the task's compare rule, so samples are grouped by answer this way: every correct sample is
     * one answer (each matched the expected one), a wrong one is its extracted text stripped and lower-cased, and
     * one without an answer is none. A case counts when it was graded (no sample ungraded); failed samples are
     * left out, as {@link AtKScores} expects. The cells are walked in grid order, where a case's samples come
     * together, so only one case is held at a time.
     */
    private static Map<Long, List<AtK>> atK(Connection connection, String runId, Set<Long> walked)
            throws SQLException {
        Map<Long, CellAtK> byCell = new LinkedHashMap<>();
        try (GridCursor cursor = new GridCursor(connection, runId, walked)) {
            GridPosition.Cell cell = null;
            String caseId = null;
            boolean ungraded = false;
            List<AtKScores.Sample> samples = new ArrayList<>();
            for (GridPosition at = cursor.next(); at != null; at = cursor.next()) {
                Verdict grade = CompletionRows.grade(at.grade());
                if (grade == Verdict.FAILED) {
                    continue;
                }
                if (at.cell() != cell || !at.caseId().equals(caseId)) {
                    addCase(byCell, cell, ungraded, samples);
                    cell = at.cell();
                    caseId = at.caseId();
                    ungraded = false;
                    samples = new ArrayList<>();
                }
                ungraded |= grade == Verdict.UNGRADED;
                samples.add(sample(grade, at.extracted()));
            }
            addCase(byCell, cell, ungraded, samples);
        }
        Map<Long, List<AtK>> scores = new LinkedHashMap<>();
        byCell.forEach((cell, figures) -> scores.put(cell, figures.scores()));
        return scores;
    }

    private static void addCase(Map<Long, CellAtK> byCell, GridPosition.@Nullable Cell cell, boolean ungraded,
            List<AtKScores.Sample> samples) {
        if (cell != null) {
            CellAtK figures = byCell.computeIfAbsent(cell.id(), c -> new CellAtK());
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
