// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed summary against {@link EvalReport#of} on the same completions. */
class ReportTallyTest {
    private static final Endpoint ENDPOINT = new Endpoint("mock", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", null,
            null);
    private final Task task = EvalFixtures.sums(60, EvalFixtures.direct(), EvalFixtures.voting(3));
    private final EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
            List.of(EvalTarget.of(ENDPOINT, "m1"), EvalTarget.of(ENDPOINT, "m2")), task.cases(), null);

    @TempDir
    Path dir;

    @Test
    void completionsInAnyOrderGiveTheFiguresOfTheReportWithSeveralSamplesFailuresAndMissingOnes() {
        List<SampleRecord> records = records(new Random(7), 0.1, 0.08);
        List<SampleRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(11));

        EvalSummary summary = ReportTally.of(plan, shuffled);

        EvalReport report = EvalReport.of(plan, records);
        assertSameFigures(summary, report);
        assertThat(summary.completions()).isEqualTo(records.size());
        assertThat(report.cells()).anySatisfy(cell -> assertThat(cell.pending()).isPositive())
                .anySatisfy(cell -> assertThat(cell.failed()).isPositive())
                .anySatisfy(cell -> assertThat(cell.atK()).hasSize(2));
    }

    @Test
    void aResumedFileCountsItsFailuresOnlyUntilThisSessionAsksThemAgain() {
        Random random = new Random(3);
        List<SampleRecord> previous = records(random, 0.3, 0.2);
        // This session answers most of the earlier failures and leaves the others as they were (a cancel).
        List<SampleRecord> fresh = previous.stream().filter(r -> r.status() == Verdict.FAILED)
                .filter(r -> random.nextDouble() < 0.7).map(r -> answered(r, random)).toList();
        ReportTally tally = new ReportTally(plan);

        previous.forEach(tally::addPrevious);
        fresh.forEach(tally::add);
        EvalSummary summary = tally.summary();

        List<SampleRecord> file = new ArrayList<>(previous);
        file.addAll(fresh);
        EvalReport report = EvalReport.of(plan, file);
        assertSameFigures(summary, report);
        assertThat(summary.completions()).isEqualTo(previous.size());
        assertThat(summary.firstFailure()).isNotNull();
    }

    @Test
    void aPageOfCasesReadFromTheResultsFileHoldsTheReportsCasesOfThatPage() {
        List<SampleRecord> records = records(new Random(5), 0.1, 0.1);
        Path file = dir.resolve("r.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            records.forEach(results::append);
        }

        CasePage page = CasePage.read(plan, file, 20, 15);

        int perCase = plan.variants().size() * plan.targets().size();
        assertThat(page.cases()).isEqualTo(EvalReport.of(plan, records).cases().subList(20 * perCase,
                35 * perCase));
        CaseResult first = page.casesOf("vote", "m2").getFirst();
        assertThat(first.key().testCase()).isEqualTo("c20");
        assertThat(page.samplesOf(first.key())).extracting(SampleRecord::sample).isSorted()
                .hasSize(first.samples());
        assertThat(page.total()).isEqualTo(60);
    }

    private static void assertSameFigures(EvalSummary summary, EvalReport report) {
        // Means are summed in another order: equal up to rounding.
        assertThat(summary.cells()).usingRecursiveComparison()
                .withComparatorForType(ReportTallyTest::closeTo, Double.class)
                .isEqualTo(report.cells());
        assertThat(VariantComparison.against(summary, "direct"))
                .isEqualTo(VariantComparison.against(report, "direct")).hasSize(2);
    }

    private static int closeTo(Double a, Double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b);
    }

    // Every completion of the plan but a share left out (pending); a share failed; the rest answered.
    private List<SampleRecord> records(Random random, double missing, double failing) {
        List<SampleRecord> records = new ArrayList<>();
        for (CompletionKey key : plan.keys()) {
            if (random.nextDouble() < missing) {
                continue;
            }
            SampleRecord failed = SampleRecord.failure(key, plan.targets().getFirst(), expected(key), "SERVER_ERROR",
                    "HTTP 500 " + key.testCase());
            records.add(random.nextDouble() < failing ? failed : answered(failed, random));
        }
        records.sort(Comparator.comparing(SampleRecord::testCase));
        return records;
    }

    private String expected(CompletionKey key) {
        return String.valueOf(Integer.parseInt(key.testCase().substring(1)) + 3);
    }

    // An answer: mostly right, sometimes one off or none; scored and timed at random.
    private SampleRecord answered(SampleRecord like, Random random) {
        String expected = expected(like.key());
        double roll = random.nextDouble();
        String answer = roll < 0.6 ? expected : roll < 0.9 ? String.valueOf(Integer.parseInt(expected) + 1) : null;
        Verdict status = answer == null ? Verdict.NO_ANSWER : answer.equals(expected) ? Verdict.CORRECT
                : Verdict.WRONG;
        Double probability = random.nextBoolean() ? random.nextDouble() : null;
        return new SampleRecord(like.task(), like.variant(), like.target(), like.testCase(), like.sample(),
                like.endpoint(), like.model(), status, expected, answer, answer, probability,
                "The answer is " + answer + ".", null, null, null, 1, 5 + 100 * random.nextDouble(), 2.0,
                random.nextInt(50), random.nextInt(20), null, null, random.nextInt(5),
                random.nextBoolean() ? random.nextDouble() * 30 : null);
    }
}
