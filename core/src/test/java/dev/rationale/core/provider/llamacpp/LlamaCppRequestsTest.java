// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaCppRequestsTest {
    private static final RenderedPrompt.Text TEXT = new RenderedPrompt.Text("Q: 2+2?\nA:");

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textPromptIsSentExactlyAndStreamed() {
        ObjectNode body = LlamaCppRequests.completion(CompletionRequest.of("ignored", TEXT));

        assertThat(body.get("prompt").asText()).isEqualTo("Q: 2+2?\nA:");
        assertThat(body.get("stream").asBoolean()).isTrue();
    }

    @Test
    void settingsLeftToTheServerAreLeftOut() {
        ObjectNode body = LlamaCppRequests.completion(CompletionRequest.of("m", TEXT));

        assertThat(fieldNames(body)).containsExactly("prompt", "stream", "post_sampling_probs");
    }

    @Test
    void probabilitiesAreAlwaysAskedForPreSampling() {
        ObjectNode body = LlamaCppRequests.completion(CompletionRequest.of("m", TEXT).withLogprobs(5));

        assertThat(body.get("post_sampling_probs").isBoolean()).isTrue();
        assertThat(body.get("post_sampling_probs").asBoolean()).isFalse();
    }

    @Test
    void samplingSettingsUseLlamaCppNames() {
        CompletionRequest request = CompletionRequest.of("m", TEXT).withMaxTokens(16)
                .withSampling(0.0, 0.95, 40, 0.05, 42L).withStop(List.of("\n"));

        ObjectNode body = LlamaCppRequests.completion(request);

        assertThat(body.get("n_predict").asInt()).isEqualTo(16);
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.95);
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
        assertThat(body.get("min_p").asDouble()).isEqualTo(0.05);
        assertThat(body.get("seed").asLong()).isEqualTo(42L);
        assertThat(body.get("stop").toString()).isEqualTo("[\"\\n\"]");
        assertThat(body.has("n_probs")).isFalse();
    }

    @Test
    void alternativesAskedForBecomeNProbs() {
        ObjectNode body = LlamaCppRequests.completion(CompletionRequest.of("m", TEXT).withLogprobs(5));

        assertThat(body.get("n_probs").asInt()).isEqualTo(5);
    }

    @Test
    void logprobsWithoutAlternativesStillAskForOneBecauseZeroTurnsProbabilitiesOff() {
        ObjectNode body = LlamaCppRequests.completion(CompletionRequest.of("m", TEXT).withLogprobs(0));

        assertThat(body.get("n_probs").asInt()).isEqualTo(1);
    }

    @Test
    void chatPromptIsUnsupported() {
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(ChatMessage.user("hi"))));

        assertThatThrownBy(() -> LlamaCppRequests.completion(request)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED));
    }

    @Test
    void capabilitiesDescribeTheRawCompletionEndpoint() {
        assertThat(LlamaCppProtocol.CAPABILITIES)
                .isEqualTo(Capabilities.builder().rawText().thinkingControl().maxTopLogprobs(100).reasoning().seed()
                        .modelListing().structuredOutput().build());
    }
}
