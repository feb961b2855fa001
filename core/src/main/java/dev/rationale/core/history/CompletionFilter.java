// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Which completions of one run to list, in grid order (variant, target, case, sample), and which page of them.
 * Each filter left null matches everything.
 *
 * @param target the target's endpoint name
 */
public record CompletionFilter(String runId, @Nullable Verdict grade, @Nullable String variant,
        @Nullable String target, @Nullable String caseId, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public CompletionFilter {
        PageBounds.check(offset, limit);
    }

    /** Every completion of the run, first page. */
    public static CompletionFilter of(String runId) {
        return new CompletionFilter(runId, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    public CompletionFilter withGrade(@Nullable Verdict newGrade) {
        return new CompletionFilter(runId, newGrade, variant, target, caseId, offset, limit);
    }

    public CompletionFilter withVariant(@Nullable String newVariant) {
        return new CompletionFilter(runId, grade, newVariant, target, caseId, offset, limit);
    }

    public CompletionFilter withTarget(@Nullable String newTarget) {
        return new CompletionFilter(runId, grade, variant, newTarget, caseId, offset, limit);
    }

    public CompletionFilter withCase(@Nullable String newCaseId) {
        return new CompletionFilter(runId, grade, variant, target, newCaseId, offset, limit);
    }

    public CompletionFilter page(int newOffset, int newLimit) {
        return new CompletionFilter(runId, grade, variant, target, caseId, newOffset, newLimit);
    }
}
