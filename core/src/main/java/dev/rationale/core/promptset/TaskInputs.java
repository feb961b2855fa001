// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.template.TemplateVariables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rule for a task's input variables, the values its exemplars and cases must give: the names its
 * {@code instruction} and {@code input} templates use (and those of its variants' overriding ones), in order of
 * first use, without the reserved {@code answer} and {@code rationale}. The one place this rule is written; the
 * validator, dataset import, exports and the compose view all ask here.
 */
public final class TaskInputs {
    private static final Set<String> RESERVED = Set.of("answer", "rationale");
    private static final Set<String> INPUT_FIELDS = Set.of("instruction", "input");

    private TaskInputs() {
    }

    /**
     * The task's input variables.
     *
     * @throws dev.rationale.core.template.TemplateException when a template does not parse, which a task from a
     *     validated prompt set never has
     */
    public static List<String> of(Task task) {
        Set<String> names = new LinkedHashSet<>();
        add(task.template(), names);
        for (Variant variant : task.variants()) {
            if (variant != null) {
                add(variant.template(), names);
            }
        }
        return List.copyOf(names);
    }

    /** Whether the template field {@code field} (as {@link PromptTemplate#presentFields()} names it) holds inputs. */
    static boolean readsInputs(String field) {
        return INPUT_FIELDS.contains(field);
    }

    /** Whether {@code name} is reserved for the exemplar's own parts ({@code answer}, {@code rationale}). */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    private static void add(@Nullable PromptTemplate template, Set<String> names) {
        if (template == null) {
            return;
        }
        template.presentFields().forEach((field, text) -> {
            if (readsInputs(field)) {
                TemplateVariables.of(text).stream().filter(name -> !isReserved(name)).forEach(names::add);
            }
        });
    }
}
