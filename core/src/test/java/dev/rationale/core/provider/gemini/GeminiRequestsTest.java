// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RenderedPrompt.Chat FEW_SHOT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."),
            ChatMessage.user("Q: Capital of Italy?\nA:"),
            ChatMessage.assistant("Rome"),
            ChatMessage.user("Q: Capital of France?\nA:")));

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void chatPromptBecomesSystemInstructionAndUserModelContents() {
        JsonNode body = GeminiRequests.body(CompletionRequest.of("gemini-2.5-flash", FEW_SHOT));

        assertThat(body).isEqualTo(json("{'systemInstruction':{'parts':[{'text':'Answer tersely.'}]},"
                + "'contents':[{'role':'user','parts':[{'text':'Q: Capital of Italy?\\nA:'}]},"
                + "{'role':'model','parts':[{'text':'Rome'}]},"
                + "{'role':'user','parts':[{'text':'Q: Capital of France?\\nA:'}]}]}"));
    }

    @Test
    void consecutiveMessagesOfOneRoleShareOneTurnAndSystemMessagesAreGathered() {
        RenderedPrompt.Chat prompt = new RenderedPrompt.Chat(List.of(ChatMessage.system("Be terse."),
                ChatMessage.user("Example 1"), ChatMessage.user("Example 2"), ChatMessage.system("Use digits."),
                ChatMessage.assistant("ok"), ChatMessage.assistant("really")));

        JsonNode body = GeminiRequests.body(CompletionRequest.of("m", prompt));

        assertThat(body.get("systemInstruction"))
                .isEqualTo(json("{'parts':[{'text':'Be terse.'},{'text':'Use digits.'}]}"));
        assertThat(body.get("contents")).isEqualTo(json("[{'role':'user','parts':[{'text':'Example 1'},"
                + "{'text':'Example 2'}]},{'role':'model','parts':[{'text':'ok'},{'text':'really'}]}]"));
    }

    @Test
    void generationConfigMapsFieldByField() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(256)
                .withSampling(0.0, 0.95, 40, null, 7L).withStop(List.of("\n\n")).withSamples(2).withLogprobs(5)
                .withThinking(ThinkingLevel.MEDIUM);

        JsonNode config = GeminiRequests.body(request).get("generationConfig");

        assertThat(config).isEqualTo(json("{'temperature':0.0,'topP':0.95,'topK':40,'maxOutputTokens':256,"
                + "'stopSequences':['\\n\\n'],'seed':7,'candidateCount':2,'responseLogprobs':true,'logprobs':5,"
                + "'thinkingConfig':{'thinkingBudget':8192,'includeThoughts':true}}"));
    }

    @ParameterizedTest
    @CsvSource({"OFF, 0, false", "LOW, 1024, true", "MEDIUM, 8192, true", "HIGH, 24576, true"})
    void eachThinkingLevelSendsItsBudgetAndAsksForThoughtsWhenOn(ThinkingLevel level, int budget,
            boolean thoughts) {
        JsonNode thinking = GeminiRequests.body(CompletionRequest.of("m", FEW_SHOT).withThinking(level))
                .path("generationConfig").path("thinkingConfig");

        assertThat(thinking.get("thinkingBudget").intValue()).isEqualTo(budget);
        assertThat(thinking.path("includeThoughts").asBoolean(false)).isEqualTo(thoughts);
    }

    @Test
    void requestWithNothingSetHasNoGenerationConfig() {
        assertThat(GeminiRequests.body(CompletionRequest.of("m", FEW_SHOT)).has("generationConfig")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0, -1", "3, 3", "20, 20", "50, 20"})
    void logprobAlternativesAreCappedAt20AndLeftOutForNone(int asked, int sent) {
        JsonNode config = GeminiRequests.body(CompletionRequest.of("m", FEW_SHOT).withLogprobs(asked))
                .get("generationConfig");

        assertThat(config.get("responseLogprobs").booleanValue()).isTrue();
        assertThat(config.path("logprobs").asInt(-1)).isEqualTo(sent);
    }

    @Test
    void oneSampleAndNoThinkingLevelSendNothing() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(10);

        JsonNode config = GeminiRequests.body(request).get("generationConfig");

        assertThat(config).isEqualTo(json("{'maxOutputTokens':10}"));
    }

    @Test
    void longSeedKeepsItsLow32BitsAndSaysSo() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withSampling(null, null, null, 0.1,
                (1L << 32) + 5);

        assertThat(GeminiRequests.body(request).path("generationConfig").get("seed").intValue()).isEqualTo(5);
        assertThat(GeminiRequests.notices(request)).containsExactly("Gemini takes no min_p; it was left out",
                "Gemini takes a 32-bit seed; 4294967301 was sent as 5");
    }

    @Test
    void streamPathNamesTheModelAndAsksForSse() {
        assertThat(GeminiRequests.streamPath("gemini-2.5-flash"))
                .isEqualTo("/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
        assertThat(GeminiRequests.streamPath("models/gemini-2.5-pro"))
                .isEqualTo("/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertThat(GeminiRequests.streamPath("my model?x"))
                .isEqualTo("/models/my%20model%3Fx:streamGenerateContent?alt=sse");
    }

    @Test
    void rawTextPromptIsUnsupported() {
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+2?\nA:"));

        assertThatThrownBy(() -> GeminiRequests.body(request)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED));
    }

    @Test
    void capabilitiesOfferLogprobsSeedSamplesAndReasoning() {
        assertThat(GeminiProtocol.CAPABILITIES)
                .isEqualTo(Capabilities.builder().chat().thinkingControl().maxTopLogprobs(20).reasoning().seed()
                        .multipleSamples().modelListing().structuredOutput().build());
    }
}
