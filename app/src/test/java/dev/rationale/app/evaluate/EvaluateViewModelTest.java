// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.compare.CannedCompletions;
import dev.rationale.app.fx.LockedFx;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.history.HistoryViewModel;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.history.RecordingRerunHost;
import dev.rationale.app.run.ChatLayoutChoice;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.dataset.PromptSetImport;
import dev.rationale.core.analysis.AnswerClusters;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Evaluate screen's model on a copy of the arithmetic sample against an OpenAI-compatible MockWebServer. Hand-offs
 * to the "FX thread" run under a lock the test holds while it reads.
 */
class EvaluateViewModelTest {
    private static final Path MODELS = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
            .toAbsolutePath();

    @TempDir
    Path dir;

    private final LockedFx fx = new LockedFx();
    private CannedServer mock;
    private EvaluateViewModel viewModel;
    private Path setFile;
    private PromptSet set;
    private Task task;
    private Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        mock = CannedServer.started();
        setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        set = PromptSetFiles.load(setFile);
        task = set.tasks().getFirst();
        endpoint = mock.endpoint("mock-text", ProviderKind.OPENAI_TEXT);
        viewModel = new EvaluateViewModel(mock.providers, dir.resolve("scratch"), fx, Runnable::run, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void anEvaluationFillsTheGridAndKeepsEveryCompletionInResultsAndHistory() throws IOException {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow(),
                task.variant("zero-shot-cot").orElseThrow());
        onFx(() -> viewModel.limitProperty().set(3));

        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        onFx(() -> {
            assertThat(viewModel.getCells()).extracting(CellMetrics::variant)
                    .containsExactly("zero-shot", "zero-shot-cot");
            assertThat(viewModel.getCells()).allSatisfy(cell -> {
                assertThat(cell.cases()).isEqualTo(3);
                assertThat(cell.failed()).isZero();
            });
            assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
            assertThat(viewModel.progressTextProperty().get()).startsWith("6 of 6 completions");
            assertThat(viewModel.messageProperty().get()).isEqualTo("Done.");
            // Free answers: no likelihood pass, and the grid's likelihood columns stay hidden and blank.
            assertThat(viewModel.getCases().likelihoodProperty().get().isEmpty()).isTrue();
            assertThat(viewModel.getCases().likelihoodOf(viewModel.getCells().getFirst()))
                    .isEqualTo(new LikelihoodEntry("", "", ""));
            var cases = viewModel.getCases().casesOf(viewModel.getCells().getFirst());
            assertThat(cases).hasSize(3).allSatisfy(c -> assertThat(c.key().variant()).isEqualTo("zero-shot"));
            // The canned server answers 7 without the step-by-step trigger and 8 with it.
            viewModel.getCases().select(cases.getFirst());
        });
        waitUntil(() -> viewModel.getCases().getClusters().getResult().clusters().total() == 1);
        onFx(() -> {
            assertThat(viewModel.getCases().getClusters().getResult().clusters().clusters())
                    .extracting(AnswerClusters.Cluster::label).containsExactly("7");
            viewModel.getCases().select(viewModel.getCases().casesOf(viewModel.getCells().get(1)).getFirst());
        });
        waitUntil(() -> viewModel.getCases().getClusters().getResult().clusters().clusters().stream()
                .anyMatch(c -> "8".equals(c.answer())));
        assertThat(dir.resolve("arithmetic.arithmetic.eval.jsonl")).exists();
        try (HistoryStore store = HistoryStore.open(dir)) {
            Run run = store.runs(RunFilter.all()).items().getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.promptSetFile()).isEqualTo(setFile.toString());
            assertThat(run.scope()).as("kept so that History can rerun it").isEqualTo(new RunScope(null, 3, null));
            assertThat(store.completions(CompletionFilter.of(run.id())).total()).isEqualTo(6);
        }
        assertThat(mock.completions.get()).isEqualTo(6);

        onFx(() -> viewModel.start(setup(variants), true));
        waitUntil(() -> !viewModel.runningProperty().get());

        // Resuming a finished evaluation asks for nothing again and reports the same grid.
        assertThat(mock.completions.get()).isEqualTo(6);
        onFx(() -> assertThat(viewModel.getCells()).hasSize(2));
    }

    @Test
    void theChatLayoutChosenInEvaluateShapesEveryRawTextVariantForAChatEndpoint() {
        endpoint = mock.endpoint("mock-chat", ProviderKind.OPENAI);
        List<Variant> variants = List.of(task.variant("cot-8").orElseThrow(), task.variant("zero-shot").orElseThrow());
        onFx(() -> {
            viewModel.limitProperty().set(1);
            viewModel.chatLayoutProperty().set(ChatLayoutChoice.SINGLE_MESSAGE);
        });

        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        onFx(() -> assertThat(viewModel.getCells()).allSatisfy(cell -> assertThat(cell.failed()).isZero()));
        assertThat(mock.canned.bodies()).hasSize(2).allSatisfy(body -> {
            assertThat(body.path("messages")).hasSize(1);
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
            assertThat(body.has("prompt")).isFalse();
        });
    }

    @Test
    void everyCompletionOfAnEvaluationIsFoundAgainInTheHistoryScreen() {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow());
        onFx(() -> viewModel.limitProperty().set(4));
        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        HistoryViewModel history = new HistoryViewModel(() -> dir, fx, Runnable::run, new ScriptedDialogs(),
                new RecordingRerunHost(endpoint));

        onFx(history::refresh);
        onFx(() -> {
            assertThat(history.getRuns()).hasSize(1);
            history.select(List.of(history.getRuns().getFirst()));
        });

        onFx(() -> {
            assertThat(history.getCompletions()).hasSize(4);
            assertThat(history.getCompletions()).extracting(row -> row.key().variant()).containsOnly("zero-shot");
            history.open(history.getCompletions().getFirst().id());
        });
        onFx(() -> {
            var opened = history.completionProperty().get();
            assertThat(opened).isNotNull();
            assertThat(opened.record().text()).isEqualTo(String.join("", CannedCompletions.tokens(7)));
            assertThat(opened.record().tokens()).hasSize(9);
            history.gradeProperty().set(Verdict.FAILED);
        });
        onFx(() -> assertThat(history.getCompletions()).isEmpty());

        onFx(() -> {
            history.filterProperty().set("no such set");
            history.refresh();
        });
        onFx(() -> assertThat(history.getRuns()).isEmpty());
    }

    @Test
    void aCaseOpensTheStoredCompletionsOfItsSamplesAlsoWhenAnEarlierSessionFinishedThem() {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow());
        onFx(() -> {
            viewModel.samplesProperty().set(3);
            viewModel.limitProperty().set(1);
            viewModel.start(setup(variants), false);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        // A later session (the app restarted) resumes with one case more: the first case's samples stay as they were.
        viewModel = new EvaluateViewModel(mock.providers, dir.resolve("scratch"), fx, Runnable::run, Clock.systemUTC());
        onFx(() -> {
            viewModel.samplesProperty().set(3);
            viewModel.limitProperty().set(2);
            viewModel.start(setup(variants), true);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        List<String> runs;
        try (HistoryStore store = HistoryStore.open(dir)) {
            runs = store.runs(RunFilter.all()).items().stream().map(Run::id).toList().reversed();
        }
        List<List<FinishedCompletion>> opened = new ArrayList<>();

        onFx(() -> viewModel.getCases().casesOf(viewModel.getCells().getFirst())
                .forEach(c -> viewModel.getCases().openCase(c, opened::add)));

        assertThat(runs).hasSize(2);
        assertThat(mock.completions.get()).as("one request of n=3 per session").isEqualTo(2);
        assertThat(opened).hasSize(2).allSatisfy(samples -> {
            assertThat(samples).hasSize(3);
            assertThat(samples).extracting(f -> f.origin().sample()).containsExactly(0, 1, 2);
            assertThat(samples).allSatisfy(f -> {
                assertThat(f.tokens()).extracting(ScoredToken::text).containsExactlyElementsOf(
                        CannedCompletions.tokens(7));
                assertThat(f.request().samples()).isEqualTo(3);
                assertThat(f.grade().extracted()).isEqualTo("7");
            });
        });
        assertThat(opened.get(0)).extracting(f -> f.origin().runId()).containsOnly(runs.get(0));
        assertThat(opened.get(1)).extracting(f -> f.origin().runId()).containsOnly(runs.get(1));
        FinishedCompletion.Origin second = opened.get(1).getFirst().origin();
        assertThat(second.describe()).isEqualTo("Run " + runs.get(1) + " · Zero-shot, answer only · mock-text/mock"
                + " · case " + second.caseId() + " · sample 1 of 3");
    }

    @Test
    void aCaseWhoseHistoryIsGoneOpensAsTheResultsFileHoldsIt() throws IOException {
        onFx(() -> {
            viewModel.limitProperty().set(1);
            viewModel.start(setup(List.of(task.variant("zero-shot").orElseThrow())), false);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        Files.delete(HistoryStore.databaseFile(dir));
        List<List<FinishedCompletion>> opened = new ArrayList<>();

        onFx(() -> viewModel.getCases().openCase(viewModel.getCases().casesOf(viewModel.getCells().getFirst())
                .getFirst(), opened::add));

        FinishedCompletion only = opened.getFirst().getFirst();
        assertThat(only.text()).isEqualTo(String.join("", CannedCompletions.tokens(7)));
        assertThat(only.tokens()).isEmpty();
        assertThat(only.origin().runId()).isNull();
        assertThat(HistoryStore.exists(dir)).isFalse();
    }

    @Test
    void moreModelsOnTheEndpointAddAColumnOfCellsEach() {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow(),
                task.variant("zero-shot-cot").orElseThrow());
        onFx(() -> {
            viewModel.limitProperty().set(2);
            viewModel.extraModelsProperty().set(" mock-large, mock ,");
        });

        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        onFx(() -> {
            assertThat(viewModel.getCells()).extracting(CellMetrics::target)
                    .containsExactly("mock", "mock", "mock-large", "mock-large");
            var byModel = ChartSeries.byModel(viewModel.getCells(), Map.of("zero-shot", "Zero"));
            assertThat(byModel.keySet()).containsExactly("Zero", "zero-shot-cot");
            assertThat(byModel.get("Zero")).containsOnlyKeys("mock", "mock-large");
        });
        assertThat(mock.completions.get()).isEqualTo(8);
        onFx(() -> assertThat(viewModel.getModels()).extracting(SizedModel::label)
                .containsExactly("mock · size unknown", "mock-large · size unknown"));
    }

    @Test
    void theChartByModelOrdersModelsByTheSizeTheEndpointListsOrElseTheirNamesAndUnknownSizesLast() {
        // A llama.cpp-style list: counted sizes for two models; "mock-1.5b" and "hosted" are not listed.
        mock.modelList = "{\"data\":[{\"id\":\"mock\",\"meta\":{\"n_params\":260032}},"
                + "{\"id\":\"mock-13b\",\"meta\":{\"n_params\":12850000000}}]}";
        onFx(() -> {
            viewModel.limitProperty().set(1);
            viewModel.extraModelsProperty().set("hosted, mock-13b, mock-1.5b");
            viewModel.start(setup(List.of(task.variant("zero-shot").orElseThrow())), false);
        });

        waitUntil(() -> !viewModel.runningProperty().get() && viewModel.getModels().stream()
                .anyMatch(m -> m.size() != null && m.size().source() == ModelSize.Source.MEASURED));

        onFx(() -> assertThat(viewModel.getModels()).extracting(SizedModel::label).containsExactly(
                "mock · 260K params", "mock-1.5b · 1.5B params (by name)", "mock-13b · 12.9B params",
                "hosted · size unknown"));
    }

    @Test
    void aDatasetFileReplacesTheTasksCasesAndKeepsResultsOfItsOwn() throws IOException {
        Path data = Files.copy(Path.of("../sample-prompts/arithmetic-extra.csv"), dir.resolve("extra.csv"));
        onFx(() -> {
            viewModel.limitProperty().set(2);
            viewModel.datasetProperty().set(data);
            viewModel.start(setup(List.of(task.variant("zero-shot").orElseThrow())), false);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        List<String> lines = Files.readAllLines(dir.resolve("arithmetic.arithmetic.extra.eval.jsonl"));
        assertThat(lines).hasSize(2);
        // The file's first two rows, a1 and a2, not the task's own c01 and c02.
        assertThat(String.join("\n", lines)).contains("\"case\":\"a1\"", "\"case\":\"a2\"")
                .doesNotContain("\"case\":\"c01\"");
        assertThat(mock.completions.get()).isEqualTo(2);
        onFx(() -> assertThat(viewModel.getCases().casesOf(viewModel.getCells().getFirst())).hasSize(2));
    }

    @Test
    void aMultipleChoiceDatasetShowsTheLikelihoodAccuracyOfTheEmbeddedEngine() throws IOException {
        Path science = Path.of("../sample-prompts/everyday-science.bigbench.json");
        ImportResult imported = PromptSetImport.newSet(Datasets.read(science), null, 2);
        Task scienceTask = imported.promptSet().task(imported.taskId()).orElseThrow();
        Endpoint embedded = new Endpoint("embedded", ProviderKind.EMBEDDED, MODELS.toString(), null, null);
        onFx(() -> {
            viewModel.limitProperty().set(3);
            viewModel.datasetProperty().set(science);
            viewModel.start(new EvaluateViewModel.Setup(imported.promptSet(), null, scienceTask,
                    List.of(scienceTask.variant("zero-shot").orElseThrow()), embedded, "stories260K.gguf"), false);
        });

        assertLikelihoodOfThreeCasesIsShown();
    }

    @Test
    void aSavedMultipleChoiceSetShowsTheLikelihoodAccuracyWithoutADataset() throws IOException {
        Path science = Path.of("../sample-prompts/everyday-science.bigbench.json");
        Path saved = dir.resolve("science.rationale.json");
        PromptSetFiles.save(PromptSetImport.newSet(Datasets.read(science), null, 3).promptSet(), saved);
        PromptSet set = PromptSetFiles.load(saved);
        Task scienceTask = set.tasks().getFirst();
        Endpoint embedded = new Endpoint("embedded", ProviderKind.EMBEDDED, MODELS.toString(), null, null);
        onFx(() -> viewModel.start(new EvaluateViewModel.Setup(set, null, scienceTask,
                List.of(scienceTask.variant("few-shot").orElseThrow()), embedded, "stories260K.gguf"), false));

        assertLikelihoodOfThreeCasesIsShown();
    }

    // The scores in the results file are the ones the grid and the progress line show.
    private void assertLikelihoodOfThreeCasesIsShown() throws IOException {
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());
        Path results;
        try (var files = Files.list(dir.resolve("scratch"))) {
            results = files.filter(f -> f.toString().endsWith(".eval.jsonl")).findFirst().orElseThrow();
        }
        List<LikelihoodRecord> scores = ResultsFile.readScores(results);
        assertThat(scores).hasSize(3).allMatch(r -> r.likelihood() == LikelihoodRecord.Status.SCORED);
        onFx(() -> assertThat(viewModel.progressTextProperty().get()).as("scoring shows in the progress")
                .contains(" · 3 cases scored by likelihood"));
        int correct = (int) scores.stream().filter(LikelihoodRecord::pickCorrect).count();
        int perToken = (int) scores.stream().filter(LikelihoodRecord::perTokenCorrect).count();
        onFx(() -> {
            LikelihoodEntry entry = viewModel.getCases().likelihoodOf(viewModel.getCells().getFirst());
            assertThat(entry.raw()).isEqualTo(figure(correct, 3));
            assertThat(entry.perToken()).isEqualTo(figure(perToken, 3));
            assertThat(entry.tooltip()).isEqualTo("Most likely option accepted in " + correct
                    + " of 3 scored cases; per token in " + perToken + ".");
        });
    }

    @Test
    void aServerThatCannotScoreLeavesTheLikelihoodColumnsEmptyAndSaysWhy() throws IOException {
        Path mcFile = Files.copy(Path.of("../sample-prompts/multiple-choice.rationale.json"),
                dir.resolve("mc.rationale.json"));
        PromptSet mc = PromptSetFiles.load(mcFile);
        Task logic = mc.tasks().getFirst();
        Endpoint chat = mock.endpoint("mock-chat", ProviderKind.OPENAI);
        onFx(() -> {
            viewModel.limitProperty().set(2);
            viewModel.start(new EvaluateViewModel.Setup(mc, mcFile, logic,
                    List.of(logic.variant("chat-cot").orElseThrow()), chat, "mock"), false);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        onFx(() -> {
            assertThat(viewModel.getCases().likelihoodProperty().get().isEmpty()).isFalse();
            CellMetrics cell = viewModel.getCells().getFirst();
            // Generation still ran: the canned chat answer "7" is no letter.
            assertThat(cell.cases()).isEqualTo(2);
            assertThat(cell.failed()).isZero();
            LikelihoodEntry entry = viewModel.getCases().likelihoodOf(cell);
            assertThat(entry.raw()).isEqualTo(LikelihoodEntry.NOTHING);
            assertThat(entry.perToken()).isEqualTo(LikelihoodEntry.NOTHING);
            assertThat(entry.tooltip()).startsWith("Not scorable: endpoint \"mock-chat\" (openai)")
                    .contains("cannot score options");
        });
    }

    private static String figure(int correct, int cases) {
        WilsonInterval interval = WilsonInterval.of(correct, cases);
        return String.format(Locale.ROOT, "%.1f%% [%.1f%%, %.1f%%]", 100.0 * correct / cases, interval.low() * 100,
                interval.high() * 100);
    }

    @Test
    void aBrokenDatasetStartsNothingAndNamesTheLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "id,question,expected\nx1,What is 2 + 2?,\n");
        onFx(() -> {
            viewModel.datasetProperty().set(broken);
            viewModel.start(setup(task.variants()), false);
        });
        waitUntil(() -> !viewModel.runningProperty().get() && viewModel.messageProperty().get().startsWith("Cannot"));

        onFx(() -> assertThat(viewModel.messageProperty().get()).startsWith("Cannot use broken.csv: ")
                .contains(":2"));
        assertThat(mock.completions.get()).isZero();
    }

    @Test
    void withoutAModelNothingStartsAndTheMessageSaysWhy() {
        onFx(() -> viewModel.start(new EvaluateViewModel.Setup(set, setFile, task, task.variants(), endpoint, ""),
                false));

        onFx(() -> {
            assertThat(viewModel.runningProperty().get()).isFalse();
            assertThat(viewModel.messageProperty().get()).isEqualTo("Choose an endpoint and a model in the run bar "
                    + "first.");
        });
        assertThat(mock.completions.get()).isZero();
    }

    @Test
    void aSweepTriesEachShotCountWithAndWithoutChainOfThought() {
        List<Variant> sweep = EvaluateViewModel.sweep(task, task.variants().getFirst());

        // The arithmetic task has 9 exemplars, so every count up to 8 is tried.
        assertThat(sweep).extracting(Variant::id).containsExactly("sweep-0", "sweep-0-cot", "sweep-1",
                "sweep-1-cot", "sweep-2", "sweep-2-cot", "sweep-4", "sweep-4-cot", "sweep-8", "sweep-8-cot");
        assertThat(sweep.get(1).effectiveReasoning()).isEqualTo(ReasoningStyle.ZERO_SHOT_TRIGGER);
        assertThat(sweep.get(3).effectiveReasoning()).isEqualTo(ReasoningStyle.FEW_SHOT_RATIONALE);
        assertThat(sweep.get(2).effectiveReasoning()).isEqualTo(ReasoningStyle.NONE);
        assertThat(sweep).allSatisfy(v -> assertThat(v.effectiveShape()).isEqualTo(
                task.variants().getFirst().effectiveShape()));
    }

    @Test
    void theBaselineStartsAtTheFirstVariantAndAPickSurvivesTheNextEvaluation() {
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow(),
                task.variant("zero-shot-cot").orElseThrow());
        BaselineViewModel baseline = viewModel.getBaseline();
        onFx(() -> viewModel.limitProperty().set(3));

        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !baseline.comparisonsProperty().get().isEmpty());

        onFx(() -> {
            assertThat(baseline.getChoices()).extracting(BaselineViewModel.Choice::id)
                    .containsExactly("zero-shot", "zero-shot-cot");
            assertThat(baseline.baselineProperty().get().id()).isEqualTo("zero-shot");
            assertThat(baseline.textOf("zero-shot", "mock")).isEqualTo(PairedText.BASELINE);
            // Both wrong on the first three cases: three pairs, none discordant.
            var cot = baseline.comparisonsProperty().get().values().iterator().next();
            assertThat(cot.pairs()).isEqualTo(3);
            assertThat(cot.test().p()).isEqualTo(1.0);
            baseline.baselineProperty().set(baseline.getChoices().get(1));
        });
        waitUntil(() -> baseline.comparisonsProperty().get().keySet().stream()
                .anyMatch(cell -> cell.variant().equals("zero-shot")));

        onFx(() -> viewModel.start(setup(variants), false));
        waitUntil(() -> !viewModel.runningProperty().get() && !baseline.comparisonsProperty().get().isEmpty());

        onFx(() -> {
            assertThat(baseline.baselineProperty().get().id()).isEqualTo("zero-shot-cot");
            assertThat(baseline.comparisonsProperty().get().keySet()).extracting(BaselineViewModel.Cell::variant)
                    .containsExactly("zero-shot");
            assertThat(baseline.textOf("zero-shot-cot", "mock")).isEqualTo(PairedText.BASELINE);
        });
    }

    private EvaluateViewModel.Setup setup(List<Variant> variants) {
        return new EvaluateViewModel.Setup(set, setFile, task, variants, endpoint, "mock");
    }

    private void onFx(Runnable action) {
        fx.run(action);
    }

    private void waitUntil(BooleanSupplier condition) {
        fx.waitUntil(condition, 20, () -> viewModel.progressTextProperty().get() + " / "
                + viewModel.messageProperty().get());
    }
}
