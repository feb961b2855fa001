// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static dev.rationale.core.provider.openai.SseBodies.done;
import static dev.rationale.core.provider.openai.SseBodies.events;
import static dev.rationale.core.provider.openai.SseBodies.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiChatProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RenderedPrompt.Chat PROMPT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."), ChatMessage.user("Q: 2+2?\nA:")));

    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private OpenAiChatProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OpenAiChatProvider(TestHttp.client(sleeper), server.url("/v1").toString(),
                OpenAiOptions.defaults().withName("vLLM"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CompletionResult run(CompletionRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        return listener.await();
    }

    private static CompletionRequest request() {
        return CompletionRequest.of("qwen3-8b", PROMPT);
    }

    private JsonNode sentBody() throws InterruptedException, IOException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void streamsTextWithScoredTokensAlternativesAndUsage() throws Exception {
        server.enqueue(stream(done(
                "{'id':'c1','choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':null}]}",
                "{'choices':[{'index':0,'delta':{'content':'Caf'},'logprobs':{'content':[{'token':'Caf',"
                        + "'logprob':-0.1,'bytes':[67,97,102],'top_logprobs':[{'token':'Ca','logprob':-3.0,"
                        + "'bytes':[67,97]},{'token':'Caf','logprob':-0.1,'bytes':[67,97,102]}]}]}}]}",
                "{'choices':[{'index':0,'delta':{'content':'é'},'logprobs':{'content':["
                        + "{'token':'\\ufffd','logprob':-0.2,'bytes':[195],'top_logprobs':[]},"
                        + "{'token':'\\ufffd','logprob':-9999.0,'bytes':[169],'top_logprobs':"
                        + "[{'token':'x','logprob':-1.5,'bytes':[120]}]}]}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':9,'completion_tokens':3,'total_tokens':12,"
                        + "'completion_tokens_details':{'reasoning_tokens':0}}}")));

        CompletionResult result = run(request().withMaxTokens(16).withSampling(0.0, null, null, null, 7L)
                .withLogprobs(2));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Café");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new Usage(9, 3, 0));
        List<ScoredToken> tokens = result.first().tokens();
        assertThat(tokens).extracting(ScoredToken::text).containsExactly("Caf", "", "é");
        assertThat(String.join("", tokens.stream().map(ScoredToken::text).toList())).isEqualTo("Café");
        assertThat(tokens).extracting(ScoredToken::bytes).containsExactly(List.of(67, 97, 102), List.of(195),
                List.of(169));
        assertThat(tokens).extracting(ScoredToken::logprob).containsExactly(-0.1, -0.2, null);
        assertThat(tokens.get(0).top()).containsExactly(new TokenAlternative("Caf", -0.1),
                new TokenAlternative("Ca", -3.0));
        assertThat(tokens.get(2).top()).containsExactly(new TokenAlternative("x", -1.5));

        JsonNode body = sentBody();
        assertThat(body.path("model").asText()).isEqualTo("qwen3-8b");
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Answer "
                + "tersely.\"},{\"role\":\"user\",\"content\":\"Q: 2+2?\\nA:\"}]");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("temperature").asDouble()).isZero();
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("top_p")).isFalse();
    }

    @Test
    void sendsMaxCompletionTokensWhenTheOptionSaysSo() throws Exception {
        provider = new OpenAiChatProvider(TestHttp.client(sleeper), server.url("/v1/").toString(),
                OpenAiOptions.defaults().withTokenLimit(OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS));
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'4'},'finish_reason':'stop'}]}")));

        run(request().withMaxTokens(64).withStop(List.of("\n")));

        JsonNode body = sentBody();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("stop").toString()).isEqualTo("[\"\\n\"]");
        assertThat(body.has("logprobs")).isFalse();
    }

    @Test
    void readsReasoningFromReasoningContentAndFromReasoning() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'delta':{'reasoning_content':'Two and two'}}]}",
                "{'choices':[{'index':0,'delta':{'reasoning':' make four.'}}]}",
                "{'choices':[{'index':0,'delta':{'content':'4','reasoning':null}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'stop','stop_reason':'\\n'}]}")));

        CompletionResult result = run(request());

        assertThat(result.first().reasoning()).isEqualTo("Two and two make four.");
        assertThat(result.first().text()).isEqualTo("4");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(result.timings().firstTokenMillis()).isNotNull();
        assertThat(result.timings().thinkingMillis()).isNotNull().isNotNegative();
    }

    @ParameterizedTest
    @CsvSource({"OFF, none", "LOW, low", "MEDIUM, medium", "HIGH, high"})
    void sendsTheThinkingLevelAsReasoningEffortAndCountsReasoningTokensApart(ThinkingLevel level, String effort)
            throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'4'},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':9,'completion_tokens':70,'total_tokens':79,"
                        + "'completion_tokens_details':{'reasoning_tokens':64}}}")));

        CompletionResult result = run(request().withThinking(level));

        assertThat(sentBody().path("reasoning_effort").asText()).isEqualTo(effort);
        assertThat(result.usage()).isEqualTo(new Usage(9, 70, 64));
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void countsThePromptTokensReadFromTheCacheApart() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'4'},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':2048,'completion_tokens':70,'total_tokens':2118,"
                        + "'prompt_tokens_details':{'cached_tokens':1920,'audio_tokens':0},"
                        + "'completion_tokens_details':{'reasoning_tokens':64}}}")));

        CompletionResult result = run(request());

        assertThat(result.usage()).isEqualTo(new Usage(2048, 70, 64, 1920));
    }

    @Test
    void sendsNoReasoningEffortWhenTheLevelIsLeftToTheModel() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'4'},'finish_reason':'stop'}]}")));

        run(request());

        assertThat(sentBody().has("reasoning_effort")).isFalse();
    }

    @Test
    void separatesInterleavedSamples() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'delta':{'content':'Yes'}},{'index':1,'delta':{'content':'No'}}]}",
                "{'choices':[{'index':1,'delta':{'content':', never'}}]}",
                "{'choices':[{'index':0,'delta':{'content':', always'},'finish_reason':'length'}]}",
                "{'choices':[{'index':1,'delta':{},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':5,'completion_tokens':6}}")));

        CompletionResult result = run(request().withSamples(2));

        assertThat(result.samples()).extracting(CompletionResult.Sample::text).containsExactly("Yes, always",
                "No, never");
        assertThat(result.samples()).extracting(CompletionResult.Sample::finishReason)
                .containsExactly(FinishReason.LENGTH, FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new Usage(5, 6, null));
        assertThat(sentBody().path("n").asInt()).isEqualTo(2);
    }

    @Test
    void ignoresKeepAliveCommentsAndCrlfLineBreaks() throws Exception {
        String body = (": OPENROUTER PROCESSING\n\n" + events(
                "{'choices':[{'index':0,'delta':{'content':'Hi'}}]}",
                "{'choices':[{'index':0,'delta':{'content':' there'},'finish_reason':'stop'}]}")
                + ": keep-alive\n\ndata: [DONE]\n\n").replace("\n", "\r\n");
        server.enqueue(stream(body));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Hi there");
    }

    @Test
    void keepsTheTokensReceivedWhenTheConnectionIsCutMidway() throws Exception {
        server.enqueue(SseBodies.breakingAfter(events(
                "{'choices':[{'index':0,'delta':{'content':'The'},'logprobs':{'content':[{'token':'The',"
                        + "'logprob':-0.5,'bytes':[84,104,101],'top_logprobs':[]}]}}]}",
                "{'choices':[{'index':0,'delta':{'content':' answer'},'logprobs':{'content':[{'token':' answer',"
                        + "'logprob':-0.7,'bytes':[32,97,110,115,119,101,114],'top_logprobs':[]}]}}]}"),
                SocketEffect.ShutdownConnection.INSTANCE));

        CompletionResult result = run(request().withLogprobs(0));

        assertThat(result.first().text()).isEqualTo("The answer");
        assertThat(result.first().tokens()).extracting(ScoredToken::logprob).containsExactly(-0.5, -0.7);
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure().getMessage()).startsWith("vLLM: the stream was cut after 2 tokens");
    }

    @Test
    void reportsAStreamEndingWithoutDoneAsInterrupted() throws Exception {
        server.enqueue(stream(events("{'choices':[{'index':0,'delta':{'content':'Half'}}]}")));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("Half");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasMessage("vLLM: the stream ended without [DONE] after 1 tokens");
    }

    @Test
    void failsOnAnErrorSentInsideTheStreamKeepingTheTextBefore() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'delta':{'content':'Par'}}]}",
                "{'error':{'message':'CUDA out of memory','type':'InternalServerError','code':500}}")));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("Par");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure()).hasMessage("vLLM: error during the stream (InternalServerError): CUDA out of "
                + "memory");
    }

    @Test
    void failsOnOldLlamaCppsErrorField() throws Exception {
        server.enqueue(stream("error: {\"code\":500,\"message\":\"slot unavailable\"}\n\n"));

        CompletionResult result = run(request());

        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure().getMessage()).contains("slot unavailable");
    }

    @Test
    void retriesARateLimitThenStreams() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build());
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'4'},'finish_reason':'stop'}]}")));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("4");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsARefusedKeyAsAnAuthenticationFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key "
                + "provided: sk-***\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());

        CompletionResult result = run(request());

        assertThat(result.failure().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.failure().status()).isEqualTo(401);
        assertThat(result.failure().getMessage()).startsWith("vLLM: HTTP 401 (invalid_request_error)");
    }

    @Test
    void cancellingMidStreamEndsItCancelledOnce() throws Exception {
        server.enqueue(SseBodies.breakingAfter(events("{'choices':[{'index':0,'delta':{'content':'Thinking'}}]}"),
                SocketEffect.Stall.INSTANCE));
        CountDownLatch firstText = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener(1, event -> {
            if (event instanceof TextDelta) {
                firstText.countDown();
            }
        });

        Cancellable running = provider.stream(request(), listener);
        assertThat(firstText.await(5, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Thinking");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.CANCELLED);
        running.cancel();
        assertThat(listener.eventsOf(Completed.class)).hasSize(1);
    }

    @Test
    void rejectsARawTextPromptBeforeSendingAnything() {
        CompletionRequest text = CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+2?\nA:"));

        assertThatThrownBy(() -> provider.stream(text, event -> { }))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void listsModelsWithTheSizesServersAdd() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"object\":\"list\",\"data\":["
                + "{\"id\":\"gpt-4.1-mini\",\"object\":\"model\",\"owned_by\":\"openai\"},"
                + "{\"id\":\"Qwen/Qwen3-8B\",\"max_model_len\":32768},"
                + "{\"id\":\"qwen3-8b-q4.gguf\",\"meta\":{\"n_params\":8190735360,\"n_ctx_train\":40960}}]}").build());

        List<ModelInfo> models = provider.listModels();

        assertThat(models).containsExactly(ModelInfo.named("gpt-4.1-mini"), new ModelInfo("Qwen/Qwen3-8B", null, 32768),
                new ModelInfo("qwen3-8b-q4.gguf", ModelSize.measured(8_190_735_360L), 40960));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
    }

    @Test
    void listingModelsWithAWrongKeyThrowsAnAuthenticationFailure() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());

        assertThatThrownBy(provider::listModels).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
    }
}
