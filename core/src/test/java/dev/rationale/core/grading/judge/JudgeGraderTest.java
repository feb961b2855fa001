// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rubric judge against OpenAI's Chat Completions wire: what it sends, and what each kind of reply grades. */
class JudgeGraderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JudgeSpec SPEC = new JudgeSpec("judge", "gpt-judge", "Names the capital correctly.", 1, 5,
            null);
    private static final String ANSWER = "The capital of France is Paris.";

    private final MockWebServer server = new MockWebServer();
    private OpenAiChatProvider provider;
    private Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server.start();
        String base = server.url("/v1").toString();
        provider = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), base,
                OpenAiOptions.defaults().withName("judge"));
        endpoint = new Endpoint("judge", ProviderKind.OPENAI, base, "gpt-default", null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Judges judges() {
        return new Judges(e -> provider, () -> List.of(endpoint), (p, e) -> 2, null, null);
    }

    private static AnswerFormat format(JudgeSpec spec) {
        return new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.JUDGE, null, spec, null);
    }

    private static GradingInput input(String answer) {
        return new GradingInput(new TestCase("c1", Map.of("country", "France"), "Paris"),
                "What is the capital of France?", answer, new Grade(Verdict.UNGRADED, answer, answer));
    }

    private Grade grade(String answer) throws InterruptedException {
        return judges().grader(format(SPEC)).grade(input(answer));
    }

    private JsonNode sent() throws Exception {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a judge request").isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void aScoreAtTheThresholdPassesWithTheReasonPromptAndReplyKept() throws Exception {
        String reply = "{\"reason\": \"Paris is right.\", \"score\": 4}";
        server.enqueue(JudgeWire.openAi(reply));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        GradeDetail detail = grade.detail();
        assertThat(detail.grader()).isEqualTo(GradeDetail.JUDGE);
        assertThat(detail.score()).isEqualTo(4.0);
        assertThat(detail.note()).isEqualTo("Paris is right.");
        assertThat(detail.reply()).isEqualTo(reply);
        assertThat(detail.request()).contains("What is the capital of France?", ANSWER, "Paris",
                "Names the capital correctly.", "from 1", "to 5");
        JsonNode body = sent();
        assertThat(body.path("model").asText()).isEqualTo("gpt-judge");
        assertThat(body.path("temperature").asDouble(-1)).isZero();
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(detail.request());
    }

    @Test
    void asksForTheScoreShapeWithOpenAisStrictJsonSchema() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"ok\", \"score\": 5}"));

        grade(ANSWER);

        JsonNode format = sent().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("judge_score");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("score").path("type").asText()).isEqualTo("integer");
        assertThat(schema.path("properties").path("reason").path("type").asText()).isEqualTo("string");
        assertThat(schema.path("required").toString()).isEqualTo("[\"reason\",\"score\"]");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void aScoreBelowTheThresholdFails() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"It names Lyon.\", \"score\": 2}"));

        Grade grade = grade("The capital of France is Lyon.");

        assertThat(grade.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade.detail().score()).isEqualTo(2.0);
        assertThat(grade.detail().note()).isEqualTo("It names Lyon.");
    }

    @Test
    void aReplyWithoutJsonIsAFailedGradeNeverAPass() throws Exception {
        server.enqueue(JudgeWire.openAi("This answer looks excellent to me, full marks."));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().scored()).isFalse();
        assertThat(grade.detail().note()).isEqualTo("the judge's reply has no JSON object with a score");
        assertThat(grade.detail().reply()).isEqualTo("This answer looks excellent to me, full marks.");
        assertThat(grade.detail().request()).contains(ANSWER);
    }

    @Test
    void aScoreThatIsNotANumberIsAFailedGrade() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"good\", \"score\": \"excellent\"}"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().note()).isEqualTo("the judge's score is not a number: \"excellent\"");
    }

    @Test
    void aScoreOutsideTheScaleIsAFailedGrade() throws Exception {
        server.enqueue(JudgeWire.openAi("{\"reason\": \"Perfect.\", \"score\": 10}"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().note()).isEqualTo("the judge's score 10 is outside the scale 1-5");
    }

    @Test
    void readsTheVerdictAfterThinkingAndInsideACodeFence() throws Exception {
        server.enqueue(JudgeWire.openAi("<think>The question has {braces}. Paris is right.</think>\n"
                + "Here is my verdict:\n```json\n{\"reason\": \"Correct {city}.\", \"score\": 5}\n```"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(grade.detail().score()).isEqualTo(5.0);
        assertThat(grade.detail().note()).isEqualTo("Correct {city}.");
    }

    @Test
    void a429IsWaitedOutAndTheAnswerThenGraded() throws Exception {
        server.enqueue(JudgeWire.tooMany());
        server.enqueue(JudgeWire.openAi("{\"reason\": \"ok\", \"score\": 5}"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStreamCutMidwayIsAskedOnceMore() throws Exception {
        server.enqueue(JudgeWire.openAiCut("{\"reason\": \"Par"));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"Paris.\", \"score\": 5}"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(grade.detail().note()).isEqualTo("Paris.");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStreamCutTwiceIsAFailedGradeSayingWhy() throws Exception {
        server.enqueue(JudgeWire.openAiCut("{\"reason\": \"Par"));
        server.enqueue(JudgeWire.openAiCut("{\"reason\": \"Par"));

        Grade grade = grade(ANSWER);

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().note()).startsWith("the judge did not answer: ");
        assertThat(grade.detail().reply()).startsWith("{\"reason\": \"Par");
    }

    @Test
    void anEditedPromptIsFilledWithTheSamePlaceholders() throws Exception {
        JudgeSpec edited = new JudgeSpec("judge", "gpt-judge", "Short.", 0, 10,
                "Q={{question}} A={{answer}}{{#expected}} R={{expected}}{{/expected}} C={{criteria}} {{min}}..{{max}}");
        server.enqueue(JudgeWire.openAi("{\"reason\": \"fine\", \"score\": 8}"));

        Grade grade = judges().grader(format(edited)).grade(input(ANSWER));

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(sent().path("messages").get(0).path("content").asText()).isEqualTo(
                "Q=What is the capital of France? A=" + ANSWER + " R=Paris C=Short. 0..10");
    }

    @Test
    void withoutAJudgeEndpointTheEndpointAndModelEvaluatedJudge() throws Exception {
        JudgeSpec own = new JudgeSpec(null, null, null, null, null, null);
        server.enqueue(JudgeWire.openAi("{\"reason\": \"ok\", \"score\": 5}"));
        GradingInput asked = new GradingInput(new TestCase("c1", Map.of(), null), "Q?", ANSWER,
                new Grade(Verdict.UNGRADED, ANSWER, ANSWER), endpoint, "the-evaluated-model");

        Grade grade = new Judges(e -> provider, List::of, (p, e) -> 1, null, null).grader(format(own)).grade(asked);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        JsonNode body = sent();
        assertThat(body.path("model").asText()).isEqualTo("the-evaluated-model");
        assertThat(body.path("messages").get(0).path("content").asText()).doesNotContain("Reference answer");
    }

    @Test
    void theOverridesReplaceThePromptSetsJudge() throws Exception {
        Endpoint other = new Endpoint("other", ProviderKind.OPENAI, endpoint.baseUrl(), null, null);
        server.enqueue(JudgeWire.openAi("{\"reason\": \"ok\", \"score\": 5}"));
        Judges overridden = new Judges(e -> provider, () -> List.of(endpoint, other), (p, e) -> 1, "other",
                "override-model");

        overridden.grader(format(SPEC)).grade(input(ANSWER));

        assertThat(sent().path("model").asText()).isEqualTo("override-model");
    }

    @Test
    void aPoolThatJudgesUsesItsMembersModel() throws Exception {
        Endpoint member = new Endpoint("gpu1", ProviderKind.OLLAMA, "http://127.0.0.1:1", "qwen3:8b", null);
        Endpoint pool = Endpoint.pool("lab", List.of(new PoolMember("gpu1", 2)));
        server.enqueue(JudgeWire.openAi("{\"reason\": \"ok\", \"score\": 5}"));
        Judges pooled = new Judges(e -> provider, () -> List.of(member, pool), (p, e) -> 1, null, null);

        pooled.grader(format(new JudgeSpec("lab", null, null, null, null, null))).grade(input(ANSWER));

        assertThat(sent().path("model").asText()).isEqualTo("qwen3:8b");
    }

    @Test
    void aJudgeEndpointThatIsNotThereIsRefusedBeforeTheRunInOneLine() {
        JudgeSpec missing = new JudgeSpec("nowhere", null, null, null, null, null);

        assertThatThrownBy(() -> judges().check(format(missing)))
                .isInstanceOf(RationaleException.class)
                .hasMessage("judge endpoint \"nowhere\" is not among the endpoints (endpoints.json)");
    }

    @Test
    void aJudgeWithNoEndpointToUseIsAFailedGradeSayingWhy() throws Exception {
        JudgeSpec own = new JudgeSpec(null, null, null, null, null, null);

        Grade grade = judges().grader(format(own)).grade(input(ANSWER));

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().note()).contains("no endpoint to judge with");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCancelledGradingStopsWaitingAndSaysSo() throws Exception {
        // The server never answers; the grading thread is interrupted while it waits.
        server.enqueue(new mockwebserver3.MockResponse.Builder().headersDelay(1, TimeUnit.HOURS).build());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread grading = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(grade(ANSWER));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        grading.interrupt();

        assertThat(grading.join(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }
}
