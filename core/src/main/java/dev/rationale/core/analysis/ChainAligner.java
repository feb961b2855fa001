// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lines up several chains of steps column by column, by the similarity of the steps' text: progressive alignment
 * against a growing profile.
 *
 * <ol>
 *   <li>The first chain is the profile: one column per step.</li>
 *   <li>Each next chain is aligned with the whole profile by global alignment (Needleman-Wunsch): a step may sit
 *       in a column (scoring its similarity to the column), or a step may open a new column, or a column may get
 *       no step from this chain (a gap); each gap costs {@link #GAP}. The best path is read back, preferring a
 *       step in a column on equal scores, and the chain joins the profile: new columns get gaps in every earlier
 *       chain.</li>
 *   <li>A step's similarity to a column is the mean of its similarity to the column's steps, each distinct text
 *       weighted by how many chains wrote it.</li>
 * </ol>
 * Two steps' similarity is the Dice coefficient of their sets of words (lower-cased runs of letters and digits,
 * and each other visible character on its own, so {@code "6 * 7 = 42"} has five): 1 for identical steps, 0.8 for
 * one changed number out of five words, near 0 for unrelated ones. Words rather than character n-grams keep a
 * comparison to a few dozen steps of work, and each pair of distinct texts is compared once. The gap cost 0.4
 * makes two unrelated steps at the same place share a column (a mismatch scores 0, two gaps -0.8), which is where
 * chains part and what a reader wants to see side by side; a step found in one chain only still opens its own
 * column, since skipping it (-0.4) beats pushing every later step out of place.
 *
 * <p>The result depends on the chains' order; callers put the most common answer's chains first so the profile
 * grows from the commonest route. Time is about (chains × columns × steps × distinct texts per column). Pure.
 */
final class ChainAligner {
    static final double GAP = 0.4;

    private ChainAligner() {
    }

    /**
     * Aligns the chains.
     *
     * @param chains each chain's steps, in order
     * @return the columns, in order: for each, one entry per chain, the index of that chain's step in the column
     *     or -1 for a gap. Every step of every chain appears exactly once, in its chain's order.
     */
    static List<int[]> align(List<List<String>> chains) {
        Map<String, Feature> distinct = new HashMap<>();
        Similarities similarities = new Similarities();
        List<Column> profile = new ArrayList<>();
        for (int row = 0; row < chains.size(); row++) {
            List<Feature> steps = chains.get(row).stream()
                    .map(step -> distinct.computeIfAbsent(normal(step), text -> Feature.of(text, distinct.size())))
                    .toList();
            profile = join(profile, steps, row, chains.size(), similarities);
        }
        return profile.stream().map(column -> column.steps).toList();
    }

    /** Each pair of distinct texts compared once: chains that share wording share most of their comparisons. */
    private static final class Similarities {
        private final Map<Long, Double> known = new HashMap<>();

        double of(Feature a, Feature b) {
            if (a.id == b.id) {
                return 1;
            }
            long key = Math.min(a.id, b.id) * (long) Integer.MAX_VALUE + Math.max(a.id, b.id);
            Double found = known.get(key);
            if (found == null) {
                found = a.similarity(b);
                known.put(key, found);
            }
            return found;
        }
    }

    private static List<Column> join(List<Column> profile, List<Feature> steps, int row, int rows,
            Similarities similarities) {
        int m = profile.size();
        int l = steps.size();
        double[][] score = new double[m + 1][l + 1];
        for (int i = 1; i <= m; i++) {
            score[i][0] = -GAP * i;
        }
        for (int j = 1; j <= l; j++) {
            score[0][j] = -GAP * j;
        }
        double[][] similarity = new double[m][l];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= l; j++) {
                similarity[i - 1][j - 1] = profile.get(i - 1).similarity(steps.get(j - 1), similarities);
                score[i][j] = Math.max(score[i - 1][j - 1] + similarity[i - 1][j - 1],
                        Math.max(score[i - 1][j], score[i][j - 1]) - GAP);
            }
        }
        List<Column> joined = new ArrayList<>();
        int i = m;
        int j = l;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && score[i][j] == score[i - 1][j - 1] + similarity[i - 1][j - 1]) {
                joined.add(profile.get(i - 1).with(row, j - 1, steps.get(j - 1)));
                i--;
                j--;
            } else if (i > 0 && (j == 0 || score[i][j] == score[i - 1][j] - GAP)) {
                joined.add(profile.get(i - 1).with(row, -1, null));
                i--;
            } else {
                joined.add(Column.opened(rows, row, j - 1, steps.get(j - 1)));
                j--;
            }
        }
        return joined.reversed();
    }

    /** One column of the profile: which step each chain put there, and the distinct texts with their weights. */
    private static final class Column {
        private final int[] steps;
        private final List<Feature> texts = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        private Column(int rows) {
            steps = new int[rows];
            Arrays.fill(steps, -1);
        }

        static Column opened(int rows, int row, int step, Feature text) {
            return new Column(rows).with(row, step, text);
        }

        Column with(int row, int step, @Nullable Feature text) {
            steps[row] = step;
            if (text != null) {
                int same = -1;
                for (int t = 0; t < texts.size() && same < 0; t++) {
                    if (texts.get(t).id == text.id) {
                        same = t;
                    }
                }
                if (same < 0) {
                    texts.add(text);
                    weights.add(1);
                } else {
                    weights.set(same, weights.get(same) + 1);
                }
            }
            return this;
        }

        double similarity(Feature step, Similarities similarities) {
            double sum = 0;
            int count = 0;
            for (int t = 0; t < texts.size(); t++) {
                sum += weights.get(t) * similarities.of(texts.get(t), step);
                count += weights.get(t);
            }
            return count == 0 ? 0 : sum / count;
        }
    }

    /** A distinct step text (in its {@link #normal} form), numbered, with its words as sorted distinct hashes. */
    record Feature(String text, int id, int[] words) {

        static Feature of(String text, int id) {
            List<Integer> words = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int start = i;
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                } else {
                    i++;
                }
                if (!Character.isWhitespace(text.charAt(start))) {
                    words.add(text.substring(start, i).hashCode());
                }
            }
            return new Feature(text, id, words.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
        }

        double similarity(Feature other) {
            if (text.equals(other.text)) {
                return 1;
            }
            int shared = 0;
            int a = 0;
            int b = 0;
            while (a < words.length && b < other.words.length) {
                int order = Integer.compare(words[a], other.words[b]);
                if (order == 0) {
                    shared++;
                    a++;
                    b++;
                } else if (order < 0) {
                    a++;
                } else {
                    b++;
                }
            }
            int total = words.length + other.words.length;
            return total == 0 ? 0 : 2.0 * shared / total;
        }
    }

    /** The form in which two steps count as the same step: lower case, blanks collapsed, trimmed. */
    static String normal(String step) {
        return step.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
