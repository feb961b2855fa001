// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * What a grader that scores found beyond the verdict: the score on its own scale, why, and what was exchanged to
 * reach it. Written with each completion in results files and kept in the history beside it.
 *
 * @param grader which grader: {@value #CHRF}, {@value #JUDGE} or {@value #TESTS}
 * @param score the score on the grader's scale (chrF 0-100, the judge's scale, the share of tests passed 0-1);
 *     null when grading failed
 * @param note why, in a line or a few: the judge's reason, the first failing test, or why grading failed
 * @param request what was sent to grade it: the judge prompt, or the program run; null for chrF
 * @param reply what came back: the judge's reply, or the run's output (cut to a bounded length); null for chrF
 */
@JsonPropertyOrder({"grader", "score", "note", "request", "reply"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradeDetail(
        String grader,
        @Nullable Double score,
        @Nullable String note,
        @Nullable String request,
        @Nullable String reply) {

    public static final String CHRF = "chrf";
    public static final String JUDGE = "judge";
    public static final String TESTS = "tests";

    /** Grading that could not finish: no score, and never a pass. */
    public static GradeDetail failed(String grader, String why, @Nullable String request, @Nullable String reply) {
        return new GradeDetail(grader, null, why, request, reply);
    }

    /** Whether grading reached a score. */
    public boolean scored() {
        return score != null;
    }
}
