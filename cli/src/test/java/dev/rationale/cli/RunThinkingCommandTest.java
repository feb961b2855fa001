// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code rationale run --thinking}: the level reaches the backend, and {@code --json} reports thinking apart. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunThinkingCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    @Test
    void theLevelGoesOutAsReasoningEffortAndTheJsonKeepsThinkingApartFromTheAnswer() throws Exception {
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Maybe 8? No, 7.\"}}]}"
                + "\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"7\"},\"finish_reason\":\"stop\"}]}"
                + "\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":30,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":29}}}\n\ndata: [DONE]\n\n"));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "o-test", "--prompt", "3 + 4?", "--thinking", "High", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(JSON.readTree(sent.getBody().utf8()).path("reasoning_effort").asText()).isEqualTo("high");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("text").asText()).isEqualTo("7");
        JsonNode thinking = json.get("thinking");
        assertThat(thinking.get("text").asText()).isEqualTo("Maybe 8? No, 7.");
        assertThat(thinking.get("tokens").asInt()).isEqualTo(29);
        assertThat(thinking.has("millis")).isTrue();
    }

    @Test
    void withoutThinkingTheJsonHasNoThinkingObjectAndNothingIsSent() throws Exception {
        server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"7\"},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "3 + 4?", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).has("reasoning_effort"))
                .isFalse();
        assertThat(JSON.readTree(run.out()).has("thinking")).isFalse();
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheLevels() {
        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "3 + 4?", "--thinking", "max");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("\"max\" is not a thinking level (one of: off, low, medium, high)");
        assertThat(server.getRequestCount()).isZero();
    }
}
