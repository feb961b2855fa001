// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Cohen's kappa: how far two raters (a judge model and exact match, or two judges) agree on the same items beyond
 * the agreement their label frequencies would give by chance. {@code kappa = (observed - chance) / (1 - chance)}:
 * 1 is full agreement, 0 no better than chance, below 0 worse than chance (-1 for two raters who always differ on
 * pass/fail used half the time each).
 *
 * <p>Labels are categorical, compared with {@code equals} (pass/fail, or any set of grades). An item that either
 * rater did not label ({@code null}) is left out, so {@link #items} counts only the items compared.
 *
 * <p>Kappa is undefined, {@link #kappa} empty, when no item was compared or when the chance agreement is 1. The
 * latter happens exactly when both raters gave every item the same single label: they agree on everything, but
 * with nothing varying there is no telling agreement from chance, and reporting 1 would claim a judge tracks exact
 * match on a cell where every answer simply passed. {@link #observed} still says they agreed throughout.
 *
 * @param items the items both raters labelled
 * @param observed the share of those items given the same label, 0..1 (0 when no item)
 * @param chance the agreement expected by chance, {@code sum over labels of p1(label) * p2(label)}, 0..1 (0 when
 *        no item)
 */
public record CohenKappa(int items, double observed, double chance) {

    /**
     * The agreement of two raters over the same items.
     *
     * @param first the first rater's label of each item, null where it gave none
     * @param second the second rater's label of the same items in the same order, null where it gave none
     * @throws IllegalArgumentException when the two lists differ in length
     */
    public static <L> CohenKappa of(List<? extends @Nullable L> first, List<? extends @Nullable L> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("Cohen's kappa needs both raters' labels of the same items, got "
                    + first.size() + " and " + second.size() + " labels");
        }
        Map<L, Integer> firstCounts = new HashMap<>();
        Map<L, Integer> secondCounts = new HashMap<>();
        int items = 0;
        int agreements = 0;
        for (int i = 0; i < first.size(); i++) {
            L a = first.get(i);
            L b = second.get(i);
            if (a == null || b == null) {
                continue;
            }
            items++;
            agreements += a.equals(b) ? 1 : 0;
            firstCounts.merge(a, 1, Integer::sum);
            secondCounts.merge(b, 1, Integer::sum);
        }
        if (items == 0) {
            return new CohenKappa(0, 0, 0);
        }
        long chanceProducts = 0;
        for (Map.Entry<L, Integer> entry : firstCounts.entrySet()) {
            chanceProducts += (long) entry.getValue() * secondCounts.getOrDefault(entry.getKey(), 0);
        }
        double squared = (double) items * items;
        return new CohenKappa(items, (double) agreements / items, chanceProducts / squared);
    }

    /** Kappa, -1..1; empty when no item was compared or the chance agreement is 1 (see the class comment). */
    public OptionalDouble kappa() {
        if (items == 0 || chance >= 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((observed - chance) / (1 - chance));
    }
}
