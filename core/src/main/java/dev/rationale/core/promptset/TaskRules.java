// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.regex.Pattern;

/** Checks one task: its id and template, its answer format, exemplars, cases and variants. */
final class TaskRules {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final Task task;
    private final String path;
    private final GenerationSettings defaults;
    private final Findings findings;

    TaskRules(Task task, String path, GenerationSettings defaults, Findings findings) {
        this.task = task;
        this.path = path;
        this.defaults = defaults;
        this.findings = findings;
    }

    void check(UniqueIds taskIds) {
        checkId(taskIds);
        checkTemplate();
        AnswerFormatRules.check(task.answer(), FieldPath.field(path, "answer"), findings);
        InputVariables variables = InputVariables.of(task, path, findings);
        ExampleRules examples = new ExampleRules(variables, findings);
        examples.checkExemplars(task.exemplars(), FieldPath.field(path, "exemplars"));
        examples.checkCases(task.cases(), FieldPath.field(path, "cases"), task.effectiveAnswer());
        checkVariants();
    }

    private void checkId(UniqueIds taskIds) {
        String idPath = FieldPath.field(path, "id");
        if (!findings.requireText(task.id(), idPath)) {
            return;
        }
        // Task ids name result folders and appear in command lines, so they stay to safe characters.
        if (!ID.matcher(task.id()).matches()) {
            findings.error(idPath, "may contain only letters, digits, \"-\", \"_\" and \".\", got \""
                    + task.id() + "\"");
        }
        taskIds.add(task.id(), path, findings);
    }

    private void checkTemplate() {
        String templatePath = FieldPath.field(path, "template");
        if (task.template() == null) {
            findings.error(templatePath, Findings.REQUIRED);
        } else {
            findings.requireText(task.template().input(), FieldPath.field(templatePath, "input"));
        }
    }

    private void checkVariants() {
        String variantsPath = FieldPath.field(path, "variants");
        if (task.variants().isEmpty()) {
            findings.error(variantsPath, "at least one variant is required");
            return;
        }
        VariantRules rules = new VariantRules(task, defaults, findings);
        UniqueIds ids = new UniqueIds("variant");
        for (int i = 0; i < task.variants().size(); i++) {
            String variantPath = FieldPath.index(variantsPath, i);
            Variant variant = task.variants().get(i);
            if (findings.requireElement(variant, variantPath)) {
                rules.check(variant, variantPath, ids);
            }
        }
    }
}
