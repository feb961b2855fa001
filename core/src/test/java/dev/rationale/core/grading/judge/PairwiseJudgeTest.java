// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.grading.judge.PairVerdict.Outcome;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two answers judged in both orders against OpenAI's wire: a verdict counts only when both orders agree. */
class PairwiseJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "Paris is the capital of France.";
    private static final String POOR = "France's capital is Marseille.";

    private final MockWebServer server = new MockWebServer();
    private JudgeCall call;

    @BeforeEach
    void start() throws IOException {
        server.start();
        OpenAiChatProvider provider = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/v1").toString(), OpenAiOptions.defaults().withName("judge"));
        call = new JudgeCall(provider, "gpt-judge", new Semaphore(1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PairVerdict judge() throws InterruptedException {
        return new PairwiseJudge("Names the right capital.").judge(call, "What is the capital of France?", GOOD,
                POOR, "Paris");
    }

    private String promptOf(RecordedRequest recorded) throws IOException {
        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        return body.path("messages").get(0).path("content").asText();
    }

    @Test
    void bothOrdersNamingTheSameAnswerGiveItTheWin() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"A names Paris.\", \"winner\": \"A\"}"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"B names Paris.\", \"winner\": \"B\"}"));

        PairVerdict verdict = judge();

        assertThat(verdict.outcome()).isEqualTo(Outcome.FIRST);
        assertThat(verdict.inconsistent()).isFalse();
        assertThat(verdict.note()).isEqualTo("A names Paris.");
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        String asShown = promptOf(first);
        String swapped = promptOf(second);
        assertThat(asShown.indexOf(GOOD)).isLessThan(asShown.indexOf(POOR));
        assertThat(swapped.indexOf(POOR)).isLessThan(swapped.indexOf(GOOD));
        assertThat(verdict.asShown().prompt()).isEqualTo(asShown);
        assertThat(verdict.swapped().prompt()).isEqualTo(swapped);
        JsonNode format = JSON.readTree(first.getBody().utf8()).path("response_format").path("json_schema");
        assertThat(format.path("name").asText()).isEqualTo("judge_pair");
        assertThat(format.path("schema").path("properties").path("winner").path("enum").toString())
                .isEqualTo("[\"A\",\"B\",\"tie\"]");
    }

    @Test
    void aSwapThatChangesTheVerdictIsAnInconsistentTie() throws Exception {
        // The judge prefers whatever it is shown first.
        server.enqueue(JudgeWire.openAi("{\"reason\": \"A is better.\", \"winner\": \"A\"}"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"A is better.\", \"winner\": \"A\"}"));

        PairVerdict verdict = judge();

        assertThat(verdict.outcome()).isEqualTo(Outcome.TIE);
        assertThat(verdict.inconsistent()).isTrue();
        assertThat(verdict.note()).startsWith("the order changed the verdict");
        assertThat(verdict.asShown().winner()).isEqualTo("A");
        assertThat(verdict.swapped().winner()).isEqualTo("A");
    }

    @Test
    void theSecondAnswerWinsWhenBothOrdersNameIt() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"B.\", \"winner\": \"b\"}"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"A.\", \"winner\": \"Answer A\"}"));

        assertThat(judge().outcome()).isEqualTo(Outcome.SECOND);
    }

    @Test
    void tiesInBothOrdersAreAConsistentTie() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"Same.\", \"winner\": \"tie\"}"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"Same.\", \"winner\": \"TIE\"}"));

        PairVerdict verdict = judge();

        assertThat(verdict.outcome()).isEqualTo(Outcome.TIE);
        assertThat(verdict.inconsistent()).isFalse();
    }

    @Test
    void aReplyNamingNoWinnerLeavesThePairUnjudged() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"A.\", \"winner\": \"A\"}"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"Both are fine.\", \"winner\": \"neither\"}"));

        PairVerdict verdict = judge();

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNJUDGED);
        assertThat(verdict.inconsistent()).isFalse();
        assertThat(verdict.note()).isEqualTo("the judge's winner is not A, B or tie: \"neither\"");
        assertThat(verdict.swapped().reply()).contains("neither");
    }
}
