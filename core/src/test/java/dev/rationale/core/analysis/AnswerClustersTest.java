// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.analysis.AnswerClusters.Cluster;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswerClustersTest {

    private static AnswerGrader comparing(CompareRule rule) {
        return AnswerGrader.of(new AnswerFormat(null, null, null, null, rule));
    }

    @Test
    void numericAnswersClusterByValueWithTheirSamples() {
        AnswerClusters clusters = AnswerClusters.of(Arrays.asList("$1,000", "999", "1000.0", null, "1000"),
                comparing(CompareRule.NUMERIC), "1000");

        assertThat(clusters.total()).isEqualTo(5);
        assertThat(clusters.clusters()).extracting(Cluster::label).containsExactly("$1,000", "999", "(no answer)");
        Cluster first = clusters.clusters().getFirst();
        assertThat(first.samples()).containsExactly(0, 2, 4);
        assertThat(first.share()).isCloseTo(0.6, within(1e-12));
        assertThat(first.majority()).isTrue();
        assertThat(first.expected()).isTrue();
        assertThat(clusters.clusters().get(1).expected()).isFalse();
        assertThat(clusters.clusterOf(3)).isEqualTo(2);
    }

    @Test
    void textAnswersIgnoreCaseAndTrailingPunctuation() {
        AnswerClusters clusters = AnswerClusters.of(Arrays.asList("Paris", "paris.", "Lyon"),
                comparing(CompareRule.TEXT), null);

        assertThat(clusters.clusters()).extracting(Cluster::count).containsExactly(2, 1);
        assertThat(clusters.clusters()).noneMatch(Cluster::expected);
    }

    @Test
    void aTieGoesToTheAnswerSeenFirst() {
        AnswerClusters clusters = AnswerClusters.of(Arrays.asList("7", "5", "5", "7", "9"),
                comparing(CompareRule.NUMERIC), "5");

        assertThat(clusters.clusters()).extracting(Cluster::label).containsExactly("7", "5", "9");
        assertThat(clusters.majority()).isNotNull().extracting(Cluster::answer).isEqualTo("7");
        assertThat(clusters.clusters().get(1).majority()).isFalse();
        assertThat(clusters.clusters().get(1).expected()).isTrue();
    }

    @Test
    void unansweredSamplesAreTheirOwnClusterLastAndNeverTheMajority() {
        AnswerClusters clusters = AnswerClusters.of(Arrays.asList(null, " ", null, "3"),
                comparing(CompareRule.NUMERIC), "3");

        assertThat(clusters.clusters()).extracting(Cluster::label).containsExactly("3", "(no answer)");
        Cluster unanswered = clusters.clusters().getLast();
        assertThat(unanswered.unanswered()).isTrue();
        assertThat(unanswered.samples()).containsExactly(0, 1, 2);
        assertThat(unanswered.majority()).isFalse();
        assertThat(clusters.majority()).isEqualTo(clusters.clusters().getFirst());
    }

    @Test
    void noAnswerAtAllHasNoMajority() {
        AnswerClusters clusters = AnswerClusters.of(Arrays.asList(null, null), comparing(CompareRule.TEXT), "x");

        assertThat(clusters.majority()).isNull();
        assertThat(clusters.clusters()).hasSize(1);
    }
}
