// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunVerdictsTest {
    private static final List<String> VARIANTS = List.of("zero-shot", "cot", "cot-vote");
    private static final List<String> TARGETS = List.of("local/a", "remote/b");

    @Test
    void eachVariantIsComparedWithTheBaselineCaseByCaseOnEachTarget() {
        SplittableRandom random = new SplittableRandom(11);
        RunVerdicts verdicts = new RunVerdicts();
        // variant -> target -> case -> samples, as the comparison is defined: SampleVerdicts on each case's samples
        Map<String, Map<String, Map<String, List<Verdict>>>> samples = new LinkedHashMap<>();
        for (String variant : VARIANTS) {
            for (String target : TARGETS) {
                if (variant.equals("cot-vote") && target.equals("remote/b")) {
                    continue;
                }
                for (int c = 0; c < 400; c++) {
                    // Some cases are missing from some cells; cot-vote has three samples per case.
                    if (random.nextInt(10) == 0) {
                        continue;
                    }
                    for (int s = 0; s < (variant.equals("cot-vote") ? 3 : 1); s++) {
                        Verdict verdict = Verdict.values()[random.nextInt(Verdict.values().length)];
                        verdicts.add(variant, target, "case-" + c, verdict);
                        samples.computeIfAbsent(variant, v -> new LinkedHashMap<>())
                                .computeIfAbsent(target, t -> new LinkedHashMap<>())
                                .computeIfAbsent("case-" + c, k -> new ArrayList<>()).add(verdict);
                    }
                }
            }
        }

        List<RunVerdicts.Row> rows = verdicts.against("cot", List.of("zero-shot", "cot"));

        assertThat(rows).extracting(r -> r.variant() + " @ " + r.target()).containsExactly(
                "zero-shot @ local/a", "cot-vote @ local/a", "zero-shot @ remote/b", "cot-vote @ remote/b");
        for (RunVerdicts.Row row : rows) {
            PairedComparison expected = PairedComparison.of(decided(samples, "cot", row.target()),
                    decided(samples, row.variant(), row.target()));
            assertThat(row.paired()).as(row.variant() + " @ " + row.target()).isEqualTo(expected);
        }
        assertThat(rows.get(3).paired().pairs()).as("cot-vote never ran on remote/b").isZero();
        assertThat(rows.get(0).paired().pairs()).isGreaterThan(50);
    }

    private static Map<String, Boolean> decided(Map<String, Map<String, Map<String, List<Verdict>>>> samples,
            String variant, String target) {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        samples.get(variant).getOrDefault(target, Map.of()).forEach((caseId, verdicts) -> {
            Boolean correct = SampleVerdicts.correct(verdicts);
            if (correct != null) {
                cases.put(caseId, correct);
            }
        });
        return cases;
    }
}
