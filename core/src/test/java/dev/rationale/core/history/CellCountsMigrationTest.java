// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 6 on a database the previous release (schema 5) wrote: every cell counts what it already held. */
class CellCountsMigrationTest {
    private static final Verdict[] GRADES = Verdict.values();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("history.db");
    }

    // Run "old" has 2 variants x 2 targets x 7 cases, the grades cycling through every verdict.
    private static List<CompletionRecord> records(String run) {
        List<CompletionRecord> records = new ArrayList<>();
        int n = 0;
        for (String variant : List.of("zero-shot", "cot")) {
            for (RunTarget target : List.of(HistoryFixtures.OLLAMA, HistoryFixtures.OPENAI)) {
                for (int c = 0; c < 7; c++) {
                    records.add(HistoryFixtures.completion(HistoryFixtures.key(run, variant, target, "case-" + c, 0),
                            GRADES[(n * 3 + c) % GRADES.length], Instant.ofEpochMilli(1_000L + n)));
                    n++;
                }
            }
        }
        return records;
    }

    private static long count(List<CompletionRecord> records, String variant, RunTarget target, Verdict grade) {
        return records.stream().filter(r -> r.key().variant().equals(variant) && r.key().target().equals(target)
                && (grade == null || r.grade() == grade)).count();
    }

    @Test
    void aSchemaFiveDatabaseGetsCountsPerCellThatTheTriggersThenKeep() throws Exception {
        List<CompletionRecord> old = records("old");
        try (HistoryStore store = HistoryStore.openFile(file(), Migrations.HISTORY.upTo(5))) {
            store.startRun(HistoryFixtures.arithmetic("old"));
            // A second sample of one case: the one completion its cell holds beyond one per case.
            old.add(HistoryFixtures.completion(HistoryFixtures.key("old", "cot", HistoryFixtures.OPENAI, "case-3", 1),
                    Verdict.CORRECT, Instant.ofEpochMilli(9_000)));
            store.recordAll(old);
        }

        try (HistoryStore store = HistoryStore.openFile(file())) {
            for (CellTally cell : store.cellTallies("old")) {
                Tally tally = cell.tally();
                assertThat(tally.total()).isEqualTo(count(old, cell.variant(), cell.target(), null));
                assertThat(List.of(tally.correct(), tally.wrong(), tally.noAnswer(), tally.ungraded(),
                        tally.failed())).isEqualTo(List.of(GRADES).stream()
                        .map(grade -> (int) count(old, cell.variant(), cell.target(), grade)).toList());
            }
            for (Verdict grade : GRADES) {
                assertThat(store.completions(CompletionFilter.of("old").withGrade(grade)).total()).as(grade.id())
                        .isEqualTo(old.stream().filter(r -> r.grade() == grade).count());
            }
            assertThat(repeated("old")).containsExactly(0, 0, 0, 1);
            // New completions and deleted runs keep the counts right from now on.
            List<CompletionRecord> added = records("new");
            store.startRun(HistoryFixtures.arithmetic("new"));
            store.recordAll(added.subList(0, 10));
            store.record(added.get(10));
            store.record(HistoryFixtures.completion(HistoryFixtures.key("new", "zero-shot", HistoryFixtures.OLLAMA,
                    "case-2", 1), Verdict.WRONG, Instant.ofEpochMilli(9_500)));
            assertThat(repeated("new")).containsExactly(1, 0);
            assertThat(store.deleteRun("new")).isTrue();
            store.startRun(HistoryFixtures.arithmetic("new"));
            store.recordAll(added.subList(0, 10));
            store.record(added.get(10));
            assertThat(store.cellTallies("new")).extracting(cell -> cell.tally().total()).containsExactly(7, 4);
            assertThat(store.completions(CompletionFilter.of("new").withGrade(added.get(10).grade())).total())
                    .isEqualTo(added.subList(0, 11).stream().filter(r -> r.grade() == added.get(10).grade()).count());
            assertThat(store.deleteRun("old")).isTrue();
        }
        try (Connection connection = connection(); Statement sql = connection.createStatement();
                ResultSet left = sql.executeQuery("SELECT COUNT(*), SUM(recorded), SUM(repeated)"
                        + " FROM completion_cells")) {
            assertThat(left.getInt(3)).as("the new run's cells hold one completion per case").isZero();
            assertThat(Migrations.userVersion(connection)).isEqualTo(Migrations.HISTORY.latest());
            assertThat(left.getInt(1)).isEqualTo(2);
            assertThat(left.getInt(2)).isEqualTo(11);
        }
    }

    // Each cell's completions beyond the first of their case, in the order the cells were made.
    private List<Integer> repeated(String run) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection connection = connection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT repeated FROM completion_cells WHERE run_id = '" + run
                        + "' ORDER BY id")) {
            while (rows.next()) {
                counts.add(rows.getInt(1));
            }
        }
        return counts;
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }
}
