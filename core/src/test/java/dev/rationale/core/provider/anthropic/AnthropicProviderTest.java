// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static dev.rationale.core.provider.anthropic.AnthropicSse.blockStop;
import static dev.rationale.core.provider.anthropic.AnthropicSse.errorBody;
import static dev.rationale.core.provider.anthropic.AnthropicSse.event;
import static dev.rationale.core.provider.anthropic.AnthropicSse.messageDelta;
import static dev.rationale.core.provider.anthropic.AnthropicSse.messageStart;
import static dev.rationale.core.provider.anthropic.AnthropicSse.messageStop;
import static dev.rationale.core.provider.anthropic.AnthropicSse.ping;
import static dev.rationale.core.provider.anthropic.AnthropicSse.signatureDelta;
import static dev.rationale.core.provider.anthropic.AnthropicSse.stream;
import static dev.rationale.core.provider.anthropic.AnthropicSse.textBlockStart;
import static dev.rationale.core.provider.anthropic.AnthropicSse.textDelta;
import static dev.rationale.core.provider.anthropic.AnthropicSse.textReply;
import static dev.rationale.core.provider.anthropic.AnthropicSse.thinkingBlockStart;
import static dev.rationale.core.provider.anthropic.AnthropicSse.thinkingDelta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.Failed;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.promptset.ThinkingLevel;
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
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-not-real";
    private static final RenderedPrompt.Chat PROMPT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."), ChatMessage.user("Q: 17*23?")));

    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private AnthropicProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new AnthropicProvider(HttpClients.forEndpoint(TestHttp.client(sleeper), AuthScheme.ANTHROPIC,
                () -> KEY), server.url("/").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CompletionRequest request() {
        return CompletionRequest.of("claude-sonnet-4-5", PROMPT);
    }

    private RecordingListener streamed(CompletionRequest request) {
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        return listener;
    }

    private CompletionResult run(CompletionRequest request) throws InterruptedException {
        return streamed(request).await();
    }

    private RecordedRequest sent() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private JsonNode sentBody() throws InterruptedException, IOException {
        RecordedRequest recorded = sent();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/messages");
        return JSON.readTree(recorded.getBody().utf8());
    }

    /** The key must not travel further than the request header: no event and no message (or cause's) holds it. */
    private static void assertKeyInNoEvent(RecordingListener listener) {
        for (CompletionEvent event : listener.events()) {
            assertThat(event.toString()).doesNotContain(KEY);
            if (event instanceof Failed failed) {
                assertKeyInNoMessage(failed.error());
            }
        }
    }

    private static void assertKeyInNoMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
        }
    }

    @Test
    void streamsThinkingApartFromTheAnswerWithUsageAndFinishReason() throws Exception {
        server.enqueue(stream(messageStart(18)
                + thinkingBlockStart(0)
                + ping()
                + thinkingDelta(0, "17*23 = 17*20 + 17*3")
                + thinkingDelta(0, " = 340 + 51.")
                + signatureDelta(0, "EqQBCkgIARABGAIiQL")
                + blockStop(0)
                + textBlockStart(1)
                + textDelta(1, "39")
                + textDelta(1, "1")
                + blockStop(1)
                + messageDelta("end_turn", 212)
                + messageStop()));
        CompletionRequest request = request().withMaxTokens(3000).withThinking(ThinkingLevel.LOW);

        RecordingListener listener = streamed(request);
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("391");
        assertThat(result.first().reasoning()).isEqualTo("17*23 = 17*20 + 17*3 = 340 + 51.");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new Usage(18, 212, null));
        assertThat(result.notices()).isEmpty();
        assertThat(listener.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "ReasoningDelta", "ReasoningDelta", "TextDelta", "TextDelta", "UsageReported", "SampleFinished",
                "Completed");
        assertThat(listener.eventsOf(ReasoningDelta.class)).noneMatch(d -> d.text().contains("EqQB"));
        assertKeyInNoEvent(listener);

        RecordedRequest sent = sent();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(3000);
        assertThat(body.path("system").asText()).isEqualTo("Answer tersely.");
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Q: 17*23?\"}]");
        assertThat(body.path("stream").isBoolean()).isTrue();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":1024}");
        assertThat(body.toString()).doesNotContain(KEY);
    }

    @Test
    void sendsNoThinkingAndTheDefaultLimitWhenThinkIsNotRequested() throws Exception {
        server.enqueue(stream(textReply("391")));

        CompletionResult result = run(request().withSampling(0.2, 0.9, 40, null, null).withStop(List.of("\n\n")));

        assertThat(result.first().text()).isEqualTo("391");
        JsonNode body = sentBody();
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicRequests.DEFAULT_MAX_TOKENS);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("top_k").asInt()).isEqualTo(40);
        assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"\\n\\n\"]");
    }

    @Test
    void setsTheApiVersionItselfSoAClientWithoutAKeyStillSendsIt() throws Exception {
        provider = new AnthropicProvider(TestHttp.client(sleeper), server.url("/").toString());
        server.enqueue(stream(textReply("391")));

        run(request());

        RecordedRequest sent = sent();
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeaders().get("x-api-key")).isNull();
    }

    @Test
    void logprobsAndSeedGiveNoticesFirstAndTheRequestStillRuns() throws Exception {
        server.enqueue(stream(textReply("391")));

        RecordingListener listener = streamed(request().withLogprobs(5).withSampling(null, null, null, null, 42L));
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("391");
        assertThat(result.first().tokens()).isEmpty();
        assertThat(listener.events().subList(0, 2)).containsExactly(
                new Notice("Anthropic gives no token probabilities; the answer is shown without them"),
                new Notice("Anthropic takes no seed; samples are not reproducible"));
        assertThat(listener.eventsOf(Notice.class)).hasSize(2);
        JsonNode body = sentBody();
        assertThat(body.has("seed")).isFalse();
        assertThat(body.has("logprobs")).isFalse();
        assertThat(body.has("top_logprobs")).isFalse();
    }

    @Test
    void minPGivesANoticeAndIsNotSent() throws Exception {
        server.enqueue(stream(textReply("391")));

        RecordingListener listener = streamed(request().withSampling(0.7, null, null, 0.05, null));
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(listener.events().getFirst()).isEqualTo(new Notice("Anthropic takes no min_p; it was left out"));
        assertThat(result.notices()).containsExactly("Anthropic takes no min_p; it was left out");
        JsonNode body = sentBody();
        assertThat(body.has("min_p")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void rejectsARawTextPromptBeforeSendingAnything() {
        CompletionRequest text = CompletionRequest.of("claude-sonnet-4-5", new RenderedPrompt.Text("Q: 2+2?\nA:"));
        RecordingListener listener = new RecordingListener();

        assertThatThrownBy(() -> provider.stream(text, listener))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(listener.events()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsSeveralSamplesBeforeSendingAnything() {
        RecordingListener listener = new RecordingListener(2, event -> { });

        assertThatThrownBy(() -> provider.stream(request().withSamples(2), listener))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(listener.events()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r"})
    void readsOtherLineBreaksAndSkipsKeepAliveComments(String lineBreak) throws Exception {
        String body = (": keep-alive\n\n" + messageStart(7) + textBlockStart(0) + ": keep-alive\n\n"
                + textDelta(0, "Hi") + ping() + textDelta(0, " there") + blockStop(0) + ": keep-alive\n\n"
                + messageDelta("max_tokens", 2) + messageStop()).replace("\n", lineBreak);
        server.enqueue(stream(body));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Hi there");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new Usage(7, 2, null));
    }

    @Test
    void anErrorEventAfterHttp200FailsTheStreamKeepingTheTextBefore() throws Exception {
        server.enqueue(stream(messageStart(18) + textBlockStart(0) + textDelta(0, "Par")
                + event("error", "{'type':'error','error':{'type':'overloaded_error','message':'Overloaded'}}")
                + textDelta(0, "NEVER") + messageStop()));

        RecordingListener listener = streamed(request());
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("Par");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure().retriable()).isTrue();
        assertThat(result.failure()).hasMessage("Anthropic: Overloaded (overloaded_error)");
        assertThat(listener.eventsOf(SampleFinished.class)).isEmpty();
        assertThat(listener.eventsOf(UsageReported.class)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionCutMidwayFailsAsInterruptedKeepingTheText() throws Exception {
        server.enqueue(AnthropicSse.breakingAfter(messageStart(18) + thinkingBlockStart(0)
                + thinkingDelta(0, "Hmm.") + blockStop(0) + textBlockStart(1) + textDelta(1, "The")
                + textDelta(1, " answer"), SocketEffect.ShutdownConnection.INSTANCE));

        CompletionResult result = run(request());

        assertThat(result.first().reasoning()).isEqualTo("Hmm.");
        assertThat(result.first().text()).isEqualTo("The answer");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure().getMessage()).startsWith("Anthropic: the stream was cut after 3 tokens");
    }

    @Test
    void aStreamEndingBeforeMessageStopFailsAsInterruptedKeepingTheText() throws Exception {
        server.enqueue(stream(messageStart(18) + textBlockStart(0) + textDelta(0, "Half") + blockStop(0)
                + messageDelta("end_turn", 4)));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("Half");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasMessage("Anthropic: the stream ended before message_stop after 1 tokens");
    }

    @Test
    void retriesARateLimitAfterTheServersRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body(errorBody("rate_limit_error", "Number of requests has exceeded your per-minute rate limit"))
                .build());
        server.enqueue(stream(textReply("391")));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("391");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
        sent();
        assertThat(sent().getHeaders().get("x-api-key")).as("the retry carries the key too").isEqualTo(KEY);
    }

    @Test
    void doesNotRetryARateLimitThatIsAReachedSpendLimit() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":"
                        + "\"You have reached your specified API usage limits\","
                        + "\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}")
                .build());
        server.enqueue(stream(textReply("NEVER")));

        CompletionResult result = run(request());

        assertThat(result.failure().status()).isEqualTo(429);
        assertThat(result.failure().getMessage()).contains("You have reached your specified API usage limits");
        assertThat(result.first().text()).isEmpty();
        assertThat(sleeper.waits()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 529})
    void retriesAServerErrorWithBackOff(int status) throws Exception {
        String type = status == 500 ? "api_error" : "overloaded_error";
        server.enqueue(new MockResponse.Builder().code(status).body(errorBody(type, "Internal server error")).build());
        server.enqueue(stream(textReply("391")));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("391");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedKeyFailsAsAuthenticationWithTheServersMessage() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401)
                .body(errorBody("authentication_error", "invalid x-api-key")).build());

        RecordingListener listener = streamed(request());
        CompletionResult result = listener.await();

        assertThat(result.failure().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.failure().status()).isEqualTo(401);
        assertThat(result.failure()).hasMessage("Anthropic: HTTP 401 (authentication_error): invalid x-api-key");
        assertKeyInNoEvent(listener);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownModelFailsAsModelNotFound() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404)
                .body(errorBody("not_found_error", "model: claude-sonnet-9")).build());

        CompletionResult result = run(CompletionRequest.of("claude-sonnet-9", PROMPT));

        assertThat(result.failure().kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(result.failure().status()).isEqualTo(404);
        assertThat(result.failure().getMessage()).contains("model: claude-sonnet-9");
    }

    @Test
    void cancellingMidStreamEndsItCompletedAsCancelled() throws Exception {
        server.enqueue(AnthropicSse.breakingAfter(messageStart(18) + textBlockStart(0) + textDelta(0, "Thinking"),
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
        assertThat(listener.events().getLast()).isInstanceOf(Completed.class);
        running.cancel();
        assertThat(listener.eventsOf(Completed.class)).hasSize(1);
    }

    @Test
    void listsModelsAcrossPagesInTheServersOrder() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"data\":["
                + "{\"type\":\"model\",\"id\":\"claude-opus-4-5\",\"display_name\":\"Claude Opus 4.5\"},"
                + "{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\",\"display_name\":\"Claude Sonnet 4.5\"}],"
                + "\"has_more\":true,\"first_id\":\"claude-opus-4-5\",\"last_id\":\"claude-sonnet-4-5\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"data\":["
                + "{\"type\":\"model\",\"id\":\"claude-3-haiku-20240307\",\"display_name\":\"Claude Haiku 3\"}],"
                + "\"has_more\":false,\"first_id\":\"claude-3-haiku-20240307\","
                + "\"last_id\":\"claude-3-haiku-20240307\"}").build());

        List<ModelInfo> models = provider.listModels();

        assertThat(models).extracting(ModelInfo::id).containsExactly("claude-opus-4-5", "claude-sonnet-4-5",
                "claude-3-haiku-20240307");
        RecordedRequest first = sent();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(first.getUrl().queryParameter("after_id")).isNull();
        assertThat(first.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(first.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        RecordedRequest second = sent();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(second.getUrl().queryParameter("after_id")).isEqualTo("claude-sonnet-4-5");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void listingModelsWithARefusedKeyThrowsAnAuthenticationFailure() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body(errorBody("authentication_error", "invalid x-api-key")).build());

        assertThatThrownBy(provider::listModels).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("invalid x-api-key");
            assertKeyInNoMessage(e);
        });
    }
}
