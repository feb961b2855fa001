// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.template.TemplateVariables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The input variables a task's cases must give, as the format defines them: the names its {@code instruction}
 * and {@code input} templates use (and those of its variants' overriding ones), in order of first use, without
 * the reserved {@code answer} and {@code rationale}.
 */
public final class TaskInputs {
    private static final Set<String> RESERVED = Set.of("answer", "rationale");

    private TaskInputs() {
    }

    /**
     * @throws dev.rationale.core.template.TemplateException when a template does not parse, which a task from a
     *     validated prompt set never has
     */
    public static List<String> of(Task task) {
        Set<String> names = new LinkedHashSet<>();
        add(task.template(), names);
        for (Variant variant : task.variants()) {
            add(variant.template(), names);
        }
        names.removeAll(RESERVED);
        return List.copyOf(names);
    }

    private static void add(@Nullable PromptTemplate template, Set<String> names) {
        if (template == null) {
            return;
        }
        for (String text : new String[] {template.instruction(), template.input()}) {
            if (text != null) {
                names.addAll(TemplateVariables.of(text));
            }
        }
    }
}
