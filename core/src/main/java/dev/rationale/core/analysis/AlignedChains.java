// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reasoning chains of one case's samples lined up step by step, so a reader sees where they agree, where they
 * part, and which answer each route reached.
 *
 * <p>Steps are the ones {@link ReasoningSteps} splits (lines, or sentences of a one-line chain) with their token
 * confidence. They are aligned by the similarity of their text as {@code ChainAligner} documents (progressive
 * alignment with a gap cost). Rows are ordered by answer cluster (the majority's first, as {@link AnswerClusters}
 * orders them), then by sample, and aligned in that order so the profile grows from the commonest route.
 *
 * <p>In a column, steps whose text is the same (ignoring case and runs of blanks) are identical; a step identical
 * to the one in the row above is marked so a view can draw them as one merged cell. The parting column is the
 * first where the rows do not all hold the same step (a gap differs from any step).
 *
 * <p>At most {@link #MAX_SAMPLES} samples are aligned; the rest are counted in {@code omitted}. Immutable.
 *
 * @param rows one per aligned sample, in display order
 * @param columns how many aligned steps
 * @param parting the first column where the chains part; -1 when they never do (or there are fewer than two)
 * @param omitted samples left out beyond {@link #MAX_SAMPLES}
 */
public record AlignedChains(List<Row> rows, int columns, int parting, int omitted) {

    /** The most samples aligned; a view of more would not be readable anyway. */
    public static final int MAX_SAMPLES = 40;

    /**
     * One sample's chain.
     *
     * @param sample the sample's position in the list given to {@link #of}
     * @param cluster the position of its answer's cluster in {@link AnswerClusters#clusters()}; -1 when none
     * @param cells one per column: the step there, or null where this chain has none
     */
    public record Row(int sample, int cluster, List<@Nullable Cell> cells) {

        public Row {
            cells = Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    /**
     * One step in its column.
     *
     * @param text the step as written
     * @param mean the mean probability of its tokens; null when they were not scored
     * @param lowest the lowest probability of its tokens; null when they were not scored
     * @param sameAsAbove whether the row above holds an identical step in this column
     */
    public record Cell(String text, @Nullable Double mean, @Nullable Double lowest, boolean sameAsAbove) {
    }

    public AlignedChains {
        rows = List.copyOf(rows);
    }

    /**
     * Aligns the chains of a case's samples.
     *
     * @param chains one per sample, in sample order
     * @param clusters the same samples' answer clusters (positions as in {@code chains})
     */
    public static AlignedChains of(List<ReasoningChain> chains, AnswerClusters clusters) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < Math.min(chains.size(), MAX_SAMPLES); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> rank(clusters, i)).thenComparingInt(i -> i));
        List<List<String>> texts = order.stream()
                .map(i -> chains.get(i).steps().stream().map(Passage::text).toList()).toList();
        List<int[]> columns = ChainAligner.align(texts);
        List<List<@Nullable Cell>> cells = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            List<Passage> steps = chains.get(order.get(r)).steps();
            List<@Nullable Cell> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int step = columns.get(c)[r];
                row.add(step < 0 ? null : cell(steps.get(step), r == 0 ? null : cells.get(r - 1).get(c)));
            }
            cells.add(row);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            rows.add(new Row(order.get(r), clusters.clusterOf(order.get(r)), cells.get(r)));
        }
        return new AlignedChains(rows, columns.size(), parting(cells, columns.size()),
                Math.max(0, chains.size() - MAX_SAMPLES));
    }

    private static int rank(AnswerClusters clusters, int sample) {
        int cluster = clusters.clusterOf(sample);
        return cluster < 0 ? Integer.MAX_VALUE : cluster;
    }

    private static Cell cell(Passage step, @Nullable Cell above) {
        Confidence confidence = step.confidence();
        boolean same = above != null && ChainAligner.normal(above.text()).equals(ChainAligner.normal(step.text()));
        return new Cell(step.text(), confidence == null ? null : confidence.mean(),
                confidence == null ? null : confidence.lowest(), same);
    }

    private static int parting(List<List<@Nullable Cell>> cells, int columns) {
        if (cells.size() < 2) {
            return -1;
        }
        for (int c = 0; c < columns; c++) {
            @Nullable String first = key(cells.getFirst().get(c));
            for (List<@Nullable Cell> row : cells) {
                if (!Objects.equals(first, key(row.get(c)))) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static @Nullable String key(@Nullable Cell cell) {
        return cell == null ? null : ChainAligner.normal(cell.text());
    }
}
