// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.Tally;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final RunTarget SMALL = new RunTarget("local", ProviderKind.OLLAMA, "small");
    private static final RunTarget LARGE = new RunTarget("local", ProviderKind.OLLAMA, "large");

    @TempDir
    Path workspace;

    /** Stores a run of variant "cot" on {@code target} whose case i has grade {@code grades[i]}. */
    private static void store(HistoryStore store, String id, Instant at, RunTarget target, Verdict... grades) {
        store.startRun(Run.started(id, RunKind.EVALUATION, at, "set.rationale.json", "Set", "t", List.of("cot"),
                List.of(target), GenerationSettings.NONE, grades.length));
        List<CompletionRecord> records = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            records.add(new CompletionRecord(new RunCompletionKey(id, "cot", target, "c" + i, 0),
                    CompletionRequest.of(target.model(), new RenderedPrompt.Text("q" + i)), "a", "", List.of(),
                    "a", "a", grades[i], null, null, null, null, at));
        }
        store.recordAll(records);
    }

    @Test
    void theOlderRunIsTheBaselineAndFixedAndBrokenCasesAreCounted() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            Verdict c = Verdict.CORRECT;
            Verdict w = Verdict.WRONG;
            store(store, "old", START, SMALL, c, w, w, c, Verdict.NO_ANSWER);
            store(store, "new", START.plusSeconds(60), SMALL, c, c, c, w, Verdict.WRONG);

            RunComparison comparison = RunComparison.of(store, "new", "old");

            assertThat(comparison.a().id()).isEqualTo("old");
            assertThat(comparison.b().id()).isEqualTo("new");
            assertThat(comparison.cells()).singleElement().satisfies(cell -> {
                assertThat(cell.target()).isEqualTo("local/small");
                assertThat(cell.inA().correct()).isEqualTo(2);
                assertThat(cell.inB().correct()).isEqualTo(3);
                assertThat(cell.delta()).isCloseTo(0.2, within(1e-9));
                assertThat(cell.paired().onlyA()).isEqualTo(1);
                assertThat(cell.paired().onlyB()).isEqualTo(2);
                assertThat(cell.paired().test().p()).isEqualTo(1.0);
            });
            assertThat(comparison.fixed()).isEqualTo(2);
            assertThat(comparison.broke()).isEqualTo(1);
            assertThat(comparison.changes()).extracting(RunComparison.Change::direction).containsExactly(
                    RunComparison.Direction.FIXED, RunComparison.Direction.FIXED, RunComparison.Direction.BROKE,
                    RunComparison.Direction.OTHER);
            assertThat(comparison.verdict()).startsWith("B is better: 60.0% vs 40.0% on 5 paired cases (+20.0 points,"
                    + " 95% interval ").endsWith("only B right on 2, only A on 1; McNemar p = 1.000: not significant."
                    + " 2 fixed, 1 broke.");
        }
    }

    @Test
    void aSignificantDifferenceIsSaidSo() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            Verdict[] allRight = new Verdict[30];
            Verdict[] allWrong = new Verdict[30];
            java.util.Arrays.fill(allRight, Verdict.CORRECT);
            java.util.Arrays.fill(allWrong, Verdict.WRONG);
            store(store, "a", START, LARGE, allRight);
            store(store, "b", START.plusSeconds(1), LARGE, allWrong);

            RunComparison comparison = RunComparison.of(store, "a", "b");

            assertThat(comparison.broke()).isEqualTo(30);
            assertThat(comparison.paired().significant()).isTrue();
            assertThat(comparison.verdict()).isEqualTo("A is better: 100.0% vs 0.0% on 30 paired cases (-100.0"
                    + " points, 95% interval -100.0 to -100.0); only B right on 0, only A on 30; McNemar p < 0.001:"
                    + " significant at 0.05. 0 fixed, 30 broke.");
        }
    }

    @Test
    void cellsOnlyOneRunHasAreListedWithNothingOnTheOtherSide() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store(store, "a", START, SMALL, Verdict.CORRECT);
            store(store, "b", START.plusSeconds(1), LARGE, Verdict.CORRECT);

            RunComparison comparison = RunComparison.of(store, "a", "b");

            assertThat(comparison.cells()).extracting(RunComparison.Cell::target)
                    .containsExactly("local/small", "local/large");
            assertThat(comparison.cells().get(1).inA()).isEqualTo(Tally.ZERO);
            assertThat(comparison.cells().get(1).delta()).isNull();
            assertThat(comparison.changes()).hasSize(2).allMatch(c -> c.direction() == RunComparison.Direction.OTHER);
            assertThat(comparison.paired().pairs()).isZero();
            assertThat(comparison.paired().onlyInA()).isEqualTo(1);
            assertThat(comparison.paired().onlyInB()).isEqualTo(1);
        }
    }

    @Test
    void equalScoresAreSaidToBeTheSameEvenWhenCasesSwapped() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store(store, "a", START, SMALL, Verdict.CORRECT, Verdict.WRONG);
            store(store, "b", START.plusSeconds(1), SMALL, Verdict.WRONG, Verdict.CORRECT);

            RunComparison comparison = RunComparison.of(store, "a", "b");

            assertThat(comparison.verdict()).isEqualTo("A and B score the same on 2 paired cases (50.0%); only B right"
                    + " on 1, only A on 1; McNemar p = 1.000. 1 fixed, 1 broke.");
            assertThat(RunComparison.points(comparison.cells().getFirst().delta())).isEqualTo("±0.0 points");
        }
    }

    @Test
    void anUnknownRunIsNamed() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store(store, "a", START, SMALL, Verdict.CORRECT);

            assertThatThrownBy(() -> RunComparison.of(store, "a", "zzz")).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("zzz");
        }
    }
}
