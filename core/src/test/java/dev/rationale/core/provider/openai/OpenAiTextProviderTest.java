// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static dev.rationale.core.provider.openai.SseBodies.done;
import static dev.rationale.core.provider.openai.SseBodies.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTextProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private OpenAiTextProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OpenAiTextProvider(TestHttp.client(new TestHttp.FakeSleeper()), server.url("/v1").toString(),
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

    private static CompletionRequest request(String prompt) {
        return CompletionRequest.of("Qwen/Qwen3-8B", new RenderedPrompt.Text(prompt));
    }

    private JsonNode sentBody() throws InterruptedException, IOException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/completions");
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void aThinkingLevelIsNotSentAndTheEndpointSaysItHasNoControl() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'text':'<think>hm</think>4','finish_reason':'stop'}]}")));

        CompletionResult result = run(request("Q:").withThinking(ThinkingLevel.HIGH));

        assertThat(result.notices()).singleElement().asString().endsWith("has no thinking control, so thinking "
                + "\"high\" was not sent; the model thinks as it does by default");
        assertThat(sentBody().has("reasoning_effort")).isFalse();
        assertThat(result.first().reasoning()).isEqualTo("hm");
        assertThat(result.first().text()).isEqualTo("4");
    }

    @Test
    void readsLegacyLogprobDictsAndScoresTheEchoedPrompt() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'text':'Say:','logprobs':{'tokens':['Say',':'],"
                        + "'token_logprobs':[null,-2.5],'top_logprobs':[null,{':':-2.5,' it':-1.0}],"
                        + "'text_offset':[0,3]},'finish_reason':null}]}",
                "{'choices':[{'index':0,'text':' Paris','logprobs':{'tokens':[' Paris'],'token_logprobs':[-0.01],"
                        + "'top_logprobs':[{' paris':-5.2,' Paris':-0.011,' The':-6.0}],'text_offset':[4]},"
                        + "'finish_reason':null}]}",
                "{'choices':[{'index':0,'text':'','logprobs':{'tokens':[],'token_logprobs':[],'top_logprobs':[],"
                        + "'text_offset':[]},'finish_reason':'length'}]}",
                "{'choices':[],'usage':{'prompt_tokens':2,'completion_tokens':1,'total_tokens':3}}")));

        CompletionResult result = run(request("Say:").withMaxTokens(1).withLogprobs(2).withPromptLogprobs(true));

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo(" Paris");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new Usage(2, 1, null));
        assertThat(result.promptTokens()).extracting(ScoredToken::text).containsExactly("Say", ":");
        assertThat(result.promptTokens()).extracting(ScoredToken::logprob).containsExactly(null, -2.5);
        assertThat(result.promptTokens().get(0).top()).isEmpty();
        assertThat(result.promptTokens().get(1).top()).containsExactly(new TokenAlternative(" it", -1.0),
                new TokenAlternative(":", -2.5));
        ScoredToken paris = result.first().tokens().getFirst();
        assertThat(result.first().tokens()).hasSize(1);
        assertThat(paris.text()).isEqualTo(" Paris");
        assertThat(paris.logprob()).isEqualTo(-0.01);
        assertThat(paris.top()).containsExactly(new TokenAlternative(" Paris", -0.011),
                new TokenAlternative(" paris", -5.2));

        JsonNode body = sentBody();
        assertThat(body.path("prompt").asText()).isEqualTo("Say:");
        assertThat(body.path("logprobs").asInt()).isEqualTo(2);
        assertThat(body.path("echo").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1);
        assertThat(body.path("stream").asBoolean()).isTrue();
    }

    @Test
    void keepsTheTextWhenTheServerIgnoresEcho() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'text':' Paris','finish_reason':'stop'}]}")));

        CompletionResult result = run(request("Capital of France:").withPromptLogprobs(true));

        assertThat(result.first().text()).isEqualTo(" Paris");
        assertThat(result.promptTokens()).isEmpty();
    }

    @Test
    void splitsThinkTagsFromTheRawText() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'text':'<thi'}]}",
                "{'choices':[{'index':0,'text':'nk>Let me see'}]}",
                "{'choices':[{'index':0,'text':'.</th'}]}",
                "{'choices':[{'index':0,'text':'ink>\\n\\nParis','finish_reason':'stop'}]}")));

        CompletionResult result = run(request("Capital of France?"));

        assertThat(result.first().reasoning()).isEqualTo("Let me see.");
        assertThat(result.first().text()).isEqualTo("\n\nParis");
    }

    @Test
    void startsInReasoningWhenThePromptEndsWithAnOpenThinkTag() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'text':'Recall capitals.</think>Paris','finish_reason':'stop'}]}")));

        CompletionResult result = run(request("<|User|>Capital?<|Assistant|><think>\n"));

        assertThat(result.first().reasoning()).isEqualTo("Recall capitals.");
        assertThat(result.first().text()).isEqualTo("Paris");
    }

    @Test
    void flushesHeldBackTextWhenTheStreamEndsWithoutAFinishReason() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'text':'cut off </thi'}]}")));

        CompletionResult result = run(request("<think>"));

        assertThat(result.first().reasoning()).isEqualTo("cut off </thi");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.OTHER);
    }

    @Test
    void rebuildsCharactersFromByteTokens() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'text':'日本','logprobs':{'tokens':['bytes:\\\\xe6\\\\x97','bytes:\\\\xa5',"
                        + "'本'],'token_logprobs':[-0.3,-0.01,-0.2],'top_logprobs':[{'bytes:\\\\xe6\\\\x97':-0.3},"
                        + "{'bytes:\\\\xa5':-0.01},{'本':-0.2,'人':-2.0}],'text_offset':[1,2,2]},"
                        + "'finish_reason':'stop'}]}")));

        CompletionResult result = run(request("Q").withLogprobs(1));

        assertThat(result.first().text()).isEqualTo("日本");
        assertThat(result.first().tokens()).extracting(ScoredToken::text).containsExactly("", "日", "本");
        assertThat(result.first().tokens()).extracting(ScoredToken::bytes)
                .containsExactly(List.of(0xE6, 0x97), List.of(0xA5), List.of());
        assertThat(result.first().tokens().get(0).top()).containsExactly(new TokenAlternative("\uFFFD", -0.3));
        assertThat(result.first().tokens().get(2).top()).containsExactly(new TokenAlternative("本", -0.2));
    }

    @Test
    void readsLlamaCppsChatStyleLogprobsOnTheCompletionsRoute() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':0,'text':' 4','logprobs':{'content':[{'id':220,'token':' 4','logprob':-0.3,"
                        + "'bytes':[32,52],'top_logprobs':[{'id':19,'token':' 5','logprob':-2.0,'bytes':[32,53]},"
                        + "{'id':220,'token':' 4','logprob':-0.3,'bytes':[32,52]}]}]},'finish_reason':'stop'}]}")));

        CompletionResult result = run(request("2+2=").withLogprobs(5));

        assertThat(result.first().tokens()).singleElement().satisfies(token -> {
            assertThat(token.text()).isEqualTo(" 4");
            assertThat(token.top()).containsExactly(new TokenAlternative(" 4", -0.3),
                    new TokenAlternative(" 5", -2.0));
        });
    }

    @Test
    void separatesSamples() throws Exception {
        server.enqueue(stream(done(
                "{'choices':[{'index':1,'text':'B'},{'index':0,'text':'A'}]}",
                "{'choices':[{'index':0,'text':'a','finish_reason':'stop'},{'index':1,'text':'b',"
                        + "'finish_reason':'length'}]}")));

        CompletionResult result = run(request("x").withSamples(2).withSampling(1.0, null, null, null, 3L));

        assertThat(result.samples()).extracting(CompletionResult.Sample::text).containsExactly("Aa", "Bb");
        JsonNode body = sentBody();
        assertThat(body.path("n").asInt()).isEqualTo(2);
        assertThat(body.path("seed").asLong()).isEqualTo(3);
        assertThat(body.has("echo")).isFalse();
        assertThat(body.has("logprobs")).isFalse();
    }

    @Test
    void rejectsChatMessagesBeforeSendingAnything() {
        CompletionRequest chat = CompletionRequest.of("m",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("hi"))));

        assertThatThrownBy(() -> provider.stream(chat, event -> { }))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void capsAlternativesAtFiveWithANotice() throws Exception {
        server.enqueue(stream(done("{'choices':[{'index':0,'text':'x','finish_reason':'stop'}]}")));

        CompletionResult result = run(request("x").withLogprobs(10));

        assertThat(result.notices()).singleElement().asString().contains("at most 5");
        assertThat(sentBody().path("logprobs").asInt()).isEqualTo(5);
    }
}
