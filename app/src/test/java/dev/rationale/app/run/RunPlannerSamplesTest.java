// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.output.RunSpec;
import dev.rationale.app.output.Subjects;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** An Output run asks for a self-consistency variant's samples only where one request brings them all back. */
class RunPlannerSamplesTest {
    private static final OkHttpClient HTTP = HttpClients.create();
    private static final CompletionRequest REQUEST = CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(
            ChatMessage.user("What is 3 + 4?"))));

    private static RunSpec spec(CompletionProvider provider) {
        return new RunSpec(provider, REQUEST, AnswerFormat.DEFAULT, "7", "test", Subjects.of("m"));
    }

    private static Variant sampling(Integer samples) {
        Variant named = Variant.named("sc");
        return new Variant(named.id(), null, null, List.of(), null, null, null, null, null, null, null, samples,
                null, null);
    }

    @Test
    void aBackendThatReturnsSeveralCompletionsIsAskedForTheVariantsSamples() {
        RunSpec sampled = RunPlanner.sampled(spec(new OpenAiChatProvider(HTTP, "http://localhost/v1")), sampling(5));

        assertThat(sampled.request().samples()).isEqualTo(5);
    }

    @Test
    void aBackendThatReturnsOneOrAVariantOfOneSampleKeepsOne() {
        RunSpec anthropic = spec(new AnthropicProvider(HTTP, "http://localhost/"));
        RunSpec openAi = spec(new OpenAiChatProvider(HTTP, "http://localhost/v1"));

        assertThat(RunPlanner.sampled(anthropic, sampling(5))).isSameAs(anthropic);
        assertThat(RunPlanner.sampled(openAi, sampling(null))).isSameAs(openAi);
        assertThat(RunPlanner.sampled(openAi, sampling(1))).isSameAs(openAi);
    }
}
