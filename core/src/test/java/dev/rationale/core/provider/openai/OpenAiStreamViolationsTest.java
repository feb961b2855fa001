// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static dev.rationale.core.provider.openai.SseBodies.done;
import static dev.rationale.core.provider.openai.SseBodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.SseReader;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 20's stream reproducers against the chat and text protocols: each ends in words, not a Java exception. */
class OpenAiStreamViolationsTest {
    private static final String TEXT = "{'choices':[{'index':0,'delta':{'content':'4'}}]}";
    private static final String FINISH = "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}";

    private final MockWebServer server = new MockWebServer();
    private OpenAiChatProvider chat;
    private OpenAiTextProvider text;

    @BeforeEach
    void start() throws IOException {
        server.start();
        var client = TestHttp.client(new TestHttp.FakeSleeper());
        chat = new OpenAiChatProvider(client, server.url("/v1").toString(), OpenAiOptions.defaults().withName("vLLM"));
        text = new OpenAiTextProvider(client, server.url("/v1").toString(), OpenAiOptions.defaults().withName("vLLM"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordingListener run(String body) throws InterruptedException {
        server.enqueue(stream(body));
        RecordingListener listener = new RecordingListener();
        chat.stream(CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(ChatMessage.user("2+2?")))), listener);
        listener.await();
        return listener;
    }

    private ProviderException failure(String body) throws InterruptedException {
        CompletionResult result = run(body).await();
        assertThat(result.failed()).as("failed").isTrue();
        ProviderException error = result.failure();
        assertThat(error.kind()).isEqualTo(Kind.MALFORMED_REPLY);
        assertThat(error.getMessage()).startsWith("vLLM: ").doesNotContain("Exception", "java.", "Index");
        return error;
    }

    @Test
    void dataNullIsAChunkThatIsNullNotANullPointer() throws Exception {
        assertThat(failure(done(TEXT, "null")).getMessage()).isEqualTo(
                "vLLM: a stream chunk is null, expected a JSON object");
    }

    @Test
    void aNullChoiceIsNamedByItsPosition() throws Exception {
        assertThat(failure(done("{'choices':[null]}")).getMessage()).isEqualTo(
                "vLLM: a stream chunk has choices[0] null, expected an object");
    }

    @Test
    void aNegativeChoiceIndexIsMalformedNotOutOfBounds() throws Exception {
        assertThat(failure(done("{'choices':[{'index':-1,'delta':{'content':'x'}}]}")).getMessage()).isEqualTo(
                "vLLM: choice index -1 is negative");
    }

    @Test
    void aChoiceIndexBeyondTheSamplesAskedForIsMalformedNotDropped() throws Exception {
        assertThat(failure(done(TEXT, "{'choices':[{'index':5,'delta':{'content':'x'}}]}")).getMessage())
                .isEqualTo("vLLM: choice index 5 but the request asked for 1");
    }

    @Test
    void aWrongContentTypeIsReadAfterANoticeNamingIt() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                .body(done(TEXT, FINISH).replace('\'', '"')).build());
        RecordingListener listener = new RecordingListener();
        chat.stream(CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(ChatMessage.user("2+2?")))), listener);
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("4");
        assertThat(listener.eventsOf(Notice.class)).extracting(Notice::message).containsExactly(
                "vLLM: the stream came as Content-Type \"text/html; charset=utf-8\", not text/event-stream; "
                        + "it was read as a stream anyway");
        assertThat(result.notices()).hasSize(1);
    }

    @Test
    void theRightContentTypeGivesNoNotice() throws Exception {
        CompletionResult result = run(done(TEXT, FINISH)).await();
        assertThat(result.failed()).isFalse();
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeSaysWhereAndWhatCame() throws Exception {
        assertThat(failure(done("{'choices':[{'index':'first','delta':{'content':'x'}}]}")).getMessage())
                .isEqualTo("vLLM: a stream chunk has choices[0].index as the text \"first\", expected a number");
        assertThat(failure(done("{'choices':{'index':0}}")).getMessage())
                .isEqualTo("vLLM: a stream chunk has choices as an object, expected an array");
        assertThat(failure(done("{'choices':[{'index':0,'delta':{'content':['a']}}]}")).getMessage())
                .isEqualTo("vLLM: a stream chunk has choices[0].delta.content as an array, expected text");
    }

    @Test
    void aLogprobAboveZeroOrNotANumberIsMalformed() throws Exception {
        assertThat(failure(done("{'choices':[{'index':0,'delta':{'content':'x'},'logprobs':{'content':"
                + "[{'token':'x','logprob':2.5}]}}]}")).getMessage())
                .isEqualTo("vLLM: a token's logprob is 2.5, above 0 (a probability over 1)");
        assertThat(failure(done("{'choices':[{'index':0,'delta':{'content':'x'},'logprobs':{'content':"
                + "[{'token':'x','logprob':'low'}]}}]}")).getMessage())
                .isEqualTo("vLLM: a stream chunk has choices[0].logprobs.content[0].logprob as the text \"low\", "
                        + "expected a number");
    }

    @Test
    void aLineThatIsNotJsonSaysSo() throws Exception {
        assertThat(failure(done(TEXT, "<html>")).getMessage()).startsWith("vLLM: a stream chunk is not JSON");
    }

    @Test
    void aLineOverTheLimitIsMalformedAndNamesTheProvider() throws Exception {
        String endless = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                + "x".repeat((int) SseReader.MAX_EVENT_BYTES) + "\"}}]}\n\n";
        assertThat(failure(endless).getMessage()).isEqualTo(
                "vLLM: the stream has a line longer than 32 MiB; it was not read further");
    }

    @Test
    void theTextProtocolChecksNullChoicesAndIndicesAlike() throws Exception {
        for (String chunk : List.of("null", "{'choices':[null]}", "{'choices':[{'index':-1,'text':'x'}]}",
                "{'choices':[{'index':5,'text':'x'}]}", "{'choices':[{'index':0,'text':'x','logprobs':7}]}")) {
            server.enqueue(stream(done(chunk)));
            RecordingListener listener = new RecordingListener();
            text.stream(CompletionRequest.of("m", new RenderedPrompt.Text("2+2=")), listener);
            CompletionResult result = listener.await();
            assertThat(result.failure()).as(chunk).isNotNull();
            assertThat(result.failure().kind()).as(chunk).isEqualTo(Kind.MALFORMED_REPLY);
            assertThat(result.failure().getMessage()).as(chunk).startsWith("vLLM: ")
                    .doesNotContain("Exception", "java.");
        }
    }
}
