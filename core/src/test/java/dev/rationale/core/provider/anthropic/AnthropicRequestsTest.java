// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RenderedPrompt.Chat FEW_SHOT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."),
            ChatMessage.user("Q: 2+2?"),
            ChatMessage.assistant("4"),
            ChatMessage.user("Q: 17*23?")));

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void chatPromptBecomesSystemPlusAlternatingMessagesWithDefaultLimit() {
        JsonNode body = AnthropicRequests.body(CompletionRequest.of("claude-sonnet-4-5", FEW_SHOT));

        assertThat(body).isEqualTo(json("{'model':'claude-sonnet-4-5','max_tokens':4096,'system':'Answer tersely.',"
                + "'messages':[{'role':'user','content':'Q: 2+2?'},{'role':'assistant','content':'4'},"
                + "{'role':'user','content':'Q: 17*23?'}],'stream':true}"));
    }

    @Test
    void consecutiveMessagesOfOneRoleMergeIntoOneTurnOfTextBlocks() {
        RenderedPrompt.Chat prompt = new RenderedPrompt.Chat(List.of(ChatMessage.user("Example: 1"),
                ChatMessage.user("Example: 2"), ChatMessage.assistant("ok"), ChatMessage.user("Now: 3")));

        JsonNode body = AnthropicRequests.body(CompletionRequest.of("m", prompt));

        assertThat(body.get("messages")).isEqualTo(json("[{'role':'user','content':["
                + "{'type':'text','text':'Example: 1'},{'type':'text','text':'Example: 2'}]},"
                + "{'role':'assistant','content':'ok'},{'role':'user','content':'Now: 3'}]"));
    }

    @Test
    void severalSystemMessagesBecomeSystemTextBlocksAndLeaveTheTurns() {
        RenderedPrompt.Chat prompt = new RenderedPrompt.Chat(List.of(ChatMessage.system("Be terse."),
                ChatMessage.user("Q"), ChatMessage.system("Use digits."), ChatMessage.user("R")));

        JsonNode body = AnthropicRequests.body(CompletionRequest.of("m", prompt));

        assertThat(body.get("system")).isEqualTo(json("[{'type':'text','text':'Be terse.'},"
                + "{'type':'text','text':'Use digits.'}]"));
        assertThat(body.get("messages")).isEqualTo(json("[{'role':'user','content':[{'type':'text','text':'Q'},"
                + "{'type':'text','text':'R'}]}]"));
    }

    @Test
    void promptWithoutSystemMessageHasNoSystemField() {
        JsonNode body = AnthropicRequests.body(CompletionRequest.of("m",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("hi")))));

        assertThat(body.has("system")).isFalse();
    }

    @Test
    void samplingSettingsMapFieldByField() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(256)
                .withSampling(0.2, 0.9, 40, null, null).withStop(List.of("\n\n", "Q:"));

        JsonNode body = AnthropicRequests.body(request);

        assertThat(body.get("max_tokens").intValue()).isEqualTo(256);
        assertThat(body.get("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(body.get("top_p").doubleValue()).isEqualTo(0.9);
        assertThat(body.get("top_k").intValue()).isEqualTo(40);
        assertThat(body.get("stop_sequences")).isEqualTo(json("['\\n\\n','Q:']"));
        assertThat(body.has("thinking")).isFalse();
        assertThat(AnthropicRequests.notices(request)).isEmpty();
    }

    @Test
    void unsupportedSettingsAreNotSent() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withSampling(null, null, null, 0.05, 7L)
                .withLogprobs(5);

        JsonNode body = AnthropicRequests.body(request);

        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("min_p")).isFalse();
        assertThat(body.has("logprobs")).isFalse();
        assertThat(AnthropicRequests.notices(request)).containsExactly("Anthropic takes no min_p; it was left out");
    }

    @Test
    void mediumThinkingGetsA4096BudgetUnderTheDefaultLimitRaisedAboveIt() {
        JsonNode body = AnthropicRequests.body(CompletionRequest.of("m", FEW_SHOT).withThinking(ThinkingLevel.MEDIUM));

        assertThat(body.get("thinking")).isEqualTo(json("{'type':'enabled','budget_tokens':4096}"));
        assertThat(body.get("max_tokens").intValue()).isEqualTo(4096 + 4096);
    }

    @ParameterizedTest
    @CsvSource({
        "LOW, 8000, 8000, 1024",
        "LOW, 1024, 2048, 1024",
        "LOW, 256, 1280, 1024",
        "MEDIUM, 8000, 8000, 4096",
        "MEDIUM, 4096, 8192, 4096",
        "HIGH, 32000, 32000, 16384",
        "HIGH, 512, 16896, 16384"
    })
    void theBudgetStaysBelowMaxTokensAndTheAnswerKeepsItsRoom(ThinkingLevel level, int asked, int sentLimit,
            int budget) {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(asked).withThinking(level);

        JsonNode body = AnthropicRequests.body(request);

        assertThat(body.get("max_tokens").intValue()).isEqualTo(sentLimit);
        assertThat(body.path("thinking").get("budget_tokens").intValue()).isEqualTo(budget);
        assertThat(budget).isGreaterThanOrEqualTo(1024).isLessThan(sentLimit);
    }

    @Test
    void raisedLimitIsReportedAsNotice() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(256)
                .withThinking(ThinkingLevel.LOW);

        assertThat(AnthropicRequests.notices(request)).containsExactly("Thinking \"low\" has a budget of 1024 "
                + "tokens, which must stay below max_tokens; max_tokens was raised from 256 to 1280 so the answer "
                + "keeps its room");
    }

    @Test
    void thinkingLeavesOutTemperatureAndTopKAndRaisesTopP() {
        CompletionRequest request = CompletionRequest.of("m", FEW_SHOT).withSampling(0.0, 0.5, 20, null, null)
                .withThinking(ThinkingLevel.HIGH).withMaxTokens(20000);

        JsonNode body = AnthropicRequests.body(request);

        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("top_k")).isFalse();
        assertThat(body.get("top_p").doubleValue()).isEqualTo(0.95);
        assertThat(AnthropicRequests.notices(request)).containsExactly(
                "Anthropic takes no temperature or top_k while thinking; they were left out",
                "Anthropic takes top_p of 0.95 to 1 while thinking; 0.5 was raised to 0.95");
    }

    @Test
    void offDisablesThinkingAndKeepsTemperatureWhileUnsetSendsNothing() {
        CompletionRequest off = CompletionRequest.of("m", FEW_SHOT).withMaxTokens(100)
                .withSampling(0.0, null, null, null, null).withThinking(ThinkingLevel.OFF);

        JsonNode body = AnthropicRequests.body(off);

        assertThat(body.get("thinking")).isEqualTo(json("{'type':'disabled'}"));
        assertThat(body.get("max_tokens").intValue()).isEqualTo(100);
        assertThat(body.get("temperature").doubleValue()).isZero();
        assertThat(AnthropicRequests.notices(off)).isEmpty();
        assertThat(AnthropicRequests.body(CompletionRequest.of("m", FEW_SHOT)).has("thinking")).isFalse();
    }

    @Test
    void rawTextPromptIsUnsupported() {
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+2?\nA:"));

        assertThatThrownBy(() -> AnthropicRequests.body(request)).isInstanceOf(ProviderException.class)
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
    }

    @Test
    void capabilitiesAreChatAndReasoningWithoutProbabilities() {
        assertThat(AnthropicProtocol.CAPABILITIES)
                .isEqualTo(Capabilities.builder().chat().thinkingControl().reasoning().modelListing().build());
    }
}
