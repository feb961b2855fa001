// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.provider.ScoredToken;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the views of several samples of one case show together: their answer clusters, each sample's reasoning
 * chain split into steps, and the chains aligned. Computing it aligns up to {@link AlignedChains#MAX_SAMPLES}
 * chains, which takes milliseconds to tens of milliseconds: call it off the FX thread. Immutable.
 *
 * @param clusters the samples grouped by answer
 * @param chains each sample's chain, in sample order
 * @param aligned the chains lined up step by step
 */
public record ClusteredChains(AnswerClusters clusters, List<ReasoningChain> chains, AlignedChains aligned) {

    /**
     * One sample as the views have it.
     *
     * @param reasoning the reasoning kept apart from the answer; empty when none
     * @param text the answer text
     * @param tokens its scored tokens; empty when the backend gave none
     * @param answer the answer its grade extracted; null when none was found or the call failed
     */
    public record Sample(String reasoning, String text, List<ScoredToken> tokens, @Nullable String answer) {

        public Sample {
            tokens = List.copyOf(tokens);
        }
    }

    /** Nothing to show: no samples. */
    public static final ClusteredChains EMPTY = new ClusteredChains(new AnswerClusters(List.of(), 0), List.of(),
            new AlignedChains(List.of(), 0, -1, 0));

    public ClusteredChains {
        chains = List.copyOf(chains);
    }

    /**
     * Clusters and aligns the samples of one case.
     *
     * @param expected the case's expected answer, marked among the clusters; null when there is none
     * @throws IllegalArgumentException if the format's regex rule has no valid pattern
     */
    public static ClusteredChains of(List<Sample> samples, AnswerFormat format, @Nullable String expected) {
        AnswerClusters clusters = AnswerClusters.of(samples.stream().map(Sample::answer).toList(),
                AnswerGrader.of(format), expected);
        ReasoningSteps steps = ReasoningSteps.of(format);
        List<ReasoningChain> chains = samples.stream()
                .map(s -> steps.analyze(s.reasoning(), s.text(), s.tokens())).toList();
        return new ClusteredChains(clusters, chains, AlignedChains.of(chains, clusters));
    }

    /** The samples' texts as a reader wants them: the reasoning (when kept apart) above the answer text. */
    public static String shown(Sample sample) {
        return sample.reasoning().isBlank() ? sample.text() : sample.reasoning().strip() + "\n\n" + sample.text();
    }
}
