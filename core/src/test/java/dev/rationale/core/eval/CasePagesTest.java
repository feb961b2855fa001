// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages of a results file read through its index, against the same pages read by walking the whole file. */
class CasePagesTest {
    private static final Endpoint ENDPOINT = new Endpoint("mock", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", null,
            null);
    private static final int PAGE = 70;
    private final Task task = EvalFixtures.sums(1_000, EvalFixtures.direct(), EvalFixtures.voting(3));
    private final EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
            List.of(EvalTarget.of(ENDPOINT, "m1"), EvalTarget.of(ENDPOINT, "m2")), task.cases(), null);

    @TempDir
    Path dir;

    @Test
    void everyPageOfALargeShuffledFileHoldsTheCasesAFullReadFinds() throws IOException {
        Path file = dir.resolve("r.jsonl");
        List<SampleRecord> records = shuffledRecords(new Random(1));
        write(file, records);
        // Lines that are not the plan's count for nothing: another task's, a broken one, a blank one.
        Files.writeString(file, "{\"task\":\"other\",\"case\":\"c1\"}\nnot json\n\n", StandardOpenOption.APPEND);

        CasePages pages = CasePages.of(plan, file, PAGE);

        assertThat(pages.pageCount()).isEqualTo(15);
        for (int page = 0; page < pages.pageCount(); page++) {
            assertSamePage(pages.read(page), CasePage.read(plan, file, page * PAGE, PAGE));
        }
        CasePage last = pages.read(14);
        assertThat(last.from()).isEqualTo(980);
        assertThat(last.cases()).hasSize(20 * 4);
        assertThat(last.cases().getFirst().key().testCase()).isEqualTo("c980");
        assertThat(last.cases()).anySatisfy(c -> assertThat(c.outcome()).isEqualTo(CaseOutcome.CORRECT))
                .anySatisfy(c -> assertThat(c.outcome()).isEqualTo(CaseOutcome.FAILED));
    }

    @Test
    void linesAppendedAfterTheIndexWasMadeAreReadOnlyOnceTheirLineIsComplete() throws IOException {
        Path file = dir.resolve("r.jsonl");
        List<SampleRecord> records = shuffledRecords(new Random(2));
        int half = records.size() / 2;
        write(file, records.subList(0, half));
        CasePages pages = CasePages.of(plan, file, PAGE);
        assertSamePage(pages.read(3), CasePage.read(plan, file, 3 * PAGE, PAGE));

        write(file, records.subList(half, records.size() - 1));
        // The last record is being written: half of its line is on disk, without its newline.
        String line = ResultsFile.MAPPER.writeValueAsString(records.getLast()) + "\n";
        Files.writeString(file, line.substring(0, 40), StandardOpenOption.APPEND);
        int lastPage = plan.cases().indexOf(caseOf(records.getLast())) / PAGE;
        for (int page : new int[] {3, lastPage}) {
            assertSamePage(pages.read(page), CasePage.read(plan, file, page * PAGE, PAGE));
        }
        CompletionKey.CaseKey torn = records.getLast().key().caseKey();
        assertThat(pages.read(lastPage).samplesOf(torn)).doesNotContain(records.getLast());

        Files.writeString(file, line.substring(40), StandardOpenOption.APPEND);
        assertSamePage(pages.read(lastPage), CasePage.read(plan, file, lastPage * PAGE, PAGE));
        assertThat(pages.read(lastPage).samplesOf(torn)).contains(records.getLast());
    }

    @Test
    void aFileStartedAgainIsIndexedFromItsStart() throws IOException {
        Path file = dir.resolve("r.jsonl");
        List<SampleRecord> records = shuffledRecords(new Random(3));
        write(file, records);
        CasePages pages = CasePages.of(plan, file, PAGE);
        pages.read(0);

        Files.delete(file);
        write(file, records.subList(0, 50));

        assertSamePage(pages.read(0), CasePage.read(plan, file, 0, PAGE));
        assertThat(pages.read(0).samples().values().stream().mapToInt(List::size).sum())
                .isLessThanOrEqualTo(50);
    }

    @Test
    void aMissingFileHasPagesOfPendingCasesAndPagesOutsideThePlanAreRefused() {
        CasePages pages = CasePages.of(plan, dir.resolve("none.jsonl"), PAGE);

        assertThat(pages.read(1).cases()).hasSize(PAGE * 4)
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CaseOutcome.PENDING));
        assertThatThrownBy(() -> pages.read(15)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static void assertSamePage(CasePage indexed, CasePage walked) {
        assertThat(indexed.cases()).isEqualTo(walked.cases());
        assertThat(indexed.samples()).isEqualTo(walked.samples());
        assertThat(indexed.from()).isEqualTo(walked.from());
        assertThat(indexed.total()).isEqualTo(walked.total());
    }

    private dev.rationale.core.promptset.TestCase caseOf(SampleRecord record) {
        return plan.cases().stream().filter(c -> record.testCase().equals(c.id())).findFirst().orElseThrow();
    }

    // As ResultsFile writes them, without forcing each line to the disk.
    private static void write(Path file, List<SampleRecord> records) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (SampleRecord record : records) {
            lines.append(ResultsFile.MAPPER.writeValueAsString(record)).append('\n');
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // Most completions of the plan in a random order, some failed first and answered again later in the file.
    private List<SampleRecord> shuffledRecords(Random random) {
        List<SampleRecord> records = new ArrayList<>();
        List<SampleRecord> retried = new ArrayList<>();
        for (CompletionKey key : plan.keys()) {
            if (random.nextDouble() < 0.05) {
                continue;
            }
            String expected = String.valueOf(Integer.parseInt(key.testCase().substring(1)) + 3);
            SampleRecord failed = SampleRecord.failure(key, plan.targets().getFirst(), expected, "SERVER_ERROR",
                    "HTTP 500");
            records.add(failed);
            if (random.nextDouble() < 0.9) {
                retried.add(answered(failed, random.nextBoolean() ? expected : "0"));
            }
        }
        Collections.shuffle(records, random);
        Collections.shuffle(retried, random);
        records.addAll(retried);
        return records;
    }

    private static SampleRecord answered(SampleRecord like, String answer) {
        Verdict status = answer.equals(like.expected()) ? Verdict.CORRECT : Verdict.WRONG;
        return new SampleRecord(like.task(), like.variant(), like.target(), like.testCase(), like.sample(),
                like.endpoint(), like.model(), status, like.expected(), answer, answer, null,
                "The answer is " + answer + ".", null, null, null, 1, 12.0, 2.0, 30, 9, null, null);
    }
}
