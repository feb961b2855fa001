// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an evaluation will send and cost, before it starts: per target, the requests, the prompt tokens (counted by
 * the model's tokenizer where there is one, else estimated from the characters) and the output tokens (the
 * variants' max tokens, a ceiling, else an assumption), and the cost at the table's prices.
 *
 * @param batch whether the estimate is for a provider's batch API (the batch discount applies)
 * @param checked the day the price table was checked, to say next to the cost
 */
public record EvalEstimate(List<Line> lines, boolean batch, String checked) {

    /** Output tokens assumed per completion when a variant sets no max tokens. */
    public static final int ASSUMED_OUTPUT_TOKENS = 512;

    public EvalEstimate {
        lines = List.copyOf(lines);
    }

    /**
     * One target's share.
     *
     * @param completions the completions asked for (several per request where a backend answers {@code n > 1})
     * @param promptExact true when the model's tokenizer counted; false for an estimate of 4 characters a token
     * @param prompts the distinct prompts rendered (one per variant and case)
     * @param promptsCounted of those, the ones the tokenizer counted; the rest are scaled by their characters at
     *     the tokens per character the counted ones had
     * @param outputAssumed true when some variant sets no max tokens, so {@link #ASSUMED_OUTPUT_TOKENS} stood in
     * @param price the model's price; null when the table has none (then {@code cost} is null too)
     */
    public record Line(String target, String endpoint, String model, long requests, long completions,
            long promptTokens, boolean promptExact, long prompts, long promptsCounted, long outputTokens,
            boolean outputAssumed,
            @Nullable ModelPrice price, @Nullable Double cost) {
    }

    public long requests() {
        return lines.stream().mapToLong(Line::requests).sum();
    }

    public long completions() {
        return lines.stream().mapToLong(Line::completions).sum();
    }

    public long promptTokens() {
        return lines.stream().mapToLong(Line::promptTokens).sum();
    }

    public long outputTokens() {
        return lines.stream().mapToLong(Line::outputTokens).sum();
    }

    /** The cost of the targets the table prices. */
    public double cost() {
        return lines.stream().mapToDouble(l -> l.cost() == null ? 0 : l.cost()).sum();
    }

    /** The targets the table has no price for; their cost is not in {@link #cost()}. */
    public List<String> unpriced() {
        return lines.stream().filter(l -> l.price() == null).map(l -> l.endpoint() + "/" + l.model()).toList();
    }

    /** Whether the user should be asked before starting: the cost goes above {@code threshold} dollars. */
    public boolean needsConfirmation(double threshold) {
        return cost() > threshold;
    }
}
