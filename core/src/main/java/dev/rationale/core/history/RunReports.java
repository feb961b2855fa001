// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Queries that aggregate a run's completions: counts per grid cell, and two runs side by side. */
final class RunReports {
    private RunReports() {
    }

    /**
     * Counts per variant x target, in the order the cells were first recorded; one group per stored cell. One walk
     * over the run in grid order, which SQLite reads from its indexes without sorting, a case at a time: memory
     * holds one case and the sums, not the run.
     */
    static List<CellTally> cells(Connection connection, String runId) throws SQLException {
        Map<Long, StoredCell> cells = storedCells(connection, runId);
        Map<String, AtKScores.Accumulator> atK = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.cell, c.id, c.case_id, c.grade, CASE WHEN c.grade = 'wrong' THEN c.extracted END
                FROM completion_cells k JOIN completions c ON c.cell = k.id WHERE k.run_id = ?
                ORDER BY k.variant, k.target, k.target_kind, k.model, c.case_id, c.sample""")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                CaseSamples current = null;
                while (rows.next()) {
                    StoredCell cell = cells.get(rows.getLong(1));
                    Verdict grade = CompletionRows.grade(rows.getString(4));
                    cell.count(rows.getLong(2), grade);
                    String caseId = rows.getString(3);
                    if (current == null || !current.cell.equals(cell.key) || !current.caseId.equals(caseId)) {
                        addTo(atK, current);
                        current = new CaseSamples(cell.key, caseId);
                    }
                    current.add(grade, rows.getString(5));
                }
                addTo(atK, current);
            }
        }
        return cells.values().stream().filter(cell -> cell.tally.total() > 0)
                .sorted(Comparator.comparingLong(cell -> cell.firstId))
                .map(cell -> new CellTally(cell.variant, cell.target, cell.tally,
                        atK.containsKey(cell.key) ? atK.get(cell.key).scores() : List.of()))
                .toList();
    }

    /** A cell of the run, and its counts so far. */
    private static final class StoredCell {
        final String variant;
        final RunTarget target;
        // Cells that differ only by the endpoint's kind (one endpoint name, two protocols: not made by a run
        // today) share one set of pass@k figures, as they always have.
        final String key;
        Tally tally = Tally.ZERO;
        long firstId = Long.MAX_VALUE;

        StoredCell(String variant, RunTarget target) {
            this.variant = variant;
            this.target = target;
            this.key = cellKey(variant, target.endpoint(), target.model());
        }

        void count(long id, Verdict grade) {
            tally = tally.plus(grade);
            firstId = Math.min(firstId, id);
        }
    }

    /**
     * One case's samples in one cell, for pass@k, maj@k and cons@k. The history keeps verdicts and extracted
     * answers but not the task's compare rule, so samples are grouped by answer this way: every correct sample is
     * one answer (each matched the expected one), a wrong one is its extracted text stripped and lower-cased, and
     * one without an answer is none. A case counts when it was graded (no sample ungraded); failed samples are
     * left out, as {@link AtKScores} expects.
     */
    private static final class CaseSamples {
        final String cell;
        final String caseId;
        final List<AtKScores.Sample> samples = new ArrayList<>(1);
        boolean ungraded;

        CaseSamples(String cell, String caseId) {
            this.cell = cell;
            this.caseId = caseId;
        }

        void add(Verdict grade, @Nullable String extracted) {
            if (grade != Verdict.FAILED) {
                ungraded |= grade == Verdict.UNGRADED;
                samples.add(sample(grade, extracted));
            }
        }
    }

    private static void addTo(Map<String, AtKScores.Accumulator> byCell, @Nullable CaseSamples done) {
        if (done != null && !done.samples.isEmpty()) {
            AtKScores.Accumulator cell = byCell.computeIfAbsent(done.cell, c -> new AtKScores.Accumulator());
            if (!done.ungraded) {
                cell.add(done.samples);
            }
        }
    }

    private static Map<Long, StoredCell> storedCells(Connection connection, String runId) throws SQLException {
        Map<Long, StoredCell> cells = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, variant, target, target_kind, model FROM completion_cells WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cells.put(rows.getLong(1), new StoredCell(rows.getString(2), new RunTarget(rows.getString(3),
                            CompletionRows.kind(rows.getString(4)), rows.getString(5))));
                }
            }
        }
        return cells;
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
     * Each grid position of either run with its grade in both. Positions match on variant, target endpoint, model,
     * case and sample, so comparing a rerun of the same grid lines up case by case (and two models on one endpoint
     * stay apart).
     */
    static List<CaseComparison> compare(Connection connection, String runA, String runB) throws SQLException {
        List<CaseComparison> comparisons = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                WITH a AS (SELECT k.variant, k.target, k.model, c.case_id, c.sample, c.grade
                           FROM completion_cells k JOIN completions c ON c.cell = k.id WHERE k.run_id = ?),
                     b AS (SELECT k.variant, k.target, k.model, c.case_id, c.sample, c.grade
                           FROM completion_cells k JOIN completions c ON c.cell = k.id WHERE k.run_id = ?)
                SELECT COALESCE(a.variant, b.variant) AS variant, COALESCE(a.target, b.target) AS target,
                       COALESCE(a.model, b.model) AS model, COALESCE(a.case_id, b.case_id) AS case_id,
                       COALESCE(a.sample, b.sample) AS sample, a.grade AS grade_a, b.grade AS grade_b
                FROM a FULL OUTER JOIN b
                  ON a.variant = b.variant AND a.target = b.target AND a.model = b.model
                     AND a.case_id = b.case_id AND a.sample = b.sample
                ORDER BY variant, target, model, case_id, sample""")) {
            select.setString(1, runA);
            select.setString(2, runB);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    comparisons.add(new CaseComparison(rows.getString("variant"), rows.getString("target"),
                            rows.getString("model"), rows.getString("case_id"), rows.getInt("sample"),
                            grade(rows.getString("grade_a")), grade(rows.getString("grade_b"))));
                }
            }
        }
        return comparisons;
    }

    private static @Nullable Verdict grade(@Nullable String id) {
        return id == null ? null : CompletionRows.grade(id);
    }
}
