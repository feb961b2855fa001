// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Which completions of one run to list, in grid order (variant, target, case, sample), and which page of them.
 * Each filter left null matches everything.
 *
 * <p>A page starts after {@code after}, the last row of the page before, when it is given (a keyset: as fast deep
 * in a run of a million as at its start); else after skipping {@code offset} rows. Either way {@link Page#offset}
 * is {@code offset}, so a caller paging by keyset passes both.
 *
 * @param target the target's endpoint name
 * @param model the target's model; with {@code target}, one cell of the grid
 * @param after the last row already listed; the page starts at the row after it in grid order
 */
public record CompletionFilter(String runId, @Nullable Verdict grade, @Nullable String variant,
        @Nullable String target, @Nullable String model, @Nullable String caseId, @Nullable CompletionRow after,
        int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public CompletionFilter {
        PageBounds.check(offset, limit);
    }

    /** Every completion of the run, first page. */
    public static CompletionFilter of(String runId) {
        return new CompletionFilter(runId, null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }

    public CompletionFilter withGrade(@Nullable Verdict newGrade) {
        return new CompletionFilter(runId, newGrade, variant, target, model, caseId, after, offset, limit);
    }

    public CompletionFilter withVariant(@Nullable String newVariant) {
        return new CompletionFilter(runId, grade, newVariant, target, model, caseId, after, offset, limit);
    }

    public CompletionFilter withTarget(@Nullable String newTarget) {
        return new CompletionFilter(runId, grade, variant, newTarget, model, caseId, after, offset, limit);
    }

    public CompletionFilter withModel(@Nullable String newModel) {
        return new CompletionFilter(runId, grade, variant, target, newModel, caseId, after, offset, limit);
    }

    public CompletionFilter withCase(@Nullable String newCaseId) {
        return new CompletionFilter(runId, grade, variant, target, model, newCaseId, after, offset, limit);
    }

    /** The page of {@code newLimit} rows after skipping {@code newOffset}; forgets {@link #after}. */
    public CompletionFilter page(int newOffset, int newLimit) {
        return new CompletionFilter(runId, grade, variant, target, model, caseId, null, newOffset, newLimit);
    }

    /**
     * The page of {@code newLimit} rows after {@code last}, which was row {@code listed - 1} of this filter's
     * listing ({@code null} and 0 for the first page).
     */
    public CompletionFilter after(@Nullable CompletionRow last, int listed, int newLimit) {
        return new CompletionFilter(runId, grade, variant, target, model, caseId, last, listed, newLimit);
    }
}
