// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A completion made with a key, through a real provider over HTTP, is stored without the key. */
class HistorySecretsTest {
    // Made up at run time, so no file holds anything that looks like a key; unique, so a scan cannot match by luck.
    private static final String KEY = "never-store-me-" + UUID.randomUUID();

    @TempDir
    Path workspace;
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theKeyUsedForACompletionNeverReachesTheDatabase() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body("""
                data: {"choices":[{"index":0,"delta":{"content":"4"},"finish_reason":"stop"}]}

                data: [DONE]

                """).build());
        Endpoint endpoint = new Endpoint("hosted", ProviderKind.OPENAI, server.url("/v1").toString(), "m",
                KeyReference.environment("HOSTED_API_KEY"));
        KeyResolver keys = new KeyResolver(noKeychain(), Map.of("HOSTED_API_KEY", KEY)::get);
        CompletionProvider provider = new ProviderFactory(HttpClients.create(), keys).create(endpoint);
        CompletionRequest request = CompletionRequest.of("m",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("What is 2 + 2?"))));
        CompletionCollector collector = new CompletionCollector(1);

        provider.stream(request, collector);

        assertThat(collector.await(Duration.ofSeconds(10))).isTrue();
        CompletionResult result = collector.result();
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("Authorization")).as("the key was really used").isEqualTo("Bearer " + KEY);
        try (HistoryStore store = HistoryStore.open(workspace)) {
            RunTarget target = RunTarget.of(endpoint, "m");
            store.startRun(Run.started("r1", RunKind.PROMPT, Instant.now(), null, null, null, List.of("v"),
                    List.of(target), HistoryFixtures.SETTINGS, 1));
            store.record(CompletionRecord.of(new RunCompletionKey("r1", "v", target, "prompt", 0), request, result,
                    result.first(), new Grade(Verdict.CORRECT, "4", "4"), "4", Instant.now()));
        }

        assertThat(result.first().text()).isEqualTo("4");
        // Bodies are compressed, but a cell's first one is also kept as it is (its compression dictionary), so
        // with one completion the scan sees everything stored.
        byte[] database = Files.readAllBytes(HistoryStore.databaseFile(workspace));
        assertThat(indexOf(database, "What is 2 + 2?".getBytes(StandardCharsets.UTF_8)))
                .as("the scan sees what was stored").isNotNegative();
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(workspace.resolve(HistoryStore.FOLDER))) {
            List<Path> all = files.toList();
            assertThat(all).contains(HistoryStore.databaseFile(workspace));
            for (Path file : all) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, key)).as(file + " holds the key").isEqualTo(-1);
            }
        }
    }

    @Test
    void aRunTargetKeepsOnlyTheEndpointsNameAndKind() {
        Endpoint endpoint = new Endpoint("hosted", ProviderKind.OPENAI, "https://user:pw@example.com/v1", "m",
                KeyReference.environment("HOSTED_API_KEY"));

        assertThat(RunTarget.of(endpoint, "gpt")).isEqualTo(new RunTarget("hosted", ProviderKind.OPENAI, "gpt"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static SecretStore noKeychain() {
        return new SecretStore() {
            @Override
            public Optional<String> read(String entry) {
                return Optional.empty();
            }

            @Override
            public void write(String entry, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean writable() {
                return false;
            }
        };
    }
}
