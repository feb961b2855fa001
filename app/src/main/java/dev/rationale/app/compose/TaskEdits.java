// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Copies of a task with one part changed, for the edits the Compose screen writes through. */
final class TaskEdits {

    private TaskEdits() {
    }

    /** The task with {@code change} applied to its template (all defaults when it has none). */
    static Task withTemplate(Task t, UnaryOperator<PromptTemplate> change) {
        return new Task(t.id(), t.title(), t.description(), change.apply(t.effectiveTemplate()), t.answer(),
                t.exemplars(), t.cases(), t.variants());
    }

    /**
     * The task with {@code change} applied to its variant {@code variantId}; when there is no such variant,
     * {@code change} applied to {@code fallback} is added, so a task without variants gets its first.
     */
    static Task withVariant(Task t, @Nullable String variantId, Variant fallback, UnaryOperator<Variant> change) {
        if (variantId == null || t.variant(variantId).isEmpty()) {
            List<Variant> variants = new ArrayList<>(t.variants());
            variants.add(change.apply(fallback));
            return t.withVariants(variants);
        }
        return t.withVariants(t.variants().stream().map(v -> variantId.equals(v.id()) ? change.apply(v) : v).toList());
    }

    /** The task with its case at {@code index} replaced. */
    static Task withCase(Task t, int index, TestCase testCase) {
        List<TestCase> cases = new ArrayList<>(t.cases());
        cases.set(index, testCase);
        return t.withCases(cases);
    }
}
