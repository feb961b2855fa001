// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static dev.rationale.core.history.HistoryFixtures.OLLAMA;
import static dev.rationale.core.history.HistoryFixtures.OPENAI;
import static dev.rationale.core.history.HistoryFixtures.START;
import static dev.rationale.core.history.HistoryFixtures.arithmetic;
import static dev.rationale.core.history.HistoryFixtures.completion;
import static dev.rationale.core.history.HistoryFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.RationaleVersion;
import dev.rationale.core.analysis.AtK;
import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    @TempDir
    Path workspace;

    @Test
    void theHistoryLivesInTheWorkspacesHiddenFolder() {
        assertThat(HistoryStore.exists(workspace)).isFalse();

        try (HistoryStore store = HistoryStore.open(workspace)) {
            assertThat(store.file()).isEqualTo(workspace.resolve(".rationale").resolve("history.db"));
        }

        assertThat(HistoryStore.exists(workspace)).isTrue();
    }

    @Test
    void aRunAndItsCompletionsSurviveReopening() {
        Run run = arithmetic("r1");
        CompletionRecord first = completion(key("r1", "cot", OLLAMA, "case-1", 0), Verdict.CORRECT,
                START.plusSeconds(1));
        CompletionRecord second = completion(key("r1", "cot", OPENAI, "case-1", 1), Verdict.FAILED,
                START.plusSeconds(2));
        long firstId;
        long secondId;
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(run);
            firstId = store.record(first);
            secondId = store.record(second);
            store.finishRun("r1", RunStatus.COMPLETED, START.plusSeconds(60));
        }

        try (HistoryStore store = HistoryStore.open(workspace)) {
            Run read = store.run("r1").orElseThrow();
            assertThat(read).usingRecursiveComparison().ignoringFields("status", "finishedAt", "tally")
                    .isEqualTo(run);
            assertThat(read.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(read.finishedAt()).isEqualTo(START.plusSeconds(60));
            assertThat(read.appVersion()).isEqualTo(RationaleVersion.current());
            assertThat(read.settings()).isEqualTo(HistoryFixtures.SETTINGS);
            assertThat(read.tally()).isEqualTo(new Tally(2, 1, 0, 0, 0, 1));
            assertThat(store.completion(firstId).orElseThrow()).isEqualTo(new StoredCompletion(firstId, first));
            assertThat(store.completion(secondId).orElseThrow().record()).isEqualTo(second);
            assertThat(store.completion(secondId + 100)).isEmpty();
        }
    }

    @Test
    void tokensKeepTheirBytesAlternativesAndUnknownLogprobs() {
        List<ScoredToken> tokens = List.of(
                // The first half of "é": its bytes are not its text's UTF-8 and must come back exactly.
                new ScoredToken("é", List.of(0xC3), -1.5, List.of(new TokenAlternative("é", -1.5))),
                new ScoredToken("", List.of(0xA9), null, List.of()),
                new ScoredToken("Ω", List.of(0xCE, 0xA9), -0.5, List.of(new TokenAlternative("Ω", -0.5),
                        new TokenAlternative("W", -2.0), new TokenAlternative("w", null))),
                new ScoredToken(" no bytes sent", List.of(), -3.0, List.of()));
        CompletionRequest request = CompletionRequest.of("base.gguf", new RenderedPrompt.Text("Q: 1+1?\nA:"));
        CompletionRecord record = new CompletionRecord(key("r1", "raw", OLLAMA, "c", 0), request, "éΩ no bytes sent",
                "", tokens, null, null, Verdict.UNGRADED, null, FinishReason.LENGTH, null, null, START);

        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            long id = store.record(record);

            assertThat(store.completion(id).orElseThrow().record()).isEqualTo(record);
        }
    }

    @Test
    void aCollectedResultBecomesARecordWithItsGrade() {
        CompletionResult.Sample sample = new CompletionResult.Sample("So 4.", "2+2", List.of(), FinishReason.STOP);
        CompletionResult ok = new CompletionResult(List.of(sample), List.of(), new Usage(3, 2, 1),
                new Timings(null, 9.0), List.of(), null);
        CompletionResult broken = new CompletionResult(List.of(sample), List.of(), null, null, List.of(),
                new ProviderException(ProviderException.Kind.SERVER_ERROR, "local-ollama: 500 model crashed"));
        RunCompletionKey key = key("r1", "cot", OLLAMA, "c", 0);
        CompletionRequest request = HistoryFixtures.chatRequest("2+2?");

        CompletionRecord graded = CompletionRecord.of(key, request, ok, sample,
                new Grade(Verdict.WRONG, "4", "4"), "5", START);
        CompletionRecord failed = CompletionRecord.of(key, request, broken, sample, null, "5", START);

        assertThat(graded.grade()).isEqualTo(Verdict.WRONG);
        assertThat(graded.extracted()).isEqualTo("4");
        assertThat(graded.usage()).isEqualTo(new Usage(3, 2, 1));
        assertThat(failed.grade()).isEqualTo(Verdict.FAILED);
        assertThat(failed.failure()).contains("model crashed");
    }

    @Test
    void cellsCarryPassMajAndConsAtKFromTheStoredVerdicts() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("s"));
            // c1: right, wrong, right, and a failure that is no sample; c2: wrong, wrong, no answer.
            store.recordAll(List.of(
                    completion(key("s", "cot", OLLAMA, "c1", 0), Verdict.CORRECT, START),
                    completion(key("s", "cot", OLLAMA, "c1", 1), Verdict.WRONG, START),
                    completion(key("s", "cot", OLLAMA, "c1", 2), Verdict.CORRECT, START),
                    completion(key("s", "cot", OLLAMA, "c1", 3), Verdict.FAILED, START),
                    completion(key("s", "cot", OLLAMA, "c2", 0), Verdict.WRONG, START),
                    completion(key("s", "cot", OLLAMA, "c2", 1), Verdict.WRONG, START),
                    completion(key("s", "cot", OLLAMA, "c2", 2), Verdict.NO_ANSWER, START)));

            List<AtK> atK = store.cells("s").getFirst().atK();

            assertThat(atK).extracting(AtK::k).containsExactly(1, 2);
            assertThat(atK.get(0).pass()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(atK.get(0).maj()).isCloseTo(0.5, within(1e-12));
            assertThat(atK.get(1).pass()).isCloseTo(0.5, within(1e-12));
            // c1's first two tie, and the right answer came first.
            assertThat(atK.get(1).maj()).isCloseTo(0.5, within(1e-12));
            // c1's pairs: right-right wins, right-wrong twice ties (1/2 each): 2/3; c2 none.
            assertThat(atK.get(1).cons()).isCloseTo(1.0 / 3, within(1e-12));
        }
    }

    @Test
    void aCellWithOneCompletionPerCaseGetsFromItsCountsWhatAWalkOverItsCasesGives() {
        Verdict[] grades = {Verdict.CORRECT, Verdict.WRONG, Verdict.CORRECT, Verdict.NO_ANSWER, Verdict.FAILED,
            Verdict.UNGRADED, Verdict.CORRECT};
        List<AtKScores.Sample> walked = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("s"));
            for (int c = 0; c < grades.length; c++) {
                store.record(completion(key("s", "cot", OLLAMA, "c" + c, 0), grades[c], START));
                store.record(completion(key("s", "zero-shot", OLLAMA, "c" + c, 0), grades[c], START));
                if (grades[c] != Verdict.FAILED && grades[c] != Verdict.UNGRADED) {
                    walked.add(new AtKScores.Sample(grades[c] == Verdict.NO_ANSWER ? null : grades[c].id(),
                            grades[c] == Verdict.CORRECT));
                }
            }
            // A second completion of one case: that cell is walked.
            store.record(completion(key("s", "zero-shot", OLLAMA, "c0", 1), Verdict.CORRECT, START));

            List<CellTally> cells = store.cells("s");

            List<AtK> expected = AtKScores.of(walked.stream().map(List::of).toList());
            assertThat(cells.get(0).variant()).isEqualTo("cot");
            assertThat(cells.get(0).atK()).isEqualTo(expected).extracting(AtK::pass).containsExactly(3.0 / 5);
            assertThat(cells.get(1).atK()).extracting(AtK::k).containsExactly(1);
            assertThat(cells.get(1).atK().getFirst().pass()).isCloseTo(3.0 / 5, within(1e-12));
            assertThat(store.cellTallies("s")).extracting(CellTally::atK).containsOnly(List.of());
        }
    }

    @Test
    void twoRunsAreComparedCaseByCase() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("a"));
            store.startRun(arithmetic("b"));
            store.recordAll(List.of(
                    completion(key("a", "cot", OLLAMA, "c1", 0), Verdict.CORRECT, START),
                    completion(key("a", "cot", OLLAMA, "c2", 0), Verdict.WRONG, START),
                    completion(key("a", "cot", OLLAMA, "c3", 0), Verdict.CORRECT, START)));
            store.recordAll(List.of(
                    completion(key("b", "cot", OLLAMA, "c1", 0), Verdict.CORRECT, START),
                    completion(key("b", "cot", OLLAMA, "c2", 0), Verdict.CORRECT, START),
                    completion(key("b", "cot", OLLAMA, "c4", 0), Verdict.FAILED, START)));

            List<CaseComparison> comparison = store.compare("a", "b");

            String m = OLLAMA.model();
            assertThat(comparison).containsExactly(
                    new CaseComparison("cot", "local-ollama", m, "c1", 0, Verdict.CORRECT, Verdict.CORRECT),
                    new CaseComparison("cot", "local-ollama", m, "c2", 0, Verdict.WRONG, Verdict.CORRECT),
                    new CaseComparison("cot", "local-ollama", m, "c3", 0, Verdict.CORRECT, null),
                    new CaseComparison("cot", "local-ollama", m, "c4", 0, null, Verdict.FAILED));
            assertThat(comparison).filteredOn(CaseComparison::changed).hasSize(3);
        }
    }

    @Test
    void aCompletionOfAnUnknownRunIsRefusedAndNothingIsStored() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            List<CompletionRecord> batch = List.of(
                    completion(key("r1", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START),
                    completion(key("nope", "cot", OLLAMA, "b", 0), Verdict.CORRECT, START));

            assertThatThrownBy(() -> store.recordAll(batch)).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(store.completions(CompletionFilter.of("r1")).total()).isZero();
            assertThat(store.run("r1").orElseThrow().tally()).isEqualTo(Tally.ZERO);
        }
    }

    @Test
    void anEndedRunIsKeptWithItsCompletionsAndCountsInOneGo() {
        Run prompt = Run.started("p1", RunKind.PROMPT, START, null, "Arithmetic", "gsm", List.of("cot"),
                List.of(OLLAMA), HistoryFixtures.SETTINGS, 1).ended(RunStatus.CANCELLED, START.plusSeconds(3));
        CompletionRecord answer = completion(key("p1", "cot", OLLAMA, "case-1", 0), Verdict.WRONG,
                START.plusSeconds(3));
        try (HistoryStore store = HistoryStore.open(workspace)) {
            long id = store.recordRun(prompt, List.of(answer)).getFirst();

            Run read = store.run("p1").orElseThrow();
            assertThat(read.kind()).isEqualTo(RunKind.PROMPT);
            assertThat(read.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(read.finishedAt()).isEqualTo(START.plusSeconds(3));
            assertThat(read.tally()).isEqualTo(new Tally(1, 0, 1, 0, 0, 0));
            assertThat(store.completion(id).orElseThrow().record()).isEqualTo(answer);
            assertThatThrownBy(() -> store.recordRun(prompt, List.of())).isInstanceOf(HistoryException.class);
        }
    }

    @Test
    void runsAreFilteredByKindAndKindsAreNamedAsTheCliTakesThem() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("eval"));
            for (RunKind kind : List.of(RunKind.PROMPT, RunKind.COMPARE, RunKind.COMPARE, RunKind.BRANCH)) {
                String id = kind.id() + "-" + store.runs(RunFilter.all()).total();
                store.recordRun(Run.started(id, kind, START, null, null, null, List.of("cot"), List.of(OLLAMA),
                        HistoryFixtures.SETTINGS, 1).ended(RunStatus.COMPLETED, START), List.of());
            }

            assertThat(store.runs(RunFilter.all().ofKind(RunKind.COMPARE)).items()).extracting(Run::id)
                    .containsExactlyInAnyOrder("compare-2", "compare-3");
            assertThat(store.runs(RunFilter.all().ofKind(RunKind.BRANCH)).items()).extracting(Run::kind)
                    .containsExactly(RunKind.BRANCH);
            assertThat(store.runs(RunFilter.all().ofKind(RunKind.EVALUATION).matching("arith")).total())
                    .isEqualTo(1);
            assertThat(store.runs(RunFilter.all().ofKind(RunKind.PROMPT).matching("arith")).total()).isZero();
            assertThat(store.runs(RunFilter.all()).total()).isEqualTo(5);
        }
        assertThat(RunKind.parse(" Compare ")).contains(RunKind.COMPARE);
        assertThat(RunKind.parse("branch")).contains(RunKind.BRANCH);
        assertThat(RunKind.parse("column")).isEmpty();
    }

    @Test
    void aRunWhoseCompletionCannotBeStoredIsNotKeptAtAll() {
        Run prompt = Run.started("p2", RunKind.BRANCH, START, null, null, null, List.of("cot"), List.of(OLLAMA),
                HistoryFixtures.SETTINGS, 1).ended(RunStatus.COMPLETED, START);
        // The completion names another run, which the database refuses: the run must go with it.
        CompletionRecord stray = completion(key("elsewhere", "cot", OLLAMA, "case-1", 0), Verdict.CORRECT, START);
        try (HistoryStore store = HistoryStore.open(workspace)) {
            assertThatThrownBy(() -> store.recordRun(prompt, List.of(stray))).isInstanceOf(HistoryException.class);

            assertThat(store.run("p2")).isEmpty();
        }
    }

    @Test
    void finishingOrStartingTheWrongRunIsAnError() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));

            assertThatThrownBy(() -> store.startRun(arithmetic("r1"))).isInstanceOf(HistoryException.class);
            assertThatThrownBy(() -> store.finishRun("r2", RunStatus.CANCELLED, START))
                    .isInstanceOf(HistoryException.class).hasMessageContaining("no run r2");
        }
    }

    @Test
    void deletingARunDeletesItsCompletions() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            store.startRun(arithmetic("r2"));
            store.record(completion(key("r1", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));
            long kept = store.record(completion(key("r2", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));

            assertThat(store.deleteRun("r1")).isTrue();
            assertThat(store.deleteRun("r1")).isFalse();

            assertThat(store.run("r1")).isEmpty();
            assertThat(store.completions(CompletionFilter.of("r1")).total()).isZero();
            assertThat(store.completion(kept)).isPresent();
        }
    }

    @Test
    void aCellCreatedInARolledBackBatchIsCreatedAgain() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            CompletionRecord first = completion(key("r1", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START);
            assertThatThrownBy(() -> store.recordAll(List.of(first,
                    completion(key("nope", "cot", OLLAMA, "b", 0), Verdict.CORRECT, START))))
                    .isInstanceOf(HistoryException.class);

            long id = store.record(first);

            assertThat(store.completion(id).orElseThrow().record()).isEqualTo(first);
            assertThat(store.run("r1").orElseThrow().tally().total()).isEqualTo(1);
        }
    }

    @Test
    void aRunDeletedByThisStoreDoesNotLendItsCellToTheNextRun() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(arithmetic("r1"));
            store.record(completion(key("r1", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));
            store.deleteRun("r1");
            store.startRun(arithmetic("r2"));
            store.record(completion(key("r2", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));

            assertThatThrownBy(() -> store.record(completion(key("r1", "cot", OLLAMA, "b", 0), Verdict.CORRECT,
                    START))).isInstanceOf(HistoryException.class).hasMessageContaining("FOREIGN KEY");
            assertThat(store.completions(CompletionFilter.of("r2")).total()).isEqualTo(1);
        }
    }

    @Test
    void aRunDeletedByAnotherConnectionDoesNotLendItsCellToTheNextRun() {
        try (HistoryStore recorder = HistoryStore.open(workspace); HistoryStore other = HistoryStore.open(workspace)) {
            recorder.startRun(arithmetic("r1"));
            recorder.record(completion(key("r1", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));
            // Another process (the app's History) deletes the run, and a new run's first cell gets the freed id.
            other.deleteRun("r1");
            other.startRun(arithmetic("r2"));
            other.record(completion(key("r2", "cot", OLLAMA, "a", 0), Verdict.CORRECT, START));

            assertThatThrownBy(() -> recorder.record(completion(key("r1", "cot", OLLAMA, "b", 0), Verdict.CORRECT,
                    START))).isInstanceOf(HistoryException.class).hasMessageContaining("FOREIGN KEY");
            assertThat(other.completions(CompletionFilter.of("r2")).total()).isEqualTo(1);
        }
    }

    @Test
    void newIdsSortByStartTimeAndDiffer() {
        Instant at = Instant.parse("2026-03-04T05:06:07Z");

        String id = Run.newId(at);

        assertThat(id).matches("20260304-050607-[0-9a-f]{4}");
        assertThat(Run.newId(at.plusSeconds(1))).isGreaterThan(id);
    }

    @Test
    void aFileThatIsNotADatabaseGivesAClearError() throws Exception {
        Path file = workspace.resolve("history.db");
        Files.writeString(file, "this is a text file, not SQLite, and it is long enough to have a header");

        assertThatThrownBy(() -> HistoryStore.openFile(file)).isInstanceOf(HistoryException.class)
                .hasMessageContaining(file.toString());
    }
}
