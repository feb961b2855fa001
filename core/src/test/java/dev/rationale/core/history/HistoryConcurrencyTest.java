// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static dev.rationale.core.history.HistoryFixtures.OLLAMA;
import static dev.rationale.core.history.HistoryFixtures.START;
import static dev.rationale.core.history.HistoryFixtures.arithmetic;
import static dev.rationale.core.history.HistoryFixtures.completion;
import static dev.rationale.core.history.HistoryFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;

    @TempDir
    Path workspace;

    @Test
    void completionsRecordedFromManyThreadsAreAllStored() throws Exception {
        Set<Long> ids = new HashSet<>();
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> workers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    String variant = "v" + t;
                    workers.add(pool.submit(() -> {
                        go.await();
                        List<Long> mine = new ArrayList<>();
                        for (int i = 0; i < PER_THREAD; i++) {
                            Verdict grade = i % 4 == 0 ? Verdict.WRONG : Verdict.CORRECT;
                            RunCompletionKey key = key("r1", variant, OLLAMA, "case-" + i, 0);
                            // Every tenth call is a small batch, so both entry points race each other.
                            if (i % 10 == 0) {
                                mine.addAll(store.recordAll(List.of(completion(key, grade, START))));
                            } else {
                                mine.add(store.record(completion(key, grade, START)));
                            }
                        }
                        return mine;
                    }));
                }
                go.countDown();
                for (Future<List<Long>> worker : workers) {
                    ids.addAll(worker.get());
                }
            }
        }

        int expected = THREADS * PER_THREAD;
        assertThat(ids).hasSize(expected);
        try (HistoryStore reopened = HistoryStore.open(workspace)) {
            assertThat(reopened.completions(CompletionFilter.of("r1")).total()).isEqualTo(expected);
            Tally tally = reopened.run("r1").orElseThrow().tally();
            assertThat(tally.total()).isEqualTo(expected);
            assertThat(tally.wrong()).as("every fourth call").isEqualTo(THREADS * PER_THREAD / 4);
            assertThat(reopened.cells("r1")).hasSize(THREADS)
                    .allSatisfy(cell -> assertThat(cell.tally().total()).isEqualTo(PER_THREAD));
        }
    }
}
