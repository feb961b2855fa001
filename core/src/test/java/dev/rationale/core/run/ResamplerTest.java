// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import static dev.rationale.core.provider.embedded.TestModels.collect;
import static dev.rationale.core.run.RecordedResample.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
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

class ResamplerTest {
    private static final String ONCE = "Once upon a time";
    /** The name the story's girl gets: "… a little girl named Lily." */
    private static final AnswerFormat NAME = new AnswerFormat(ExtractRule.REGEX, "named (\\w+)", null, null, null);
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
    void onTheEmbeddedEngineKContinuationsFromATokenDecodeThePrefixOnce() throws Exception {
        CompletionRequest request = CompletionRequest.of(model.toString(), new RenderedPrompt.Text(ONCE))
                .withMaxTokens(20).withLogprobs(2).withSampling(0.9, null, null, null, 7L);
        TokenIdRecorder ids = new TokenIdRecorder();
        CompletionResult original = collect(c -> embedded.stream(request.withSampling(0.0, null, null, null, null),
                c, ids));
        assertThat(original.first().text()).startsWith(", there was a little girl named Lily.");
        // Before " little" (p = 0.61): the rest of the sentence, the name included, is written again.
        ResamplePoint point = ResamplePoint.atToken(original.first().tokens(), 4, ids.generated());
        assertThat(point.before()).isEqualTo(", there was a");
        Resampler resampler = new Resampler(embedded, request, null, NAME, original.first().text());
        assertThat(resampler.route(point).kind()).isEqualTo(ResampleRoute.Kind.ENGINE);

        long decodedBefore = embedded.decodedTokens();
        RecordedResample outcome = run(resampler, List.of(point), 8);
        long decoded = embedded.decodedTokens() - decodedBefore;

        assertThat(outcome.failure).isNull();
        assertThat(outcome.progress).isEqualTo(8);
        ResampleTally tally = outcome.tallies.getFirst();
        assertThat(tally.original()).isEqualTo("Lily");
        assertThat(tally.samples()).isEqualTo(8);
        assertThat(tally.distribution().total()).isEqualTo(8);
        assertThat(tally.kept()).isBetween(0, 8);
        // The 5 prompt tokens and 4 kept ones at most once, then at most 16 new tokens per continuation; decoding
        // the prefix again for each continuation would cost 8 x 9 more.
        int prefix = 5 + 4;
        assertThat(decoded).isLessThanOrEqualTo(prefix + 8L * 16);
        assertThat(decoded).isGreaterThan(8L);
        // Seeded: the same resample again gives the same answers.
        assertThat(run(resampler, List.of(point), 8).tallies.getFirst().answers()).isEqualTo(tally.answers());
    }

    @Test
    void aFreshEngineDecodesThePromptAndKeptTokensExactlyOnceForAllContinuations() throws Exception {
        CompletionRequest request = CompletionRequest.of(model.toString(), new RenderedPrompt.Text(ONCE))
                .withMaxTokens(40).withLogprobs(1);
        TokenIdRecorder ids = new TokenIdRecorder();
        CompletionResult original = collect(c -> embedded.stream(request, c, ids));
        ResamplePoint point = ResamplePoint.atToken(original.first().tokens(), 30, ids.generated());
        try (EmbeddedProvider fresh = TestModels.oneThread()) {
            Resampler resampler = new Resampler(fresh, request.withMaxTokens(31).withSampling(1.0, null, null,
                    null, 3L), null, NAME, original.first().text());

            RecordedResample outcome = run(resampler, List.of(point), 6);

            assertThat(outcome.failure).isNull();
            // Each continuation may write 1 token (31 - 30): it is sampled from the cached prefix's logits and,
            // being the last, never decoded. So the prompt (5) and the kept tokens (30) are all that is decoded.
            assertThat(outcome.tallies.getFirst().samples()).isEqualTo(6);
            assertThat(fresh.decodedTokens()).isEqualTo(5 + 30);
        }
    }

    @Test
    void aRawTextServerGetsThePromptAndTheTextBeforeThePointAsItsPromptOncePerSample() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (String end : List.of(" 5.", " 6.", " 5.")) {
                server.enqueue(sse("{\"choices\":[{\"index\":0,\"text\":\"" + end + "\",\"finish_reason\":"
                        + "\"stop\"}]}"));
            }
            OpenAiTextProvider provider = new OpenAiTextProvider(HttpClients.create(), server.url("/v1").toString());
            CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+3?\nA:"))
                    .withMaxTokens(10).withSampling(0.7, null, null, null, 40L);
            List<ScoredToken> tokens = List.of(token(" The"), token(" answer"), token(" is"), token(" 5."));
            Resampler resampler = new Resampler(provider, request, null, numberFormat(), " The answer is 5.");

            RecordedResample outcome = run(resampler,
                    List.of(ResamplePoint.atToken(tokens, 3, null)), 3);

            assertThat(outcome.failure).isNull();
            ResampleTally tally = outcome.tallies.getFirst();
            assertThat(tally.answers()).containsExactly("5", "6", "5");
            assertThat(tally.kept()).isEqualTo(2);
            assertThat(tally.keptShare()).isEqualTo(2 / 3.0);
            for (long seed = 40; seed < 43; seed++) {
                JsonNode sent = body(server);
                assertThat(sent.get("prompt").asText()).isEqualTo("Q: 2+3?\nA: The answer is");
                assertThat(sent.get("seed").asLong()).isEqualTo(seed);
                assertThat(sent.get("max_tokens").asInt()).isEqualTo(7);
                assertThat(sent.has("logprobs")).isFalse();
            }
        }
    }

    @Test
    void aChatBackendThatTakesAPrefillGetsTheTextBeforeThePointAsTheAssistantTurn() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(anthropicReply(" 12."));
            server.enqueue(anthropicReply(" 13."));
            AnthropicProvider provider = new AnthropicProvider(HttpClients.create(), server.url("/").toString());
            CompletionRequest request = CompletionRequest.of("claude-sonnet-4-5",
                    new RenderedPrompt.Chat(List.of(ChatMessage.user("What is 7 + 5?")))).withMaxTokens(50);
            String answer = "7 + 5 = 12, so the answer is 12.";
            ResamplePoint point = new ResamplePoint("step 2", "7 + 5 = 12, so the answer is ", -1, null);
            Resampler resampler = new Resampler(provider, request, 0.5, numberFormat(), answer);

            RecordedResample outcome = run(resampler, List.of(point), 2);

            assertThat(outcome.failure).isNull();
            assertThat(outcome.tallies.getFirst().answers()).containsExactly("12", "13");
            JsonNode sent = body(server);
            JsonNode messages = sent.get("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
            // Anthropic refuses a prefill ending in a blank, so it is left out; the reply brings it back.
            assertThat(messages.get(1).get("content").toString()).contains("7 + 5 = 12, so the answer is\"");
            assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
        }
    }

    @Test
    void aChatBackendWithoutPrefillSaysClearlyThatItCannot() throws Exception {
        OpenAiChatProvider chat = new OpenAiChatProvider(HttpClients.create(), "http://127.0.0.1:1/v1");
        CompletionRequest request = CompletionRequest.of("gpt-x",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("What is 7 + 5?"))));
        Resampler resampler = new Resampler(chat, request, null, numberFormat(), "12");

        RecordedResample outcome = run(resampler,
                List.of(new ResamplePoint("step 1", "7 + 5", -1, null)), 4);

        assertThat(outcome.failure).isNotNull();
        assertThat(outcome.failure.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        assertThat(outcome.failure.getMessage()).contains("cannot continue an answer from a point")
                .contains("does not continue a begun assistant reply").contains("embedded engine");
        assertThat(outcome.tallies).isEmpty();
    }

    @Test
    void perStepPointsStartAtEachStepsFirstTokenAndAreTalliedInOrder() throws Exception {
        List<ScoredToken> tokens = List.of(token("6 x 7 = 42."), token("\n"), token("So"), token(" the answer is"),
                token(" 42."));
        String text = "6 x 7 = 42.\nSo the answer is 42.";
        var chain = dev.rationale.core.analysis.ReasoningSteps.of(numberFormat()).analyze("", text, tokens);

        List<ResamplePoint> points = ResamplePoint.stepStarts(chain, text, tokens, null);

        assertThat(points).extracting(ResamplePoint::label).containsExactly("step 1", "step 2");
        assertThat(points).extracting(ResamplePoint::position).containsExactly(0, 2);
        assertThat(points.get(1).before()).isEqualTo("6 x 7 = 42.\n");
    }

    private static AnswerFormat numberFormat() {
        return new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null, null);
    }

    private static ScoredToken token(String text) {
        return new ScoredToken(text, List.of(), -0.5, List.of());
    }

    private static MockResponse sse(String data) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: " + data + "\n\ndata: [DONE]\n\n").build();
    }

    private static MockResponse anthropicReply(String text) {
        String body = event("message_start", "{'type':'message_start','message':{'id':'m1','type':'message',"
                + "'role':'assistant','model':'claude-sonnet-4-5','content':[],'stop_reason':null,"
                + "'usage':{'input_tokens':10,'output_tokens':1}}}")
                + event("content_block_start", "{'type':'content_block_start','index':0,"
                + "'content_block':{'type':'text','text':''}}")
                + event("content_block_delta", "{'type':'content_block_delta','index':0,"
                + "'delta':{'type':'text_delta','text':'" + text + "'}}")
                + event("content_block_stop", "{'type':'content_block_stop','index':0}")
                + event("message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn',"
                + "'stop_sequence':null},'usage':{'output_tokens':3}}")
                + event("message_stop", "{'type':'message_stop'}");
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static String event(String name, String payload) {
        return "event: " + name + "\ndata: " + payload.replace('\'', '"') + "\n\n";
    }

    private static JsonNode body(MockWebServer server) throws Exception {
        return new ObjectMapper().readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    }
}
