// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from the filters a query was given, with its values bound as parameters, never spliced. */
final class SqlWhere {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code clause}, whose {@code ?} take {@code clauseValues} in order. */
    SqlWhere and(String clause, Object... clauseValues) {
        clauses.add(clause);
        values.addAll(List.of(clauseValues));
        return this;
    }

    /** {@code " WHERE a AND b"}, or empty when there is no filter. */
    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from parameter 1; returns the index of the next parameter. */
    int bind(PreparedStatement statement) throws SQLException {
        return bind(statement, 1);
    }

    /** Binds the values from parameter {@code first}; returns the index of the next parameter. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    /** {@code text} as a LIKE pattern matching it anywhere, its own {@code %}, {@code _} and {@code \} taken as is. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
