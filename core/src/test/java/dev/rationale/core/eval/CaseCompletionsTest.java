// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the stored completions of an evaluated case across the sessions of a resumed evaluation. */
class CaseCompletionsTest {
    private static final String SET = "sets/sums.rationale.json";
    private static final RunTarget TARGET = new RunTarget("e", ProviderKind.OPENAI_TEXT, "m");
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path workspace;

    @Test
    void eachSampleGetsTheNewestStoredCompletionWithItsTextAcrossTheSessionsOfItsSet() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            // The first session answered samples 0 and 1, the resumed one sample 2.
            long first0 = store(store, "first", SET, 0, "10.", Verdict.CORRECT, 0);
            long first1 = store(store, "first", SET, 1, "10.", Verdict.CORRECT, 1);
            long resumed2 = store(store, "resumed", SET, 2, "11.", Verdict.WRONG, 2);
            // Newer, but another set's case of the same name, and an evaluation whose answer the file does not hold.
            store(store, "other-set", "sets/other.rationale.json", 0, "10.", Verdict.CORRECT, 3);
            store(store, "replaced", SET, 1, "12.", Verdict.WRONG, 4);

            List<CaseCompletions.Found> found = CaseCompletions.find(store, SET, List.of(sample(0, "10.",
                    Verdict.CORRECT), sample(1, "10.", Verdict.CORRECT), sample(2, "11.", Verdict.WRONG),
                    sample(3, "9.", Verdict.WRONG)));

            assertThat(found).extracting(f -> f.stored() == null ? null : f.stored().id())
                    .containsExactly(first0, first1, resumed2, null);
            assertThat(found.get(2).stored().record().tokens()).extracting(ScoredToken::text).containsExactly("11.");
            assertThat(found.get(2).record().sample()).isEqualTo(2);
        }
    }

    @Test
    void anUnsavedSetsCasesAreFoundAmongTheRunsWithoutAFile() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            long unsaved = store(store, "unsaved", null, 0, "10.", Verdict.CORRECT, 0);
            store(store, "saved", SET, 0, "10.", Verdict.CORRECT, 1);

            List<CaseCompletions.Found> found = CaseCompletions.find(store, null,
                    List.of(sample(0, "10.", Verdict.CORRECT)));

            assertThat(found.getFirst().stored().id()).isEqualTo(unsaved);
        }
    }

    private static long store(HistoryStore store, String runId, String setFile, int sample, String text,
            Verdict grade, int second) {
        if (store.run(runId).isEmpty()) {
            store.startRun(Run.started(runId, RunKind.EVALUATION, T0.plusSeconds(second), setFile, "Sums", "sums",
                    List.of("direct"), List.of(TARGET), GenerationSettings.NONE, 4));
        }
        RunCompletionKey key = new RunCompletionKey(runId, "direct", TARGET, "c1", sample);
        return store.record(new CompletionRecord(key, CompletionRequest.of("m", new RenderedPrompt.Text("5 + 5 =")),
                text, "", List.of(new ScoredToken(text, List.of(), -0.1, List.of())), null, "10", grade, null, null,
                null, null, T0.plusSeconds(second)));
    }

    private static SampleRecord sample(int sample, String text, Verdict status) {
        return new SampleRecord("sums", "direct", "m", "c1", sample, "e", "m", status, "10", null, null, null, text,
                null, null, null, 1, null, null, null, null, null, null);
    }
}
