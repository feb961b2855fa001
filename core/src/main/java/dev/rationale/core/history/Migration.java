// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.util.List;

/**
 * One numbered step of the schema: the statements that take a database from {@code version - 1} to
 * {@code version}. Once released a step never changes; a change to the schema is a new step.
 */
record Migration(int version, String description, List<String> statements) {
    Migration {
        statements = List.copyOf(statements);
    }
}
