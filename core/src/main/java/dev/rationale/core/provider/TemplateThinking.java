// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.promptset.ThinkingLevel;
import java.util.Optional;

/**
 * The thinking switch of a chat template, for backends that apply a model's template to a prompt (the embedded
 * engine, a llama.cpp server). Templates that have one (Qwen3, and the families that copied it) read a boolean
 * {@code enable_thinking}: true or absent lets the model open a {@code <think>} block, false makes the template
 * write an empty block after the assistant's opening, so the model answers at once. Such a switch has no levels.
 * Pure and thread-safe.
 */
public final class TemplateThinking {

    /** The template variable that switches thinking. */
    public static final String SWITCH = "enable_thinking";

    /** What a Qwen3-style template writes after the assistant's opening when thinking is switched off. */
    public static final String EMPTY_BLOCK = ThinkTagSplitter.OPEN + "\n\n" + ThinkTagSplitter.CLOSE + "\n\n";

    private TemplateThinking() {
    }

    /** Whether {@code template} (its Jinja text) reads the thinking switch. */
    public static boolean hasSwitch(String template) {
        return template.contains(SWITCH);
    }

    /**
     * What a request with {@code level} should be told on a backend that applies templates, or empty when the
     * template does exactly what the level asks.
     *
     * @param backend how messages name the backend, at the start of a sentence
     * @param model how messages name the model
     * @param templateHasSwitch whether the model's template reads {@link #SWITCH}
     */
    public static Optional<String> notice(String backend, String model, ThinkingLevel level,
            boolean templateHasSwitch) {
        if (!templateHasSwitch) {
            return Optional.of(model + "'s chat template has no thinking switch, so thinking \"" + level.id()
                    + "\" was not applied; the model thinks as it does by default");
        }
        if (level.on()) {
            return Optional.of(backend + " switches thinking only on or off (the chat template's " + SWITCH
                    + "), so \"" + level.id() + "\" turns it on");
        }
        return Optional.empty();
    }
}
