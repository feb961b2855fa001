// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import org.jspecify.annotations.Nullable;

/**
 * How one backend takes prompts for one model: what it takes on the wire, and whether the model has a chat
 * template. {@link PromptShaper} reads it to decide what is sent. Backends describe themselves with the factories.
 *
 * @param backend how notes name the backend, e.g. {@code "Anthropic"}
 * @param model how notes name the model, e.g. {@code "stories260K.gguf"}
 * @param chat takes chat messages on the wire (the server applies any template)
 * @param text takes one raw string on the wire
 * @param systemRole takes a system message
 * @param prefill continues a last assistant message instead of answering it
 * @param template whether the model has a chat template
 * @param formatter applies the model's template here, for a backend whose wire is raw text; null when it cannot
 */
public record PromptIntake(
        String backend,
        String model,
        boolean chat,
        boolean text,
        boolean systemRole,
        boolean prefill,
        Template template,
        @Nullable ChatFormatter formatter) {

    /** What is known of a model's chat template. */
    public enum Template {
        /** It has one: chat is what it was tuned for. */
        PRESENT,
        /** It has none: a base model, which continues raw text. */
        ABSENT,
        /** The backend does not say. */
        UNKNOWN
    }

    /** A chat-only API (OpenAI chat, Anthropic, Gemini). */
    public static PromptIntake chatOnly(String backend, String model, boolean prefill) {
        return new PromptIntake(backend, model, true, false, true, prefill, Template.UNKNOWN, null);
    }

    /** A raw-text completions endpoint that cannot apply a chat template. */
    public static PromptIntake textOnly(String backend, String model) {
        return new PromptIntake(backend, model, false, true, true, false, Template.UNKNOWN, null);
    }

    /**
     * A backend that takes both, on a model with a chat template: applied by the server ({@code formatter} null,
     * {@code chat} on the wire) or here ({@code formatter} set, raw text on the wire).
     */
    public static PromptIntake templated(String backend, String model, @Nullable ChatFormatter formatter) {
        return new PromptIntake(backend, model, formatter == null, true, true, true, Template.PRESENT, formatter);
    }

    /** A backend that takes both, on a base model without a chat template. */
    public static PromptIntake baseModel(String backend, String model) {
        return new PromptIntake(backend, model, false, true, true, false, Template.ABSENT, null);
    }

    /** The same intake, taking a system message or not. */
    public PromptIntake withSystemRole(boolean takesSystem) {
        return new PromptIntake(backend, model, chat, text, takesSystem, prefill, template, formatter);
    }

    /**
     * The same intake with the template's thinking switch set, where the template is applied here: {@code on}
     * true or false, or null to leave the template's default. See {@link ChatFormatter#withThinking}.
     */
    public PromptIntake withThinking(@Nullable Boolean on) {
        if (on == null || formatter == null) {
            return this;
        }
        return new PromptIntake(backend, model, chat, text, systemRole, prefill, template,
                formatter.withThinking(on));
    }

    /** Whether chat messages can reach the model, natively or through its template. */
    public boolean takesChat() {
        return chat || formatter != null;
    }
}
