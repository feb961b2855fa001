// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.compare.NoSecrets;
import dev.rationale.app.fx.LockedFx;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import dev.rationale.core.grading.code.CodeSandbox;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluating a task graded by tests asks once per workspace before the model's code may run: declined, nothing
 * starts; allowed, the choice is kept, the answers are graded by their tests and Evaluate says how the code is
 * isolated. A server answers every request with a right {@code reverse_words}, the sample set's first case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvaluateCodeTestsViewModelTest {
    private static final String CODE = "```python\\ndef reverse_words(sentence):\\n"
            + "    return ' '.join(reversed(sentence.split()))\\n```";

    @TempDir
    Path dir;

    private final LockedFx fx = new LockedFx();
    private final MockWebServer server = new MockWebServer();
    private final ProviderCache providers = new ProviderCache(new ProviderFactory(HttpClients.create(),
            new KeyResolver(new NoSecrets(), name -> null)));
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger completions = new AtomicInteger();
    private volatile boolean allow;
    private EvaluateViewModel viewModel;
    private EvaluateViewModel.Setup setup;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/v1/models")) {
                    return new MockResponse.Builder().body("{\"data\":[]}").build();
                }
                completions.incrementAndGet();
                return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                        .body("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + CODE + "\"}}]}\n\n"
                                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"
                                + "\n\ndata: [DONE]\n\n").build();
            }
        });
        server.start();
        Path setFile = Files.copy(Path.of("../sample-prompts/code-generation.rationale.json"),
                dir.resolve("code.rationale.json"));
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.tasks().getFirst();
        Endpoint endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        setup = new EvaluateViewModel.Setup(set, setFile, task, List.of(task.variant("zero-shot").orElseThrow()),
                endpoint, "mock");
        viewModel = new EvaluateViewModel(providers, dir.resolve("scratch"), fx, Runnable::run, Clock.systemUTC(),
                BatchOptions.DEFAULTS, CostConfirmation.NEVER_ASK, (workspace, isolation) -> {
                    asked.incrementAndGet();
                    assertThat(workspace).isEqualTo(dir);
                    assertThat(isolation).isEqualTo(CodeSandbox.shared().isolation().description());
                    return allow;
                });
        fx.run(() -> viewModel.limitProperty().set(1));
    }

    @AfterEach
    void stop() {
        server.close();
        providers.close();
    }

    @Test
    void declinedNothingStartsAndTheWorkspaceStaysOff() {
        fx.run(() -> viewModel.start(setup, false));
        waitUntil(() -> !viewModel.runningProperty().get() && asked.get() == 1);

        fx.run(() -> assertThat(viewModel.messageProperty().get()).isEqualTo("Not started: this task is graded by"
                + " running the model's code, which this workspace does not allow."));
        assertThat(completions.get()).isZero();
        assertThat(CodeExecutionConsent.allowed(dir)).isFalse();
    }

    @Test
    void allowedTheChoiceIsKeptAndTheAnswersAreGradedByTheirTests() {
        allow = true;
        fx.run(() -> viewModel.start(setup, false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        assertThat(asked.get()).isEqualTo(1);
        assertThat(CodeExecutionConsent.allowed(dir)).isTrue();
        fx.run(() -> {
            assertThat(viewModel.codeExecutionProperty().get()).isEqualTo("Tests run the model's code on this"
                    + " machine, isolated by " + CodeSandbox.shared().isolation().description() + ".");
            assertThat(viewModel.getCells()).hasSize(1);
        });
        List<SampleRecord> records = ResultsFile.read(dir.resolve("code.python-functions.eval.jsonl"));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(Verdict.CORRECT);
            assertThat(record.grading().score()).isEqualTo(1.0);
            assertThat(record.grading().note()).isEqualTo("5 of 5 tests passed");
        });

        // Allowed once, not asked again.
        fx.run(() -> viewModel.start(setup, true));
        waitUntil(() -> !viewModel.runningProperty().get());
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void turnedOffTheWorkspaceIsAskedAgainAtItsNextEvaluation() {
        allow = true;
        fx.run(() -> viewModel.start(setup, false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        assertThat(CodeExecutionConsent.allowed(dir)).isTrue();

        fx.run(() -> viewModel.disallowCode());
        waitUntil(() -> viewModel.codeExecutionProperty().get().isEmpty());

        assertThat(CodeExecutionConsent.allowed(dir)).isFalse();
        fx.run(() -> assertThat(viewModel.messageProperty().get()).isEqualTo("Running the model's code is off for"
                + " this workspace; its next evaluation graded by tests asks again."));
        allow = false;
        fx.run(() -> viewModel.start(setup, false));
        waitUntil(() -> !viewModel.runningProperty().get() && asked.get() == 2);
        assertThat(CodeExecutionConsent.allowed(dir)).isFalse();
    }

    private void waitUntil(BooleanSupplier condition) {
        fx.waitUntil(condition, 20, () -> viewModel.messageProperty().get());
    }
}
