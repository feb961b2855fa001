// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.template.TemplateException;
import dev.rationale.core.template.TemplateVariables;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The variables a task's exemplars and cases must give values for, by the rule of {@link TaskInputs}, each with
 * the template field that first uses it, for the validator's messages. Also knows every name any template of the
 * task uses, to spot input values nothing reads. Parsing the templates reports those that do not parse.
 */
final class InputVariables {

    // Each variable with the path of the template field that first uses it, for messages.
    private final Map<String, String> required = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    private InputVariables() {
    }

    static InputVariables of(Task task, String taskPath, Findings findings) {
        InputVariables variables = new InputVariables();
        variables.scan(task.template(), FieldPath.field(taskPath, "template"), findings);
        List<Variant> variants = task.variants();
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            if (variant != null) {
                String variantPath = FieldPath.index(FieldPath.field(taskPath, "variants"), i);
                variables.scan(variant.template(), FieldPath.field(variantPath, "template"), findings);
            }
        }
        return variables;
    }

    /** Variable name to the template field that first uses it, in order of first use. */
    Map<String, String> required() {
        return Collections.unmodifiableMap(required);
    }

    boolean isUsed(String name) {
        return used.contains(name);
    }

    private void scan(@Nullable PromptTemplate template, String templatePath, Findings findings) {
        if (template == null) {
            return;
        }
        template.presentFields().forEach((field, text) -> {
            String fieldPath = FieldPath.field(templatePath, field);
            List<String> names = namesIn(text, fieldPath, findings);
            used.addAll(names);
            if (TaskInputs.readsInputs(field)) {
                names.stream().filter(name -> !TaskInputs.isReserved(name))
                        .forEach(name -> required.putIfAbsent(name, fieldPath));
            }
        });
    }

    private static List<String> namesIn(String text, String fieldPath, Findings findings) {
        try {
            return TemplateVariables.of(text);
        } catch (TemplateException e) {
            findings.error(fieldPath, "not a valid template: " + e.getMessage());
            return List.of();
        }
    }
}
