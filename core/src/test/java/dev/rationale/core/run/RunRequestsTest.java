// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestsTest {
    private static final PromptSet SET = new PromptSet(PromptSet.FORMAT, 1, "s", null,
            new GenerationSettings(0.0, null, 256, List.of("\n\nQ:"), null, null), List.of(), List.of());

    @Test
    void layersSetDefaultsVariantSettingsAndTheRunsOwn() {
        Variant variant = new Variant("sc", null, null, List.of(), null, null, null, null, null, null, null, 5,
                new GenerationSettings(0.7, null, null, List.of(), null, null));

        GenerationSettings settings = RunRequests.effective(SET, variant,
                new GenerationSettings(null, 0.9, null, List.of(), 42L, 5));

        assertThat(settings).isEqualTo(new GenerationSettings(0.7, 0.9, 256, List.of("\n\nQ:"), 42L, 5));
    }

    @Test
    void turnsSettingsIntoARequestAskingForProbabilitiesOnlyWhenTopLogprobsIsSet() {
        RenderedPrompt prompt = new RenderedPrompt.Text("Q: 1+1?\nA:");

        CompletionRequest plain = RunRequests.of("m", prompt, SET.effectiveDefaults());
        CompletionRequest scored = RunRequests.of("m", prompt,
                SET.effectiveDefaults().overriddenBy(new GenerationSettings(null, null, null, List.of(), 7L, 3)));

        assertThat(plain.temperature()).isZero();
        assertThat(plain.maxTokens()).isEqualTo(256);
        assertThat(plain.stop()).containsExactly("\n\nQ:");
        assertThat(plain.logprobs()).isFalse();
        assertThat(scored.logprobs()).isTrue();
        assertThat(scored.topLogprobs()).isEqualTo(3);
        assertThat(scored.seed()).isEqualTo(7L);
    }
}
