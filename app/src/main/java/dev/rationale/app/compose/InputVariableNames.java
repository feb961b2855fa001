// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.template.TemplateException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The input variables of a task, which get one column in the exemplar table and one field for the test case: the
 * names {@link TaskInputs} gives, the rule the prompt-set validator applies, or a stand-in while the templates are
 * being typed.
 */
final class InputVariableNames {

    private InputVariableNames() {
    }

    /** The names, or empty while one of the templates does not parse (typically halfway through typing a tag). */
    static Optional<List<String>> of(Task task) {
        try {
            return Optional.of(TaskInputs.of(task));
        } catch (TemplateException e) {
            return Optional.empty();
        }
    }

    /** The names the task's exemplars and cases give values for: a stand-in when the templates do not parse. */
    static List<String> fromValues(Task task) {
        Set<String> names = new LinkedHashSet<>();
        task.exemplars().stream().map(Exemplar::inputs).forEach(inputs -> names.addAll(inputs.keySet()));
        task.cases().stream().map(TestCase::inputs).forEach(inputs -> names.addAll(inputs.keySet()));
        return List.copyOf(names);
    }
}
