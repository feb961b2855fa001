// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.clusters.ClustersViewModel;
import dev.rationale.core.analysis.ClusteredChains;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.ScoredToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Every sample of a run that asked for several (the run bar's or the variant's samples), kept as they stream, and
 * once the run ended their answer clusters and aligned chains, shown by the same {@link ClustersViewModel} that
 * Evaluate and Compare use. Sample 0 is also what the rest of Output shows. Touch it on the FX thread only.
 */
final class RunSamples {

    private final ClustersViewModel clusters;
    private final Map<Integer, Sample> samples = new TreeMap<>();
    private boolean collecting;

    RunSamples(Executor fx, Executor background) {
        this.clusters = new ClustersViewModel(fx, background);
    }

    /** Forgets what was kept, and keeps the samples of a run that asked for {@code asked} of them, when several. */
    void begin(int asked) {
        clear();
        collecting = asked > 1;
    }

    /** Forgets what was kept and shows no clusters. */
    void clear() {
        samples.clear();
        collecting = false;
        clusters.clear();
    }

    void add(List<CompletionEvent> batch) {
        if (!collecting) {
            return;
        }
        for (CompletionEvent event : batch) {
            switch (event) {
                case CompletionEvent.TextDelta d -> sample(d.sample()).text.append(d.text());
                case CompletionEvent.ReasoningDelta d -> sample(d.sample()).reasoning.append(d.text());
                case CompletionEvent.TokensScored t -> sample(t.sample()).tokens.addAll(t.tokens());
                default -> {
                    // The run's end and the rest are sample 0's view's business.
                }
            }
        }
    }

    /**
     * Clusters the samples kept, each graded by {@code format} against {@code expected} as sample 0 is; with fewer
     * than two, or without a format, shows none.
     */
    void end(@Nullable AnswerFormat format, @Nullable String expected) {
        if (format == null || samples.size() < 2) {
            clusters.clear();
            return;
        }
        AnswerGrader grader = AnswerGrader.of(format);
        List<ClusteredChains.Sample> shown = new ArrayList<>();
        for (Sample sample : samples.values()) {
            String text = sample.text.toString();
            shown.add(new ClusteredChains.Sample(sample.reasoning.toString(), text, sample.tokens,
                    grader.grade(text, expected).extracted()));
        }
        clusters.show(shown, format, expected);
    }

    ClustersViewModel clusters() {
        return clusters;
    }

    private Sample sample(int index) {
        return samples.computeIfAbsent(index, i -> new Sample());
    }

    private static final class Sample {
        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final List<ScoredToken> tokens = new ArrayList<>();
    }
}
