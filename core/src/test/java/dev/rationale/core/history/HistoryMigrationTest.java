// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.Timings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryMigrationTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("history.db");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    /** A database as the first schema left it, with one run and one completion written by plain SQL. */
    private void createVersionOneFixture() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            Migrations.HISTORY.upTo(1).apply(connection);
            sql.execute("INSERT INTO runs (id, kind, status, started_at, variants, targets, settings, app_version, "
                    + "planned, recorded, correct) VALUES ('old', 'evaluation', 'completed', 1000, '[\"v\"]', "
                    + "'[{\"endpoint\":\"e\",\"kind\":\"ollama\",\"model\":\"m\"}]', '{}', '0.0.9', 1, 1, 1)");
            sql.execute("INSERT INTO completions (run_id, variant, target, target_kind, model, case_id, sample, "
                    + "request, response, reasoning, tokens, grade, created_at) VALUES ('old', 'v', 'e', 'ollama', "
                    + "'m', 'c1', 0, '{\"model\":\"m\",\"prompt\":{\"shape\":\"text\",\"prompt\":\"1+1=\"},"
                    + "\"stop\":[],\"logprobs\":false,\"samples\":1,\"promptLogprobs\":false}', '2', '', '[]', "
                    + "'correct', 2000)");
        }
    }

    private List<String> indexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                        + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private int version() throws SQLException {
        try (Connection connection = connect()) {
            return Migrations.userVersion(connection);
        }
    }

    @Test
    void aNewDatabaseGetsTheWholeSchema() throws Exception {
        try (HistoryStore store = HistoryStore.openFile(file())) {
            assertThat(store.runs(RunFilter.all()).total()).isZero();
        }

        assertThat(version()).isEqualTo(Migrations.HISTORY.latest()).isGreaterThan(1);
        assertThat(indexes()).containsExactly("completions_by_cell", "completions_by_grade", "pair_verdicts_second",
                "runs_by_start");
    }

    @Test
    void aVersionOneDatabaseIsMigratedAndKeepsItsRows() throws Exception {
        createVersionOneFixture();
        assertThat(version()).isEqualTo(1);
        assertThat(indexes()).isEmpty();

        try (HistoryStore store = HistoryStore.openFile(file())) {
            Run old = store.run("old").orElseThrow();
            assertThat(old.appVersion()).isEqualTo("0.0.9");
            assertThat(old.tally().correct()).isEqualTo(1);
            CompletionRow row = store.completions(CompletionFilter.of("old")).items().getFirst();
            assertThat(row.key().caseId()).isEqualTo("c1");
            assertThat(store.completion(row.id()).orElseThrow().record().request().model()).isEqualTo("m");
        }

        assertThat(version()).isEqualTo(Migrations.HISTORY.latest());
        assertThat(indexes()).containsExactly("completions_by_cell", "completions_by_grade", "pair_verdicts_second",
                "runs_by_start");
    }

    @Test
    void runsStoredBeforeTheScopeWasKeptLoadWithNoneAndNewOnesKeepIt() throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            Migrations.HISTORY.upTo(2).apply(connection);
            sql.execute("INSERT INTO runs (id, kind, status, started_at, variants, targets, settings, app_version) "
                    + "VALUES ('before', 'evaluation', 'completed', 1000, '[\"v\"]', '[]', '{}', '0.1.0')");
        }
        assertThat(version()).isEqualTo(2);
        RunScope scope = new RunScope("/data/gsm.jsonl", 20, 3);

        try (HistoryStore store = HistoryStore.openFile(file())) {
            assertThat(store.run("before").orElseThrow().scope()).isEqualTo(RunScope.NONE);
            store.startRun(HistoryFixtures.arithmetic("after").withScope(scope));
            assertThat(store.run("after").orElseThrow().scope()).isEqualTo(scope);
            assertThat(store.runs(RunFilter.all()).items()).extracting(Run::scope)
                    .containsExactly(scope, RunScope.NONE);
        }
        assertThat(version()).isEqualTo(Migrations.HISTORY.latest());
    }

    @Test
    void completionsStoredBeforeThinkingTimeWasKeptLoadWithoutIt() throws Exception {
        // Migration 4 left NULL in the column for every older row: as if written without thinking time.
        CompletionRecord measured = HistoryFixtures.completion(HistoryFixtures.key("r", "v", HistoryFixtures.OLLAMA,
                "c1", 0), Verdict.CORRECT, Instant.ofEpochMilli(5000));
        CompletionRecord record = new CompletionRecord(measured.key(), measured.request(), measured.text(),
                measured.reasoning(), measured.tokens(), measured.extracted(), measured.expected(), measured.grade(),
                measured.failure(), measured.finishReason(), measured.usage(), new Timings(35.5, 120.25, null),
                measured.createdAt());
        try (HistoryStore store = HistoryStore.openFile(file(), Migrations.HISTORY.upTo(4))) {
            store.startRun(HistoryFixtures.arithmetic("r"));
        }
        long id;
        try (Connection connection = connect()) {
            id = SchemaFourRows.insert(connection, record);
        }

        try (HistoryStore store = HistoryStore.openFile(file())) {
            CompletionRecord read = store.completion(id).orElseThrow().record();
            assertThat(read.timings().thinkingMillis()).isNull();
            assertThat(read.timings().totalMillis()).isEqualTo(120.25);
            assertThat(read.usage().reasoningTokens()).isEqualTo(12);
        }
        assertThat(version()).isEqualTo(Migrations.HISTORY.latest()).isEqualTo(10);
    }

    @Test
    void aFailingStepLeavesTheDatabaseAsItWas() throws Exception {
        createVersionOneFixture();
        Migrations broken = new Migrations(List.of(Migrations.HISTORY.upTo(1).steps().getFirst(),
                new Migration(2, "half good", List.of("CREATE INDEX fine ON runs(status)",
                        "CREATE INDEX wrong ON no_such_table(x)"))));

        assertThatThrownBy(() -> HistoryStore.openFile(file(), broken)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("no_such_table");

        assertThat(version()).isEqualTo(1);
        assertThat(indexes()).isEmpty();
    }

    @Test
    void aDatabaseFromANewerReleaseIsNotTouched() throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> HistoryStore.openFile(file())).isInstanceOf(HistoryException.class)
                .hasMessageContaining("newer Rationale").hasMessageContaining("99");
        assertThat(version()).isEqualTo(99);
    }

    @Test
    void theDatabaseIsInWalMode() throws Exception {
        HistoryStore.openFile(file()).close();

        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("wal");
        }
    }
}
