// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of a few strings in the order they were given, in one array. A case's inputs are such a map,
 * and a set can have hundreds of thousands of cases: as an unmodifiable {@code LinkedHashMap} one input cost about
 * 200 bytes of map around its strings, here about 50. Null values are kept, as the validator must see them. Lookups
 * scan the keys, so larger maps are better kept in a hash map ({@link Lists#copyOf(Map)} decides).
 */
final class SmallMap extends AbstractMap<String, String> {
    private final @Nullable String[] keysAndValues;

    private SmallMap(@Nullable String[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    static SmallMap copyOf(Map<String, String> map) {
        @Nullable String[] pairs = new String[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> entry : map.entrySet()) {
            pairs[i++] = entry.getKey();
            pairs[i++] = entry.getValue();
        }
        return new SmallMap(pairs);
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : keysAndValues[i + 1];
    }

    private int indexOf(@Nullable Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (Objects.equals(keysAndValues[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry = new SimpleImmutableEntry<>(keysAndValues[next],
                                keysAndValues[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return SmallMap.this.size();
            }
        };
    }
}
