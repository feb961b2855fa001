// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.promptset.ThinkingLevel;
import org.jspecify.annotations.Nullable;

/** Copies of a variant with one more field changed than {@link Variant}'s own {@code with...} methods cover. */
final class VariantCopies {

    private VariantCopies() {
    }

    static Variant withSamples(Variant v, @Nullable Integer samples) {
        return new Variant(v.id(), v.label(), v.shots(), v.exemplars(), v.selection(), v.seed(), v.reasoning(),
                v.trigger(), v.shape(), v.system(), v.template(), samples, v.settings());
    }

    static Variant withSystem(Variant v, @Nullable String system) {
        return new Variant(v.id(), v.label(), v.shots(), v.exemplars(), v.selection(), v.seed(), v.reasoning(),
                v.trigger(), v.shape(), system, v.template(), v.samples(), v.settings());
    }

    /** The variant with its settings' thinking level set; null leaves thinking to the set or the model. */
    static Variant withThinking(Variant v, @Nullable ThinkingLevel level) {
        GenerationSettings settings = v.settings() == null ? GenerationSettings.NONE : v.settings();
        GenerationSettings changed = settings.withThinking(level);
        return v.withSettings(changed.equals(GenerationSettings.NONE) ? null : changed);
    }

    static Variant withTrigger(Variant v, @Nullable String trigger) {
        return new Variant(v.id(), v.label(), v.shots(), v.exemplars(), v.selection(), v.seed(), v.reasoning(),
                trigger, v.shape(), v.system(), v.template(), v.samples(), v.settings());
    }
}
