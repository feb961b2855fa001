// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestJsonTest {

    static List<CompletionRequest> requests() {
        RenderedPrompt.Chat chat = new RenderedPrompt.Chat(List.of(ChatMessage.system("Be \"brief\".\n\t\\"),
                ChatMessage.user("Ünïcødé \u2028 😀 \u0001 </script>"), ChatMessage.assistant("ok")));
        List<CompletionRequest> requests = new ArrayList<>(List.of(
                CompletionRequest.of("bench", new RenderedPrompt.Chat(List.of(ChatMessage.user("Q: 1 + 3?")))),
                CompletionRequest.of("m", new RenderedPrompt.Text("")),
                CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2 + 2?\nA:", "sent as text: few-shot"))
                        .withStop(List.of("\n", "Q:")).withLogprobs(0).withPromptLogprobs(true),
                CompletionRequest.of("m", chat.withAdaptation("sent as 3 chat messages")).withMaxTokens(16)
                        .withSampling(0.1, 1.0, 40, 1e-7, -42L).withLogprobs(5).withSamples(3),
                CompletionRequest.of("m", chat).withSampling(2.5e10, null, null, 0.0, Long.MAX_VALUE)));
        for (ThinkingLevel level : ThinkingLevel.values()) {
            requests.add(CompletionRequest.of("m", chat).withThinking(level));
        }
        return requests;
    }

    @ParameterizedTest
    @MethodSource("requests")
    void writesTheTextTheHistoryMapperWrites(CompletionRequest request) {
        String own = RequestJson.write(request);

        assertThat(own).isEqualTo(HistoryJson.write(request));
        assertThat(HistoryJson.request(own)).isEqualTo(request);
    }
}
