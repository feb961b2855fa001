// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.NameIndex;
import dev.rationale.core.promptset.Variant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The completions of a plan numbered from 0 in the plan's order ({@link EvalPlan#keys}: cases, then targets, then
 * variants, then samples), and its cells (targets outer, variants inner, as {@link EvalReport#cells}) and cases of
 * one cell likewise. A long run keeps a bit or a byte per completion under these numbers instead of a map of keys;
 * case ids are found in a {@link NameIndex} (8 to 16 bytes a case) rather than a map. Immutable.
 */
final class PlanSlots {
    // The runner, the report and the progress of one run each need the numbers of the same plan: made once.
    private static volatile @Nullable PlanSlots last;

    private final EvalPlan plan;
    private final String task;
    private final List<String> variantIds;
    private final List<String> targetIds;
    private final NameIndex cases;
    private final int[] samples;
    private final int[] offsets;
    private final int perCase;

    private PlanSlots(EvalPlan plan) {
        this.plan = plan;
        this.task = plan.taskId();
        this.variantIds = plan.variants().stream().map(v -> String.valueOf(v.id())).toList();
        this.targetIds = plan.targets().stream().map(EvalTarget::id).toList();
        this.cases = EvalPlan.caseIndex(plan.cases());
        int cells = variantIds.size() * targetIds.size();
        samples = new int[cells];
        offsets = new int[cells];
        int offset = 0;
        for (int cell = 0; cell < cells; cell++) {
            Variant variant = plan.variants().get(cell % variantIds.size());
            samples[cell] = plan.samplesOf(variant);
            offsets[cell] = offset;
            offset += samples[cell];
        }
        perCase = offset;
    }

    /** The numbers of {@code plan}, made once for the plan most recently asked about. */
    static PlanSlots of(EvalPlan plan) {
        PlanSlots slots = last;
        if (slots == null || slots.plan != plan) {
            slots = new PlanSlots(plan);
            last = slots;
        }
        return slots;
    }

    int cells() {
        return samples.length;
    }

    int caseCount() {
        return plan.cases().size();
    }

    long completions() {
        return (long) perCase * caseCount();
    }

    String variant(int cell) {
        return variantIds.get(cell % variantIds.size());
    }

    String target(int cell) {
        return targetIds.get(cell / variantIds.size());
    }

    int cell(int target, int variant) {
        return target * variantIds.size() + variant;
    }

    /** The cell of a variant on a target; -1 when either is not in the plan. */
    int cell(String variant, String target) {
        int v = variantIds.indexOf(variant);
        int t = targetIds.indexOf(target);
        return v < 0 || t < 0 ? -1 : cell(t, v);
    }

    int samples(int cell) {
        return samples[cell];
    }

    /** The case's index in the plan; -1 when it is not one of the plan's. */
    int caseIndex(String caseId) {
        return cases.positionOf(caseId);
    }

    int slot(int caseIndex, int cell, int sample) {
        return caseIndex * perCase + offsets[cell] + sample;
    }

    /** The completion's number; -1 when it is not one of the plan's (another task, variant, target or case). */
    int slot(CompletionKey key) {
        if (!key.task().equals(task)) {
            return -1;
        }
        int cell = cell(key.variant(), key.target());
        int caseIndex = caseIndex(key.testCase());
        if (cell < 0 || caseIndex < 0 || key.sample() < 0 || key.sample() >= samples[cell]) {
            return -1;
        }
        return slot(caseIndex, cell, key.sample());
    }

    /** One case of one cell, numbered case by case: {@code caseIndex * cells + cell}. */
    int caseCell(int caseIndex, int cell) {
        return caseIndex * cells() + cell;
    }
}
