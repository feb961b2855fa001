// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code promptfoo eval} on an exported set against a local OpenAI-compatible server that answers
 * every case correctly but one. Needs promptfoo: the system property {@code promptfoo.bin}, or {@code promptfoo} on
 * the PATH ({@code npm i promptfoo} outside the repository); skipped otherwise.
 */
class PromptfooEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_VARIABLE = "RATIONALE_EXPORT_TEST_KEY";

    @TempDir
    Path dir;

    @Test
    void promptfooRunsTheExportSendsRationalesPromptsAndGradesAsRationaleDoes() throws Exception {
        Optional<Path> promptfoo = promptfoo();
        assumeTrue(promptfoo.isPresent(), "promptfoo is not installed (set -Dpromptfoo.bin or put it on the PATH)");
        PromptSet set = new ExportSelection("everyday-logic", List.of("cot", "chat-cot")).apply(PromptSetFiles.load(
                Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"),
                        "multiple-choice.rationale.json")));
        Task task = set.tasks().getFirst();
        TestCase wrong = task.cases().get(2);
        String key = "sk-test-" + UUID.randomUUID();
        Answering server = new Answering(task.cases(), wrong);
        try (MockWebServer http = new MockWebServer()) {
            http.setDispatcher(server);
            http.start();
            Endpoint endpoint = new Endpoint("local", ProviderKind.OPENAI, http.url("/v1").toString(), null,
                    KeyReference.environment(KEY_VARIABLE));
            Exported exported = PromptfooWriter.write(set, List.of(
                    new ProviderTarget("local", endpoint, "tiny", GenerationSettings.NONE)));
            Path config = Files.writeString(dir.resolve("promptfooconfig.yaml"), exported.text());

            String log = run(promptfoo.get(), config, key);

            JsonNode stats = JSON.readTree(dir.resolve("results.json").toFile()).path("results").path("stats");
            int requests = task.cases().size() * task.variants().size();
            assertThat(stats.path("successes").asInt()).as(log).isEqualTo(requests - 2);
            assertThat(stats.path("failures").asInt()).as("the one wrong case, once per variant").isEqualTo(2);
            assertThat(log).doesNotContain("Invalid configuration");
            assertThat(server.prompts).hasSize(requests).allMatch(expectedPrompts(task)::contains);
            assertThat(server.authorizations).containsOnly("Bearer " + key);
            assertThat(exported.text()).doesNotContain(key).contains("apiKeyEnvar: " + KEY_VARIABLE);
        }
    }

    private static Set<String> expectedPrompts(Task task) {
        Set<String> prompts = new HashSet<>();
        for (Variant variant : task.variants()) {
            for (TestCase testCase : task.cases()) {
                prompts.add(switch (PromptRenderer.render(task, variant, testCase)) {
                    case RenderedPrompt.Text text -> text.prompt();
                    case RenderedPrompt.Chat chat -> JSON.valueToTree(chat.messages()).toString();
                });
            }
        }
        return prompts;
    }

    private String run(Path promptfoo, Path config, String key) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(promptfoo.toString(), "eval", "-c", config.toString(),
                "-o", dir.resolve("results.json").toString(), "--no-cache", "--no-table", "--no-progress-bar")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().put(KEY_VARIABLE, key);
        builder.environment().put("PROMPTFOO_CONFIG_DIR", dir.resolve("promptfoo-home").toString());
        builder.environment().put("PROMPTFOO_DISABLE_TELEMETRY", "1");
        builder.environment().put("PROMPTFOO_DISABLE_UPDATE", "1");
        builder.environment().put("PROMPTFOO_CACHE_ENABLED", "false");
        builder.environment().remove("OPENAI_API_KEY");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("promptfoo eval did not finish in 5 minutes");
        }
        return Files.readString(dir.resolve("log.txt"));
    }

    static Optional<Path> promptfoo() {
        String configured = System.getProperty("promptfoo.bin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return PromptfooGraderTest.onPath("promptfoo");
    }

    /** Answers each case with its expected letter ("The answer is (D).") except one, which gets a wrong one. */
    private static final class Answering extends Dispatcher {
        final ConcurrentLinkedQueue<String> prompts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
        private final List<TestCase> cases;
        private final TestCase wrong;

        Answering(List<TestCase> cases, TestCase wrong) {
            this.cases = cases;
            this.wrong = wrong;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            try {
                JsonNode body = JSON.readTree(request.getBody().utf8());
                authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
                boolean chat = body.has("messages");
                String prompt = chat ? body.get("messages").toString() : body.get("prompt").asText();
                prompts.add(prompt);
                String asText = chat ? body.get("messages").findValuesAsText("content").toString() : prompt;
                TestCase asked = cases.stream().filter(c -> c.inputs().values().stream().allMatch(asText::contains))
                        .reduce((first, second) -> second).orElse(null);
                if (asked == null) {
                    // A 400 is not retried, so a prompt the test did not expect fails the run instead of stalling it.
                    return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"unknown case\"}}")
                            .build();
                }
                String letter = asked == wrong ? "A".equals(asked.expected()) ? "B" : "A" : asked.expected();
                String text = "Let me see. The answer is (" + letter + ").";
                String reply = chat
                        ? "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                                + JSON.writeValueAsString(text) + "},\"finish_reason\":\"stop\"}]}"
                        : "{\"choices\":[{\"index\":0,\"text\":" + JSON.writeValueAsString(" " + text)
                                + ",\"finish_reason\":\"stop\"}]}";
                return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(reply).build();
            } catch (IOException e) {
                return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad json\"}}").build();
            }
        }
    }
}
