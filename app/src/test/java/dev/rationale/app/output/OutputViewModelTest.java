// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.grading.metrics.Chrf;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model against a real provider and MockWebServer; batches are applied on the calling thread. */
class OutputViewModelTest {
    private static final CompletionRequest REQUEST = CompletionRequest.of("m",
            new RenderedPrompt.Chat(List.of(ChatMessage.user("Q: 2+2?\nA:")))).withLogprobs(2);

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = HttpClients.create();
    private OutputViewModel output;

    @BeforeEach
    void start() throws IOException {
        server.start();
        output = new OutputViewModel(Runnable::run, Runnable::run);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String chunk(String content, double logprob) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"logprobs\":{\"content\":"
                + "[{\"token\":\"" + content + "\",\"logprob\":" + logprob + ",\"top_logprobs\":[{\"token\":\""
                + content + "\",\"logprob\":" + logprob + "}]}]}}]}\n\n";
    }

    private RunSpec spec(String expected) {
        return new RunSpec(new OpenAiChatProvider(client, server.url("/v1").toString()), REQUEST,
                new AnswerFormat(null, null, null, null, null), expected, "test", Subjects.of("test"));
    }

    private void awaitEnd() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        output.stateProperty().addListener((obs, old, now) -> {
            if (!now.isRunning()) {
                ended.countDown();
            }
        });
        if (!output.getState().isRunning()) {
            ended.countDown();
        }
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the run ended").isTrue();
    }

    @Test
    void streamsTokensThenGradesTheExtractedAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(chunk("The answer", -0.1) + chunk(" is 4.", -0.7)
                        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n"
                        + "data: [DONE]\n\n").build());

        output.start(spec("4"));
        awaitEnd();

        assertThat(output.getState()).isEqualTo(RunState.COMPLETED);
        assertThat(output.getText()).isEqualTo("The answer is 4.");
        assertThat(output.getTokens()).extracting(ScoredToken::text).containsExactly("The answer", " is 4.");
        assertThat(output.getGrade().verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(output.getGrade().extracted()).isEqualTo("4");
        assertThat(output.statisticsProperty().get()).contains("7 prompt tokens").contains("2 generated")
                .contains("finish: stop");
    }

    @Test
    void aTranslationIsScoredByChrfAndAJudgedAnswerSaysWhereItIsJudged() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(chunk("Le chat dort.", -0.1) + "data: [DONE]\n\n").build());
        }
        String expected = "Le chat dort sur le lit.";
        output.start(new RunSpec(new OpenAiChatProvider(client, server.url("/v1").toString()), REQUEST,
                new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.CHRF, 40.0, null, null), expected,
                "test", Subjects.of("test")));
        awaitEnd();

        GradeDetail chrf = output.getGrade().detail();
        assertThat(chrf.grader()).isEqualTo(GradeDetail.CHRF);
        assertThat(chrf.score()).isEqualTo(Chrf.CHRF2.sentenceScore("Le chat dort.", expected));
        assertThat(output.getGrade().verdict()).isEqualTo(chrf.score() >= 40 ? Verdict.CORRECT : Verdict.WRONG);

        output.start(new RunSpec(new OpenAiChatProvider(client, server.url("/v1").toString()), REQUEST,
                new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.JUDGE), expected, "test",
                Subjects.of("test")));
        awaitEnd();

        assertThat(output.getGrade().verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(output.getGrade().detail().note()).isEqualTo("a judge grades evaluations: run the task in Evaluate");
    }

    @Test
    void keepsWhatArrivedWhenTheStreamIsCutAndSaysWhy() throws Exception {
        String delivered = chunk("The answer", -0.1);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + ": " + "x".repeat(delivered.length() + 400) + "\n\n" + chunk("NEVER", -1))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        output.start(spec("4"));
        awaitEnd();

        assertThat(output.getState()).isEqualTo(RunState.FAILED);
        assertThat(output.getText()).isEqualTo("The answer");
        assertThat(output.getTokens()).hasSize(1);
        assertThat(output.failureProperty().get()).contains("cut after 1 tokens");
        assertThat(output.getGrade().verdict()).isEqualTo(Verdict.NO_ANSWER);
    }

    @Test
    void stopEndsTheRunCancelledKeepingItsText() throws Exception {
        String delivered = chunk("Thinking", -0.2);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + ": " + "x".repeat(delivered.length() + 400) + "\n\n" + chunk("NEVER", -1))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        CountDownLatch firstText = new CountDownLatch(1);
        output.textProperty().addListener((obs, old, now) -> firstText.countDown());

        output.start(spec(null));
        assertThat(firstText.await(10, TimeUnit.SECONDS)).isTrue();
        output.stop();
        awaitEnd();

        assertThat(output.getState()).isEqualTo(RunState.CANCELLED);
        assertThat(output.getText()).isEqualTo("Thinking");
        assertThat(output.statisticsProperty().get()).contains("finish: cancelled");
    }

    @Test
    void aShownCompletionIsPricedFromItsReportedUsage() {
        FinishedCompletion kept = FinishedCompletion.of(FinishedCompletions.stored(1, 0, "7", Verdict.CORRECT),
                FinishedCompletions.origin(0, 1), AnswerFormat.DEFAULT);
        RunTarget gpt = new RunTarget("hosted", ProviderKind.OPENAI, "gpt-4o");
        // 60 fresh x $2.50 + 40 cached x $1.25 + 20 out x $10 per million = $0.0004.
        Usage usage = new Usage(100, 20, null, 40);

        output.show(withBilling(kept, usage, gpt, false));
        assertThat(output.costProperty().get()).isEqualTo("cost $0.00040 at the prices checked "
                + PriceTable.shipped().checked());

        output.show(withBilling(kept, usage, gpt, true));
        assertThat(output.costProperty().get()).startsWith("cost $0.00020 at the batch price");

        output.show(withBilling(kept, usage, new RunTarget("lab", ProviderKind.OPENAI, "Qwen/Qwen3-8B"), false));
        assertThat(output.costProperty().get()).isEqualTo("cost — (no price for this model; add it to prices.json)");

        output.show(withBilling(kept, null, gpt, false));
        assertThat(output.costProperty().get()).as("no usage reported: nothing to price").isEmpty();
    }

    private static FinishedCompletion withBilling(FinishedCompletion c, @Nullable Usage usage, RunTarget target,
            boolean batch) {
        return new FinishedCompletion(c.origin(), c.request(), c.text(), c.reasoning(), c.tokens(), c.grade(),
                c.expected(), c.failure(), c.finishReason(), usage, c.timings(), c.format(), target, batch);
    }

    @Test
    void aRequestTheBackendRefusesFailsAtOnceWithItsMessage() {
        RunSpec textToChatOnly = new RunSpec(new OpenAiChatProvider(client, server.url("/v1").toString()),
                CompletionRequest.of("m", new RenderedPrompt.Text("Q: 2+2?\nA:")), AnswerFormat.DEFAULT, null, "t",
                Subjects.of("m"));

        output.start(textToChatOnly);

        assertThat(output.getState()).isEqualTo(RunState.FAILED);
        assertThat(output.failureProperty().get()).contains("takes chat messages only");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aNewRunReplacesTheOldOutput() throws Exception {
        for (String answer : List.of("one", "two")) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(chunk(answer, -0.5) + "data: [DONE]\n\n").build());
        }

        output.start(spec(null));
        awaitEnd();
        output.start(spec(null));
        awaitEnd();

        assertThat(output.getText()).isEqualTo("two");
        assertThat(output.getTokens()).extracting(ScoredToken::text).containsExactly("two");
    }
}
