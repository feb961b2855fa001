// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationRunner;
import dev.rationale.core.eval.HistoryRecorder;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiOptions;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run made with keys, from the environment and from the keychain, exports without them. */
class ExportSecretsTest {
    // Made up at run time, so no file holds anything that looks like a key; unique, so a scan cannot match by luck.
    private static final String ENV_KEY = "env-secret-" + UUID.randomUUID();
    private static final String KEYCHAIN_KEY = "keychain-secret-" + UUID.randomUUID();

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body("""
                        data: {"choices":[{"index":0,"delta":{"content":"The answer is 5."},\
                        "logprobs":{"content":[{"token":"The answer is 5.","logprob":-0.2}]},\
                        "finish_reason":"stop"}]}

                        data: [DONE]

                        """).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void batchExportAndRunReportsHoldNoKey() throws Exception {
        PromptSet set = ExchangeFixtures.set();
        Task task = set.tasks().getFirst();
        Endpoint fromEnv = new Endpoint("hosted", ProviderKind.OPENAI, server.url("/v1").toString(),
                ExchangeFixtures.MODEL, KeyReference.environment("HOSTED_API_KEY"));
        Endpoint fromKeychain = new Endpoint("vault", ProviderKind.OPENAI, server.url("/v1").toString(),
                ExchangeFixtures.MODEL, KeyReference.keychainEntry("vault-entry"));
        KeyResolver keys = new KeyResolver(keychain(), Map.of("HOSTED_API_KEY", ENV_KEY)::get);
        ProviderFactory providers = new ProviderFactory(HttpClients.create(), keys);
        EvalPlan plan = new EvalPlan(set, task, task.variants(), List.of(
                new EvalTarget("env", fromEnv, ExchangeFixtures.MODEL, GenerationSettings.NONE),
                new EvalTarget("keychain", fromKeychain, ExchangeFixtures.MODEL, GenerationSettings.NONE)),
                task.cases(), null);
        String runId;
        try (HistoryStore store = HistoryStore.open(dir);
                ResultsFile results = ResultsFile.create(dir.resolve("results.jsonl"))) {
            HistoryRecorder recorder = HistoryRecorder.start(store, plan, null, Clock.systemUTC());
            new EvaluationRunner(providers::create).start(plan, results, EvalOptions.DEFAULTS, recorder).await();
            recorder.finish(false);
            runId = recorder.runId();
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .as("a key was really used").isIn("Bearer " + ENV_KEY, "Bearer " + KEYCHAIN_KEY);

        StringWriter exported = new StringWriter();
        OpenAiBatchExport.write(set, task, task.variants(), ExchangeFixtures.MODEL,
                OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS, exported);
        StringWriter csv = new StringWriter();
        StringWriter jsonl = new StringWriter();
        String html;
        try (HistoryStore store = HistoryStore.open(dir)) {
            RunSnapshot snapshot = RunSnapshot.read(store, runId).orElseThrow();
            RunResultsExport.writeCsv(snapshot, csv);
            RunResultsExport.writeJsonl(snapshot, jsonl);
            html = HtmlRunReport.render(snapshot);
        }

        assertThat(html).as("the scan sees the answers").contains("The answer is 5.");
        assertThat(csv.toString()).contains("hosted").contains("vault");
        for (String export : List.of(exported.toString(), csv.toString(), jsonl.toString(), html)) {
            assertThat(export).doesNotContain(ENV_KEY).doesNotContain(KEYCHAIN_KEY)
                    .doesNotContain(server.url("/").toString()).doesNotContain("HOSTED_API_KEY");
        }
    }

    private static SecretStore keychain() {
        return new SecretStore() {
            @Override
            public Optional<String> read(String entry) {
                return entry.equals("vault-entry") ? Optional.of(KEYCHAIN_KEY) : Optional.empty();
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
