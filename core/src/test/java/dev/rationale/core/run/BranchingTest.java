// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import static dev.rationale.core.provider.embedded.TestModels.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenIdListener;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.embedded.TestModels;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BranchingTest {
    private static final String ONCE = "Once upon a time";
    private static EmbeddedProvider embedded;
    private static Path model;

    @BeforeAll
    static void load() {
        model = TestModels.stories();
        embedded = TestModels.oneThread();
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Test
    void onTheEmbeddedEngineABranchIsExactGreedyGenerationAfterTheChosenToken() throws Exception {
        CompletionRequest request = CompletionRequest.of(model.toString(), new RenderedPrompt.Text(ONCE))
                .withMaxTokens(12).withLogprobs(5);
        TokenIdRecorder ids = new TokenIdRecorder();
        CompletionResult original = collect(c -> embedded.stream(request, c, ids));
        List<ScoredToken> tokens = original.first().tokens();
        Branching.Point point = new Branching.Point(tokens.subList(0, 4), tokens.get(4), 1, ids.generated());
        assertThat(Branching.supported(embedded, request, true)).isTrue();

        CompletionResult branch = collect(c -> Branching.start(embedded, request, point, c, TokenIdListener.NONE));

        String kept = String.join("", tokens.subList(0, 4).stream().map(ScoredToken::text).toList());
        String chosen = tokens.get(4).top().get(1).text();
        CompletionResult reference = collect(c -> embedded.stream(CompletionRequest.of(model.toString(),
                new RenderedPrompt.Text(ONCE + kept + chosen)).withMaxTokens(11), c));
        assertThat(branch.failure()).isNull();
        assertThat(branch.first().tokens().getFirst().text()).isEqualTo(chosen);
        assertThat(branch.first().text()).isEqualTo(chosen + reference.first().text());
    }

    @Test
    void onARawTextServerTheBranchSendsPromptKeptTokensAndTheChoiceAndStartsWithIt() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body("data: {\"choices\":[{\"index\":0,\"text\":\" 5.\",\"finish_reason\":\"stop\"}]}\n\n"
                            + "data: [DONE]\n\n").build());
            OpenAiTextProvider provider = new OpenAiTextProvider(HttpClients.create(), server.url("/v1").toString());
            CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+3?\nA:"))
                    .withMaxTokens(10).withLogprobs(2);
            ScoredToken original = new ScoredToken(" 6", List.of(32, 54), -0.9, List.of(
                    new TokenAlternative(" 6", -0.9), new TokenAlternative(" The", -1.2)));
            List<ScoredToken> kept = List.of(new ScoredToken(" It", List.of(), -0.1, List.of()),
                    new ScoredToken(" is", List.of(), -0.2, List.of()));

            CompletionResult branch = collect(c -> Branching.start(provider, request,
                    new Branching.Point(kept, original, 1, null), c, TokenIdListener.NONE));

            assertThat(branch.first().text()).isEqualTo(" The 5.");
            assertThat(branch.first().tokens().getFirst()).isEqualTo(new ScoredToken(" The", List.of(), -1.2,
                    original.top()));
            var sent = new ObjectMapper().readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
            assertThat(sent.get("prompt").asText()).isEqualTo("Q: 2+3?\nA: It is The");
            assertThat(sent.get("max_tokens").asInt()).isEqualTo(7);
        }
    }

    @Test
    void aChatPromptOnAServerCannotBranch() {
        OpenAiChatProvider chat = new OpenAiChatProvider(HttpClients.create(), "http://127.0.0.1:1/v1");
        CompletionRequest request = CompletionRequest.of("m",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("hi"))));
        ScoredToken token = new ScoredToken("a", List.of(), -1.0, List.of(new TokenAlternative("b", -2.0)));

        assertThat(Branching.supported(chat, request, false)).isFalse();
        assertThatThrownBy(() -> Branching.start(chat, request, new Branching.Point(List.of(), token, 0, null),
                event -> { }, TokenIdListener.NONE)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED));
    }
}
