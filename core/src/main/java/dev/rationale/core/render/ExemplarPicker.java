// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.ExemplarSelection;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Chooses the exemplars a variant shows: its pool, cut to its number of shots, first or seeded-random. */
public final class ExemplarPicker {
    private ExemplarPicker() {
    }

    /** The exemplars {@code variant} shows for {@code task}, in the order they appear in the prompt. */
    public static List<Exemplar> pick(Task task, Variant variant) {
        List<Exemplar> pool = pool(task, variant);
        int k = variant.shots() == null ? pool.size() : Math.max(0, Math.min(variant.shots(), pool.size()));
        if (k == pool.size()) {
            return pool;
        }
        if (variant.effectiveSelection() == ExemplarSelection.FIRST) {
            return List.copyOf(pool.subList(0, k));
        }
        return seededChoice(pool, k, variant.effectiveSeed());
    }

    /** The enabled exemplars the variant draws from: those it names, in its order, or all of the task's. */
    static List<Exemplar> pool(Task task, Variant variant) {
        if (variant.exemplars().isEmpty()) {
            return task.exemplars().stream().filter(Exemplar::effectiveEnabled).toList();
        }
        List<Exemplar> named = new ArrayList<>();
        for (String id : variant.exemplars()) {
            Exemplar exemplar = task.exemplars().stream()
                    .filter(e -> id.equals(e.id()))
                    .findFirst()
                    .orElseThrow(() -> new RenderException("task \"" + task.id() + "\" variant \"" + variant.id()
                            + "\": no exemplar with id \"" + id + "\""));
            if (exemplar.effectiveEnabled()) {
                named.add(exemplar);
            }
        }
        return List.copyOf(named);
    }

    // java.util.Random's sequence is fixed by its specification, so a seed picks the same shots on every JVM.
    // The chosen ones keep their pool order: a random choice, not a random order.
    private static List<Exemplar> seededChoice(List<Exemplar> pool, int k, long seed) {
        int[] order = IntStream.range(0, pool.size()).toArray();
        Random random = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return IntStream.of(order).limit(k).sorted().mapToObj(pool::get).toList();
    }
}
