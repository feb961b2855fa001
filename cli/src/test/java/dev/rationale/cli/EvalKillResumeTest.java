// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval} killed like {@code kill -9} in a JVM of its own, then resumed: every completion ends up in
 * the results file exactly once, and none that was on disk before the kill is asked again.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class EvalKillResumeTest {
    private final MockWebServer server = new MockWebServer();
    private final SumServer sums = new SumServer(150);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(sums);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKilledRunResumesWithoutRedoingAnyFinishedCompletion() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 40);
        Path out = dir.resolve("results.jsonl");
        List<String> args = ChildEval.args(set, server.url("/v1").toString(), out);

        Process child = ChildEval.startChild(args, dir.resolve("child.log"));
        try {
            ChildEval.await(out, 8, Duration.ofSeconds(20));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Set<String> finishedBeforeKill = new HashSet<>();
        for (JsonNode record : ChildEval.records(out)) {
            finishedBeforeKill.add(ChildEval.requestKey(record));
        }
        assertThat(finishedBeforeKill).hasSizeBetween(8, 79);
        int requestsBeforeResume = sums.log().size();
        sums.setDelayMillis(0);

        List<String> resumeArgs = new java.util.ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRun resumed = CliRun.of(resumeArgs.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Map<String, Integer> perCompletion = new HashMap<>();
        for (JsonNode record : ChildEval.records(out)) {
            String key = record.get("variant").asText() + "/" + record.get("case").asText() + "/"
                    + record.get("sample").asInt();
            perCompletion.merge(key, 1, Integer::sum);
            assertThat(record.get("status").asText()).isIn("correct", "wrong");
        }
        assertThat(perCompletion).hasSize(80);
        assertThat(perCompletion.values()).containsOnly(1);
        List<String> askedAfterKill = sums.log().subList(requestsBeforeResume, sums.log().size());
        assertThat(askedAfterKill).doesNotContainAnyElementsOf(finishedBeforeKill);
        assertThat(askedAfterKill).hasSize(80 - finishedBeforeKill.size());
    }
}
