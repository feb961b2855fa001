// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import static dev.rationale.core.history.HistoryFixtures.OPENAI;
import static dev.rationale.core.history.HistoryFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A judge's or the tests' grading is kept beside the completion it grades, and goes with it. */
class GradingHistoryTest {
    @TempDir
    Path workspace;

    @Test
    void theGradingIsReadBackWithItsCompletionAndDeletedWithItsRun() {
        GradeDetail verdict = new GradeDetail(GradeDetail.JUDGE, 4.0, "Correct and brief.",
                "Rate the answer from 1 to 5.", "{\"score\": 4, \"reason\": \"Correct and brief.\"}");
        GradeDetail failed = GradeDetail.failed(GradeDetail.JUDGE, "the reply is not JSON", "Rate it.", "4/5?");
        CompletionRecord judged = graded("c1", Verdict.CORRECT, verdict);
        CompletionRecord unparsed = graded("c2", Verdict.UNGRADED, failed);
        CompletionRecord plain = HistoryFixtures.completion(HistoryFixtures.key("r1", "direct", OPENAI, "c3", 0),
                Verdict.CORRECT, START);
        long[] ids = new long[3];
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(HistoryFixtures.arithmetic("r1"));
            ids[0] = store.record(judged);
            ids[1] = store.record(unparsed);
            ids[2] = store.record(plain);
        }
        try (HistoryStore store = HistoryStore.open(workspace)) {
            assertThat(store.completion(ids[0]).orElseThrow().record().grading()).isEqualTo(verdict);
            assertThat(store.completion(ids[1]).orElseThrow().record()).isEqualTo(unparsed);
            assertThat(store.completion(ids[2]).orElseThrow().record().grading()).isNull();
            store.deleteRun("r1");
            assertThat(store.completion(ids[0])).isEmpty();
        }
    }

    private static CompletionRecord graded(String caseId, Verdict grade, GradeDetail detail) {
        CompletionRecord c = HistoryFixtures.completion(HistoryFixtures.key("r1", "direct", OPENAI, caseId, 0), grade,
                START);
        return new CompletionRecord(c.key(), c.request(), c.text(), c.reasoning(), c.tokens(), c.extracted(),
                c.expected(), c.grade(), c.failure(), c.finishReason(), c.usage(), c.timings(), c.createdAt(), false,
                detail);
    }
}
