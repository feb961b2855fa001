// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promptfoo configuration field by field, without promptfoo: what {@link PromptfooEvalTest} runs for real. */
class PromptfooWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptSet ARITHMETIC = PromptSetFiles.load(
            Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"), "arithmetic.rationale.json"));

    private static ProviderTarget target(String label, ProviderKind kind, KeyReference key, GenerationSettings s) {
        return new ProviderTarget(label, new Endpoint(label, kind, "http://127.0.0.1:8080/", null, key), "tiny", s);
    }

    @Test
    void promptsAreLabelledTaskVariantAndFillInToRationalesPromptForEveryCase() {
        JsonNode config = PromptfooYaml.read(PromptfooWriter.write(ARITHMETIC, List.of()).text(), "x");
        Task task = ARITHMETIC.tasks().getFirst();

        assertThat(config.path("description").asText()).isEqualTo(ARITHMETIC.name());
        JsonNode prompts = config.path("prompts");
        assertThat(prompts).hasSize(task.variants().size());
        for (int i = 0; i < task.variants().size(); i++) {
            Variant variant = task.variants().get(i);
            JsonNode prompt = prompts.get(i);
            assertThat(prompt.path("label").asText()).isEqualTo(task.id() + ":" + variant.id());
            assertThat(prompt.fieldNames()).toIterable().containsExactly("label", "raw");
            for (TestCase testCase : task.cases()) {
                String raw = prompt.path("raw").asText();
                assertThat(filled(raw, testCase, variant)).as(variant.id())
                        .isEqualTo(PromptRenderer.render(task, variant, testCase));
            }
        }
    }

    // Fills {{ name }} as promptfoo does for the subset the writer produces; chat prompts are JSON messages.
    private static RenderedPrompt filled(String raw, TestCase testCase, Variant variant) {
        if (variant.effectiveShape() == PromptShape.TEXT) {
            return new RenderedPrompt.Text(fill(raw, testCase));
        }
        List<ChatMessage> messages = new ArrayList<>();
        try {
            for (JsonNode message : JSON.readTree(raw)) {
                messages.add(new ChatMessage(ChatRole.valueOf(
                        message.path("role").asText().toUpperCase(Locale.ROOT)),
                        fill(message.path("content").asText(), testCase)));
            }
        } catch (IOException e) {
            throw new AssertionError("a chat prompt must be a JSON list", e);
        }
        return new RenderedPrompt.Chat(messages);
    }

    private static String fill(String template, TestCase testCase) {
        StringBuilder out = new StringBuilder();
        for (NunjucksText.Piece piece : NunjucksText.read(template).orElseThrow()) {
            out.append(piece.variable() ? testCase.inputs().get(piece.text()) : piece.text());
        }
        return out.toString();
    }

    @Test
    void testsCarryInputsAsVarsAndTheirTaskIdAndExpectedAnswerAsMetadata() {
        JsonNode config = PromptfooYaml.read(PromptfooWriter.write(ARITHMETIC, List.of()).text(), "x");
        Task task = ARITHMETIC.tasks().getFirst();

        JsonNode tests = config.path("tests");
        assertThat(tests).hasSize(task.cases().size());
        TestCase first = task.cases().getFirst();
        JsonNode test = tests.get(0);
        assertThat(test.path("vars").path("question").asText()).isEqualTo(first.inputs().get("question"));
        assertThat(test.path("vars").size()).isEqualTo(first.inputs().size());
        assertThat(test.path("prompts").get(0).asText()).isEqualTo(task.id() + ":*");
        assertThat(test.path("metadata").path("task").asText()).isEqualTo(task.id());
        assertThat(test.path("metadata").path("case").asText()).isEqualTo(first.id());
        assertThat(test.path("metadata").path("expected").asText()).isEqualTo(first.expected());
        JsonNode grade = config.path("defaultTest").path("assert").get(0);
        assertThat(grade.path("type").asText()).isEqualTo("javascript");
        assertThat(grade.path("value").asText()).isEqualTo(PromptfooGrader.source());
        JsonNode format = grade.path("config").path("answerFormats").path(task.id());
        assertThat(format.path("extract").asText()).isEqualTo("answer-is");
        assertThat(format.path("fallback").asText()).isEqualTo("last-number");
        assertThat(format.path("compare").asText()).isEqualTo("numeric");
    }

    @Test
    void aCasesChoicesGoIntoItsMetadataAsTextAndScore() {
        JsonNode config = PromptfooYaml.read(PromptfooWriter.write(ExchangeFixtures.withChoices(), List.of()).text(),
                "x");

        JsonNode tests = config.path("tests");
        JsonNode choices = tests.get(0).path("metadata").path("choices");
        assertThat(choices).hasSize(3);
        assertThat(choices.get(1).path("text").asText()).isEqualTo("5");
        assertThat(choices.get(1).path("score").asDouble()).isEqualTo(1.0);
        assertThat(choices.get(2).path("score").asDouble()).isEqualTo(0.5);
        assertThat(tests.get(1).path("metadata").has("choices")).isFalse();
    }

    @Test
    void openAiCompatibleEndpointsBecomeChatAndCompletionProvidersWithTheKeyNamedNeverWritten() {
        String keyVariable = "RATIONALE_KEY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        PromptSet set = new ExportSelection(null, List.of("zero-shot", "self-consistency", "chat-cot-8"))
                .apply(ARITHMETIC);
        Exported exported = PromptfooWriter.write(set, List.of(
                target("local", ProviderKind.OLLAMA, KeyReference.environment(keyVariable),
                        new GenerationSettings(null, null, 64, List.of(), null, null))));
        JsonNode providers = PromptfooYaml.read(exported.text(), "x").path("providers");

        assertThat(providers).extracting(p -> p.path("id").asText() + " " + p.path("label").asText()).containsExactly(
                "openai:completion:tiny local (text)",
                "openai:completion:tiny local (text, self-consistency)",
                "openai:chat:tiny local (chat)");
        JsonNode text = providers.get(0);
        assertThat(text.path("prompts")).extracting(JsonNode::asText).containsExactly("arithmetic:zero-shot");
        assertThat(text.path("config").path("apiBaseUrl").asText()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(text.path("config").path("apiKeyEnvar").asText()).isEqualTo(keyVariable);
        assertThat(text.path("config").path("temperature").asDouble()).isZero();
        assertThat(text.path("config").path("max_tokens").asInt()).as("the target's over the set's").isEqualTo(64);
        assertThat(text.path("config").path("stop").get(0).asText()).isEqualTo("\n\nQ:");
        JsonNode sampled = providers.get(1).path("config");
        assertThat(sampled.path("temperature").asDouble()).as("the variant's own").isEqualTo(0.7);
        assertThat(providers.get(2).path("prompts")).extracting(JsonNode::asText)
                .containsExactly("arithmetic:chat-cot-8");
        assertThat(exported.notMapped()).containsExactly("task \"arithmetic\" variant \"self-consistency\": 5 samples"
                + " with a majority vote become one completion (promptfoo's --repeat samples again but does not vote)");
    }

    @Test
    void keylessKeychainAndUnsupportedEndpointsAreSaidSo() {
        PromptSet set = new ExportSelection(null, List.of("zero-shot")).apply(ARITHMETIC);
        Exported exported = PromptfooWriter.write(set, List.of(
                target("plain", ProviderKind.LLAMACPP, KeyReference.NONE, GenerationSettings.NONE),
                target("vault", ProviderKind.OPENAI, KeyReference.keychainEntry("work"), GenerationSettings.NONE),
                target("claude", ProviderKind.ANTHROPIC, KeyReference.environment("ANTHROPIC_API_KEY"),
                        GenerationSettings.NONE)));
        JsonNode providers = PromptfooYaml.read(exported.text(), "x").path("providers");

        assertThat(providers).hasSize(2);
        assertThat(providers.get(0).path("config").path("apiKeyRequired").asBoolean(true)).isFalse();
        assertThat(providers.get(1).path("config").has("apiKeyEnvar")).isFalse();
        assertThat(exported.notMapped()).anyMatch(n -> n.startsWith("model \"vault\": its key is in the keychain"))
                .anyMatch(n -> n.startsWith("model \"claude\": a anthropic endpoint has no promptfoo provider"));
    }

    @Test
    void noExportHoldsAKey() {
        String key = "sk-live-" + UUID.randomUUID() + UUID.randomUUID();
        List<ProviderTarget> targets = List.of(
                target("vault", ProviderKind.OPENAI, new KeyReference("work", "RATIONALE_EXPORT_KEY"),
                        GenerationSettings.NONE));

        for (ExportFormat format : ExportFormat.values()) {
            Exported exported = PromptSetExporter.export(ARITHMETIC, format, ExportSelection.ALL, targets);
            assertThat(exported.text()).as(format.id()).doesNotContain(key).doesNotContain(key.substring(8, 30));
            assertThat(exported.notMapped()).as(format.id()).noneMatch(note -> note.contains(key));
        }
    }

    @Test
    void aSectionOnAnInputIsNamedBecausePromptfooWouldSendADifferentPrompt() {
        Task task = new Task("t", null, null,
                new PromptTemplate(null, "Q: {{q}}{{#hint}} (hint: {{hint}}){{/hint}}",
                        null, null, null),
                null, List.of(), List.of(new TestCase("c1", Map.of("q", "why?", "hint", ""), null)),
                List.of(Variant.named("v")));

        Exported exported = PromptfooWriter.write(PromptSet.of("s", List.of(task)), List.of());

        assertThat(exported.notMapped()).contains("task \"t\" variant \"v\" case \"c1\": its prompt depends on"
                + " an input beyond filling it in (a {{#section}}), so promptfoo would send a different prompt");
    }
}
