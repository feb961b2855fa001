// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.template.TemplateException;
import dev.rationale.core.template.TemplateVariables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input variables of a task, which get one column in the exemplar table and one field for the test case: the
 * names its instruction and input templates use (the task's and every variant's), without the reserved
 * {@code answer} and {@code rationale}, in order of first use. This is the rule the prompt-set validator applies.
 */
final class InputVariableNames {
    private static final Set<String> RESERVED = Set.of("answer", "rationale");

    private InputVariableNames() {
    }

    /** The names, or empty while one of the templates does not parse (typically halfway through typing a tag). */
    static Optional<List<String>> of(Task task) {
        Set<String> names = new LinkedHashSet<>();
        try {
            addNames(names, task.template());
            for (Variant variant : task.variants()) {
                addNames(names, variant.template());
            }
        } catch (TemplateException e) {
            return Optional.empty();
        }
        names.removeAll(RESERVED);
        return Optional.of(List.copyOf(names));
    }

    /** The names the task's exemplars and cases give values for: a stand-in when the templates do not parse. */
    static List<String> fromValues(Task task) {
        Set<String> names = new LinkedHashSet<>();
        task.exemplars().stream().map(Exemplar::inputs).forEach(inputs -> names.addAll(inputs.keySet()));
        task.cases().stream().map(TestCase::inputs).forEach(inputs -> names.addAll(inputs.keySet()));
        return List.copyOf(names);
    }

    private static void addNames(Set<String> names, @Nullable PromptTemplate template) {
        if (template == null) {
            return;
        }
        if (template.instruction() != null) {
            names.addAll(TemplateVariables.of(template.instruction()));
        }
        if (template.input() != null) {
            names.addAll(TemplateVariables.of(template.input()));
        }
    }
}
