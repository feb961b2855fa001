// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 5 on a database the previous release wrote: every completion comes back as it was stored. */
class CompactMigrationTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("history.db");
    }

    /** Completions of two runs that use what schema 4 could hold: tokens, odd bytes, missing parts, failures. */
    private static List<CompletionRecord> records() {
        List<CompletionRecord> records = new ArrayList<>();
        Verdict[] grades = {Verdict.CORRECT, Verdict.WRONG, Verdict.NO_ANSWER, Verdict.FAILED, Verdict.UNGRADED};
        int n = 0;
        for (String run : List.of("old-a", "old-b")) {
            for (String variant : List.of("zero-shot", "cot")) {
                for (RunTarget target : List.of(HistoryFixtures.OLLAMA, HistoryFixtures.OPENAI)) {
                    for (int c = 0; c < 3; c++) {
                        records.add(HistoryFixtures.completion(HistoryFixtures.key(run, variant, target, "case-" + c,
                                c % 2), grades[n % grades.length], Instant.ofEpochMilli(1_000_000L + n)));
                        n++;
                    }
                }
            }
        }
        // A token holding part of a character, no usage, no timings, a text prompt and no finish reason.
        ScoredToken partial = new ScoredToken("\uFFFD", List.of(0xE2, 0x82), -1.5, List.of(
                new TokenAlternative("\u20AC", -0.3)));
        records.add(new CompletionRecord(HistoryFixtures.key("old-a", "cot", HistoryFixtures.OLLAMA, "euro", 0),
                CompletionRequest.of("llama3.2:1b", new RenderedPrompt.Text("Price: 5 ")), "\uFFFD5 \u2713", "",
                List.of(partial, new ScoredToken("5", List.of(), null, List.of())), null, null, Verdict.UNGRADED,
                null, null, null, null, Instant.ofEpochMilli(7)));
        // Some usage, no first token or thinking time; a failure that cut the answer short.
        records.add(new CompletionRecord(HistoryFixtures.key("old-b", "cot", HistoryFixtures.OPENAI, "cut", 2),
                HistoryFixtures.chatRequest("Long?"), "It begins", "thinking...", List.of(), null, "x",
                Verdict.FAILED, "connection reset", FinishReason.LENGTH, new Usage(5, null, null),
                new Timings(null, 10.0, null), Instant.ofEpochMilli(8)));
        return records;
    }

    @Test
    void aSchemaFourDatabaseIsCompactedAndEveryCompletionReadsBackAsStored() throws Exception {
        List<CompletionRecord> records = records();
        try (HistoryStore store = HistoryStore.openFile(file(), Migrations.HISTORY.upTo(4))) {
            store.startRun(HistoryFixtures.arithmetic("old-a"));
            store.startRun(HistoryFixtures.arithmetic("old-b"));
        }
        Map<Long, CompletionRecord> byId = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            for (CompletionRecord record : records) {
                byId.put(SchemaFourRows.insert(connection, record), record);
            }
        }

        try (HistoryStore store = HistoryStore.openFile(file())) {
            for (Map.Entry<Long, CompletionRecord> stored : byId.entrySet()) {
                assertThat(store.completion(stored.getKey()).orElseThrow().record()).isEqualTo(stored.getValue());
            }
            List<StoredCompletion> walked = new ArrayList<>();
            store.forEachCompletion("old-a", walked::add);
            store.forEachCompletion("old-b", walked::add);
            assertThat(walked).hasSize(records.size());
            for (StoredCompletion completion : walked) {
                assertThat(completion.record()).isEqualTo(byId.get(completion.id()));
            }
            assertThat(store.cells("old-a")).extracting(cell -> cell.tally().total()).containsExactly(3, 3, 4, 3);
            assertThat(store.completions(CompletionFilter.of("old-b").withGrade(Verdict.FAILED)).total())
                    .isEqualTo(records.stream().filter(r -> r.key().runId().equals("old-b")
                            && r.grade() == Verdict.FAILED).count());
        }
        // The old wide table is gone; run_batches is schema 7's, gradings schema 9's.
        assertThat(tables()).containsExactly("completion_cells", "completions", "gradings", "run_batches", "runs");
    }

    @Test
    void aRunsCompletionsGoWithIt() throws Exception {
        try (HistoryStore store = HistoryStore.openFile(file())) {
            store.startRun(HistoryFixtures.arithmetic("old-a"));
            store.startRun(HistoryFixtures.arithmetic("old-b"));
            store.recordAll(records());
            assertThat(store.deleteRun("old-a")).isTrue();
            List<StoredCompletion> left = new ArrayList<>();
            store.forEachCompletion("old-a", left::add);
            assertThat(left).isEmpty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement sql = connection.createStatement();
                ResultSet cells = sql.executeQuery("SELECT DISTINCT run_id FROM completion_cells")) {
            assertThat(cells.next()).isTrue();
            assertThat(cells.getString(1)).isEqualTo("old-b");
            assertThat(cells.next()).isFalse();
        }
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
