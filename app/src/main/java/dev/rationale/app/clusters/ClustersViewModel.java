// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.clusters;

import dev.rationale.app.fx.Failures;
import dev.rationale.core.analysis.AlignedChains;
import dev.rationale.core.analysis.AnswerClusters;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.answer.AnswerFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The samples of one case as clusters and aligned chains: what the cluster chart and the aligned view show, which
 * cluster is selected and the chains behind it. Clustering and alignment run on the background executor; only the
 * latest request's result is shown. Touch it on the FX thread.
 */
public final class ClustersViewModel {

    private final Executor fx;
    private final Executor background;
    private final ReadOnlyObjectWrapper<ClusteredChains> result = new ReadOnlyObjectWrapper<>(this, "result",
            ClusteredChains.EMPTY);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyStringWrapper chains = new ReadOnlyStringWrapper(this, "chains", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private List<ClusteredChains.Sample> samples = List.of();
    private int generation;

    public ClustersViewModel(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
    }

    /**
     * Clusters and aligns {@code shown}'s samples off the FX thread, then shows them.
     *
     * @param shown the samples in sample order
     * @param format how answers are compared
     * @param expected the case's expected answer; null when there is none
     */
    public void show(List<ClusteredChains.Sample> shown, AnswerFormat format, @Nullable String expected) {
        int mine = ++generation;
        List<ClusteredChains.Sample> copy = List.copyOf(shown);
        summary.set(copy.isEmpty() ? "" : "Clustering " + copy.size() + " samples…");
        CompletableFuture.supplyAsync(() -> ClusteredChains.of(copy, format, expected), background)
                .whenCompleteAsync((computed, error) -> {
                    if (mine != generation) {
                        return;
                    }
                    if (error != null) {
                        clear();
                        summary.set("Cannot cluster these samples: " + Failures.messageOf(error));
                        return;
                    }
                    samples = copy;
                    result.set(computed);
                    summary.set(describe(computed));
                    select(computed.clusters().clusters().isEmpty() ? -1 : 0);
                }, fx);
    }

    /** Shows nothing (and drops a computation still under way). */
    public void clear() {
        generation++;
        samples = List.of();
        result.set(ClusteredChains.EMPTY);
        summary.set("");
        select(-1);
    }

    /** Selects the cluster at {@code index} of the result's clusters (-1 for none) and shows its chains. */
    public void select(int index) {
        List<AnswerClusters.Cluster> clusters = result.get().clusters().clusters();
        int valid = index >= 0 && index < clusters.size() ? index : -1;
        selected.set(valid);
        chains.set(valid < 0 ? "" : chainsOf(clusters.get(valid)));
    }

    private String chainsOf(AnswerClusters.Cluster cluster) {
        StringBuilder text = new StringBuilder();
        for (int sample : cluster.samples()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("— Sample ").append(sample + 1).append(" —\n")
                    .append(ClusteredChains.shown(samples.get(sample)).strip());
        }
        return text.toString();
    }

    // E.g. "5 samples · 3 answers · majority 42 (60%) · chains part at step 3".
    private static String describe(ClusteredChains computed) {
        AnswerClusters clusters = computed.clusters();
        if (clusters.total() == 0) {
            return "";
        }
        long answers = clusters.clusters().stream().filter(c -> !c.unanswered()).count();
        StringBuilder text = new StringBuilder().append(clusters.total()).append(clusters.total() == 1 ? " sample"
                : " samples").append(" · ").append(answers).append(answers == 1 ? " answer" : " answers");
        AnswerClusters.Cluster majority = clusters.majority();
        if (majority != null) {
            text.append(" · majority ").append(majority.label()).append(" (").append(percent(majority.share()))
                    .append(')');
        }
        AlignedChains aligned = computed.aligned();
        if (aligned.parting() >= 0) {
            text.append(" · chains part at step ").append(aligned.parting() + 1);
        } else if (aligned.rows().size() > 1) {
            text.append(" · the chains never part");
        }
        if (aligned.omitted() > 0) {
            text.append(" · aligned the first ").append(AlignedChains.MAX_SAMPLES).append(" of ")
                    .append(clusters.total());
        }
        return text.toString();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** The clusters and aligned chains shown; {@link ClusteredChains#EMPTY} when there is nothing to show. */
    public ReadOnlyObjectProperty<ClusteredChains> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ClusteredChains getResult() {
        return result.get();
    }

    /** The selected cluster's position in the result's clusters; -1 for none. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected cluster's chains: each sample's reasoning and answer text, under its number. */
    public ReadOnlyStringProperty chainsProperty() {
        return chains.getReadOnlyProperty();
    }

    /** One line about the samples: how many, how many answers, the majority, where the chains part. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
