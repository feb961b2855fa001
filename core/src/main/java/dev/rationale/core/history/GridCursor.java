// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A forward cursor over one run's grades in grid order: its cells in order (the cells' unique index), then each
 * cell's completions by case and sample ({@code completions_by_cell}), with no sort and nothing held but the row at
 * hand. A row reads only the case, sample and grade (and the extracted answer of a wrong one): what comparing runs
 * and pass@k need. Several cursors may be open on one connection at once.
 */
final class GridCursor implements AutoCloseable {
    private final List<GridPosition.Cell> cells = new ArrayList<>();
    private final PreparedStatement select;
    private int cell = -1;
    private @Nullable ResultSet rows;

    GridCursor(Connection connection, String runId) throws SQLException {
        this(connection, runId, null);
    }

    /** A cursor over the cells of {@code runId} whose ids are in {@code only}; all of them for null. */
    GridCursor(Connection connection, String runId, @Nullable Set<Long> only) throws SQLException {
        try (PreparedStatement list = connection.prepareStatement("SELECT id, variant, target, target_kind, model"
                + " FROM completion_cells WHERE run_id = ? ORDER BY variant, target, target_kind, model")) {
            list.setString(1, runId);
            try (ResultSet found = list.executeQuery()) {
                while (found.next()) {
                    if (only != null && !only.contains(found.getLong(1))) {
                        continue;
                    }
                    cells.add(new GridPosition.Cell(found.getLong(1), found.getString(2), found.getString(3),
                            found.getString(4), found.getString(5)));
                }
            }
        }
        select = connection.prepareStatement("SELECT case_id, sample, grade, CASE grade WHEN 'wrong' THEN extracted"
                + " END FROM completions WHERE cell = ? ORDER BY case_id, sample, id");
    }

    /** The next position in grid order; null after the last. */
    @Nullable GridPosition next() throws SQLException {
        while (rows == null || !rows.next()) {
            if (rows != null) {
                rows.close();
                rows = null;
            }
            if (++cell >= cells.size()) {
                return null;
            }
            select.setLong(1, cells.get(cell).id());
            rows = select.executeQuery();
        }
        return new GridPosition(cells.get(cell), rows.getString(1), rows.getInt(2), rows.getString(3),
                rows.getString(4));
    }

    @Override
    public void close() throws SQLException {
        try (select) {
            if (rows != null) {
                rows.close();
            }
        }
    }
}
