// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Variants against a baseline pair their cases as the grid counts them: after the vote, correct or wrong. */
class VariantComparisonTest {

    private static CaseResult result(String variant, String target, String caseId, CaseOutcome outcome) {
        return new CaseResult(new CompletionKey.CaseKey(variant, target, caseId), outcome, "4", "4", 1, null, 1, 0,
                null);
    }

    private static EvalReport report(List<CaseResult> cases) {
        List<CellMetrics> cells = new ArrayList<>();
        cases.stream().map(r -> List.of(r.key().target(), r.key().variant())).distinct().forEach(cell -> cells.add(
                CellSummary.of(cell.get(1), cell.get(0), cases.stream().filter(r -> r.key().target().equals(cell.get(0))
                        && r.key().variant().equals(cell.get(1))).toList(), List.of(), EvalFixtures.format())));
        return new EvalReport(cases, cells);
    }

    @Test
    void everyOtherVariantIsComparedWithTheBaselineOnEachTarget() {
        CaseOutcome right = CaseOutcome.CORRECT;
        CaseOutcome wrong = CaseOutcome.WRONG;
        EvalReport report = report(List.of(
                result("plain", "m1", "1", right), result("cot", "m1", "1", right), result("vote", "m1", "1", wrong),
                result("plain", "m1", "2", wrong), result("cot", "m1", "2", right), result("vote", "m1", "2", wrong),
                result("plain", "m1", "3", wrong), result("cot", "m1", "3", CaseOutcome.FAILED),
                result("vote", "m1", "3", CaseOutcome.PENDING),
                result("plain", "m2", "1", right), result("cot", "m2", "1", wrong)));

        List<VariantComparison> comparisons = VariantComparison.against(report, "plain");

        assertThat(comparisons).extracting(VariantComparison::variant, VariantComparison::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cot", "m1"),
                        org.assertj.core.groups.Tuple.tuple("vote", "m1"),
                        org.assertj.core.groups.Tuple.tuple("cot", "m2"));
        VariantComparison cot = comparisons.getFirst();
        assertThat(cot.baseline()).isEqualTo("plain");
        assertThat(cot.paired().pairs()).isEqualTo(2);
        assertThat(cot.paired().onlyB()).isEqualTo(1);
        assertThat(cot.paired().onlyA()).isZero();
        assertThat(cot.paired().onlyInA()).as("case 3 failed for cot: left out, counted").isEqualTo(1);
        assertThat(comparisons.get(1).paired().onlyA()).isEqualTo(1);
        assertThat(comparisons.get(2).paired().onlyA()).isEqualTo(1);
    }

    @Test
    void anUnknownBaselineComparesNothing() {
        EvalReport report = report(List.of(result("plain", "m1", "1", CaseOutcome.CORRECT)));

        assertThat(VariantComparison.against(report, "nope")).isEmpty();
        assertThat(VariantComparison.against(report, "plain")).isEmpty();
    }
}
