// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerGrader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The samples of one case grouped by the answer they reached: self-consistency read as clusters.
 *
 * <p>Answers are grouped the way {@link AnswerAgreement} groups votes: two answers are one cluster when the
 * grader's {@link AnswerGrader#normalize normal form} is the same. Unlike the agreement, a cluster remembers which
 * samples are in it, so a view can show the chains behind it. Samples without an answer (none found, or the call
 * failed) form one cluster of their own, which is never the majority and always comes last.
 *
 * <p><b>Order and ties.</b> Answered clusters come most samples first; on equal counts the answer seen first (the
 * lowest sample) comes first. The majority is the first answered cluster, so a tie goes to the answer seen first,
 * the same rule {@code eval.MajorityVote} and {@link AnswerAgreement} apply, and a verdict never depends on which
 * request finished first.
 *
 * <p>Immutable; pure, safe from any thread.
 *
 * @param clusters answered clusters in the order above, then the unanswered one if any sample had no answer
 * @param total how many samples, unanswered ones included
 */
public record AnswerClusters(List<Cluster> clusters, int total) {

    /**
     * The samples that reached one answer.
     *
     * @param answer the answer as first written; null for the cluster of samples without an answer
     * @param normalized its normal form under the compare rule; null for the unanswered cluster
     * @param samples the positions of its samples in the list given to {@link #of}, ascending
     * @param share {@code samples / total}, 0..1
     * @param majority whether this is the majority answer
     * @param expected whether this answer matches the case's expected answer
     */
    public record Cluster(@Nullable String answer, @Nullable String normalized, List<Integer> samples, double share,
            boolean majority, boolean expected) {

        public Cluster {
            samples = List.copyOf(samples);
        }

        public int count() {
            return samples.size();
        }

        public boolean unanswered() {
            return answer == null;
        }

        /** The answer for a label: as written, or "(no answer)". */
        public String label() {
            return answer == null ? "(no answer)" : answer;
        }
    }

    public AnswerClusters {
        clusters = List.copyOf(clusters);
    }

    /**
     * Groups the samples' answers.
     *
     * @param answers one per sample, in sample order; null or blank for a sample without an answer
     * @param expected the case's expected answer; null or blank when there is none (no cluster is marked)
     */
    public static AnswerClusters of(List<? extends @Nullable String> answers, AnswerGrader grader,
            @Nullable String expected) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        Map<String, String> firstSeen = new LinkedHashMap<>();
        List<Integer> unanswered = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String answer = answers.get(i);
            if (answer == null || answer.isBlank()) {
                unanswered.add(i);
                continue;
            }
            String key = grader.normalize(answer);
            firstSeen.putIfAbsent(key, answer);
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        int total = answers.size();
        // A stable sort keeps first-seen order among equal counts, which is the tie rule.
        List<String> keys = new ArrayList<>(members.keySet());
        keys.sort(Comparator.comparingInt((String key) -> members.get(key).size()).reversed());
        boolean grading = expected != null && !expected.isBlank();
        List<Cluster> clusters = new ArrayList<>();
        for (String key : keys) {
            String answer = firstSeen.get(key);
            boolean matches = grading && grader.matches(answer, expected);
            clusters.add(new Cluster(answer, key, members.get(key), share(members.get(key).size(), total),
                    clusters.isEmpty(), matches));
        }
        if (!unanswered.isEmpty()) {
            clusters.add(new Cluster(null, null, unanswered, share(unanswered.size(), total), false, false));
        }
        return new AnswerClusters(clusters, total);
    }

    /** The majority cluster; null when no sample answered. */
    public @Nullable Cluster majority() {
        return clusters.isEmpty() || !clusters.getFirst().majority() ? null : clusters.getFirst();
    }

    /** The position in {@link #clusters()} of the cluster holding sample {@code sample}; -1 when none does. */
    public int clusterOf(int sample) {
        for (int i = 0; i < clusters.size(); i++) {
            if (clusters.get(i).samples().contains(sample)) {
                return i;
            }
        }
        return -1;
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
