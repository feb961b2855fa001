// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import org.jspecify.annotations.Nullable;

/**
 * What one model costs, in US dollars per million tokens.
 *
 * @param provider the table's provider the price is listed under, e.g. {@code openai} or an endpoint's name
 * @param model the model as the table lists it ({@code *} for every model of the provider)
 * @param cachedInput prompt tokens read from the provider's cache
 * @param reasoning completion tokens spent thinking; every provider in the shipped table bills them as output
 * @param batchDiscount the share taken off every token when the work goes through the provider's batch API, 0..1
 * @param note what the price leaves out (a long-prompt tier, a promotion's end), empty when nothing
 * @param source where the price comes from: the shipped table and the date it was checked, or the override file
 */
public record ModelPrice(String provider, String model, double input, double cachedInput, double output,
        double reasoning, double batchDiscount, String note, String source) {
    private static final double MILLION = 1_000_000.0;

    /** Dollars for {@code tokens}; batch work gets the batch discount. */
    public double cost(TokenTotals tokens, boolean batch) {
        long cached = Math.min(tokens.cached(), tokens.prompt());
        long reasoningTokens = Math.min(tokens.reasoning(), tokens.completion());
        double dollars = ((tokens.prompt() - cached) * input + cached * cachedInput
                + (tokens.completion() - reasoningTokens) * output + reasoningTokens * reasoning) / MILLION;
        return batch ? dollars * (1 - batchDiscount) : dollars;
    }

    /** Dollars for tokens sent one by one plus tokens sent through a batch. */
    public double cost(TokenTotals live, TokenTotals batched) {
        return cost(live, false) + cost(batched, true);
    }

    /** Whether every token is free (a model on one's own machine). */
    public boolean isFree() {
        return input == 0 && cachedInput == 0 && output == 0 && reasoning == 0;
    }

    /** The price with a source named, for prices read from an override. */
    ModelPrice from(String newSource) {
        return new ModelPrice(provider, model, input, cachedInput, output, reasoning, batchDiscount, note, newSource);
    }

    static ModelPrice of(String provider, String model, double input, @Nullable Double cachedInput, double output,
            @Nullable Double reasoning, double batchDiscount, @Nullable String note, String source) {
        return new ModelPrice(provider, model, input, cachedInput == null ? input : cachedInput, output,
                reasoning == null ? output : reasoning, batchDiscount, note == null ? "" : note, source);
    }
}
