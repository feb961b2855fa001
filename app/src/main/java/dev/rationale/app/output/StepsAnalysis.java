// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.ScoredToken;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The reasoning steps of the answer shown ({@link ShownSteps}), found off the FX thread once the answer is whole:
 * splitting a long answer into steps and scoring each against thousands of tokens took longer than a frame, in the
 * frame the run ended. Only the latest request's result is kept. Call it on the FX thread.
 */
final class StepsAnalysis {

    private final Executor fx;
    private final Executor background;
    private final ReadOnlyObjectWrapper<@Nullable ShownSteps> steps = new ReadOnlyObjectWrapper<>(this, "steps");
    private int generation;

    StepsAnalysis(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
    }

    /** Finds the steps of a whole answer; they replace the last ones when found, unless cleared or asked again. */
    void analyse(AnswerFormat format, String thinking, String text, List<ScoredToken> tokens) {
        int mine = ++generation;
        List<ScoredToken> whole = List.copyOf(tokens);
        background.execute(() -> {
            ShownSteps found = ShownSteps.of(format, thinking, text, whole);
            fx.execute(() -> {
                if (mine == generation) {
                    steps.set(found);
                }
            });
        });
    }

    /** Forgets the steps shown, and drops those still being found. */
    void clear() {
        ++generation;
        steps.set(null);
    }

    /** The steps of the answer shown; null while it streams, and until they are found. */
    ReadOnlyObjectProperty<@Nullable ShownSteps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }
}
