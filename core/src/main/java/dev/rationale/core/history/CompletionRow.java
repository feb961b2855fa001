// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.FinishReason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A completion as a list shows it: its place in the grid and its grade, without the request, texts and tokens
 * (read those with {@code HistoryStore.completion(id)}), so a page of rows stays cheap however long the answers.
 */
public record CompletionRow(
        long id,
        RunCompletionKey key,
        @Nullable String extracted,
        @Nullable String expected,
        Verdict grade,
        @Nullable String failure,
        @Nullable FinishReason finishReason,
        Instant createdAt) {
}
