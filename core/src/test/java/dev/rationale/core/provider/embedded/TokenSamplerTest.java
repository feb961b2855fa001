// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.RenderedPrompt;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    private static final TokenDistribution FOUR = distribution(0.1, 0.5, 0.3, 0.1);

    @Test
    void theDistributionIsTheSoftmaxOfTheLogitsInDouble() {
        TokenDistribution distribution = new TokenDistribution(new float[] {1f, 2f, 3f});
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);

        assertThat(distribution.logprob(2)).isCloseTo(3 - Math.log(sum), within(1e-6));
        assertThat(distribution.argmax()).isEqualTo(2);
        assertThat(distribution.top(5)).containsExactly(2, 1, 0);
        assertThat(FOUR.top(2)).containsExactly(1, 2);
        assertThat(distribution(0.25, 0.25, 0.25, 0.25).top(2)).containsExactly(0, 1);
    }

    @Test
    void withoutATemperatureTheMostLikelyTokenIsChosenAndTiesGoToTheLowerId() {
        assertThat(sampler(null, null, null, null, null).choose(FOUR)).isEqualTo(1);
        assertThat(sampler(0.0, null, null, null, 3L).choose(distribution(0.4, 0.4, 0.2))).isZero();
        assertThat(sampler(5.0, 1, null, null, 3L).greedy()).isTrue();
    }

    @Test
    void drawsFollowTheDistributionAtTemperatureOne() {
        TokenSampler sampler = sampler(1.0, null, null, null, 11L);
        int[] counts = new int[4];
        for (int i = 0; i < 20_000; i++) {
            counts[sampler.choose(FOUR)]++;
        }

        assertThat(counts[1] / 20_000.0).isCloseTo(0.5, within(0.02));
        assertThat(counts[2] / 20_000.0).isCloseTo(0.3, within(0.02));
        assertThat(counts[0] / 20_000.0).isCloseTo(0.1, within(0.02));
    }

    @Test
    void topKTopPAndMinPKeepOnlyTheMostLikelyCandidates() {
        assertThat(drawn(sampler(1.0, 2, null, null, 1L))).containsExactly(1, 2);
        assertThat(drawn(sampler(1.0, null, 0.5, null, 1L))).containsExactly(1);
        assertThat(drawn(sampler(1.0, null, 0.7, null, 1L))).containsExactly(1, 2);
        assertThat(drawn(sampler(1.0, null, null, 0.5, 1L))).containsExactly(1, 2);
        assertThat(drawn(sampler(1.0, null, null, null, 1L))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        TokenSampler first = sampler(1.5, null, null, null, 99L);
        TokenSampler second = sampler(1.5, null, null, null, 99L);

        for (int i = 0; i < 200; i++) {
            assertThat(second.choose(FOUR)).isEqualTo(first.choose(FOUR));
        }
    }

    @Test
    void settingsOutOfRangeAreInvalidRequests() {
        assertThatThrownBy(() -> sampler(-0.5, null, null, null, null)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> sampler(1.0, -1, null, null, null)).hasMessageContaining("top-k");
        assertThatThrownBy(() -> sampler(1.0, null, 0.0, null, null)).hasMessageContaining("top-p");
        assertThatThrownBy(() -> sampler(1.0, null, null, 1.5, null)).hasMessageContaining("min-p");
    }

    private static Set<Integer> drawn(TokenSampler sampler) {
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(sampler.choose(FOUR));
        }
        return seen;
    }

    private static TokenSampler sampler(@Nullable Double temperature, @Nullable Integer topK, @Nullable Double topP,
            @Nullable Double minP, @Nullable Long seed) {
        return TokenSampler.of(CompletionRequest.of("m.gguf", new RenderedPrompt.Text("x"))
                .withSampling(temperature, topP, topK, minP, seed));
    }

    private static TokenDistribution distribution(double... probabilities) {
        float[] logits = new float[probabilities.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.log(probabilities[i]);
        }
        return new TokenDistribution(logits);
    }
}
