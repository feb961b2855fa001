// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import org.jspecify.annotations.Nullable;

/**
 * Which runs to list, newest first, and which page of them.
 *
 * @param text matched, ignoring ASCII case, anywhere in the run's id, prompt set name or file, task, or target
 *     endpoints and models; null or blank for all
 * @param status only runs in this state; null for all
 * @param kind only runs of this kind; null for all
 */
public record RunFilter(@Nullable String text, @Nullable RunStatus status, @Nullable RunKind kind, int offset,
        int limit) {
    public static final int DEFAULT_LIMIT = 50;

    public RunFilter {
        PageBounds.check(offset, limit);
    }

    /** Every run, first page. */
    public static RunFilter all() {
        return new RunFilter(null, null, null, 0, DEFAULT_LIMIT);
    }

    public RunFilter matching(@Nullable String newText) {
        return new RunFilter(newText, status, kind, offset, limit);
    }

    public RunFilter withStatus(@Nullable RunStatus newStatus) {
        return new RunFilter(text, newStatus, kind, offset, limit);
    }

    public RunFilter ofKind(@Nullable RunKind newKind) {
        return new RunFilter(text, status, newKind, offset, limit);
    }

    public RunFilter page(int newOffset, int newLimit) {
        return new RunFilter(text, status, kind, newOffset, newLimit);
    }
}
