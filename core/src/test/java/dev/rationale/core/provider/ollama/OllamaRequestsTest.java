// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaRequestsTest {
    private static final RenderedPrompt.Chat CHAT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer briefly."), ChatMessage.user("2+2?"), ChatMessage.assistant("4"),
            ChatMessage.user("3+3?")));
    private static final RenderedPrompt.Text TEXT = new RenderedPrompt.Text("Q: 2+2?\nA:");

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void chatPromptGoesToApiChatWithMessagesInOrderAndWireRoles() {
        OllamaRequests.Post post = OllamaRequests.post(CompletionRequest.of("qwen3:8b", CHAT));

        assertThat(post.path()).isEqualTo("/api/chat");
        ObjectNode body = post.body();
        assertThat(body.get("model").asText()).isEqualTo("qwen3:8b");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
                + "{\"role\":\"user\",\"content\":\"2+2?\"},{\"role\":\"assistant\",\"content\":\"4\"},"
                + "{\"role\":\"user\",\"content\":\"3+3?\"}]");
        assertThat(body.has("prompt")).isFalse();
        assertThat(body.has("raw")).isFalse();
    }

    @Test
    void textPromptGoesToApiGenerateRawSoNoTemplateIsApplied() {
        OllamaRequests.Post post = OllamaRequests.post(CompletionRequest.of("qwen3:8b", TEXT));

        assertThat(post.path()).isEqualTo("/api/generate");
        ObjectNode body = post.body();
        assertThat(body.get("prompt").asText()).isEqualTo("Q: 2+2?\nA:");
        assertThat(body.get("raw").isBoolean()).isTrue();
        assertThat(body.get("raw").asBoolean()).isTrue();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.has("messages")).isFalse();
    }

    @Test
    void settingsLeftToTheBackendAreLeftOutEntirely() {
        ObjectNode body = OllamaRequests.generate(CompletionRequest.of("m", TEXT), TEXT);

        assertThat(fieldNames(body)).containsExactly("model", "stream", "prompt", "raw");
    }

    @Test
    void setSamplingSettingsGoIntoOptionsUnderOllamaNames() {
        CompletionRequest request = CompletionRequest.of("m", CHAT).withMaxTokens(64)
                .withSampling(0.7, 0.9, 40, 0.05, 42L).withStop(List.of("\n\n", "Q:"));

        JsonNode options = OllamaRequests.chat(request, CHAT).get("options");

        assertThat(fieldNames(options))
                .containsExactlyInAnyOrder("temperature", "top_p", "top_k", "min_p", "seed", "num_predict", "stop");
        assertThat(options.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(options.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(options.get("top_k").asInt()).isEqualTo(40);
        assertThat(options.get("min_p").asDouble()).isEqualTo(0.05);
        assertThat(options.get("seed").asLong()).isEqualTo(42L);
        assertThat(options.get("num_predict").asInt()).isEqualTo(64);
        assertThat(options.get("stop").toString()).isEqualTo("[\"\\n\\n\",\"Q:\"]");
    }

    @Test
    void optionsHoldOnlyTheSettingsThatAreSet() {
        CompletionRequest request = CompletionRequest.of("m", TEXT).withSampling(0.0, null, null, null, null);

        JsonNode options = OllamaRequests.generate(request, TEXT).get("options");

        assertThat(fieldNames(options)).containsExactly("temperature");
        assertThat(options.get("temperature").asDouble()).isZero();
    }

    @Test
    void thinkIsSentOnlyWhenTheRequestChoosesAndLevelsOnlyToGptOss() {
        CompletionRequest request = CompletionRequest.of("qwen3:8b", CHAT);

        assertThat(OllamaRequests.chat(request, CHAT).has("think")).isFalse();
        assertThat(OllamaRequests.chat(request.withThinking(ThinkingLevel.HIGH), CHAT).get("think").isBoolean())
                .isTrue();
        assertThat(OllamaRequests.chat(request.withThinking(ThinkingLevel.HIGH), CHAT).get("think").asBoolean())
                .isTrue();
        JsonNode off = OllamaRequests.chat(request.withThinking(ThinkingLevel.OFF), CHAT).get("think");
        assertThat(off.isBoolean()).isTrue();
        assertThat(off.asBoolean()).isFalse();
        CompletionRequest gptOss = CompletionRequest.of("gpt-oss:20b", CHAT).withThinking(ThinkingLevel.LOW);
        assertThat(OllamaRequests.chat(gptOss, CHAT).get("think").asText()).isEqualTo("low");
        assertThat(OllamaRequests.notices(gptOss)).isEmpty();
        assertThat(OllamaRequests.generate(CompletionRequest.of("m", TEXT).withThinking(ThinkingLevel.HIGH), TEXT)
                .has("think")).isFalse();
    }

    @Test
    void aLevelOllamaCannotTakeOrRawTextSaysSoOnce() {
        assertThat(OllamaRequests.notices(CompletionRequest.of("qwen3:8b", CHAT).withThinking(ThinkingLevel.LOW)))
                .containsExactly("Ollama switches thinking only on or off for qwen3:8b, so \"low\" turns it on");
        assertThat(OllamaRequests.notices(CompletionRequest.of("qwen3:8b", CHAT).withThinking(ThinkingLevel.OFF)))
                .isEmpty();
        assertThat(OllamaRequests.notices(CompletionRequest.of("m", TEXT).withThinking(ThinkingLevel.OFF)))
                .containsExactly("Ollama takes raw text past the model's template, so thinking \"off\" cannot be "
                        + "switched there; the model thinks as it does by default");
    }

    @Test
    void logprobsWithAlternativesAskForTopLogprobs() {
        ObjectNode body = OllamaRequests.chat(CompletionRequest.of("m", CHAT).withLogprobs(5), CHAT);

        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(5);
    }

    @Test
    void logprobsWithoutAlternativesOmitTopLogprobs() {
        ObjectNode body = OllamaRequests.chat(CompletionRequest.of("m", CHAT).withLogprobs(0), CHAT);

        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.has("top_logprobs")).isFalse();
    }

    @Test
    void topLogprobsAreMappedAsGivenBecauseTheCapabilityCheckClampsThem() {
        ObjectNode body = OllamaRequests.generate(CompletionRequest.of("m", TEXT).withLogprobs(50), TEXT);

        assertThat(body.get("top_logprobs").asInt()).isEqualTo(50);
    }

    @Test
    void capabilitiesDescribeTheNativeApi() {
        assertThat(OllamaProtocol.CAPABILITIES)
                .isEqualTo(Capabilities.builder().chat().rawText().thinkingControl().maxTopLogprobs(20).reasoning()
                        .seed().modelListing().structuredOutput().build());
    }
}
