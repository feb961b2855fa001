// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One numbered step of the schema: the statements that take a database from {@code version - 1} to
 * {@code version}, then, for a step that rewrites data SQL alone cannot, a conversion in Java. Once released a
 * step never changes; a change to the schema is a new step.
 */
record Migration(int version, String description, List<String> statements, @Nullable Conversion conversion) {
    /** Work a step does on the migrating connection after its statements, in the same transaction. */
    interface Conversion {
        void run(Connection connection) throws SQLException;
    }

    Migration {
        statements = List.copyOf(statements);
    }

    Migration(int version, String description, List<String> statements) {
        this(version, description, statements, null);
    }
}
