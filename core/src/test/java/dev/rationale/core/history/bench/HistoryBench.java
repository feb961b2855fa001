// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history.bench;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how fast the history records and pages: {@code HistoryBench [completions]} (default 100,000, each with
 * 50 tokens and 5 alternatives). Reports one {@code record} per completion against {@code recordAll} in batches of
 * 1,000 as a ratio, and the time of paged queries at the start and the end of the run. Run with the test classpath.
 */
public final class HistoryBench {
    private static final RunTarget TARGET = new RunTarget("bench", ProviderKind.OLLAMA, "m");
    private static final int BATCH = 1_000;

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("history-bench");
        try (HistoryStore store = HistoryStore.open(dir)) {
            int single = Math.min(count, 5_000);
            double singleMicros = timed(() -> recordOneByOne(store, "single", single)) * 1e6 / single;
            double batchedMicros = timed(() -> recordInBatches(store, "batched", count)) * 1e6 / count;
            System.out.printf("record, one transaction each: %.1f us per completion (%d)%n", singleMicros, single);
            System.out.printf("recordAll, batches of %d:    %.1f us per completion (%d)%n", BATCH, batchedMicros,
                    count);
            System.out.printf("batching is %.1fx faster%n", singleMicros / batchedMicros);
            double firstPage = timed(() -> store.completions(CompletionFilter.of("batched").page(0, 100))) * 1e3;
            double lastPage = timed(() -> store.completions(CompletionFilter.of("batched").page(count - 100, 100)))
                    * 1e3;
            double filtered = timed(() -> store.completions(CompletionFilter.of("batched").withGrade(Verdict.WRONG)
                    .page(0, 100))) * 1e3;
            System.out.printf("first page %.1f ms, last page %.1f ms (%.1fx), filtered page %.1f ms%n", firstPage,
                    lastPage, lastPage / firstPage, filtered);
            System.out.printf("database: %.1f MB%n", Files.size(store.file()) / 1e6);
        }
    }

    private static void recordOneByOne(HistoryStore store, String runId, int count) {
        store.startRun(run(runId, count));
        for (int i = 0; i < count; i++) {
            store.record(completion(runId, i));
        }
    }

    private static void recordInBatches(HistoryStore store, String runId, int count) {
        store.startRun(run(runId, count));
        List<CompletionRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            batch.add(completion(runId, i));
            if (batch.size() == BATCH || i == count - 1) {
                store.recordAll(batch);
                batch.clear();
            }
        }
    }

    private static Run run(String id, int planned) {
        return Run.started(id, RunKind.EVALUATION, Instant.now(), null, "bench", "bench", List.of("v"),
                List.of(TARGET), GenerationSettings.NONE, planned);
    }

    private static CompletionRecord completion(String runId, int i) {
        List<ScoredToken> tokens = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            List<TokenAlternative> top = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                top.add(new TokenAlternative(" w" + k, -0.1 * (k + 1)));
            }
            tokens.add(new ScoredToken(" w" + t, List.of(32, 119), -0.1, top));
        }
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Text("Q: case " + i + "\nA:"))
                .withLogprobs(5);
        return new CompletionRecord(new RunCompletionKey(runId, "v", TARGET, "c" + i, 0), request, "answer", "",
                tokens, "a", "a", i % 3 == 0 ? Verdict.WRONG : Verdict.CORRECT, null, FinishReason.STOP, null, null,
                Instant.now());
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
