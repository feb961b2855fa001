// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.provider.ModelSize;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A model on the chart by model: its target id and its size, if known.
 *
 * @param target the target id the cells name
 */
public record SizedModel(String target, @Nullable ModelSize size) {

    // Ties in size (two names both saying "7b") fall back to the name, so the order never depends on the plan's.
    private static final Comparator<SizedModel> BY_SIZE = Comparator.comparing((SizedModel m) -> m.size() == null)
            .thenComparingLong(m -> m.size() == null ? 0 : m.size().parameters())
            .thenComparing(SizedModel::target);

    /** The scaling view's order: smallest first, models of unknown size last by name. */
    public static List<SizedModel> ordered(Map<String, @Nullable ModelSize> sizes) {
        return sizes.entrySet().stream().map(e -> new SizedModel(e.getKey(), e.getValue())).sorted(BY_SIZE).toList();
    }

    /** The axis label: "stories260K.gguf · 260K params", "hosted · size unknown". */
    public String label() {
        return target + " · " + (size == null ? "size unknown" : size.label());
    }
}
