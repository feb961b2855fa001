// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The counts each row of {@code completion_cells} keeps of its completions, in all and per grade: what a page of a
 * large run needs to say how many match without counting them. Triggers keep them as completions come and go.
 */
final class CellCounts {
    /** The statements of migration 6: the columns, the counts of what is stored, the triggers, the grade index. */
    static final List<String> MIGRATION = List.of(
            "ALTER TABLE completion_cells ADD COLUMN recorded INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN correct INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN wrong INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN no_answer INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN ungraded INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN failed INTEGER NOT NULL DEFAULT 0",
            // Completions beyond the first of their case: while none, every case has one, and pass@k needs no walk.
            "ALTER TABLE completion_cells ADD COLUMN repeated INTEGER NOT NULL DEFAULT 0",
            """
            UPDATE completion_cells SET (recorded, correct, wrong, no_answer, ungraded, failed, repeated) = (
                SELECT COUNT(*), TOTAL(grade = 'correct'), TOTAL(grade = 'wrong'), TOTAL(grade = 'no-answer'),
                       TOTAL(grade = 'ungraded'), TOTAL(grade = 'failed'), COUNT(*) - COUNT(DISTINCT case_id)
                FROM completions c WHERE c.cell = completion_cells.id)""",
            """
            CREATE TRIGGER completions_counted AFTER INSERT ON completions BEGIN
                UPDATE completion_cells SET recorded = recorded + 1, correct = correct + (NEW.grade = 'correct'),
                    wrong = wrong + (NEW.grade = 'wrong'), no_answer = no_answer + (NEW.grade = 'no-answer'),
                    ungraded = ungraded + (NEW.grade = 'ungraded'), failed = failed + (NEW.grade = 'failed'),
                    repeated = repeated + EXISTS (SELECT 1 FROM completions c
                        WHERE c.cell = NEW.cell AND c.case_id = NEW.case_id AND c.id <> NEW.id)
                WHERE id = NEW.cell;
            END""",
            """
            CREATE TRIGGER completions_uncounted AFTER DELETE ON completions BEGIN
                UPDATE completion_cells SET recorded = recorded - 1, correct = correct - (OLD.grade = 'correct'),
                    wrong = wrong - (OLD.grade = 'wrong'), no_answer = no_answer - (OLD.grade = 'no-answer'),
                    ungraded = ungraded - (OLD.grade = 'ungraded'), failed = failed - (OLD.grade = 'failed'),
                    repeated = repeated - EXISTS (SELECT 1 FROM completions c
                        WHERE c.cell = OLD.cell AND c.case_id = OLD.case_id)
                WHERE id = OLD.cell;
            END""",
            "CREATE INDEX completions_by_grade ON completions(cell, grade, case_id, sample)");

    /** The columns of a cell's tally, in {@link Tally}'s order, then how many completions share a case. */
    static final String TALLY_COLUMNS = "k.recorded, k.correct, k.wrong, k.no_answer, k.ungraded, k.failed, "
            + "k.repeated";

    private CellCounts() {
    }

    /** The column that counts {@code grade}'s completions; all of them for null. */
    static String column(@Nullable Verdict grade) {
        if (grade == null) {
            return "recorded";
        }
        return switch (grade) {
            case CORRECT -> "correct";
            case WRONG -> "wrong";
            case NO_ANSWER -> "no_answer";
            case UNGRADED -> "ungraded";
            case FAILED -> "failed";
        };
    }
}
