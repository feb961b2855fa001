// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-click k-shot sweep: variants that try each shot count with answers only and with chain of thought, so
 * that one evaluation shows how accuracy grows with exemplars and with reasoning. Pure; the variants are made on
 * each call.
 */
public final class ShotSweep {

    /** The shot counts a sweep tries, capped at the task's exemplars. */
    public static final List<Integer> SHOTS = List.of(0, 1, 2, 4, 8);

    private ShotSweep() {
    }

    /**
     * The variants of a sweep over {@code task}: for each shot count up to its exemplars, answers only and chain of
     * thought (a trigger at zero shots, exemplar rationales above), in {@code base}'s prompt shape, system text,
     * template and settings. Named {@code sweep-K} and {@code sweep-K-cot}, one sample each.
     */
    public static List<Variant> variants(Task task, Variant base) {
        int exemplars = task.exemplars().size();
        List<Variant> variants = new ArrayList<>();
        for (int k : SHOTS) {
            if (k > exemplars) {
                break;
            }
            variants.add(variant(base, k, false));
            variants.add(variant(base, k, true));
        }
        return variants;
    }

    private static Variant variant(Variant base, int k, boolean chain) {
        ReasoningStyle style = !chain ? ReasoningStyle.NONE
                : k == 0 ? ReasoningStyle.ZERO_SHOT_TRIGGER : ReasoningStyle.FEW_SHOT_RATIONALE;
        String id = "sweep-" + k + (chain ? "-cot" : "");
        String label = k + "-shot" + (chain ? " chain of thought" : " answer only");
        return new Variant(id, label, k, List.of(), null, null, style, null, base.shape(), base.system(),
                base.template(), 1, base.settings());
    }
}
