// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code rationale eval}: SIGINT to a JVM of its own while requests hang on the server. It exits 130 with
 * the finished completions on disk, the run cancelled in the history and a hint to resume, and the resumed run asks
 * only what had not finished.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvalInterruptTest {
    private static final int ANSWERED = 10;

    private final MockWebServer server = new MockWebServer();
    private final SumServer sums = new SumServer(0);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        sums.stallAfter(ANSWERED);
        server.setDispatcher(sums);
        server.start();
    }

    @AfterEach
    void stop() {
        sums.release();
        server.close();
    }

    @Test
    void ctrlCStopsTheRunKeepsWhatFinishedAndTheRunResumesFromThere() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 40);
        Path out = dir.resolve("results.jsonl");
        List<String> args = ChildEval.args(set, server.url("/v1").toString(), out);
        Path log = dir.resolve("child.log");

        Process child = ChildEval.startChild(args, log);
        int exit;
        try {
            ChildEval.await(out, ANSWERED, Duration.ofSeconds(30));
            awaitStalledRequest();
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor()).isZero();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ends after SIGINT").isTrue();
            exit = child.exitValue();
        } finally {
            child.destroyForcibly();
        }

        String printed = Files.readString(log);
        assertThat(exit).as(printed).isEqualTo(RationaleCommand.EXIT_INTERRUPTED);
        assertThat(printed).contains("stopped; " + ANSWERED + " of 80 completions are in " + out)
                .contains("To continue where it stopped: rationale eval " + set + " --provider openai")
                .contains("--out " + out + " --resume");
        Set<String> finished = new HashSet<>();
        for (JsonNode record : ChildEval.records(out)) {
            assertThat(record.get("status").asText()).isIn("correct", "wrong");
            finished.add(ChildEval.requestKey(record));
        }
        assertThat(Files.readString(out)).endsWith("\n");
        assertThat(finished).hasSize(ANSWERED);
        try (HistoryStore store = HistoryStore.open(dir)) {
            Run run = store.runs(RunFilter.all()).items().getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(store.completions(CompletionFilter.of(run.id())).total()).isEqualTo(ANSWERED);
        }

        int askedBefore = sums.log().size();
        sums.release();
        List<String> resumeArgs = new ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRun resumed = CliRun.of(resumeArgs.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<String> askedOnResume = sums.log().subList(askedBefore, sums.log().size());
        assertThat(askedOnResume).hasSize(80 - ANSWERED).doesNotContainAnyElementsOf(finished);
        assertThat(ChildEval.records(out)).hasSize(80);
    }

    // The runner has sent a request past the answered ones, so one is in flight when the signal comes.
    private void awaitStalledRequest() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sums.log().size() <= ANSWERED) {
            assertThat(System.nanoTime()).as("a request held by the server").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
