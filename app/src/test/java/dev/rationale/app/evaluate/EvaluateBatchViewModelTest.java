// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.LockedFx;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluate's "Run as batch": the batch's state as the message, Cancel at the provider, Resume after a reopen. */
class EvaluateBatchViewModelTest {
    private static final BatchOptions FAST = BatchOptions.DEFAULTS.withPollInterval(Duration.ofMillis(5));

    @TempDir
    Path dir;

    private final LockedFx fx = new LockedFx();
    private BatchApiServer api;
    private Path setFile;
    private Task task;
    private PromptSet set;

    @BeforeEach
    void start() throws IOException {
        api = BatchApiServer.started();
        setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        set = PromptSetFiles.load(setFile);
        task = set.tasks().getFirst();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private EvaluateViewModel viewModel(BatchOptions options) {
        EvaluateViewModel viewModel = new EvaluateViewModel(api.providers, dir.resolve("scratch"), fx, Runnable::run,
                Clock.systemUTC(), options);
        fx.run(() -> viewModel.limitProperty().set(2));
        return viewModel;
    }

    private EvaluateViewModel.Setup setup() {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow());
        return new EvaluateViewModel.Setup(set, setFile, task, variants, api.endpoint(), "mock");
    }

    private Path results() {
        return dir.resolve("arithmetic.arithmetic.eval.jsonl");
    }

    @Test
    void runAsBatchShowsTheBatchAndCancelCancelsItAtTheProvider() {
        EvaluateViewModel viewModel = viewModel(FAST);
        fx.run(() -> viewModel.batchProperty().set(true));

        fx.run(() -> viewModel.start(setup(), false));
        waitUntil(viewModel, () -> viewModel.messageProperty().get().contains("in_progress"));

        fx.run(() -> assertThat(viewModel.messageProperty().get()).startsWith("Batch batch_0 (OpenAI Batch, 2"
                + " requests): in_progress"));
        fx.run(viewModel::cancel);
        waitUntil(viewModel, () -> !viewModel.runningProperty().get());

        assertThat(api.cancels.get()).isOne();
        assertThat(ResultsFile.read(results())).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.FAILED);
            assertThat(r.batch()).isEqualTo("batch_0");
            assertThat(r.reason()).contains("was cancelled");
        });
        fx.run(() -> assertThat(viewModel.getCells()).singleElement().satisfies(c ->
                assertThat(c.failed()).isEqualTo(2)));
    }

    @Test
    void resumeInAReopenedAppCollectsTheOpenBatchWithoutTheBox() {
        EvaluateViewModel first = viewModel(FAST.submittingOnly(true));
        fx.run(() -> first.batchProperty().set(true));
        fx.run(() -> first.start(setup(), false));
        waitUntil(first, () -> !first.runningProperty().get());
        fx.run(() -> assertThat(first.messageProperty().get()).isEqualTo("The batches go on at the provider; Resume"
                + " collects their answers."));
        assertThat(ResultsFile.batches(results())).singleElement().extracting(BatchRecord::imported)
                .isEqualTo(false);

        api.finish = true;
        EvaluateViewModel reopened = viewModel(FAST);
        fx.run(() -> reopened.start(setup(), true));
        waitUntil(reopened, () -> !reopened.runningProperty().get() && !reopened.getCells().isEmpty());

        assertThat(api.created.get()).as("collected, not submitted again").isOne();
        assertThat(ResultsFile.read(results())).hasSize(2).extracting(SampleRecord::batch).containsOnly("batch_0");
        fx.run(() -> {
            assertThat(reopened.messageProperty().get()).isEqualTo("Done.");
            assertThat(reopened.getCells().getFirst().cases()).isEqualTo(2);
        });
    }

    @Test
    void reopeningATaskWhoseLastRunLeftABatchOpenSaysResumeCollectsIt() {
        EvaluateViewModel first = viewModel(FAST.submittingOnly(true));
        fx.run(() -> first.batchProperty().set(true));
        fx.run(() -> first.start(setup(), false));
        waitUntil(first, () -> !first.runningProperty().get());

        EvaluateViewModel reopened = viewModel(FAST);
        reopened.noticeOpenBatches(setup());

        fx.run(() -> {
            assertThat(reopened.messageProperty().get()).startsWith("The last run left a batch open at OpenAI Batch (")
                    .endsWith("): Resume collects its answers.");
            assertThat(reopened.runningProperty().get()).isFalse();
        });
        assertThat(api.created.get()).as("noticed, not polled or submitted again").isOne();
    }

    @Test
    void aTaskWithoutOpenBatchesSaysNothingOnReopening() {
        EvaluateViewModel never = viewModel(FAST);
        never.noticeOpenBatches(setup());

        api.finish = true;
        EvaluateViewModel collected = viewModel(FAST);
        fx.run(() -> collected.batchProperty().set(true));
        fx.run(() -> collected.start(setup(), false));
        waitUntil(collected, () -> !collected.runningProperty().get() && !collected.getCells().isEmpty());
        EvaluateViewModel reopened = viewModel(FAST);
        reopened.noticeOpenBatches(setup());

        fx.run(() -> {
            assertThat(never.messageProperty().get()).isEmpty();
            assertThat(reopened.messageProperty().get()).isEmpty();
        });
    }

    private void waitUntil(EvaluateViewModel viewModel, BooleanSupplier condition) {
        fx.waitUntil(condition, 20, () -> viewModel.progressTextProperty().get() + " / "
                + viewModel.messageProperty().get());
    }
}
