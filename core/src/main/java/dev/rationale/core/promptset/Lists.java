// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Defensive copies for the records: absent collections become empty, order is kept, nulls inside are kept. */
final class Lists {
    private Lists() {
    }

    // List.copyOf rejects null elements; a file with a null list entry must reach the validator, not crash here.
    static <T> List<T> copyOf(@Nullable List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Up to this many entries a map is kept as a {@link SmallMap}: less memory, and a scan is as quick as a hash. */
    static final int SMALL = 8;

    static Map<String, String> copyOf(@Nullable Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        return map.size() <= SMALL ? SmallMap.copyOf(map) : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
