// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.promptset.CaseList;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.NameIndex;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an evaluation runs: the variants of one task, times the model targets, times the test cases, each case
 * {@code samples} times. The cases come from the task or from an imported dataset; they need not be the task's own.
 *
 * <p>A case is named by its id, or by {@code #N} (its position, from 1) when it has none, so a case's name, and
 * with it resuming, depends on the order of the list for cases without ids.
 *
 * <p>Multiple-choice cases also get a likelihood pass: each variant's prompt is scored with every option of the
 * case as its continuation ({@link ChoiceQuestion}, {@link EvaluationRunner}).
 *
 * @param set the prompt set, for its default generation settings
 * @param samples completions per case for every variant; null leaves each variant's own {@code samples}
 * @param questions the options of each case, in the order of {@code cases} ({@link ChoiceQuestion#NONE} where a
 *     case has none); empty for no likelihood pass at all
 * @throws IllegalArgumentException when a list is empty, two variants, targets or cases share a name, or
 *     {@code questions} is neither empty nor one per case
 */
public record EvalPlan(PromptSet set, Task task, List<Variant> variants, List<EvalTarget> targets,
        List<TestCase> cases, @Nullable Integer samples, List<ChoiceQuestion> questions) {

    public EvalPlan {
        variants = List.copyOf(variants);
        targets = List.copyOf(targets);
        // Kept as bytes: a plan holds its cases for the whole run, and a run can have half a million of them.
        cases = CaseList.copyOf(cases);
        questions = List.copyOf(questions);
        if (variants.isEmpty() || targets.isEmpty() || cases.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one variant, target and case");
        }
        if (!questions.isEmpty() && questions.size() != cases.size()) {
            throw new IllegalArgumentException("an evaluation needs options for each of its " + cases.size()
                    + " cases or for none, got " + questions.size());
        }
        if (samples != null && samples < 1) {
            throw new IllegalArgumentException("samples must be 1 or more, got " + samples);
        }
        requireUnique("variant", variants.stream().map(v -> String.valueOf(v.id())).toList());
        requireUnique("target", targets.stream().map(EvalTarget::id).toList());
        caseIndex(cases);
    }

    /** A plan without a likelihood pass. */
    public EvalPlan(PromptSet set, Task task, List<Variant> variants, List<EvalTarget> targets, List<TestCase> cases,
            @Nullable Integer samples) {
        this(set, task, variants, targets, cases, samples, List.of());
    }

    /**
     * A plan over dataset cases (or a task's own, see {@link DatasetCase#of}), with a likelihood pass over those
     * that have options when {@code likelihood} is set.
     */
    public static EvalPlan of(PromptSet set, Task task, List<Variant> variants, List<EvalTarget> targets,
            List<DatasetCase> cases, @Nullable Integer samples, boolean likelihood) {
        List<ChoiceQuestion> questions = likelihood ? ChoiceQuestion.of(task, cases) : List.of();
        return new EvalPlan(set, task, variants, targets, DatasetCase.testCases(cases), samples,
                questions.stream().allMatch(ChoiceQuestion::isEmpty) ? List.of() : questions);
    }

    /** Whether some case has options to score by likelihood. */
    public boolean isMultipleChoice() {
        return !questions.isEmpty();
    }

    /** The options of the case at {@code index}; {@link ChoiceQuestion#NONE} when it has none. */
    public ChoiceQuestion question(int index) {
        return questions.isEmpty() ? ChoiceQuestion.NONE : questions.get(index);
    }

    public String taskId() {
        return String.valueOf(task.id());
    }

    /** The name of the case at {@code index}: its id, else {@code #} and its position from 1. */
    public String caseId(int index) {
        return caseId(cases, index);
    }

    /** Completions per case for {@code variant}. */
    public int samplesOf(Variant variant) {
        return samples != null ? samples : Math.max(1, variant.effectiveSamples());
    }

    /** The set's defaults, overridden by the target's settings, then by the variant's (its strategy wins). */
    public GenerationSettings settings(Variant variant, EvalTarget target) {
        return set.effectiveDefaults().overriddenBy(target.settings()).overriddenBy(variant.settings());
    }

    /** Every completion of the plan, case by case. */
    public List<CompletionKey> keys() {
        List<CompletionKey> keys = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            for (EvalTarget target : targets) {
                for (Variant variant : variants) {
                    for (int s = 0; s < samplesOf(variant); s++) {
                        keys.add(new CompletionKey(taskId(), String.valueOf(variant.id()), target.id(), caseId(c), s));
                    }
                }
            }
        }
        return keys;
    }

    public int totalCompletions() {
        int perCase = variants.stream().mapToInt(this::samplesOf).sum();
        return perCase * targets.size() * cases.size();
    }

    /**
     * The cases' positions by name ({@link #caseId(List, int)}).
     *
     * @throws IllegalArgumentException when two cases have the same name
     */
    static NameIndex caseIndex(List<TestCase> cases) {
        NameIndex index = new NameIndex(i -> caseId(cases, i), cases.size());
        for (int i = 0; i < cases.size(); i++) {
            String name = caseId(cases, i);
            if (index.add(i, name) >= 0) {
                throw new IllegalArgumentException("two of the evaluation's cases are named \"" + name + "\"");
            }
        }
        return index;
    }

    /** The name of {@code cases}' case at {@code index}, as {@link #caseId(int)} gives it. */
    public static String caseId(List<TestCase> cases, int index) {
        String id = cases.get(index).id();
        return id != null && !id.isBlank() ? id : "#" + (index + 1);
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("two of the evaluation's " + what + "s are named \"" + name + "\"");
            }
        }
    }
}
