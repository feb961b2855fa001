// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static dev.rationale.core.history.HistoryFixtures.OPENAI;
import static dev.rationale.core.history.HistoryFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.answer.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pairwise verdict is kept beside its two completions, with both exchanges, and goes with them. */
class PairVerdictHistoryTest {
    @TempDir
    Path workspace;

    private static PairVerdictRecord verdict(long first, long second, String outcome, Instant at) {
        return new PairVerdictRecord(first, second, "judge/gpt-judge", outcome, outcome.equals("tie"),
                "the order changed the verdict", "A=direct B=cot", "{\"winner\": \"A\"}", "A=cot B=direct",
                "{\"winner\": \"A\"}", at);
    }

    @Test
    void theVerdictIsReadBackFromEitherCompletionReplacedWhenJudgedAgainAndDeletedWithItsRun() {
        long direct;
        long cot;
        long other;
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(HistoryFixtures.arithmetic("r1"));
            direct = store.record(HistoryFixtures.completion(HistoryFixtures.key("r1", "direct", OPENAI, "c1", 0),
                    Verdict.CORRECT, START));
            cot = store.record(HistoryFixtures.completion(HistoryFixtures.key("r1", "cot", OPENAI, "c1", 0),
                    Verdict.CORRECT, START));
            other = store.record(HistoryFixtures.completion(HistoryFixtures.key("r1", "cot", OPENAI, "c2", 0),
                    Verdict.CORRECT, START));
            store.recordPairVerdict(verdict(direct, cot, "first", START));
            store.recordPairVerdict(verdict(direct, cot, "tie", START.plusSeconds(5)));
        }
        try (HistoryStore store = HistoryStore.open(workspace)) {
            PairVerdictRecord kept = verdict(direct, cot, "tie", START.plusSeconds(5));
            assertThat(store.pairVerdicts(direct)).containsExactly(kept);
            assertThat(store.pairVerdicts(cot)).containsExactly(kept);
            assertThat(store.pairVerdicts(other)).isEmpty();
            store.deleteRun("r1");
            assertThat(store.pairVerdicts(direct)).isEmpty();
        }
    }

    @Test
    void aVerdictOnACompletionThatIsNotStoredIsRefused() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            assertThatThrownBy(() -> store.recordPairVerdict(verdict(41, 42, "first", START)))
                    .isInstanceOf(HistoryException.class);
        }
    }
}
