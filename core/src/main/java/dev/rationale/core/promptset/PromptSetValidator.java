// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.List;

/**
 * Checks what a prompt set means, beyond what the file's shape already guarantees: required fields, unique ids,
 * numbers in range, references between variants and exemplars, templates that parse, and an input value for
 * every variable the templates use. Errors make a set unusable; warnings flag likely mistakes, such as a
 * chain-of-thought variant whose exemplars have no rationale. {@link PromptSetFiles} runs it on every load.
 *
 * <p>Stateless and thread-safe.
 */
public final class PromptSetValidator {

    /** Validates a set that has no file behind it: problems carry no file name and no location. */
    public ValidationReport validate(PromptSet set) {
        return validate(set, SourceMap.NONE, "");
    }

    /**
     * Validates a set read from a file.
     *
     * @param map where each field of the file starts, for the problems' line and column
     * @param fileName the file as problems name it
     */
    public ValidationReport validate(PromptSet set, SourceMap map, String fileName) {
        Findings findings = new Findings(fileName, map);
        FormatHeader.check(set, findings);
        findings.requireText(set.name(), "name");
        SettingsRules.check(set.defaults(), "defaults", findings);
        checkTargets(set.targets(), findings);
        checkTasks(set, findings);
        return findings.report();
    }

    private static void checkTargets(List<ModelTarget> targets, Findings findings) {
        UniqueIds ids = new UniqueIds("target");
        for (int i = 0; i < targets.size(); i++) {
            String path = FieldPath.index("targets", i);
            ModelTarget target = targets.get(i);
            if (!findings.requireElement(target, path)) {
                continue;
            }
            if (findings.requireText(target.id(), FieldPath.field(path, "id"))) {
                ids.add(target.id(), path, findings);
            }
            findings.requireText(target.endpoint(), FieldPath.field(path, "endpoint"));
            findings.requireText(target.model(), FieldPath.field(path, "model"));
            SettingsRules.check(target.settings(), FieldPath.field(path, "settings"), findings);
        }
    }

    private static void checkTasks(PromptSet set, Findings findings) {
        if (set.tasks().isEmpty()) {
            findings.error("tasks", "at least one task is required");
            return;
        }
        UniqueIds ids = new UniqueIds("task");
        for (int i = 0; i < set.tasks().size(); i++) {
            String path = FieldPath.index("tasks", i);
            Task task = set.tasks().get(i);
            if (findings.requireElement(task, path)) {
                new TaskRules(task, path, set.effectiveDefaults(), findings).check(ids);
            }
        }
    }
}
