// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ExemplarPicker;
import dev.rationale.core.render.RenderException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.jspecify.annotations.Nullable;

/**
 * The selected variant's prompting strategy as controls: shots, samples, reasoning style, shape, system text and
 * trigger. Setting a property edits the variant in the document.
 */
public final class VariantControls {
    /** More samples than this per case is no longer a prompt being designed but an evaluation. */
    public static final int MAX_SAMPLES = 100;

    private final IntegerProperty shots = new SimpleIntegerProperty(this, "shots");
    private final ReadOnlyIntegerWrapper maxShots = new ReadOnlyIntegerWrapper(this, "maxShots");
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 1);
    private final ObjectProperty<ReasoningStyle> reasoning =
            new SimpleObjectProperty<>(this, "reasoning", ReasoningStyle.NONE);
    private final ObjectProperty<PromptShape> shape = new SimpleObjectProperty<>(this, "shape", PromptShape.CHAT);
    private final ObjectProperty<ThinkingChoice> thinking =
            new SimpleObjectProperty<>(this, "thinking", ThinkingChoice.VARIANTS);
    private final StringProperty system = new SimpleStringProperty(this, "system", "");
    private final StringProperty trigger = new SimpleStringProperty(this, "trigger", "");
    private final ReadOnlyBooleanWrapper triggerUsed = new ReadOnlyBooleanWrapper(this, "triggerUsed");
    private final Consumer<UnaryOperator<Variant>> edit;
    private boolean loading;

    /** @param edit applies a change to the selected variant */
    VariantControls(Consumer<UnaryOperator<Variant>> edit) {
        this.edit = edit;
        writeThrough(shots, n -> v -> v.withShots(n.intValue()));
        writeThrough(samples, n -> v -> VariantCopies.withSamples(v, n.intValue()));
        writeThrough(reasoning, style -> v -> v.withReasoning(style));
        writeThrough(shape, s -> v -> v.withShape(s));
        writeThrough(thinking, choice -> v -> VariantCopies.withThinking(v, choice.level()));
        writeThrough(system, text -> v -> VariantCopies.withSystem(v, OptionalText.edited(v.system(), text)));
        writeThrough(trigger, text -> v -> VariantCopies.withTrigger(v, OptionalText.edited(v.trigger(), text)));
        reasoning.addListener((obs, old, now) -> triggerUsed.set(usesTrigger(now)));
    }

    private <T> void writeThrough(ObservableValue<T> property, Function<T, UnaryOperator<Variant>> change) {
        property.addListener((obs, old, now) -> {
            // A combo box briefly holds null while its items are replaced; that is no choice of the user's.
            if (!loading && now != null) {
                edit.accept(change.apply(now));
            }
        });
    }

    /** Shows {@code variant}; {@code available} is how many exemplars it can draw from, the most shots it shows. */
    void show(Variant variant, int available) {
        loading = true;
        try {
            maxShots.set(available);
            Integer asked = variant.shots();
            shots.set(asked == null ? available : Math.min(asked, available));
            samples.set(variant.effectiveSamples());
            reasoning.set(variant.effectiveReasoning());
            shape.set(variant.effectiveShape());
            thinking.set(ThinkingChoice.of(variant.settings() == null ? null : variant.settings().thinking()));
            system.set(OptionalText.shown(variant.system()));
            trigger.set(OptionalText.shown(variant.trigger()));
            triggerUsed.set(usesTrigger(variant.effectiveReasoning()));
        } finally {
            loading = false;
        }
    }

    private static boolean usesTrigger(@Nullable ReasoningStyle style) {
        return style == ReasoningStyle.ZERO_SHOT_TRIGGER || style == ReasoningStyle.CUSTOM;
    }

    /** How many exemplars the prompt shows, from 0 to {@link #maxShotsProperty()}. */
    public IntegerProperty shotsProperty() {
        return shots;
    }

    public int getShots() {
        return shots.get();
    }

    public void setShots(int k) {
        shots.set(k);
    }

    /** The enabled exemplars the variant can draw from. */
    public ReadOnlyIntegerProperty maxShotsProperty() {
        return maxShots.getReadOnlyProperty();
    }

    public int getMaxShots() {
        return maxShots.get();
    }

    /** Completions per case, 1 to {@link #MAX_SAMPLES}; more than one is self-consistency. */
    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<ReasoningStyle> reasoningProperty() {
        return reasoning;
    }

    public void setReasoning(ReasoningStyle style) {
        reasoning.set(style);
    }

    public ObjectProperty<PromptShape> shapeProperty() {
        return shape;
    }

    public void setShape(PromptShape newShape) {
        shape.set(newShape);
    }

    /** The variant's thinking level, saved with the set; {@link ThinkingChoice#VARIANTS} leaves it to the model. */
    public ObjectProperty<ThinkingChoice> thinkingProperty() {
        return thinking;
    }

    /** Text put before the instruction (in chat prompts, the system message). */
    public StringProperty systemProperty() {
        return system;
    }

    /** The sentence after the question in zero-shot chain of thought; empty means the default trigger. */
    public StringProperty triggerProperty() {
        return trigger;
    }

    /** Whether the reasoning style puts a trigger after the question, so the trigger field matters. */
    public ReadOnlyBooleanProperty triggerUsedProperty() {
        return triggerUsed.getReadOnlyProperty();
    }

    /** How many exemplars {@code variant} can use in {@code task}: the maximum of its shots control. */
    static int availableExemplars(Task task, Variant variant) {
        try {
            return ExemplarPicker.pick(task, variant.withShots(null)).size();
        } catch (RenderException e) {
            // The variant names an exemplar that is gone; the preview says so. Offer what is enabled.
            return (int) task.exemplars().stream().filter(Exemplar::effectiveEnabled).count();
        }
    }
}
