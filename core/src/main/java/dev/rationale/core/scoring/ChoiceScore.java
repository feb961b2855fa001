// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

/**
 * How likely a model finds one option after the prompt.
 *
 * @param choice the option's text, as appended to the prompt
 * @param logprob the natural-log probability of the whole option given the prompt
 * @param tokens how many tokens the option took
 */
public record ChoiceScore(String choice, double logprob, int tokens) {

    public ChoiceScore {
        if (tokens < 1) {
            throw new IllegalArgumentException("an option takes at least one token, got " + tokens);
        }
    }

    /** The log-probability per token, so that long options are not punished for their length alone. */
    public double normalizedLogprob() {
        return logprob / tokens;
    }
}
