// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stored verdicts of one run's samples, per variant, target and case, for comparing the run's variants with one
 * of them (the HTML report, {@code history show --json}). A case is decided by {@link SampleVerdicts}, as
 * {@code history compare} decides it. Not thread-safe: fill it, then read it.
 */
public final class RunVerdicts {
    // variant -> target -> case -> its samples' verdicts, each in the order first seen
    private final Map<String, Map<String, Map<String, List<Verdict>>>> verdicts = new LinkedHashMap<>();

    /** One sample's verdict. */
    public RunVerdicts add(String variant, String target, String caseId, Verdict verdict) {
        verdicts.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                .computeIfAbsent(target, t -> new LinkedHashMap<>())
                .computeIfAbsent(caseId, k -> new ArrayList<>()).add(verdict);
        return this;
    }

    /** A variant against the baseline on one target. */
    public record Row(String variant, String target, PairedComparison paired) {
    }

    /**
     * Every other variant against {@code baseline} on each target the baseline ran on, targets in the order first
     * seen, variants in {@code order}'s order (then any others).
     */
    public List<Row> against(String baseline, List<String> order) {
        List<String> variants = new ArrayList<>(order);
        verdicts.keySet().stream().filter(v -> !variants.contains(v)).forEach(variants::add);
        Map<String, Map<String, List<Verdict>>> base = verdicts.getOrDefault(baseline, Map.of());
        List<Row> rows = new ArrayList<>();
        for (String target : base.keySet()) {
            for (String variant : variants) {
                if (!variant.equals(baseline) && verdicts.containsKey(variant)) {
                    rows.add(new Row(variant, target, PairedComparison.of(cases(baseline, target),
                            cases(variant, target))));
                }
            }
        }
        return rows;
    }

    private Map<String, Boolean> cases(String variant, String target) {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        verdicts.getOrDefault(variant, Map.of()).getOrDefault(target, Map.of()).forEach((caseId, samples) -> {
            @Nullable Boolean correct = SampleVerdicts.correct(samples);
            if (correct != null) {
                cases.put(caseId, correct);
            }
        });
        return cases;
    }
}
