// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.util.List;

/**
 * The text of an export and what it could not carry, each note naming the task, variant or case it is about.
 *
 * @param text the file's content
 * @param notMapped what the format could not express; empty when nothing was lost
 */
public record Exported(String text, List<String> notMapped) {
    public Exported {
        notMapped = List.copyOf(notMapped);
    }
}
