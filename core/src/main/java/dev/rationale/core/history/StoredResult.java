// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A completion read back without its request: its row, and what came back. What a table of results needs, and
 * cheaper to read than a {@link StoredCompletion}, whose request has to be parsed.
 */
public record StoredResult(CompletionRow row, String text, String reasoning, List<ScoredToken> tokens,
        @Nullable Usage usage, @Nullable Timings timings) {

    public StoredResult {
        tokens = List.copyOf(tokens);
    }
}
