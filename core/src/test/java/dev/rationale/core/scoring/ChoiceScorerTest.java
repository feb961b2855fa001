// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.embedded.EmbeddedOptions;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChoiceScorerTest {
    private static final String MODEL = "stories260K.gguf";
    private static final RenderedPrompt.Text STORY = new RenderedPrompt.Text("Once upon a time, there was a little");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedProvider embedded;

    @BeforeAll
    static void load() {
        Path folder = Path.of(System.getProperty("rationale.models.dir", "../../shared/models")).toAbsolutePath();
        embedded = new EmbeddedProvider(EmbeddedOptions.defaults(folder).withThreads(1));
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Test
    void theEmbeddedEngineRanksAPlausibleOptionAboveNoise() {
        ChoiceScorer scorer = ChoiceScorer.of(embedded).orElseThrow();

        ChoiceRanking ranking = scorer.rank(MODEL, STORY, List.of(" zqxv kjw", " girl"));

        assertThat(ranking.scores()).extracting(ChoiceScore::choice).containsExactly(" zqxv kjw", " girl");
        assertThat(ranking.bestByLogprob().choice()).isEqualTo(" girl");
        assertThat(ranking.bestByNormalizedLogprob().choice()).isEqualTo(" girl");
        // The engine's own continuation scores are what the ranking reports, token count included.
        var direct = embedded.scoreContinuations(MODEL, STORY, List.of(" girl")).getFirst();
        assertThat(ranking.scores().get(1).logprob()).isCloseTo(direct.logprob(), within(1e-9));
        assertThat(ranking.scores().get(1).tokens()).isEqualTo(direct.tokenIds().size());
    }

    @Test
    void onlyBackendsThatScorePromptsGetAScorer() {
        OkHttpClient http = TestHttp.client(new TestHttp.FakeSleeper());

        assertThat(ChoiceScorer.of(new OpenAiChatProvider(http, "http://127.0.0.1:9/v1"))).isEmpty();
        assertThat(ChoiceScorer.of(new OpenAiTextProvider(http, "http://127.0.0.1:9/v1",
                OpenAiOptions.defaults().withName("vLLM")))).isPresent();
    }

    @Test
    void anEchoingServerScoresEachOptionFromTheTokensAfterThePrompt() throws IOException, InterruptedException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new EchoingServer());
            server.start();
            ChoiceScorer scorer = ChoiceScorer.of(new OpenAiTextProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                    server.url("/v1").toString(), OpenAiOptions.defaults().withName("vLLM"))).orElseThrow();

            ChoiceRanking ranking = scorer.rank("m", new RenderedPrompt.Text("Q: 2+2?\nA:"),
                    List.of(" 4", " four hundred"));

            // " 4" is one token at -0.5; " four hundred" is two tokens at -0.5 and -1.5 (see EchoingServer).
            assertThat(ranking.scores().get(0)).isEqualTo(new ChoiceScore(" 4", -0.5, 1));
            assertThat(ranking.scores().get(1)).isEqualTo(new ChoiceScore(" four hundred", -2.0, 2));
            assertThat(ranking.bestByLogprob().choice()).isEqualTo(" 4");
            JsonNode sent = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
            assertThat(sent.path("prompt").asText()).isEqualTo("Q: 2+2?\nA: 4");
            assertThat(sent.path("echo").asBoolean()).isTrue();
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aTokenStraddlingTheBoundaryCountsForTheOption() {
        List<ScoredToken> tokens = List.of(token("Q", null), token(":", -1.0), token(" A", -0.25),
                token("nswer", -0.75));

        // The prompt is "Q: A" (4 characters): " A" ends inside it, "nswer" is the option's.
        assertThat(EchoChoiceScorer.sumAfter(tokens, 4, "nswer")).isEqualTo(new ChoiceScore("nswer", -0.75, 1));
        // The prompt is "Q: " (3 characters): " A" starts in the prompt but ends in the option, so it counts.
        assertThat(EchoChoiceScorer.sumAfter(tokens, 3, "Answer")).isEqualTo(new ChoiceScore("Answer", -1.0, 2));
    }

    @Test
    void chatPromptsCannotBeScoredByEcho() {
        ChoiceScorer scorer = new EchoChoiceScorer(new OpenAiTextProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                "http://127.0.0.1:9/v1", OpenAiOptions.defaults()));

        assertThatThrownBy(() -> scorer.rank("m", new RenderedPrompt.Chat(List.of(ChatMessage.user("hi"))),
                List.of(" a"))).isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED));
    }

    @Test
    void tiesGoToTheOptionListedFirst() {
        ChoiceRanking ranking = new ChoiceRanking(List.of(new ChoiceScore("a", -2.0, 2), new ChoiceScore("b", -1.0, 1),
                new ChoiceScore("c", -1.0, 1)));

        assertThat(ranking.bestByLogprob().choice()).isEqualTo("b");
        // Per token all three are -1.0.
        assertThat(ranking.bestByNormalizedLogprob().choice()).isEqualTo("a");
    }

    private static ScoredToken token(String text, Double logprob) {
        return new ScoredToken(text, List.of(), logprob, List.of());
    }

    /**
     * Echoes the prompt as tokens: the fixed prefix "Q: 2+2?\nA:" as one token without a score (the first token
     * never has one) and then the option: " 4" as one token at -0.5, " four hundred" as " four" at -0.5 and
     * " hundred" at -1.5; then one generated token.
     */
    private static final class EchoingServer extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String prompt;
            try {
                prompt = JSON.readTree(request.getBody().utf8()).path("prompt").asText();
            } catch (IOException e) {
                return new MockResponse.Builder().code(400).build();
            }
            String prefix = "Q: 2+2?\nA:";
            String option = prompt.substring(prefix.length());
            List<String> tokens = option.equals(" 4") ? List.of(prefix, " 4") : List.of(prefix, " four", " hundred");
            List<String> logprobs = option.equals(" 4") ? List.of("null", "-0.5") : List.of("null", "-0.5", "-1.5");
            String echo = "{\"choices\":[{\"index\":0,\"text\":" + quote(prompt) + ",\"logprobs\":{\"tokens\":["
                    + String.join(",", tokens.stream().map(ChoiceScorerTest::quote).toList())
                    + "],\"token_logprobs\":[" + String.join(",", logprobs) + "],\"top_logprobs\":["
                    + String.join(",", tokens.stream().map(t -> "null").toList()) + "]},\"finish_reason\":null}]}";
            String generated = "{\"choices\":[{\"index\":0,\"text\":\" x\",\"logprobs\":{\"tokens\":[\" x\"],"
                    + "\"token_logprobs\":[-3.0],\"top_logprobs\":[null]},\"finish_reason\":\"length\"}]}";
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body("data: " + echo + "\n\ndata: " + generated + "\n\ndata: [DONE]\n\n").build();
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
