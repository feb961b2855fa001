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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Queries that aggregate a run's completions: counts per grid cell, and two runs side by side. */
final class RunReports {
    private RunReports() {
    }

    /** Counts per variant x target, in the order the cells were first recorded; one group per stored cell. */
    static List<CellTally> cells(Connection connection, String runId) throws SQLException {
        Map<String, List<AtK>> atK = atK(connection, runId);
        List<CellTally> cells = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT k.variant, k.target, k.target_kind, k.model, COUNT(*) AS total,
                       SUM(c.grade = 'correct') AS correct, SUM(c.grade = 'wrong') AS wrong,
                       SUM(c.grade = 'no-answer') AS no_answer, SUM(c.grade = 'ungraded') AS ungraded,
                       SUM(c.grade = 'failed') AS failed
                FROM completion_cells k JOIN completions c ON c.cell = k.id WHERE k.run_id = ?
                GROUP BY k.id
                ORDER BY MIN(c.id)""")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    RunTarget target = new RunTarget(rows.getString("target"),
                            ProviderKind.parse(rows.getString("target_kind")).orElseThrow(),
                            rows.getString("model"));
                    Tally tally = new Tally(rows.getInt("total"), rows.getInt("correct"), rows.getInt("wrong"),
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
     * left out, as {@link AtKScores} expects.
     */
    private static Map<String, List<AtK>> atK(Connection connection, String runId) throws SQLException {
        Map<String, Map<String, List<AtKScores.Sample>>> byCell = new LinkedHashMap<>();
        Set<String> ungraded = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT k.variant, k.target, k.model, c.case_id, c.grade, c.extracted
                FROM completion_cells k JOIN completions c ON c.cell = k.id
                WHERE k.run_id = ? AND c.grade <> 'failed'
                ORDER BY k.variant, k.target, k.model, k.target_kind, c.case_id, c.sample""")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String cell = cellKey(rows.getString("variant"), rows.getString("target"),
                            rows.getString("model"));
                    String caseId = rows.getString("case_id");
                    Verdict grade = CompletionRows.grade(rows.getString("grade"));
                    if (grade == Verdict.UNGRADED) {
                        ungraded.add(cell + '\u0000' + caseId);
                    }
                    byCell.computeIfAbsent(cell, c -> new LinkedHashMap<>())
                            .computeIfAbsent(caseId, c -> new ArrayList<>())
                            .add(sample(grade, rows.getString("extracted")));
                }
            }
        }
        Map<String, List<AtK>> scores = new LinkedHashMap<>();
        byCell.forEach((cell, cases) -> scores.put(cell, AtKScores.of(cases.entrySet().stream()
                .filter(c -> !ungraded.contains(cell + '\u0000' + c.getKey()))
                .map(Map.Entry::getValue).toList())));
        return scores;
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
