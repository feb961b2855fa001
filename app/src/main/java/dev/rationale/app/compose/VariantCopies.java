// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Variant;
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

    static Variant withTrigger(Variant v, @Nullable String trigger) {
        return new Variant(v.id(), v.label(), v.shots(), v.exemplars(), v.selection(), v.seed(), v.reasoning(),
                trigger, v.shape(), v.system(), v.template(), v.samples(), v.settings());
    }
}
