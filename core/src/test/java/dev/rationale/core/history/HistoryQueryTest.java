// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static dev.rationale.core.history.HistoryFixtures.OLLAMA;
import static dev.rationale.core.history.HistoryFixtures.OPENAI;
import static dev.rationale.core.history.HistoryFixtures.START;
import static dev.rationale.core.history.HistoryFixtures.completion;
import static dev.rationale.core.history.HistoryFixtures.evaluation;
import static dev.rationale.core.history.HistoryFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging and filtering over a run of 100,000 completions (4 variants x 2 targets x 12,500 cases). */
class HistoryQueryTest {
    private static final List<String> VARIANTS = List.of("v0", "v1", "v2", "v3");
    private static final List<RunTarget> TARGETS = List.of(OLLAMA, OPENAI);
    private static final int CASES = 12_500;
    private static final int TOTAL = VARIANTS.size() * TARGETS.size() * CASES;
    private static final int BATCH = 1_000;

    @TempDir
    static Path workspace;
    private static HistoryStore store;

    @BeforeAll
    static void fillTheStore() {
        store = HistoryStore.open(workspace);
        store.startRun(evaluation("big", START, "Grid", "bigtask", VARIANTS, TARGETS, TOTAL));
        List<CompletionRecord> batch = new ArrayList<>(BATCH);
        for (int v = 0; v < VARIANTS.size(); v++) {
            for (int t = 0; t < TARGETS.size(); t++) {
                for (int c = 0; c < CASES; c++) {
                    RunCompletionKey key = key("big", VARIANTS.get(v), TARGETS.get(t), caseId(c), 0);
                    batch.add(completion(key, grade(v, t, c), START.plusMillis(batch.size())));
                    if (batch.size() == BATCH) {
                        store.recordAll(batch);
                        batch.clear();
                    }
                }
            }
        }
        store.startRun(smallRun("r-a", 1, "Arithmetic", "gsm", OLLAMA));
        store.finishRun("r-a", RunStatus.COMPLETED, START.plus(Duration.ofHours(2)));
        store.startRun(smallRun("r-b", 2, "Translation", "fr-en", OPENAI));
        store.finishRun("r-b", RunStatus.CANCELLED, START.plus(Duration.ofHours(3)));
        store.startRun(smallRun("r-c", 3, "Arithmetic", "svamp", OPENAI));
    }

    @AfterAll
    static void closeTheStore() {
        store.close();
    }

    private static Run smallRun(String id, int hoursAfter, String set, String task, RunTarget target) {
        return evaluation(id, START.plus(Duration.ofHours(hoursAfter)), set, task, List.of("cot"), List.of(target),
                10);
    }

    private static String caseId(int c) {
        return "c%05d".formatted(c);
    }

    private static Verdict grade(int v, int t, int c) {
        return switch ((c + v) % 5) {
            case 0, 1, 2 -> Verdict.CORRECT;
            case 3 -> Verdict.WRONG;
            default -> t == 1 ? Verdict.FAILED : Verdict.NO_ANSWER;
        };
    }

    private static long expectedCount(int v, int t, Verdict grade) {
        long count = 0;
        for (int c = 0; c < CASES; c++) {
            if (grade(v, t, c) == grade) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theFirstPageStartsTheGridAndCountsEverything() {
        Page<CompletionRow> page = store.completions(CompletionFilter.of("big").page(0, 100));

        assertThat(page.total()).isEqualTo(TOTAL);
        assertThat(page.items()).hasSize(100);
        assertThat(page.hasMore()).isTrue();
        RunCompletionKey first = page.items().getFirst().key();
        assertThat(first).isEqualTo(key("big", "v0", OLLAMA, "c00000", 0));
        assertThat(page.items().get(99).key().caseId()).isEqualTo("c00099");
    }

    @Test
    void theLastPageIsShortAndEndsTheGrid() {
        Page<CompletionRow> page = store.completions(CompletionFilter.of("big").page(TOTAL - 50, 100));

        assertThat(page.items()).hasSize(50);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.items().getLast().key()).isEqualTo(key("big", "v3", OPENAI, "c12499", 0));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        CompletionFilter filter = CompletionFilter.of("big").withVariant("v1").withTarget("openai");
        List<CompletionRow> first = store.completions(filter.page(5_000, 300)).items();
        List<CompletionRow> second = store.completions(filter.page(5_300, 300)).items();

        assertThat(first.getFirst().key().caseId()).isEqualTo(caseId(5_000));
        assertThat(first.getLast().key().caseId()).isEqualTo(caseId(5_299));
        assertThat(second.getFirst().key().caseId()).isEqualTo(caseId(5_300));
    }

    @Test
    void keysetPagesOfAGradeWalkTheWholeGridAcrossCellsInOrder() {
        CompletionFilter wrong = CompletionFilter.of("big").withGrade(Verdict.WRONG);
        List<CompletionRow> walked = new ArrayList<>();
        Page<CompletionRow> page = store.completions(wrong.after(null, 0, 1_500));
        while (!page.items().isEmpty()) {
            assertThat(page.offset()).isEqualTo(walked.size());
            walked.addAll(page.items());
            page = store.completions(wrong.after(walked.getLast(), walked.size(), 1_500));
        }

        long expected = 0;
        for (int v = 0; v < VARIANTS.size(); v++) {
            for (int t = 0; t < TARGETS.size(); t++) {
                expected += expectedCount(v, t, Verdict.WRONG);
            }
        }
        assertThat(page.total()).isEqualTo(expected);
        assertThat(walked).hasSize((int) expected).allSatisfy(row -> assertThat(row.grade())
                .isEqualTo(Verdict.WRONG));
        assertThat(walked).extracting(CompletionRow::id).doesNotHaveDuplicates();
        assertThat(walked.getFirst().key()).isEqualTo(key("big", "v0", OLLAMA, caseId(3), 0));
        assertThat(walked.getLast().key()).isEqualTo(key("big", "v3", OPENAI, caseId(CASES - 5), 0));
        // Offset pages, read the slow way, list the same rows.
        assertThat(store.completions(wrong.page(7_000, 500)).items()).isEqualTo(walked.subList(7_000, 7_500));
    }

    @Test
    void oneCellIsPickedByVariantTargetAndModel() {
        Page<CompletionRow> page = store.completions(CompletionFilter.of("big").withVariant("v1")
                .withTarget(OPENAI.endpoint()).withModel(OPENAI.model()).withGrade(Verdict.CORRECT).page(0, 10));

        assertThat(page.total()).isEqualTo(expectedCount(1, 1, Verdict.CORRECT));
        assertThat(page.items()).extracting(row -> row.key().variant() + "/" + row.key().target().model())
                .containsOnly("v1/" + OPENAI.model());
        assertThat(store.completions(CompletionFilter.of("big").withModel("no-such-model")).total()).isZero();
    }

    @Test
    void filtersCombineOnGradeVariantAndTarget() {
        CompletionFilter filter = CompletionFilter.of("big").withVariant("v2").withTarget("openai")
                .withGrade(Verdict.FAILED).page(0, 1_000);

        Page<CompletionRow> page = store.completions(filter);

        assertThat(page.total()).isEqualTo(expectedCount(2, 1, Verdict.FAILED)).isEqualTo(CASES / 5);
        assertThat(page.items()).hasSize(1_000).allSatisfy(row -> {
            assertThat(row.key().variant()).isEqualTo("v2");
            assertThat(row.key().target()).isEqualTo(OPENAI);
            assertThat(row.grade()).isEqualTo(Verdict.FAILED);
            assertThat(row.failure()).isEqualTo("server error 500");
        });
        assertThat(page.items()).isSortedAccordingTo(Comparator.comparing(row -> row.key().caseId()));
    }

    @Test
    void oneCaseAcrossTheGrid() {
        Page<CompletionRow> page = store.completions(CompletionFilter.of("big").withCase("c00042"));

        assertThat(page.total()).isEqualTo(8);
        assertThat(page.items()).extracting(row -> row.key().variant() + "/" + row.key().target().endpoint())
                .containsExactly("v0/local-ollama", "v0/openai", "v1/local-ollama", "v1/openai",
                        "v2/local-ollama", "v2/openai", "v3/local-ollama", "v3/openai");
        assertThat(store.completion(page.items().getFirst().id()).orElseThrow().record().request().prompt())
                .asString().contains("(c00042)");
    }

    @Test
    void aCompletionFilterOnAnotherRunFindsNothing() {
        assertThat(store.completions(CompletionFilter.of("r-a")).items()).isEmpty();
        assertThat(store.completions(CompletionFilter.of("big").withVariant("v9")).total()).isZero();
    }

    @Test
    void cellsCountEachVariantAndTarget() {
        List<CellTally> cells = store.cells("big");

        assertThat(cells).hasSize(8);
        for (CellTally cell : cells) {
            int v = VARIANTS.indexOf(cell.variant());
            int t = TARGETS.indexOf(cell.target());
            assertThat(cell.tally()).isEqualTo(new Tally(CASES, (int) expectedCount(v, t, Verdict.CORRECT),
                    (int) expectedCount(v, t, Verdict.WRONG), (int) expectedCount(v, t, Verdict.NO_ANSWER), 0,
                    (int) expectedCount(v, t, Verdict.FAILED)));
        }
        assertThat(store.run("big").orElseThrow().tally().total()).isEqualTo(TOTAL);
    }

    @Test
    void runsAreListedNewestFirstInPages() {
        Page<Run> first = store.runs(RunFilter.all().page(0, 2));
        Page<Run> second = store.runs(RunFilter.all().page(2, 2));

        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(Run::id).containsExactly("r-c", "r-b");
        assertThat(second.items()).extracting(Run::id).containsExactly("r-a", "big");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void runsAreFoundBySetTaskOrModelText() {
        assertThat(store.runs(RunFilter.all().matching("arith")).items()).extracting(Run::id)
                .containsExactly("r-c", "r-a");
        assertThat(store.runs(RunFilter.all().matching("gpt-4o")).items()).extracting(Run::id)
                .containsExactly("r-c", "r-b", "big");
        assertThat(store.runs(RunFilter.all().matching(" fr-en ")).items()).extracting(Run::id)
                .containsExactly("r-b");
        assertThat(store.runs(RunFilter.all().matching("%")).total()).as("% is a character, not a wildcard")
                .isZero();
    }

    @Test
    void runsAreFilteredByStatus() {
        assertThat(store.runs(RunFilter.all().withStatus(RunStatus.RUNNING)).items()).extracting(Run::id)
                .containsExactly("r-c", "big");
        assertThat(store.runs(RunFilter.all().withStatus(RunStatus.CANCELLED).matching("arith")).total())
                .isZero();
    }
}
