// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.output.FinishedCompletions;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunState;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compare's view model on the arithmetic sample against an OpenAI-compatible MockWebServer. The FX executor runs
 * each hand-off on the calling thread, one at a time (two columns stream on two OkHttp threads); the test reads and
 * acts under the same lock, as the FX thread would.
 */
class CompareViewModelTest {
    private static final String MODEL = "mock-model";
    private static final long WAIT_SECONDS = 10;

    private final MockWebServer server = new MockWebServer();
    private final CannedCompletions completions = new CannedCompletions();
    private final OkHttpClient http = HttpClients.create();
    private final ProviderCache providers = new ProviderCache(new ProviderFactory(http,
            new KeyResolver(new NoSecrets(), name -> null)));
    private final Object fxLock = new Object();
    private final Executor fx = command -> {
        synchronized (fxLock) {
            command.run();
        }
    };
    private CompareViewModel viewModel;
    private CompareViewModel.Context context;
    private Endpoint text;
    private Endpoint chat;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(completions);
        server.start();
        text = new Endpoint("mock-text", ProviderKind.OPENAI_TEXT, server.url("/v1").toString(), null, null);
        chat = new Endpoint("mock-chat", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        PromptSet set = PromptSetFiles.load(Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"))
                .resolve("arithmetic.rationale.json"));
        Task task = set.tasks().getFirst();
        TestCase sevenLeft = task.cases().stream().filter(c -> "c21".equals(c.id())).findFirst().orElseThrow();
        context = new CompareViewModel.Context(set, task, sevenLeft,
                new GenerationSettings(null, null, null, List.of(), null, 2), null);
        viewModel = new CompareViewModel(new RunPlanner(providers), fx, fx);
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            viewModel.stopAll();
            return null;
        });
        server.close();
        providers.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void addedColumnsKeepTheirOrderAndConfigurationAndRemovingOneDropsIt() {
        CompareColumn first = viewModel.addColumn("cot-8", text, MODEL);
        CompareColumn second = viewModel.addColumn("zero-shot-cot", chat, "other-model");

        assertThat(viewModel.getColumns()).containsExactly(first, second);
        assertThat(second.variantIdProperty().get()).isEqualTo("zero-shot-cot");
        assertThat(second.endpointProperty().get()).isEqualTo(chat);
        assertThat(second.modelProperty().get()).isEqualTo("other-model");
        assertThat(second.seedProperty().get()).isNull();
        assertThat(second.isBranch()).isFalse();
        assertThat(second.output().getState()).isEqualTo(RunState.IDLE);

        viewModel.removeColumn(first);

        assertThat(viewModel.getColumns()).containsExactly(second);
    }

    @Test
    void repeatFirstReplacesTheColumnsWithCopiesOfTheFirstSeededOneToN() {
        viewModel.addColumn("cot-8", text, MODEL);
        viewModel.addColumn("zero-shot-cot", chat, "other-model");

        viewModel.repeatFirst(3);

        assertThat(viewModel.getColumns()).hasSize(3).allSatisfy(column -> {
            assertThat(column.variantIdProperty().get()).isEqualTo("cot-8");
            assertThat(column.endpointProperty().get()).isEqualTo(text);
            assertThat(column.modelProperty().get()).isEqualTo(MODEL);
            assertThat(column.isBranch()).isFalse();
        });
        assertThat(viewModel.getColumns()).extracting(column -> column.seedProperty().get())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void repeatFirstDoesNothingWithoutAColumnOrACopyToMake() {
        viewModel.repeatFirst(2);
        assertThat(viewModel.getColumns()).isEmpty();

        CompareColumn only = viewModel.addColumn("cot-8", text, MODEL);
        viewModel.repeatFirst(0);

        assertThat(viewModel.getColumns()).containsExactly(only);
    }

    @Test
    void repeatedColumnsSendTheirOwnSeedsAndAgreeUnanimously() {
        viewModel.addColumn("cot-8", text, MODEL);
        onFx(() -> {
            viewModel.repeatFirst(3);
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(viewModel.getColumns());

        assertThat(completions.bodies()).extracting(body -> body.path("seed").asLong())
                .containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(completions.bodies()).extracting(body -> body.path("prompt").asText()).containsOnly(
                completions.bodies().getFirst().path("prompt").asText());
        assertThat(viewModel.getColumns()).extracting(column -> column.titleProperty().get())
                .allSatisfy(title -> assertThat(title).startsWith("8-shot chain of thought · mock-model · seed "));
        assertThat(onFx(() -> viewModel.agreementProperty().get())).contains("Majority answer 7").contains("3 of 3")
                .contains("100 %").contains("unanimous");
    }

    @Test
    void runAllStreamsEveryColumnAndReportsTheMajorityAnswerAndItsShare() {
        CompareColumn sevens = viewModel.addColumn("cot-8", text, MODEL);
        CompareColumn eights = viewModel.addColumn("zero-shot-cot", text, MODEL);

        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(sevens, eights));

        onFx(() -> {
            assertThat(sevens.output().getState()).isEqualTo(RunState.COMPLETED);
            assertThat(eights.output().getState()).isEqualTo(RunState.COMPLETED);
            assertThat(sevens.output().getText()).isEqualTo("3 + 4 = 7. The answer is 7.");
            assertThat(eights.output().getText()).isEqualTo("3 + 4 = 8. The answer is 8.");
            assertThat(sevens.output().getTokens()).extracting(ScoredToken::text)
                    .containsExactlyElementsOf(CannedCompletions.tokens(7));
            assertThat(sevens.output().getGrade().extracted()).isEqualTo("7");
            assertThat(eights.output().getGrade().extracted()).isEqualTo("8");
            assertThat(sevens.titleProperty().get()).isEqualTo("8-shot chain of thought · mock-model");
            assertThat(viewModel.agreementProperty().get()).contains("Majority answer 7").contains("1 of 2")
                    .contains("50 %").contains("8 ×1").doesNotContain("unanimous");
            return null;
        });
        assertThat(completions.bodies()).hasSize(2).allSatisfy(body -> {
            assertThat(body.path("model").asText()).isEqualTo(MODEL);
            assertThat(body.path("logprobs").asInt()).isEqualTo(2);
        });

        onFx(() -> {
            viewModel.removeColumn(eights);
            return null;
        });

        assertThat(onFx(() -> viewModel.agreementProperty().get())).contains("Majority answer 7").contains("1 of 1")
                .contains("unanimous");
    }

    @Test
    void finishedCompletionsBecomeOneFixedColumnEachWithTheirAgreementAndRunAllSendsNothing() {
        List<FinishedCompletion> samples = List.of(
                finished(FinishedCompletions.stored(1, 0, "7", Verdict.CORRECT), 0),
                finished(FinishedCompletions.stored(2, 1, "8", Verdict.WRONG), 1),
                finished(FinishedCompletions.stored(3, 2, "7", Verdict.CORRECT), 2));
        viewModel.addColumn("cot-8", text, MODEL);

        onFx(() -> {
            viewModel.showFinished(samples);
            return null;
        });

        onFx(() -> {
            assertThat(viewModel.getColumns()).hasSize(3).allSatisfy(column -> {
                assertThat(column.isFinished()).isTrue();
                assertThat(column.isRunnable()).isFalse();
                assertThat(column.output().getTokens()).hasSize(9);
            });
            assertThat(viewModel.getColumns()).extracting(c -> c.output().getGrade().extracted())
                    .containsExactly("7", "8", "7");
            assertThat(viewModel.getColumns().get(1).titleProperty().get())
                    .isEqualTo("sample 2 of 3 · case c01 · 8-shot chain of thought · mock-text/mock");
            assertThat(viewModel.agreementProperty().get()).contains("Majority answer 7").contains("2 of 3")
                    .contains("8 ×1");
            viewModel.runAll(context);
            assertThat(viewModel.messageProperty().get()).contains("finished completions");
            viewModel.repeatFirst(2);
            assertThat(viewModel.getColumns()).as("nothing to repeat").hasSize(3).allMatch(CompareColumn::isFinished);
            assertThat(viewModel.messageProperty().get()).isEqualTo("The first column cannot be repeated: it shows"
                    + " a finished completion. Add a column to repeat instead.");
            return null;
        });
        assertThat(completions.bodies()).isEmpty();
    }

    private static FinishedCompletion finished(StoredCompletion stored, int sample) {
        return FinishedCompletion.of(stored, FinishedCompletions.origin(sample, 3), AnswerFormat.DEFAULT);
    }

    @Test
    void aBranchResendsThePromptWithTheKeptTokensAndTheAlternativeAndRunAllLeavesItAlone() {
        CompareColumn source = viewModel.addColumn("cot-8", text, MODEL);
        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(source));
        String prompt = completions.bodies().getFirst().path("prompt").asText();

        CompareColumn branch = onFx(() -> viewModel.branch(source.output(), CannedCompletions.FIRST_NUMBER, 1));
        assertThat(branch).isNotNull();
        awaitEnded(List.of(branch));

        JsonNode sent = completions.bodies().getLast();
        assertThat(sent.path("prompt").asText()).isEqualTo(prompt + "3 + 4 = 8");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(256 - CannedCompletions.FIRST_NUMBER - 1);
        onFx(() -> {
            assertThat(viewModel.getColumns()).containsExactly(source, branch);
            assertThat(branch.isBranch()).isTrue();
            assertThat(branch.titleProperty().get()).contains("token 5").contains("\"8\"");
            OutputViewModel output = branch.output();
            assertThat(output.getState()).isEqualTo(RunState.COMPLETED);
            assertThat(output.getText()).isEqualTo("3 + 4 = 8. The answer is 8.");
            assertThat(output.getTokens().subList(0, CannedCompletions.FIRST_NUMBER))
                    .isEqualTo(source.output().getTokens().subList(0, CannedCompletions.FIRST_NUMBER));
            ScoredToken chosen = output.getTokens().get(CannedCompletions.FIRST_NUMBER);
            assertThat(chosen.text()).isEqualTo(" 8");
            assertThat(chosen.logprob()).isEqualTo(CannedCompletions.RUNNER_UP);
            assertThat(output.getGrade().extracted()).isEqualTo("8");
            assertThat(viewModel.agreementProperty().get()).contains("1 of 2").contains("50 %");
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(source));

        assertThat(completions.bodies()).hasSize(3);
        assertThat(completions.bodies().getLast().path("prompt").asText()).isEqualTo(prompt);
        assertThat(onFx(() -> branch.output().getText())).isEqualTo("3 + 4 = 8. The answer is 8.");
    }

    @Test
    void aChatAnswerCannotBeBranchedAndTheViewModelSaysWhyUntilTheNextRun() {
        CompareColumn column = viewModel.addColumn("chat-cot-8", chat, MODEL);
        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(column));

        CompareColumn branch = onFx(() -> viewModel.branch(column.output(), 0, 0));

        assertThat(branch).isNull();
        assertThat(onFx(() -> viewModel.getColumns())).containsExactly(column);
        assertThat(onFx(() -> viewModel.messageProperty().get())).contains("cannot be branched");
        assertThat(completions.bodies()).hasSize(1);

        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        assertThat(onFx(() -> viewModel.messageProperty().get())).isEmpty();
    }

    @Test
    void aColumnWithoutAnEndpointOrAModelSaysWhatItNeedsAndSendsNothing() {
        CompareColumn noEndpoint = viewModel.addColumn("cot-8", null, MODEL);
        CompareColumn noModel = viewModel.addColumn("cot-8", text, " ");

        viewModel.runAll(context);

        assertThat(List.of(noEndpoint, noModel)).allSatisfy(column -> {
            assertThat(column.titleProperty().get()).isEqualTo("choose a variant, an endpoint and a model");
            assertThat(column.output().getState()).isEqualTo(RunState.IDLE);
        });
        assertThat(viewModel.agreementProperty().get()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aChatVariantOnARawTextBackendGoesAsItsTextLayoutAndSaysSo() {
        CompareColumn column = viewModel.addColumn("chat-cot-8", text, MODEL);
        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(column));

        RenderedPrompt sent = onFx(() -> column.output().getSpec().request().prompt());
        assertThat(sent).isInstanceOfSatisfying(RenderedPrompt.Text.class, prompt -> {
            assertThat(completions.bodies().getFirst().path("prompt").asText()).isEqualTo(prompt.prompt())
                    .startsWith("You are a careful maths tutor").endsWith("A:");
            assertThat(prompt.adaptation()).isEqualTo("sent as raw text in the variant's text layout: "
                    + "mock-text takes raw text only");
        });
        assertThat(onFx(() -> column.output().getSource().getRequest())).contains("Adapted: sent as raw text");
        assertThat(onFx(() -> column.titleProperty().get())).startsWith("8-shot chain of thought as chat messages");
    }

    @Test
    void theRawTextPromptIsWhatTheServerReceives() {
        CompareColumn column = viewModel.addColumn("zero-shot-cot", text, MODEL);
        onFx(() -> {
            viewModel.runAll(context);
            return null;
        });
        awaitEnded(List.of(column));

        RenderedPrompt sent = onFx(() -> column.output().getSpec().request().prompt());
        assertThat(sent).isInstanceOfSatisfying(RenderedPrompt.Text.class, prompt -> assertThat(
                completions.bodies().getFirst().path("prompt").asText()).isEqualTo(prompt.prompt())
                .contains("A party orders 6 pizzas").endsWith("Let's think step by step."));
    }

    private void awaitEnded(List<CompareColumn> columns) {
        await(() -> columns.stream().map(CompareColumn::output)
                .allMatch(output -> output.getState() != RunState.IDLE && !output.getState().isRunning()));
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                fail("not done within " + WAIT_SECONDS + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs {@code action} as the FX thread would: never at the same time as a hand-off from a stream. */
    private <T> T onFx(Supplier<T> action) {
        synchronized (fxLock) {
            return action.get();
        }
    }
}
