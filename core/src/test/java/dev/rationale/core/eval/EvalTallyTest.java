// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.answer.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvalTallyTest {
    private static final EvalTarget TARGET = EvalTarget.of(new Endpoint("mock", ProviderKind.OPENAI,
            "http://127.0.0.1:9/v1", null, null), "m");
    private final Task task = EvalFixtures.sums(4, EvalFixtures.direct());
    private final EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(), List.of(TARGET),
            task.cases(), null);

    @Test
    void aResumedTallyCountsTheAnsweredCompletionsOfThePlanAndNotTheFailedOnesItAsksAgain() {
        List<SampleRecord> previous = List.of(record("c00", Verdict.CORRECT), record("c01", Verdict.WRONG),
                record("c02", Verdict.FAILED), record("c03", Verdict.FAILED),
                new SampleRecord("other-task", "direct", "m", "c00", 0, "mock", "m", Verdict.CORRECT, null, null,
                        null, null, null, null, null, null, 1, null, null, null, null, null, null));

        EvalTally tally = EvalTally.of(plan, previous);

        assertThat(tally.counts()).isEqualTo(new EvalTally.Counts(4, 2, 1, 0, 0, null));
        assertThat(tally.counts().fraction()).isEqualTo(0.5);
    }

    @Test
    void thisSessionsFailuresAreDoneAndCountedAsFailedOnce() {
        EvalTally tally = EvalTally.of(plan, List.of(record("c00", Verdict.CORRECT)));

        tally.finished(record("c01", Verdict.FAILED));
        tally.finished(record("c02", Verdict.CORRECT));
        tally.finished(record("c02", Verdict.CORRECT));
        tally.scored(new LikelihoodRecord("sums", "direct", "m", "c02", "mock", "m", LikelihoodRecord.Status.SCORED,
                List.of("A"), "A", true, "A", true, List.of(), null, null));

        EvalTally.Counts counts = tally.counts();
        assertThat(counts.done()).isEqualTo(3);
        assertThat(counts.correct()).isEqualTo(2);
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.scored()).isEqualTo(1);
    }

    @Test
    void timeLeftFollowsThisSessionsPaceOnly() {
        AtomicLong now = new AtomicLong();
        EvalTally tally = EvalTally.of(plan, List.of(record("c00", Verdict.CORRECT)), now::get);
        assertThat(tally.counts().timeLeft()).as("nothing done in this session yet").isNull();

        now.set(Duration.ofSeconds(10).toNanos());
        tally.finished(record("c01", Verdict.WRONG));

        // One completion in 10 s; two to go.
        assertThat(tally.counts().timeLeft()).isEqualTo(Duration.ofSeconds(20));
        tally.finished(record("c02", Verdict.WRONG));
        tally.finished(record("c03", Verdict.WRONG));
        assertThat(tally.counts().timeLeft()).as("all done").isNull();
    }

    private static SampleRecord record(String testCase, Verdict status) {
        return new SampleRecord("sums", "direct", "m", testCase, 0, "mock", "m", status, null, null, null, null,
                null, null, null, null, 1, null, null, null, null, null, null);
    }
}
