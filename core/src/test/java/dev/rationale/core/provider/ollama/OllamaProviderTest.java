// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
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

class OllamaProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RenderedPrompt.Chat CHAT = new RenderedPrompt.Chat(List.of(
            ChatMessage.system("Answer tersely."), ChatMessage.user("Q: 2+2?\nA:")));
    private static final RenderedPrompt.Text RAW = new RenderedPrompt.Text("Q: 2+2?\nA:");

    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private OllamaProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OllamaProvider(TestHttp.client(sleeper), server.url("/").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** NDJSON lines, written with single quotes for readability. */
    private static String lines(String... lines) {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append(line.replace('\'', '"')).append('\n');
        }
        return body.toString();
    }

    private static MockResponse ndjson(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson").body(body).build();
    }

    private CompletionResult run(CompletionRequest request) throws InterruptedException {
        RecordingListener listener = new RecordingListener(request.samples(), event -> { });
        provider.stream(request, listener);
        return listener.await();
    }

    private JsonNode sent(String path) throws InterruptedException, IOException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void streamsAChatWithThinkingApartAndTokensRebuiltFromTheirBytes() throws Exception {
        server.enqueue(ndjson(lines(
                "{'model':'qwen3:8b','message':{'role':'assistant','content':'','thinking':'Add.'},'done':false,"
                        + "'logprobs':[{'token':'Add.','logprob':-0.3,'bytes':[65,100,100,46],'top_logprobs':[]}]}",
                "{'message':{'role':'assistant','content':'Caf'},'done':false,'logprobs':[{'token':'Caf',"
                        + "'logprob':-0.1,'bytes':[67,97,102],'top_logprobs':[{'token':'Caf','logprob':-0.1,"
                        + "'bytes':[67,97,102]},{'token':'Ca','logprob':-2.5,'bytes':[67,97]}]}]}",
                "{'message':{'role':'assistant','content':'é'},'done':false,'logprobs':["
                        + "{'token':'\\ufffd','logprob':-0.2,'bytes':[195],'top_logprobs':[]},"
                        + "{'token':'\\ufffd','logprob':-0.4,'bytes':[169],'top_logprobs':[]}]}",
                "{'message':{'role':'assistant','content':''},'done':true,'done_reason':'stop',"
                        + "'prompt_eval_count':12,'eval_count':4,'total_duration':123456}")));

        CompletionResult result = run(CompletionRequest.of("qwen3:8b", CHAT).withThinking(ThinkingLevel.MEDIUM)
                .withLogprobs(2).withSampling(0.0, 0.9, 40, null, 42L).withMaxTokens(64));

        assertThat(result.failed()).isFalse();
        assertThat(result.notices()).containsExactly(
                "Ollama switches thinking only on or off for qwen3:8b, so \"medium\" turns it on");
        assertThat(result.first().reasoning()).isEqualTo("Add.");
        assertThat(result.first().text()).isEqualTo("Café");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage()).isEqualTo(new Usage(12, 4, null));
        List<ScoredToken> tokens = result.first().tokens();
        assertThat(tokens).extracting(ScoredToken::text).containsExactly("Add.", "Caf", "", "é");
        assertThat(tokens).extracting(ScoredToken::bytes).containsExactly(List.of(65, 100, 100, 46),
                List.of(67, 97, 102), List.of(195), List.of(169));
        assertThat(tokens.get(1).top()).containsExactly(new TokenAlternative("Caf", -0.1),
                new TokenAlternative("Ca", -2.5));

        JsonNode body = sent("/api/chat");
        assertThat(body.path("model").asText()).isEqualTo("qwen3:8b");
        assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Answer "
                + "tersely.\"},{\"role\":\"user\",\"content\":\"Q: 2+2?\\nA:\"}]");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("think").asBoolean()).isTrue();
        assertThat(body.path("logprobs").asBoolean()).isTrue();
        assertThat(body.path("top_logprobs").asInt()).isEqualTo(2);
        JsonNode options = body.path("options");
        assertThat(options.path("temperature").asDouble()).isZero();
        assertThat(options.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(options.path("top_k").asInt()).isEqualTo(40);
        assertThat(options.path("seed").asLong()).isEqualTo(42);
        assertThat(options.path("num_predict").asInt()).isEqualTo(64);
    }

    @Test
    void sendsARawPromptToGenerateAndSplitsThinkTagsOutOfTheText() throws Exception {
        server.enqueue(ndjson(lines(
                "{'response':'<thi','done':false}",
                "{'response':'nk>2 and 2','done':false}",
                "{'response':' make 4.</th','done':false}",
                "{'response':'ink>\\n4','done':false}",
                "{'response':'','done':true,'done_reason':'length','prompt_eval_count':7,'eval_count':9}")));

        CompletionResult result = run(CompletionRequest.of("qwen3:8b", RAW).withStop(List.of("\n\n")));

        assertThat(result.first().reasoning()).isEqualTo("2 and 2 make 4.");
        assertThat(result.first().text()).isEqualTo("\n4");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.first().tokens()).isEmpty();
        JsonNode body = sent("/api/generate");
        assertThat(body.path("prompt").asText()).isEqualTo("Q: 2+2?\nA:");
        assertThat(body.path("raw").asBoolean()).isTrue();
        assertThat(body.path("options").path("stop").toString()).isEqualTo("[\"\\n\\n\"]");
        assertThat(body.has("logprobs")).isFalse();
        assertThat(body.has("think")).isFalse();
    }

    @Test
    void readsCrlfLineEndingsAndBlankLines() throws Exception {
        server.enqueue(ndjson("{\"response\":\"4\",\"done\":false}\r\n\r\n"
                + "{\"response\":\"\",\"done\":true,\"done_reason\":\"stop\"}\r\n"));

        CompletionResult result = run(CompletionRequest.of("m", RAW));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("4");
    }

    @Test
    void failsOnAnErrorLineAfterHttp200KeepingTheTextBefore() throws Exception {
        server.enqueue(ndjson(lines("{'response':'Par','done':false}", "{'error':'llama runner process has "
                + "terminated'}")));

        CompletionResult result = run(CompletionRequest.of("m", RAW));

        assertThat(result.first().text()).isEqualTo("Par");
        assertThat(result.failure().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(result.failure()).hasMessage("Ollama: llama runner process has terminated");
    }

    @Test
    void reportsABodyEndingBeforeItsDoneLineAsInterruptedKeepingTheText() throws Exception {
        server.enqueue(ndjson(lines("{'response':'<think>Half','done':false}", "{'response':' way','done':false}")));

        CompletionResult result = run(CompletionRequest.of("m", RAW));

        // The reasoning the splitter held back is released before the failure.
        assertThat(result.first().reasoning()).isEqualTo("Half way");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasMessage("Ollama: the stream ended before its \"done\" line after 2 tokens");
    }

    @Test
    void keepsTheTokensReceivedWhenTheConnectionIsCutMidway() throws Exception {
        String delivered = lines("{'response':'The','done':false,'logprobs':[{'token':'The','logprob':-0.5,"
                + "'bytes':[84,104,101]}]}");
        String padding = " ".repeat(delivered.length() + 400) + "\n";
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson")
                .body(delivered + padding + lines("{'response':'NEVER','done':false}"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        CompletionResult result = run(CompletionRequest.of("m", RAW).withLogprobs(0));

        assertThat(result.first().text()).isEqualTo("The");
        assertThat(result.first().tokens()).extracting(ScoredToken::logprob).containsExactly(-0.5);
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
    }

    @Test
    void retriesARateLimitAfterTheServersWaitThenAServerError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "4")
                .body("{\"error\":\"too many requests\"}").build());
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"loading model\"}").build());
        server.enqueue(ndjson(lines("{'response':'4','done':true,'done_reason':'stop'}")));

        CompletionResult result = run(CompletionRequest.of("m", RAW));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("4");
        assertThat(sleeper.waits()).hasSize(2).first().isEqualTo(Duration.ofSeconds(4));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void reportsAnUnknownModel() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"model 'qwen9' not found\"}")
                .build());

        CompletionResult result = run(CompletionRequest.of("qwen9", CHAT));

        assertThat(result.failure().kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(result.failure().getMessage()).isEqualTo("Ollama: HTTP 404: model 'qwen9' not found");
    }

    @Test
    void capsAlternativesAtTwentyWithANoticeFirst() throws Exception {
        server.enqueue(ndjson(lines("{'response':'4','done':true,'done_reason':'stop'}")));
        RecordingListener listener = new RecordingListener();

        provider.stream(CompletionRequest.of("m", RAW).withLogprobs(50), listener);
        CompletionResult result = listener.await();

        assertThat(listener.events().getFirst()).isInstanceOf(Notice.class);
        assertThat(result.notices()).containsExactly("Ollama returns at most 20 alternatives per token, not 50");
        assertThat(sent("/api/generate").path("top_logprobs").asInt()).isEqualTo(20);
    }

    @Test
    void refusesSeveralSamplesBeforeSendingAnything() {
        CompletionRequest twice = CompletionRequest.of("m", RAW).withSamples(2);

        assertThatThrownBy(() -> provider.stream(twice, event -> { }))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cancellingMidStreamEndsItCancelled() throws Exception {
        String delivered = lines("{'message':{'content':'Thinking'},'done':false}");
        server.enqueue(new MockResponse.Builder().body(delivered + " ".repeat(delivered.length() + 400) + "\n"
                + lines("{'message':{'content':'NEVER'},'done':false}"))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        CountDownLatch firstText = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener(1, event -> {
            if (event instanceof TextDelta) {
                firstText.countDown();
            }
        });

        Cancellable running = provider.stream(CompletionRequest.of("m", CHAT), listener);
        assertThat(firstText.await(5, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Thinking");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(listener.eventsOf(ReasoningDelta.class)).isEmpty();
    }

    @Test
    void listsTheModelsOfApiTagsWithTheSizeTheServerReportsOrElseTheNameStates() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"models\":[{\"name\":\"llama3.2:latest\",\"details\":"
                + "{\"parameter_size\":\"3.2B\"}},{\"name\":\"qwen3:8b\",\"details\":{\"parameter_size\":\"8.2B\"}},"
                + "{\"name\":\"smollm2:135m\",\"details\":{\"family\":\"llama\"}},"
                + "{\"name\":\"mixtral:8x7b\",\"details\":{\"parameter_size\":\"\"}}]}").build());

        List<ModelInfo> models = provider.listModels();

        assertThat(models).extracting(ModelInfo::id)
                .containsExactly("llama3.2:latest", "qwen3:8b", "smollm2:135m", "mixtral:8x7b");
        assertThat(models).extracting(ModelInfo::size).containsExactly(
                new ModelSize(3_200_000_000L, ModelSize.Source.REPORTED),
                new ModelSize(8_200_000_000L, ModelSize.Source.REPORTED),
                new ModelSize(135_000_000L, ModelSize.Source.NAME),
                null);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/api/tags");
    }

    @Test
    void reportsAnUnreachableServerWhenListing() {
        OllamaProvider nowhere = new OllamaProvider(TestHttp.client(sleeper), "http://127.0.0.1:1");

        assertThatThrownBy(nowhere::listModels).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }
}
