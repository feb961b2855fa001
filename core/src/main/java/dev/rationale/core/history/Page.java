// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param offset how many items come before this page
 * @param total how many items match the filter, over all pages
 */
public record Page<T>(List<T> items, int offset, long total) {
    public Page {
        items = List.copyOf(items);
    }

    /** Whether items follow this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
