// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.render.PromptIntake;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A provider's answers to {@link CompletionProvider#intake}, asked once per model and kept for the provider's life:
 * a model's chat template does not change under one name, and asking costs a server call or a model load. A failed
 * ask is not kept, so the next request asks again. Thread-safe; two threads asking about a new model at once may
 * both ask, which is harmless.
 */
public final class IntakeCache {
    private final Map<String, PromptIntake> known = new ConcurrentHashMap<>();

    /** The kept intake of {@code model}, or what {@code ask} answers (blocking) the first time. */
    public PromptIntake get(String model, Function<String, PromptIntake> ask) {
        PromptIntake cached = known.get(model);
        if (cached != null) {
            return cached;
        }
        PromptIntake asked = ask.apply(model);
        known.put(model, asked);
        return asked;
    }
}
