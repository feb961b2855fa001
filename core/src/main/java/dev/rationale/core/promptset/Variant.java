// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prompting strategy for a task: how many exemplars and which, the reasoning style, chat or raw text, the
 * system text, template overrides, and how many samples to draw per case (more than one is self-consistency).
 * {@code chatLayout} says how a raw-text variant becomes chat messages where the backend or the model wants chat.
 */
@JsonPropertyOrder({"id", "label", "shots", "exemplars", "selection", "seed", "reasoning", "trigger", "shape",
        "chatLayout", "system", "template", "samples", "settings"})
public record Variant(
        @Nullable String id,
        @Nullable String label,
        @Nullable Integer shots,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> exemplars,
        @Nullable ExemplarSelection selection,
        @Nullable Long seed,
        @Nullable ReasoningStyle reasoning,
        @Nullable String trigger,
        @Nullable PromptShape shape,
        @Nullable String system,
        @Nullable PromptTemplate template,
        @Nullable Integer samples,
        @Nullable GenerationSettings settings,
        @Nullable ChatLayout chatLayout) {

    public static final String DEFAULT_TRIGGER = "Let's think step by step.";

    public Variant {
        exemplars = Lists.copyOf(exemplars);
    }

    /** A variant with the default chat layout. */
    public Variant(@Nullable String id, @Nullable String label, @Nullable Integer shots, List<String> exemplars,
            @Nullable ExemplarSelection selection, @Nullable Long seed, @Nullable ReasoningStyle reasoning,
            @Nullable String trigger, @Nullable PromptShape shape, @Nullable String system,
            @Nullable PromptTemplate template, @Nullable Integer samples, @Nullable GenerationSettings settings) {
        this(id, label, shots, exemplars, selection, seed, reasoning, trigger, shape, system, template, samples,
                settings, null);
    }

    /** A variant with the given id and everything else at its default. */
    public static Variant named(String id) {
        return new Variant(id, null, null, List.of(), null, null, null, null, null, null, null, null, null);
    }

    public String effectiveLabel() {
        return label != null ? label : String.valueOf(id);
    }

    public ExemplarSelection effectiveSelection() {
        return selection == null ? ExemplarSelection.FIRST : selection;
    }

    public long effectiveSeed() {
        return seed == null ? 0L : seed;
    }

    public ReasoningStyle effectiveReasoning() {
        return reasoning == null ? ReasoningStyle.NONE : reasoning;
    }

    public PromptShape effectiveShape() {
        return shape == null ? PromptShape.CHAT : shape;
    }

    public ChatLayout effectiveChatLayout() {
        return chatLayout == null ? ChatLayout.MULTI_TURN : chatLayout;
    }

    /** Completions per case; more than one is self-consistency. */
    public int effectiveSamples() {
        return samples == null ? 1 : samples;
    }

    public String effectiveTrigger() {
        return trigger == null ? DEFAULT_TRIGGER : trigger;
    }

    /** The trigger that follows the question, or empty when this variant's style uses none. */
    public String appendedTrigger() {
        return switch (effectiveReasoning()) {
            case ZERO_SHOT_TRIGGER -> effectiveTrigger();
            case CUSTOM -> trigger == null ? "" : trigger;
            case NONE, FEW_SHOT_RATIONALE -> "";
        };
    }

    public Variant withShots(@Nullable Integer k) {
        return new Variant(id, label, k, exemplars, selection, seed, reasoning, trigger, shape, system, template,
                samples, settings, chatLayout);
    }

    public Variant withReasoning(@Nullable ReasoningStyle style) {
        return new Variant(id, label, shots, exemplars, selection, seed, style, trigger, shape, system, template,
                samples, settings, chatLayout);
    }

    public Variant withShape(@Nullable PromptShape newShape) {
        return new Variant(id, label, shots, exemplars, selection, seed, reasoning, trigger, newShape, system,
                template, samples, settings, chatLayout);
    }

    public Variant withSettings(@Nullable GenerationSettings newSettings) {
        return new Variant(id, label, shots, exemplars, selection, seed, reasoning, trigger, shape, system,
                template, samples, newSettings, chatLayout);
    }

    public Variant withChatLayout(@Nullable ChatLayout layout) {
        return new Variant(id, label, shots, exemplars, selection, seed, reasoning, trigger, shape, system,
                template, samples, settings, layout);
    }
}
