// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.provider.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 8 on a database the previous release (schema 7) wrote: every cell sums the tokens its completions'
 * bodies hold; then completions sent alone and through a batch are summed apart, and deleting a run takes its
 * tokens away.
 */
class CellBillsMigrationTest {
    private static final TokenTotals FIXTURE = new TokenTotals(21, 0, 14, 12);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("history.db");
    }

    @Test
    void aSchemaSixDatabaseGetsTokenSumsFromItsBodiesThatTheTriggersThenKeep() {
        try (HistoryStore store = HistoryStore.openFile(file(), Migrations.HISTORY.upTo(7))) {
            store.startRun(HistoryFixtures.arithmetic("old"));
            store.recordAll(List.of(completion("old", "case-1", false), completion("old", "case-2", false)));
        }

        try (HistoryStore store = HistoryStore.openFile(file())) {
            CellTally old = store.cellTallies("old").getFirst();
            assertThat(old.liveTokens()).isEqualTo(sum(FIXTURE, 2));
            assertThat(old.batchTokens()).isEqualTo(TokenTotals.NONE);

            store.startRun(HistoryFixtures.arithmetic("new"));
            CompletionRecord cached = withUsage(completion("new", "case-1", false), new Usage(1000, 50, 10, 800));
            store.recordAll(List.of(cached, completion("new", "case-2", true), completion("new", "case-3", true)));
            CellTally fresh = store.cellTallies("new").getFirst();
            assertThat(fresh.liveTokens()).isEqualTo(new TokenTotals(1000, 800, 50, 10));
            assertThat(fresh.batchTokens()).isEqualTo(sum(FIXTURE, 2));
            assertThat(store.completion(store.completions(CompletionFilter.of("new")).items().get(1).id())
                    .orElseThrow().record().batch()).isTrue();

            assertThat(store.deleteRun("old")).isTrue();
            assertThat(store.cellTallies("new").getFirst().liveTokens()).isEqualTo(new TokenTotals(1000, 800, 50, 10));
        }
    }

    private static CompletionRecord completion(String run, String caseId, boolean batch) {
        CompletionRecord r = HistoryFixtures.completion(HistoryFixtures.key(run, "cot", HistoryFixtures.OPENAI,
                caseId, 0), Verdict.CORRECT, Instant.ofEpochMilli(1_000));
        return new CompletionRecord(r.key(), r.request(), r.text(), r.reasoning(), r.tokens(), r.extracted(),
                r.expected(), r.grade(), r.failure(), r.finishReason(), r.usage(), r.timings(), r.createdAt(), batch);
    }

    private static CompletionRecord withUsage(CompletionRecord r, Usage usage) {
        return new CompletionRecord(r.key(), r.request(), r.text(), r.reasoning(), r.tokens(), r.extracted(),
                r.expected(), r.grade(), r.failure(), r.finishReason(), usage, r.timings(), r.createdAt(), r.batch());
    }

    private static TokenTotals sum(TokenTotals each, int times) {
        return new TokenTotals(each.prompt() * times, each.cached() * times, each.completion() * times,
                each.reasoning() * times);
    }
}
