// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/** The limits every paged query shares. */
final class PageBounds {
    /** A page larger than this is a bug in the caller, not a wish to read the whole table into memory. */
    static final int MAX_LIMIT = 10_000;

    private PageBounds() {
    }

    static void check(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }
}
