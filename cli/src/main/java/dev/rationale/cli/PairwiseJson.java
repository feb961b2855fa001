// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.PairwiseComparison;
import dev.rationale.core.grading.judge.PairVerdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code history pairwise --json}: the counts, and each pair with both orders' winners and replies. */
record PairwiseJson(String run, String first, String second, int firstWins, int secondWins, int ties,
        int inconsistent, int unjudged, List<Pair> pairs) {

    /**
     * @param verdict the winning variant's id, {@code tie}, or {@code unjudged}
     */
    record Pair(String caseId, String endpoint, String model, int sample, String verdict, boolean inconsistent,
            String judge, String note, Round asShown, Round swapped) {
    }

    /** One order: the winner as the judge named it there (A, B or tie; null when it named none) and its reply. */
    record Round(@Nullable String winner, String reason, String reply) {
        static Round of(PairVerdict.Round round) {
            return new Round(round.winner(), round.reason(), round.reply());
        }
    }

    static PairwiseJson of(PairwiseComparison.Summary summary) {
        List<Pair> pairs = summary.pairs().stream().map(p -> new Pair(p.key().caseId(), p.key().target().endpoint(),
                p.key().target().model(), p.key().sample(), verdict(summary, p), p.verdict().inconsistent(),
                p.judge(), p.verdict().note(), Round.of(p.verdict().asShown()), Round.of(p.verdict().swapped())))
                .toList();
        return new PairwiseJson(summary.runId(), summary.first(), summary.second(), summary.firstWins(),
                summary.secondWins(), summary.ties(), summary.inconsistent(), summary.unjudged(), pairs);
    }

    static String verdict(PairwiseComparison.Summary summary, PairwiseComparison.Judged pair) {
        return switch (pair.verdict().outcome()) {
            case FIRST -> summary.first();
            case SECOND -> summary.second();
            case TIE -> "tie";
            case UNJUDGED -> "unjudged";
        };
    }
}
