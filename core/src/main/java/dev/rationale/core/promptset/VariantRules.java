// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks one variant of a task: its id, counts, the exemplars it names and its template. Warns where the variant
 * will not do what it seems to: a chain-of-thought variant whose exemplars have no rationale, self-consistency
 * without sampling, more shots than exemplars, a named exemplar that is disabled, a chat layout on a chat variant.
 */
final class VariantRules {
    private static final int LISTED_AT_MOST = 5;

    private final Task task;
    private final GenerationSettings defaults;
    private final Findings findings;
    private final Map<String, Exemplar> exemplarsById = new HashMap<>();

    VariantRules(Task task, GenerationSettings defaults, Findings findings) {
        this.task = task;
        this.defaults = defaults;
        this.findings = findings;
        for (Exemplar exemplar : task.exemplars()) {
            if (exemplar != null && exemplar.id() != null) {
                exemplarsById.putIfAbsent(exemplar.id(), exemplar);
            }
        }
    }

    void check(Variant variant, String path, UniqueIds ids) {
        if (findings.requireText(variant.id(), FieldPath.field(path, "id"))) {
            ids.add(variant.id(), path, findings);
        }
        checkCounts(variant, path);
        checkTemplate(variant, path);
        SettingsRules.check(variant.settings(), FieldPath.field(path, "settings"), findings);
        List<Exemplar> pool = pool(variant, path);
        warnAboutShots(variant, path, pool);
        warnAboutRationales(variant, path, pool);
        warnAboutSampling(variant, path);
        warnAboutChatLayout(variant, path);
    }

    // A chat variant is sent as its own messages, so a layout for turning raw text into messages does nothing.
    private void warnAboutChatLayout(Variant variant, String path) {
        if (variant.chatLayout() != null && variant.effectiveShape() == PromptShape.CHAT) {
            findings.warning(FieldPath.field(path, "chatLayout"), "has no effect on a variant with shape \"chat\", "
                    + "which is sent as its own messages");
        }
    }

    private void checkCounts(Variant variant, String path) {
        Integer shots = variant.shots();
        if (shots != null && shots < 0) {
            findings.error(FieldPath.field(path, "shots"), "must be 0 or more, got " + shots);
        }
        Integer samples = variant.samples();
        if (samples != null && samples < 1) {
            findings.error(FieldPath.field(path, "samples"), "must be 1 or more, got " + samples);
        }
    }

    private void checkTemplate(Variant variant, String path) {
        String templatePath = FieldPath.field(path, "template");
        PromptTemplate template = variant.template();
        if (template == null) {
            if (variant.effectiveReasoning() == ReasoningStyle.CUSTOM) {
                findings.error(templatePath, "is required when reasoning is custom");
            }
            return;
        }
        if (template.input() != null && template.input().isBlank()) {
            findings.error(FieldPath.field(templatePath, "input"), "must not be blank");
        }
    }

    // The exemplars the variant may show: those it names (checking each name), else all enabled ones.
    private List<Exemplar> pool(Variant variant, String path) {
        if (variant.exemplars().isEmpty()) {
            return task.exemplars().stream().filter(e -> e != null && e.effectiveEnabled()).toList();
        }
        List<Exemplar> pool = new ArrayList<>();
        String listPath = FieldPath.field(path, "exemplars");
        for (int i = 0; i < variant.exemplars().size(); i++) {
            String id = variant.exemplars().get(i);
            String idPath = FieldPath.index(listPath, i);
            Exemplar exemplar = id == null ? null : exemplarsById.get(id);
            if (id == null) {
                findings.error(idPath, "expected an exemplar id, got null");
            } else if (exemplar == null) {
                findings.error(idPath, "no exemplar with id \"" + id + "\" in this task");
            } else if (!exemplar.effectiveEnabled()) {
                findings.warning(idPath, "exemplar \"" + id + "\" is disabled, so this variant never shows it");
            } else {
                pool.add(exemplar);
            }
        }
        return pool;
    }

    private void warnAboutShots(Variant variant, String path, List<Exemplar> pool) {
        Integer shots = variant.shots();
        if (shots != null && shots > pool.size()) {
            String available = switch (pool.size()) {
                case 0 -> "none are available";
                case 1 -> "only 1 is available";
                default -> "only " + pool.size() + " are available";
            };
            findings.warning(FieldPath.field(path, "shots"), "asks for " + shots + " exemplars but " + available
                    + " (enabled" + (variant.exemplars().isEmpty() ? "" : " and listed") + ")");
        }
    }

    private void warnAboutRationales(Variant variant, String path, List<Exemplar> pool) {
        ReasoningStyle reasoning = variant.effectiveReasoning();
        if (!reasoning.showsRationales()) {
            return;
        }
        // With the "first" selection only the first shots exemplars are ever shown; only they need rationales.
        List<Exemplar> shown = pool;
        Integer shots = variant.shots();
        if (variant.effectiveSelection() == ExemplarSelection.FIRST && shots != null && shots >= 0) {
            shown = pool.subList(0, Math.min(shots, pool.size()));
        }
        List<Exemplar> lacking = shown.stream().filter(e -> !e.hasRationale()).toList();
        if (!lacking.isEmpty()) {
            findings.warning(FieldPath.field(path, "reasoning"), JsonNames.of(reasoning) + " shows rationales, but "
                    + lacking.size() + " of the " + shown.size() + " exemplars it shows "
                    + (lacking.size() == 1 ? "has" : "have") + " none: "
                    + names(lacking));
        }
    }

    private void warnAboutSampling(Variant variant, String path) {
        int samples = variant.effectiveSamples();
        if (samples <= 1) {
            return;
        }
        Double temperature = defaults.overriddenBy(variant.settings()).temperature();
        String advice = "; set settings.temperature above 0 for self-consistency";
        if (temperature == null) {
            findings.warning(FieldPath.field(path, "samples"), samples + " samples, but no temperature is set, so"
                    + " they may all be the same" + advice);
        } else if (temperature == 0) {
            findings.warning(FieldPath.field(path, "samples"), samples + " samples at temperature 0 all give the"
                    + " same answer" + advice);
        }
    }

    private String names(List<Exemplar> exemplars) {
        String listed = exemplars.stream().limit(LISTED_AT_MOST).map(this::nameOf).collect(Collectors.joining(", "));
        int more = exemplars.size() - LISTED_AT_MOST;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }

    private String nameOf(Exemplar exemplar) {
        return exemplar.id() != null ? exemplar.id() : FieldPath.index("exemplars", task.exemplars().indexOf(exemplar));
    }
}
