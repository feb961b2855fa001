// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One metadata pair as far as the checks need it. {@code value} is a {@code Long} for an integer (an unsigned 64-bit
 * value above {@code Long.MAX_VALUE} is kept as {@code Long.MAX_VALUE}: every bound refuses it anyway), a
 * {@code Double} for a float, a {@code Boolean}, a {@code String} for a short string, or null for a long string or an
 * array. For an array of numbers short enough to be a per-layer list, {@code numbers} holds its elements.
 */
record MetadataEntry(int index, long offset, String key, GgufType type, @Nullable GgufType elementType, long count,
        @Nullable Object value, @Nullable List<Number> numbers) {

    /** The location the messages use: {@code metadata key 15 (llama.attention.layer_norm_rms_epsilon)}. */
    String location() {
        return "metadata key " + index + " (" + FileText.escaped(key) + ")";
    }

    /** The numbers the value stands for: the scalar itself, or an array's elements; empty for anything else. */
    List<Number> asNumbers() {
        if (value instanceof Long || value instanceof Double) {
            return List.of((Number) value);
        }
        return numbers == null ? List.of() : numbers;
    }

    boolean isIntegral() {
        GgufType kind = type == GgufType.ARRAY ? elementType : type;
        return kind != null && kind.isInteger();
    }
}
