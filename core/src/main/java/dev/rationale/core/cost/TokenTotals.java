// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.rationale.core.provider.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Token counts summed over completions, split the way prices are: {@code cached} is the part of {@code prompt}
 * read from the provider's prompt cache, {@code reasoning} the part of {@code completion} spent thinking.
 */
public record TokenTotals(long prompt, long cached, long completion, long reasoning) {
    public static final TokenTotals NONE = new TokenTotals(0, 0, 0, 0);

    /** The counts of one reported usage; a count the backend did not report counts 0. */
    public static TokenTotals of(@Nullable Usage usage) {
        if (usage == null) {
            return NONE;
        }
        return of(usage.promptTokens(), usage.cachedTokens(), usage.completionTokens(), usage.reasoningTokens());
    }

    /** The counts as a record of a results file or the history keeps them; null counts 0. */
    public static TokenTotals of(@Nullable Integer prompt, @Nullable Integer cached, @Nullable Integer completion,
            @Nullable Integer reasoning) {
        return new TokenTotals(orZero(prompt), orZero(cached), orZero(completion), orZero(reasoning));
    }

    public TokenTotals plus(TokenTotals other) {
        return new TokenTotals(prompt + other.prompt, cached + other.cached, completion + other.completion,
                reasoning + other.reasoning);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return prompt == 0 && completion == 0;
    }

    private static long orZero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }
}
