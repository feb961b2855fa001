// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.dataset.Dataset;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.dataset.PromptSetImport;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ContinuationScore;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.embedded.EmbeddedOptions;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.embedded.TestModels;
import dev.rationale.core.render.PromptRenderer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The likelihood pass on the embedded engine with the real tiny model, over the BIG-bench sample dataset. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LikelihoodPassTest {
    private static final String MODEL = "stories260K.gguf";
    private static final Path SCIENCE = Path.of("../sample-prompts/everyday-science.bigbench.json");

    private static EmbeddedProvider embedded;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        embedded = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder()).withThreads(1));
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Test
    void everyOptionIsScoredAfterThePromptTheGenerationRunSends() throws Exception {
        Dataset dataset = Datasets.read(SCIENCE);
        ImportResult imported = PromptSetImport.newSet(dataset, null, 2);
        Task task = imported.promptSet().task(imported.taskId()).orElseThrow();
        List<DatasetCase> cases = Datasets.mapOnto(dataset, task, Map.of());
        EvalPlan plan = plan(imported, task, cases);

        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.create(dir.resolve("science.jsonl"))) {
            outcome = new EvaluationRunner(e -> embedded).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }

        assertThat(outcome.notScorable()).isEmpty();
        assertThat(outcome.likelihood()).hasSize(cases.size() * task.variants().size());
        // Generation is unchanged: every completion is there beside the scores.
        assertThat(outcome.summary().completions()).isEqualTo(plan.totalCompletions());
        for (LikelihoodRecord record : outcome.likelihood()) {
            assertThat(record.likelihood()).isEqualTo(LikelihoodRecord.Status.SCORED);
            int index = Integer.parseInt(record.testCase().substring(1)) - 1;
            DatasetCase datasetCase = cases.get(index);
            Variant variant = task.variant(record.variant()).orElseThrow();
            assertScoresAreTheEnginesOwn(task, variant, datasetCase.testCase(), record);
            assertThat(record.accepted()).isEqualTo(datasetCase.answers());
            assertThat(record.pick()).isEqualTo(best(record, Comparator.comparingDouble(
                    LikelihoodRecord.OptionScore::logprob)));
            assertThat(record.perTokenPick()).isEqualTo(best(record, Comparator.comparingDouble(
                    (LikelihoodRecord.OptionScore s) -> s.logprob() / s.tokens())));
            assertThat(record.pickCorrect()).isEqualTo(datasetCase.answers().contains(record.pick()));
        }
        LikelihoodReport report = LikelihoodReport.of(plan, outcome);
        for (LikelihoodCell cell : report.cells()) {
            List<LikelihoodRecord> own = outcome.likelihood().stream()
                    .filter(r -> r.variant().equals(cell.variant())).toList();
            int correct = (int) own.stream().filter(LikelihoodRecord::pickCorrect).count();
            assertThat(cell.cases()).isEqualTo(cases.size());
            assertThat(cell.scored()).isEqualTo(cases.size());
            assertThat(cell.correct()).isEqualTo(correct);
            assertThat(cell.interval()).isEqualTo(WilsonInterval.of(correct, cases.size()));
            assertThat(cell.notScorable()).isNull();
        }
    }

    @Test
    void aResumedRunScoresNothingTwiceAndReadsTheScoresBack() throws Exception {
        Dataset dataset = Datasets.read(SCIENCE);
        ImportResult imported = PromptSetImport.newSet(dataset, null, 2);
        Task task = imported.promptSet().task(imported.taskId()).orElseThrow();
        EvalPlan plan = plan(imported, task, Datasets.mapOnto(dataset, task, Map.of()));
        Path file = dir.resolve("resume.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            AtomicReference<RunningEvaluation> run = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            EvalListener stopAtFirstScore = EvalFixtures.onScore(record -> {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run.get().cancel();
            });
            run.set(new EvaluationRunner(e -> embedded).start(plan, results, EvalOptions.DEFAULTS.withConcurrency(1),
                    stopAtFirstScore));
            started.countDown();
            assertThat(run.get().await().cancelled()).isTrue();
        }
        List<LikelihoodRecord> first = ResultsFile.readScores(file);
        assertThat(first).isNotEmpty().hasSizeLessThan(LikelihoodReport.keys(plan).size());

        List<LikelihoodRecord> rescored = new CopyOnWriteArrayList<>();
        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.resume(file)) {
            outcome = new EvaluationRunner(e -> embedded).start(plan, results, EvalOptions.DEFAULTS,
                    EvalFixtures.onScore(rescored::add)).await();
        }

        assertThat(rescored).extracting(LikelihoodRecord::key)
                .doesNotContainAnyElementsOf(first.stream().map(LikelihoodRecord::key).toList());
        assertThat(outcome.likelihood()).hasSize(LikelihoodReport.keys(plan).size());
        assertThat(ResultsFile.readScores(file)).containsExactlyInAnyOrderElementsOf(outcome.likelihood());
        // The completions' reader sees no score lines.
        assertThat(ResultsFile.read(file)).hasSize(plan.totalCompletions());
    }

    private static EvalPlan plan(ImportResult imported, Task task, List<DatasetCase> cases) {
        Endpoint endpoint = new Endpoint("embedded", ProviderKind.EMBEDDED, null, null, null);
        // Short completions: the generation pass runs too, and only its presence matters here.
        EvalTarget target = new EvalTarget(MODEL, endpoint, MODEL,
                new GenerationSettings(0.0, null, 4, List.of(), null, null));
        return EvalPlan.of(imported.promptSet(), task, task.variants(), List.of(target), cases, null, true);
    }

    private static void assertScoresAreTheEnginesOwn(Task task, Variant variant, TestCase testCase,
            LikelihoodRecord record) {
        var prompt = PromptRenderer.render(task, variant, testCase);
        List<String> continuations = record.options().stream().map(o -> " " + o.option()).toList();
        List<ContinuationScore> direct = embedded.scoreContinuations(MODEL, prompt, continuations);
        for (int i = 0; i < direct.size(); i++) {
            assertThat(record.options().get(i).logprob()).isCloseTo(direct.get(i).logprob(), within(1e-6));
            assertThat(record.options().get(i).tokens()).isEqualTo(direct.get(i).tokenIds().size());
        }
    }

    private static String best(LikelihoodRecord record, Comparator<LikelihoodRecord.OptionScore> order) {
        LikelihoodRecord.OptionScore best = record.options().getFirst();
        for (LikelihoodRecord.OptionScore score : record.options()) {
            if (order.compare(score, best) > 0) {
                best = score;
            }
        }
        return best.option();
    }
}
