// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import static dev.rationale.core.provider.gemini.GeminiSse.events;
import static dev.rationale.core.provider.gemini.GeminiSse.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.AuthScheme;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.RetryInterceptor;
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

class GeminiProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-not-real";
    private static final String MODEL = "gemini-2.5-flash";
    private static final RenderedPrompt.Chat PROMPT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."), ChatMessage.user("Capital of Italy?"),
            ChatMessage.assistant("Rome."), ChatMessage.user("Capital of France?")));

    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private GeminiProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new GeminiProvider(HttpClients.forEndpoint(TestHttp.client(sleeper), AuthScheme.GOOGLE, () -> KEY),
                server.url("/v1beta").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CompletionRequest request() {
        return CompletionRequest.of(MODEL, PROMPT);
    }

    /** Runs the request to its end; every run also checks that the key leaked into no event and no failure. */
    private RecordingListener runRecorded(CompletionRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        CompletionResult result = listener.await();
        assertThat(listener.events().toString()).doesNotContain(KEY);
        for (Throwable failure = result.failure(); failure != null; failure = failure.getCause()) {
            assertThat(String.valueOf(failure.getMessage())).doesNotContain(KEY);
        }
        return listener;
    }

    private CompletionResult run(CompletionRequest request) throws InterruptedException {
        return runRecorded(request).await();
    }

    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private static JsonNode json(String singleQuoted) throws IOException {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    private static MockResponse error(int code, String singleQuotedBody) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(singleQuotedBody.replace('\'', '"')).build();
    }

    private static MockResponse answer(String text) {
        return stream(events("{'candidates':[{'content':{'role':'model','parts':[{'text':'" + text + "'}]},"
                + "'finishReason':'STOP'}]}"));
    }

    private static ScoredToken token(String text, double logprob, TokenAlternative... top) {
        return new ScoredToken(text, List.of(), logprob, List.of(top));
    }

    @Test
    void streamsThoughtsApartFromTheAnswerWithScoredTokensUsageAndFinishReason() throws Exception {
        server.enqueue(stream(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'The user wants a capital.',"
                        + "'thought':true}]}}],'usageMetadata':{'promptTokenCount':21,'totalTokenCount':21},"
                        + "'modelVersion':'gemini-2.5-flash'}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Paris','thoughtSignature':'CiQB'}]},"
                        + "'logprobsResult':{'topCandidates':[{'candidates':["
                        + "{'token':'Lyon','tokenId':23456,'logProbability':-5.3},"
                        + "{'token':'Paris','tokenId':12345,'logProbability':-0.01}]}],"
                        + "'chosenCandidates':[{'token':'Paris','tokenId':12345,'logProbability':-0.01}]}}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':' is.'}]},"
                        + "'logprobsResult':{'topCandidates':["
                        + "{'candidates':[{'token':' was','logProbability':-0.4},"
                        + "{'token':' has','logProbability':-1.2}]},"
                        + "{'candidates':[{'token':'.'}]}],"
                        + "'chosenCandidates':[{'token':' is','logProbability':-2.5},{'token':'.'}]},"
                        + "'finishReason':'STOP','index':0}],"
                        + "'usageMetadata':{'promptTokenCount':21,'candidatesTokenCount':3,'thoughtsTokenCount':40,"
                        + "'totalTokenCount':64}}")));

        CompletionResult result = run(request().withSampling(0.0, null, null, null, 7L).withLogprobs(2)
                .withThinking(ThinkingLevel.LOW));

        assertThat(result.failed()).isFalse();
        assertThat(result.notices()).isEmpty();
        assertThat(result.first().text()).isEqualTo("Paris is.");
        assertThat(result.first().reasoning()).isEqualTo("The user wants a capital.");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP);
        // Completion tokens count the thoughts, which Gemini's candidatesTokenCount leaves out.
        assertThat(result.usage()).isEqualTo(new Usage(21, 43, 40));
        assertThat(result.first().tokens()).containsExactly(
                token("Paris", -0.01, new TokenAlternative("Paris", -0.01), new TokenAlternative("Lyon", -5.3)),
                // The chosen token is missing from its step's top list: kept as chosen, not added to the list.
                token(" is", -2.5, new TokenAlternative(" was", -0.4), new TokenAlternative(" has", -1.2)),
                // A token of probability 1 comes without logProbability.
                token(".", 0.0, new TokenAlternative(".", 0.0)));

        RecordedRequest sent = takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
        assertThat(sent.getUrl().query()).isEqualTo("alt=sse");
        assertThat(sent.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.getUrl().toString()).doesNotContain(KEY);
        assertThat(sent.getTarget()).doesNotContain(KEY);

        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.path("systemInstruction")).isEqualTo(json("{'parts':[{'text':'Answer tersely.'}]}"));
        assertThat(body.path("contents")).isEqualTo(json("[{'role':'user','parts':[{'text':'Capital of Italy?'}]},"
                + "{'role':'model','parts':[{'text':'Rome.'}]},"
                + "{'role':'user','parts':[{'text':'Capital of France?'}]}]"));
        assertThat(body.path("generationConfig")).isEqualTo(json("{'temperature':0.0,'seed':7,"
                + "'responseLogprobs':true,'logprobs':2,'thinkingConfig':{'thinkingBudget':1024,"
                + "'includeThoughts':true}}"));
        assertThat(body.has("model")).isFalse();
    }

    @Test
    void leavesOutThinkingAndLogprobsWhenNotAskedFor() throws Exception {
        server.enqueue(answer("Paris."));

        CompletionResult result = run(request().withMaxTokens(64).withStop(List.of("\n\n")));

        assertThat(result.first().text()).isEqualTo("Paris.");
        assertThat(result.first().tokens()).isEmpty();
        assertThat(JSON.readTree(takeRequest().getBody().utf8()).path("generationConfig"))
                .isEqualTo(json("{'maxOutputTokens':64,'stopSequences':['\\n\\n']}"));
    }

    @Test
    void separatesCandidatesWithAndWithoutIndex() throws Exception {
        server.enqueue(stream(events(
                // Proto3 JSON leaves out index 0; the second candidate carries its index.
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Yes'}]}},"
                        + "{'content':{'role':'model','parts':[{'text':'No'}]},'index':1}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':', never'}]},'index':1,"
                        + "'finishReason':'MAX_TOKENS'}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':', always'}]},'finishReason':'STOP'}],"
                        + "'usageMetadata':{'promptTokenCount':5,'candidatesTokenCount':6,'totalTokenCount':11}}")));

        CompletionResult result = run(request().withSamples(2));

        assertThat(result.failed()).isFalse();
        assertThat(result.samples()).extracting(CompletionResult.Sample::text).containsExactly("Yes, always",
                "No, never");
        assertThat(result.samples()).extracting(CompletionResult.Sample::finishReason)
                .containsExactly(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new Usage(5, 6, null));
        assertThat(JSON.readTree(takeRequest().getBody().utf8()).path("generationConfig").path("candidateCount")
                .asInt()).isEqualTo(2);
    }

    @Test
    void failsWhenTheStreamEndsBeforeEveryCandidateFinished() throws Exception {
        server.enqueue(stream(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Yes'}]},'finishReason':'STOP'},"
                        + "{'content':{'role':'model','parts':[{'text':'No'}]},'index':1}]}")));

        CompletionResult result = run(request().withSamples(2));

        assertThat(result.samples()).extracting(CompletionResult.Sample::text).containsExactly("Yes", "No");
        assertThat(result.samples()).extracting(CompletionResult.Sample::finishReason)
                .containsExactly(FinishReason.STOP, null);
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
    }

    @Test
    void capsAlternativesAt20WithANoticeSentFirst() throws Exception {
        server.enqueue(answer("Paris."));

        RecordingListener listener = runRecorded(request().withLogprobs(25));

        assertThat(listener.events().getFirst())
                .isEqualTo(new Notice("Gemini returns at most 20 alternatives per token, not 25"));
        assertThat(listener.await().notices()).hasSize(1);
        JsonNode config = JSON.readTree(takeRequest().getBody().utf8()).path("generationConfig");
        assertThat(config.path("responseLogprobs").asBoolean()).isTrue();
        assertThat(config.path("logprobs").asInt()).isEqualTo(20);
    }

    @Test
    void leavesOutMinPWithANotice() throws Exception {
        server.enqueue(answer("Paris."));

        CompletionResult result = run(request().withSampling(0.7, null, null, 0.05, null));

        assertThat(result.failed()).isFalse();
        assertThat(result.notices()).containsExactly("Gemini takes no min_p; it was left out");
        JsonNode body = JSON.readTree(takeRequest().getBody().utf8());
        assertThat(body.path("generationConfig")).isEqualTo(json("{'temperature':0.7}"));
    }

    @Test
    void rejectsARawTextPromptBeforeSendingAnything() {
        CompletionRequest text = CompletionRequest.of(MODEL, new RenderedPrompt.Text("Q: 2+2?\nA:"));

        assertThatThrownBy(() -> provider.stream(text, event -> { }))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("chat messages only");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void readsCrlfLineEndings() throws Exception {
        server.enqueue(stream(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Hi'}]}}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':' there'}]},'finishReason':'STOP'}]}")
                .replace("\n", "\r\n")));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Hi there");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void endsABlockedPromptAsContentFilteredWithANotice() throws Exception {
        server.enqueue(stream(events("{'promptFeedback':{'blockReason':'PROHIBITED_CONTENT'},"
                + "'usageMetadata':{'promptTokenCount':8,'totalTokenCount':8}}")));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEmpty();
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(result.notices()).containsExactly("Gemini blocked the prompt (PROHIBITED_CONTENT)");
        assertThat(result.usage()).isEqualTo(new Usage(8, null, null));
    }

    @Test
    void failsOnAnErrorSentInsideTheStreamKeepingTheTextBefore() throws Exception {
        server.enqueue(stream(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Par'}]}}]}",
                "{'error':{'code':500,'message':'An internal error has occurred.','status':'INTERNAL'}}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'NEVER'}]},'finishReason':'STOP'}]}")));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("Par");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure()).hasMessageContaining("INTERNAL: An internal error has occurred.");
    }

    @Test
    void keepsTheTextReceivedWhenTheConnectionIsCutMidway() throws Exception {
        server.enqueue(GeminiSse.breakingAfter(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'The'}]}}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':' answer'}]}}]}"),
                SocketEffect.ShutdownConnection.INSTANCE));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("The answer");
        assertThat(result.first().finishReason()).isNull();
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure().getMessage()).startsWith("Gemini: the stream was cut after 2 tokens");
    }

    @Test
    void reportsAStreamEndingBeforeAFinishReasonAsInterrupted() throws Exception {
        server.enqueue(stream(events("{'candidates':[{'content':{'role':'model','parts':[{'text':'Half'}]}}]}")));

        CompletionResult result = run(request());

        assertThat(result.first().text()).isEqualTo("Half");
        assertThat(result.first().finishReason()).isNull();
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure())
                .hasMessage("Gemini: the stream ended before every candidate had finished after 1 tokens");
    }

    @Test
    void waitsAsRetryAfterSaysOnResourceExhaustedThenStreams() throws Exception {
        MockResponse limited = new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").build();
        server.enqueue(limited);
        server.enqueue(answer("Paris."));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Paris.");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(takeRequest().getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(takeRequest().getHeaders().get("x-goog-api-key")).as("the retry carries the key too").isEqualTo(KEY);
    }

    @Test
    void retriesAServerErrorAfterTheFirstBackOffThenStreams() throws Exception {
        server.enqueue(error(500, "{'error':{'code':500,'message':'An internal error has occurred.',"
                + "'status':'INTERNAL'}}"));
        server.enqueue(answer("Paris."));

        CompletionResult result = run(request());

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Paris.");
        assertThat(sleeper.waits()).containsExactly(RetryInterceptor.INITIAL_BACKOFF);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsAnInvalidKeyAsAnAuthenticationFailureWithoutRetrying() throws Exception {
        server.enqueue(error(400, "{'error':{'code':400,'message':'API key not valid. Please pass a valid API key.',"
                + "'status':'INVALID_ARGUMENT','details':[{'@type':'type.googleapis.com/google.rpc.ErrorInfo',"
                + "'reason':'API_KEY_INVALID','domain':'googleapis.com',"
                + "'metadata':{'service':'generativelanguage.googleapis.com'}}]}}"));

        CompletionResult result = run(request());

        assertThat(result.failure().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(result.failure().status()).isEqualTo(400);
        assertThat(result.failure()).hasMessageContaining("API key not valid");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void reportsANotFoundModelAsModelNotFound() throws Exception {
        server.enqueue(error(404, "{'error':{'code':404,'message':'models/gemini-0-flash is not found for API "
                + "version v1beta, or is not supported for generateContent. Call ListModels to see the list of "
                + "available models and their supported methods.','status':'NOT_FOUND'}}"));

        CompletionResult result = run(CompletionRequest.of("gemini-0-flash", PROMPT));

        assertThat(result.failure().kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(result.failure().status()).isEqualTo(404);
        assertThat(result.failure()).hasMessageContaining("models/gemini-0-flash is not found");
        assertThat(takeRequest().getUrl().encodedPath())
                .isEqualTo("/v1beta/models/gemini-0-flash:streamGenerateContent");
    }

    @Test
    void cancellingMidStreamEndsItCompletedWithCancelledSamples() throws Exception {
        server.enqueue(GeminiSse.breakingAfter(events(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Thinking'}]}}]}"),
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
    void listsGeneratingModelsOverEveryPage() throws Exception {
        String token = "CiAKGm1vZGVscy9nZW1pbmk+/=";
        server.enqueue(new MockResponse.Builder().body(("{'models':["
                + "{'name':'models/gemini-2.5-flash','displayName':'Gemini 2.5 Flash','inputTokenLimit':1048576,"
                + "'outputTokenLimit':65536,'supportedGenerationMethods':['generateContent','countTokens']},"
                + "{'name':'models/text-embedding-004','inputTokenLimit':2048,"
                + "'supportedGenerationMethods':['embedContent']}],"
                + "'nextPageToken':'" + token + "'}").replace('\'', '"')).build());
        server.enqueue(new MockResponse.Builder().body(("{'models':["
                + "{'name':'models/gemma-3-27b-it','inputTokenLimit':131072,"
                + "'supportedGenerationMethods':['generateContent','countTokens']}]}").replace('\'', '"')).build());

        List<ModelInfo> models = provider.listModels();

        assertThat(models).containsExactly(new ModelInfo("gemini-2.5-flash", null, 1048576),
                new ModelInfo("gemma-3-27b-it", null, 131072));
        RecordedRequest first = takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1beta/models");
        assertThat(first.getUrl().queryParameter("pageToken")).isNull();
        assertThat(first.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        RecordedRequest second = takeRequest();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/v1beta/models");
        assertThat(second.getUrl().queryParameter("pageToken")).isEqualTo(token);
        assertThat(second.getUrl().toString()).doesNotContain(KEY);
    }

    @Test
    void listingModelsWithAnInvalidKeyThrowsAnAuthenticationFailure() {
        server.enqueue(error(400, "{'error':{'code':400,'message':'API key not valid. Please pass a valid API key.',"
                + "'status':'INVALID_ARGUMENT','details':[{'@type':'type.googleapis.com/google.rpc.ErrorInfo',"
                + "'reason':'API_KEY_INVALID'}]}}"));

        assertThatThrownBy(provider::listModels).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(KEY);
        });
    }
}
