// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.exchange.RunReportFormat;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History screen's model on a real history database; both executors run hand-offs at once, in order. */
class HistoryViewModelTest {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;

    private final Endpoint local = new Endpoint("local", ProviderKind.OLLAMA, "http://127.0.0.1:9/", null, null);
    private final RunTarget small = new RunTarget("local", ProviderKind.OLLAMA, "small");
    private final RunTarget large = new RunTarget("local", ProviderKind.OLLAMA, "large");
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingRerunHost host = new RecordingRerunHost(local);
    private HistoryViewModel viewModel;
    private Path setFile;

    @BeforeEach
    void create() throws IOException {
        setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        viewModel = new HistoryViewModel(() -> dir, Runnable::run, Runnable::run, dialogs, host);
    }

    private Run evaluation(String id, Instant at, String file, List<String> variants, List<RunTarget> targets,
            RunScope scope) {
        return Run.started(id, RunKind.EVALUATION, at, file, "Grade-school arithmetic", "arithmetic", variants,
                targets, GenerationSettings.NONE, 0).withScope(scope);
    }

    /** An evaluation of one variant on the small model, started {@code seconds} after the first. */
    private Run cot(String id, long seconds) {
        return evaluation(id, START.plusSeconds(seconds), setFile.toString(), List.of("cot"), List.of(small),
                RunScope.NONE);
    }

    private static CompletionRecord completion(String runId, String variant, RunTarget target, String caseId,
            Verdict grade) {
        return new CompletionRecord(new RunCompletionKey(runId, variant, target, caseId, 0),
                CompletionRequest.of(target.model(), new RenderedPrompt.Text("Q " + caseId)), "a", "", List.of(),
                grade == Verdict.CORRECT ? "4" : "5", "4", grade, null, null, null, null, START);
    }

    /** Stores {@code runs} and lists them, as the tab does when shown. */
    private void store(Run... runs) {
        try (HistoryStore store = HistoryStore.open(dir)) {
            for (Run run : runs) {
                store.startRun(run);
            }
        }
        viewModel.refresh();
    }

    private void select(String... ids) {
        List<Run> picked = viewModel.getRuns().stream().filter(r -> List.of(ids).contains(r.id())).toList();
        viewModel.select(picked);
    }

    @Test
    void aRerunStartsTheSamePlanWithTheSameEvaluateSettings() throws IOException {
        Path dataset = Files.writeString(dir.resolve("extra.csv"), "id,question,expected\nx1,What is 2 + 2?,4\n");
        store(evaluation("r1", START, setFile.toString(), List.of("zero-shot", "cot-8", "sweep-2-cot"),
                List.of(small, large), new RunScope(dataset.toString(), 12, 3)));
        select("r1");

        viewModel.rerunSelected();

        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.task("arithmetic").orElseThrow();
        var sweepVariant = EvaluateViewModel.sweep(task, task.variants().getFirst()).stream()
                .filter(v -> "sweep-2-cot".equals(v.id())).findFirst().orElseThrow();
        assertThat(host.started()).singleElement().satisfies(request -> {
            assertThat(request.setup()).isEqualTo(new EvaluateViewModel.Setup(set, setFile, task,
                    List.of(task.variant("zero-shot").orElseThrow(), task.variant("cot-8").orElseThrow(),
                            sweepVariant), local, "small"));
            assertThat(request.extraModels()).containsExactly("large");
            assertThat(request.samples()).isEqualTo(3);
            assertThat(request.limit()).isEqualTo(12);
            assertThat(request.dataset()).isEqualTo(dataset);
            assertThat(request.runId()).isEqualTo("r1");
        });
        assertThat(viewModel.messageProperty().get()).isEqualTo("Rerunning r1 on the Evaluate tab.");
    }

    @Test
    void theKindFilterListsOnlyThatKindAtOnceAndKeepsTheTextFilter() {
        Run prompt = Run.started("prompt", RunKind.PROMPT, START.plusSeconds(1), setFile.toString(),
                "Grade-school arithmetic", "arithmetic", List.of("zero-shot"), List.of(small), GenerationSettings.NONE,
                1);
        Run compareSmall = Run.started("compare-small", RunKind.COMPARE, START.plusSeconds(2), null, "Scratch", "t",
                List.of("cot"), List.of(small), GenerationSettings.NONE, 1);
        Run compareLarge = Run.started("compare-large", RunKind.COMPARE, START.plusSeconds(3), null, "Scratch", "t",
                List.of("cot"), List.of(large), GenerationSettings.NONE, 1);
        Run branch = Run.started("branch", RunKind.BRANCH, START.plusSeconds(4), null, "Scratch", "t",
                List.of("cot"), List.of(large), GenerationSettings.NONE, 1);
        store(evaluation("eval", START, setFile.toString(), List.of("zero-shot"), List.of(small), RunScope.NONE),
                prompt, compareSmall, compareLarge, branch);
        assertThat(viewModel.getRuns()).hasSize(5);

        viewModel.kindProperty().set(RunKind.COMPARE);

        assertThat(viewModel.getRuns()).extracting(Run::id).containsExactly("compare-large", "compare-small");
        viewModel.filterProperty().set("large");
        viewModel.refresh();
        assertThat(viewModel.getRuns()).extracting(Run::id).containsExactly("compare-large");
        viewModel.kindProperty().set(RunKind.PROMPT);
        assertThat(viewModel.getRuns()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("No run matches.");
        viewModel.filterProperty().set("");
        viewModel.kindProperty().set(null);
        assertThat(viewModel.getRuns()).extracting(Run::kind).containsExactly(RunKind.BRANCH, RunKind.COMPARE,
                RunKind.COMPARE, RunKind.PROMPT, RunKind.EVALUATION);
    }

    @Test
    void aRunFromBeforeTheScopeWasKeptRerunsOnTheTasksOwnCasesAndARelativeSetFileIsFoundInTheWorkspace() {
        store(evaluation("old", START, "arithmetic.rationale.json", List.of("zero-shot"), List.of(small),
                RunScope.NONE));
        select("old");

        viewModel.rerunSelected();

        assertThat(host.started()).singleElement().satisfies(request -> {
            assertThat(request.setup().setFile()).isEqualTo(setFile);
            assertThat(request.dataset()).isNull();
            assertThat(request.limit()).isNull();
            assertThat(request.samples()).isNull();
            assertThat(request.extraModels()).isEmpty();
        });
    }

    @Test
    void aGoneSetFileOrDatasetIsNamedAndNothingStarts() throws IOException {
        Path gone = dir.resolve("moved.rationale.json");
        store(evaluation("no-set", START, gone.toString(), List.of("zero-shot"), List.of(small), RunScope.NONE),
                evaluation("no-data", START.plusSeconds(1), setFile.toString(), List.of("zero-shot"), List.of(small),
                        new RunScope(dir.resolve("deleted.jsonl").toString(), null, null)));

        select("no-set");
        viewModel.rerunSelected();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Cannot rerun no-set: its prompt set file " + gone
                + " is gone (moved, renamed or deleted).");

        select("no-data");
        viewModel.rerunSelected();
        assertThat(viewModel.messageProperty().get()).startsWith("Cannot rerun no-data: its dataset file ")
                .contains("deleted.jsonl is gone");
        assertThat(host.started()).isEmpty();
    }

    @Test
    void aVariantOrEndpointNoLongerThereIsNamed() {
        RunTarget elsewhere = new RunTarget("remote", ProviderKind.OPENAI, "gpt");
        store(evaluation("v", START, setFile.toString(), List.of("renamed-variant"), List.of(small), RunScope.NONE),
                evaluation("e", START.plusSeconds(1), setFile.toString(), List.of("zero-shot"), List.of(elsewhere),
                        RunScope.NONE));

        select("v");
        viewModel.rerunSelected();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Cannot rerun v: variant renamed-variant is no "
                + "longer in task arithmetic of arithmetic.rationale.json.");

        select("e");
        viewModel.rerunSelected();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Cannot rerun e: its endpoint remote is no longer "
                + "set up (Run > Endpoints… adds it).");
        assertThat(host.started()).isEmpty();
    }

    @Test
    void twoSelectedRunsAreComparedWithTheOlderAsBaseline() {
        store(evaluation("before", START, setFile.toString(), List.of("cot"), List.of(small, large), RunScope.NONE),
                evaluation("after", START.plusSeconds(60), setFile.toString(), List.of("cot"), List.of(small, large),
                        RunScope.NONE));
        List<CompletionRecord> records = new ArrayList<>();
        // small: 1 of 4 before, 3 of 4 after (two fixed); large: 4 of 4 before, 3 of 4 after (one broke).
        Verdict[][] smallGrades = {{Verdict.CORRECT, Verdict.WRONG, Verdict.WRONG, Verdict.WRONG},
            {Verdict.CORRECT, Verdict.CORRECT, Verdict.CORRECT, Verdict.WRONG}};
        for (int c = 0; c < 4; c++) {
            records.add(completion("before", "cot", small, "c" + c, smallGrades[0][c]));
            records.add(completion("after", "cot", small, "c" + c, smallGrades[1][c]));
            records.add(completion("before", "cot", large, "c" + c, Verdict.CORRECT));
            records.add(completion("after", "cot", large, "c" + c, c == 3 ? Verdict.WRONG : Verdict.CORRECT));
        }
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordAll(records);
        }
        viewModel.refresh();
        select("after", "before");

        viewModel.compareSelected();

        RunComparison comparison = viewModel.comparisonProperty().get();
        assertThat(comparison).isNotNull();
        assertThat(comparison.a().id()).isEqualTo("before");
        assertThat(comparison.cells()).extracting(RunComparison.Cell::target).containsExactly("local/small",
                "local/large");
        assertThat(comparison.cells().get(0).delta()).isCloseTo(0.5, within(1e-9));
        assertThat(comparison.cells().get(1).delta()).isCloseTo(-0.25, within(1e-9));
        assertThat(comparison.delta()).isCloseTo(0.75 - 0.625, within(1e-9));
        assertThat(comparison.fixed()).isEqualTo(2);
        assertThat(comparison.broke()).isEqualTo(1);
        assertThat(comparison.verdict()).startsWith("B is better: 75.0% vs 62.5% on 8 paired cases (+12.5 points")
                .endsWith("only B right on 2, only A on 1; McNemar p = 1.000: not significant. 2 fixed, 1 broke.");

        select("after");
        assertThat(viewModel.comparisonProperty().get()).as("a single run shows its completions again").isNull();
    }

    @Test
    void aRefreshKeepsTheTwoPickedRunsByIdAndTheirComparison() {
        store(cot("before", 0), cot("after", 60));
        select("after", "before");
        viewModel.compareSelected();
        RunComparison shown = viewModel.comparisonProperty().get();
        assertThat(shown).isNotNull();

        // A third run lands (a prompt run finishing while History is shown) and the list is read again.
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordAll(List.of(completion("after", "cot", small, "c0", Verdict.CORRECT)));
        }
        store(cot("later", 120));

        assertThat(viewModel.getRuns()).extracting(Run::id).containsExactly("later", "after", "before");
        assertThat(viewModel.getSelectedRuns()).extracting(Run::id).containsExactly("after", "before");
        assertThat(viewModel.getSelectedRuns()).allMatch(run -> viewModel.getRuns().stream().anyMatch(r -> r == run),
                "the runs as listed now");
        assertThat(viewModel.selectedRunProperty().get()).extracting(Run::id).isEqualTo("before");
        assertThat(viewModel.comparisonProperty().get()).isSameAs(shown);
    }

    @Test
    void aRefreshKeepsWhatIsLeftOfThePickWhenARunIsGone() {
        store(cot("keep", 0), cot("gone", 1));
        select("gone", "keep");
        viewModel.compareSelected();
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.deleteRun("gone");
        }

        viewModel.refresh();

        assertThat(viewModel.getSelectedRuns()).extracting(Run::id).containsExactly("keep");
        assertThat(viewModel.selectedRunProperty().get()).extracting(Run::id).isEqualTo("keep");
        assertThat(viewModel.comparisonProperty().get()).isNull();
    }

    @Test
    void aRefreshKeepsTheCellAndTheCompletionBeingRead() {
        store(evaluation("r1", START, setFile.toString(), List.of("cot"), List.of(small, large), RunScope.NONE));
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordAll(List.of(completion("r1", "cot", small, "c0", Verdict.CORRECT),
                    completion("r1", "cot", large, "c0", Verdict.WRONG)));
        }
        viewModel.refresh();
        select("r1");
        CellChoice large = viewModel.getCells().stream().map(CellChoice::of)
                .filter(choice -> choice.label().contains("large")).findFirst().orElseThrow();
        viewModel.cellProperty().set(large);
        viewModel.open(viewModel.getCompletions().getFirst().id());
        assertThat(viewModel.completionProperty().get()).isNotNull();

        viewModel.refresh();

        assertThat(viewModel.cellProperty().get()).isEqualTo(large);
        assertThat(viewModel.getCompletions()).extracting(row -> row.key().target().model()).containsExactly("large");
        assertThat(viewModel.completionProperty().get()).as("still read").isNotNull();

        select();
        assertThat(viewModel.cellProperty().get()).isNull();
        assertThat(viewModel.completionProperty().get()).isNull();
    }

    @Test
    void deletingAsksFirstAndThenRemovesTheRun() {
        store(evaluation("keep", START, setFile.toString(), List.of("cot"), List.of(small), RunScope.NONE),
                evaluation("drop", START.plusSeconds(1), setFile.toString(), List.of("cot"), List.of(small),
                        RunScope.NONE));
        select("drop");

        dialogs.answerConfirm(false);
        viewModel.deleteSelected();
        assertThat(viewModel.getRuns()).extracting(Run::id).containsExactly("drop", "keep");

        dialogs.answerConfirm(true);
        viewModel.deleteSelected();
        assertThat(viewModel.getRuns()).extracting(Run::id).containsExactly("keep");
        assertThat(dialogs.asked()).containsExactly("Delete run?", "Delete run?");
        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.run("drop")).isEmpty();
        }
    }

    @Test
    void aRunIsWrittenAsAReportOrItsResultsWhereTheUserChooses() throws IOException {
        store(evaluation("r1", START, setFile.toString(), List.of("cot"), List.of(small), RunScope.NONE));
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordAll(List.of(completion("r1", "cot", small, "c0", Verdict.CORRECT),
                    completion("r1", "cot", small, "c1", Verdict.WRONG)));
        }
        viewModel.refresh();
        select("r1");
        Path html = dir.resolve("report.html");
        dialogs.answerFile(html);

        viewModel.reportSelected(RunReportFormat.HTML);

        assertThat(dialogs.asked()).containsExactly("Export HTML report [r1.html]");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("r1").contains("<svg");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Wrote report.html: HTML report of run r1 (2"
                + " completions).");

        Path csv = dir.resolve("results.csv");
        dialogs.answerFile(csv);
        viewModel.reportSelected(RunReportFormat.CSV);

        assertThat(Files.readAllLines(csv)).hasSize(3).element(2).asString().contains("c1").contains("wrong");

        dialogs.answerFile(null);
        viewModel.reportSelected(RunReportFormat.JSONL);
        assertThat(viewModel.messageProperty().get()).as("cancelled: nothing written, nothing said")
                .startsWith("Wrote results.csv");
    }

    @Test
    void ofAHundredThousandCompletionsOnlyAPageIsLoadedAndMoreArriveAPageAtATime() {
        int total = 100_000;
        store(evaluation("big", START, setFile.toString(), List.of("cot"), List.of(small), RunScope.NONE));
        try (HistoryStore store = HistoryStore.open(dir)) {
            List<CompletionRecord> batch = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                // Every tenth is wrong; case ids sort in the order written.
                batch.add(completion("big", "cot", small, String.format("c%06d", i),
                        i % 10 == 0 ? Verdict.WRONG : Verdict.CORRECT));
                if (batch.size() == 10_000) {
                    store.recordAll(batch);
                    batch.clear();
                }
            }
        }
        viewModel.refresh();
        select("big");

        assertThat(viewModel.getCompletions()).hasSize(CompletionPages.PAGE);
        assertThat(viewModel.completionsTotalProperty().get()).isEqualTo(total);
        assertThat(viewModel.getCompletions().getLast().key().caseId()).isEqualTo("c000499");

        viewModel.loadMore();
        assertThat(viewModel.getCompletions()).hasSize(2 * CompletionPages.PAGE);
        assertThat(viewModel.getCompletions().get(CompletionPages.PAGE).key().caseId()).isEqualTo("c000500");

        viewModel.gradeProperty().set(Verdict.WRONG);
        assertThat(viewModel.getCompletions()).hasSize(CompletionPages.PAGE)
                .allMatch(row -> row.grade() == Verdict.WRONG);
        assertThat(viewModel.completionsTotalProperty().get()).isEqualTo(total / 10);
        assertThat(viewModel.getCompletions()).extracting(CompletionRow::key).extracting(k -> k.caseId())
                .startsWith("c000000", "c000010");
    }

    @Test
    void loadingMoreStopsAtTheLastPage() {
        store(evaluation("small", START, setFile.toString(), List.of("cot"), List.of(small), RunScope.NONE));
        List<CompletionRecord> records = new ArrayList<>();
        for (int i = 0; i < CompletionPages.PAGE + 7; i++) {
            records.add(completion("small", "cot", small, String.format("c%04d", i), Verdict.CORRECT));
        }
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordAll(records);
        }
        viewModel.refresh();
        select("small");

        viewModel.loadMore();
        viewModel.loadMore();

        assertThat(viewModel.getCompletions()).hasSize(CompletionPages.PAGE + 7);
        assertThat(viewModel.getCompletions().stream().map(row -> row.id()).distinct()).hasSize(
                CompletionPages.PAGE + 7);
    }
}
