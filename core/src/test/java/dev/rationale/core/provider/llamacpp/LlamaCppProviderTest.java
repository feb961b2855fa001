// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.AuthScheme;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlamaCppProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RenderedPrompt.Text PROMPT = new RenderedPrompt.Text("Q: 2+2?\nA:");
    private static final String STOP_WORD = "{'content':'','stop':true,'tokens_predicted':4,'tokens_evaluated':9,"
            + "'stop_type':'word','stopping_word':'\\n'}";

    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private LlamaCppProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new LlamaCppProvider(TestHttp.client(sleeper), server.url("/").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** {@code data:} events, written with single quotes for readability; the stream ends at EOF. */
    private static String events(String... payloads) {
        StringBuilder body = new StringBuilder();
        for (String payload : payloads) {
            body.append("data: ").append(payload.replace('\'', '"')).append("\n\n");
        }
        return body.toString();
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static String token(String text, String bytes, double logprob, String top) {
        return "{'content':'" + text + "','stop':false,'completion_probabilities':[{'id':1,'token':'" + text
                + "','bytes':[" + bytes + "],'logprob':" + logprob + ",'top_logprobs':[" + top + "]}]}";
    }

    private CompletionResult run(CompletionRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        return listener.await();
    }

    private JsonNode sentBody() throws InterruptedException, IOException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/completion");
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void streamsScoredTokensRebuildingASplitCharacterAndEndsAtTheStopEvent() throws Exception {
        server.enqueue(sse(events(
                token(" 4", "32,52", -0.31, "{'id':1,'token':' 4','bytes':[32,52],'logprob':-0.31},"
                        + "{'id':2,'token':' four','bytes':[32,102,111,117,114],'logprob':-1.9}"),
                // llama.cpp cuts the partial UTF-8 tail off "token" and the content; the bytes are whole.
                token("", "195", -0.2, ""),
                token("é", "169", -3.4028234663852886e+38, "{'id':3,'token':'x','bytes':[120],'logprob':-0.9}"),
                STOP_WORD)));

        CompletionResult result = run(CompletionRequest.of("ignored", PROMPT).withLogprobs(2).withMaxTokens(16)
                .withSampling(0.0, null, null, 0.05, 42L).withStop(List.of("\n")));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo(" 4é");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(result.usage()).isEqualTo(new Usage(9, 4, null));
        List<ScoredToken> tokens = result.first().tokens();
        assertThat(tokens).extracting(ScoredToken::text).containsExactly(" 4", "", "é");
        assertThat(tokens).extracting(ScoredToken::bytes).containsExactly(List.of(32, 52), List.of(195),
                List.of(169));
        // The "impossible" placeholder is no probability at all; the chosen token may be missing from its top list.
        assertThat(tokens).extracting(ScoredToken::logprob).containsExactly(-0.31, -0.2, null);
        assertThat(tokens.get(0).top()).containsExactly(new TokenAlternative(" 4", -0.31),
                new TokenAlternative(" four", -1.9));
        assertThat(tokens.get(2).top()).containsExactly(new TokenAlternative("x", -0.9));

        JsonNode body = sentBody();
        assertThat(body.path("prompt").asText()).isEqualTo("Q: 2+2?\nA:");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("n_predict").asInt()).isEqualTo(16);
        assertThat(body.path("n_probs").asInt()).isEqualTo(2);
        assertThat(body.path("post_sampling_probs").asBoolean()).isFalse();
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("min_p").asDouble()).isEqualTo(0.05);
        assertThat(body.path("stop").toString()).isEqualTo("[\"\\n\"]");
    }

    @Test
    void readsTheOldProbabilityShapeAsNaturalLogs() throws Exception {
        server.enqueue(sse(events("{'content':' 4','stop':false,'completion_probabilities':[{'content':' 4',"
                + "'probs':[{'tok_str':' 4','prob':0.5},{'tok_str':' 5','prob':0.25}]}]}", STOP_WORD)));

        CompletionResult result = run(CompletionRequest.of("m", PROMPT).withLogprobs(2));

        ScoredToken only = result.first().tokens().getFirst();
        assertThat(only.logprob()).isCloseTo(Math.log(0.5), offset(1e-12));
        assertThat(only.top()).extracting(TokenAlternative::text).containsExactly(" 4", " 5");
        assertThat(only.top().get(1).logprob()).isCloseTo(Math.log(0.25), offset(1e-12));
    }

    @Test
    void splitsAThinkBlockOutOfTheRawTextEvenWhenThePromptOpenedIt() throws Exception {
        RenderedPrompt.Text opened = new RenderedPrompt.Text("<|im_start|>assistant\n<think>\n");
        server.enqueue(sse(events("{'content':'Two and two','stop':false}", "{'content':' is four.</thi',"
                + "'stop':false}", "{'content':'nk>\\n\\n4','stop':false}", STOP_WORD)));

        CompletionResult result = run(CompletionRequest.of("m", opened));

        assertThat(result.notices()).isEmpty();
        assertThat(result.first().reasoning()).isEqualTo("Two and two is four.");
        assertThat(result.first().text()).isEqualTo("\n\n4");
    }

    @Test
    void failsOnAnErrorEventAfterHttp200KeepingTheTextBefore() throws Exception {
        server.enqueue(sse(events("{'content':'Par','stop':false}", "{'error':{'code':500,'message':"
                + "'context size exceeded','type':'exceed_context_size_error'}}")));

        CompletionResult result = run(CompletionRequest.of("m", PROMPT));

        assertThat(result.first().text()).isEqualTo("Par");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure()).hasMessage("llama.cpp: context size exceeded");
    }

    @Test
    void failsOnTheOlderNonStandardErrorField() throws Exception {
        server.enqueue(sse(": keep-alive\r\n\r\ndata: {\"content\":\"A\",\"stop\":false}\r\n\r\n"
                + "error: {\"code\":503,\"message\":\"slot unavailable\"}\r\n\r\n"));

        CompletionResult result = run(CompletionRequest.of("m", PROMPT));

        assertThat(result.first().text()).isEqualTo("A");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure()).hasMessage("llama.cpp: slot unavailable");
    }

    @Test
    void reportsAStreamEndingBeforeItsStopEventAsInterrupted() throws Exception {
        server.enqueue(sse(events("{'content':'Half','stop':false}")));

        CompletionResult result = run(CompletionRequest.of("m", PROMPT));

        assertThat(result.first().text()).isEqualTo("Half");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasMessage("llama.cpp: the stream ended before its \"stop\" event after 1 tokens");
    }

    @Test
    void keepsTheTokensReceivedWhenTheConnectionIsCutMidway() throws Exception {
        String delivered = events(token("The", "84,104,101", -0.5, ""));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + ": " + "x".repeat(delivered.length() + 400) + "\n\n"
                        + events("{'content':'NEVER','stop':false}"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        CompletionResult result = run(CompletionRequest.of("m", PROMPT).withLogprobs(1));

        assertThat(result.first().text()).isEqualTo("The");
        assertThat(result.first().tokens()).extracting(ScoredToken::logprob).containsExactly(-0.5);
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure().getMessage()).startsWith("llama.cpp: the stream was cut after 1 tokens");
    }

    @Test
    void retriesWhileTheModelLoadsThenStreams() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2").body("{\"error\":{"
                + "\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}").build());
        server.enqueue(sse(events("{'content':'4','stop':false}", STOP_WORD)));

        CompletionResult result = run(CompletionRequest.of("m", PROMPT));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("4");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void sendsTheKeyAsABearerTokenWithoutItReachingTheEvents() throws Exception {
        String key = "test-key-not-real";
        provider = new LlamaCppProvider(HttpClients.forEndpoint(TestHttp.client(sleeper), AuthScheme.BEARER,
                () -> key), server.url("/").toString());
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":401,\"message\":"
                + "\"Invalid API Key\",\"type\":\"authentication_error\"}}").build());

        CompletionResult result = run(CompletionRequest.of("m", PROMPT));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + key);
        assertThat(result.failure().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.failure().getMessage()).contains("Invalid API Key").doesNotContain(key);
    }

    @Test
    void refusesAChatPromptBeforeSendingAnything() {
        CompletionRequest chat = CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(ChatMessage.user("hi"))));

        assertThatThrownBy(() -> provider.stream(chat, event -> { }))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void listsTheLoadedModelWithItsSize() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"object\":\"list\",\"data\":[{\"id\":\"qwen3-8b-q4.gguf\","
                + "\"object\":\"model\",\"meta\":{\"n_params\":8190735360,\"n_ctx_train\":40960}}]}").build());

        List<ModelInfo> models = provider.listModels();

        assertThat(models).containsExactly(
                new ModelInfo("qwen3-8b-q4.gguf", ModelSize.measured(8_190_735_360L), 40960));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/v1/models");
    }
}
