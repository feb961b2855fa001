// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a run's completions, read cell by cell: the run's few cells come first, in grid order, with how many
 * of their completions match (from {@link CellCounts}, or counted in the index for one case); then each cell's rows
 * from an index in the order of its cases and samples, starting at the page's keyset. Nothing scans the run, so a
 * page deep in a run of a million costs what the first does.
 */
final class CompletionListing {
    private static final String COLUMNS = "c.id, c.case_id, c.sample, c.extracted, c.expected, c.grade, c.failure, "
            + "c.finish_reason, c.created_at";

    private record ListedCell(long id, String variant, RunTarget target, long count) {
        boolean holds(RunCompletionKey key) {
            return variant.equals(key.variant()) && target.equals(key.target());
        }
    }

    private CompletionListing() {
    }

    static Page<CompletionRow> list(Connection connection, CompletionFilter filter) throws SQLException {
        List<ListedCell> cells = cells(connection, filter);
        long total = cells.stream().mapToLong(ListedCell::count).sum();
        CompletionRow after = filter.after();
        int start = 0;
        long skip = 0;
        if (after != null) {
            start = indexOf(cells, after.key());
        } else {
            skip = filter.offset();
            while (start < cells.size() && skip >= cells.get(start).count()) {
                skip -= cells.get(start).count();
                start++;
            }
        }
        List<CompletionRow> rows = new ArrayList<>();
        for (int i = start; i < cells.size() && rows.size() < filter.limit(); i++) {
            if (cells.get(i).count() > 0) {
                read(connection, filter, cells.get(i), i == start ? after : null, i == start ? skip : 0,
                        filter.limit() - rows.size(), rows);
            }
        }
        return new Page<>(rows, filter.offset(), total);
    }

    // The cell the keyset's row is in; past the end when it is gone (its run deleted meanwhile): an empty page.
    private static int indexOf(List<ListedCell> cells, RunCompletionKey key) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).holds(key)) {
                return i;
            }
        }
        return cells.size();
    }

    private static List<ListedCell> cells(Connection connection, CompletionFilter filter) throws SQLException {
        SqlWhere count = new SqlWhere().and("c.cell = k.id");
        if (filter.caseId() != null) {
            count.and("c.case_id = ?", filter.caseId());
        }
        if (filter.grade() != null && filter.caseId() != null) {
            count.and("c.grade = ?", filter.grade().id());
        }
        // One case is counted in the index; anything else is in the cell's counts.
        String counted = filter.caseId() == null ? "k." + CellCounts.column(filter.grade())
                : "(SELECT COUNT(*) FROM completions c" + count.sql() + ")";
        SqlWhere where = new SqlWhere().and("k.run_id = ?", filter.runId());
        if (filter.variant() != null) {
            where.and("k.variant = ?", filter.variant());
        }
        if (filter.target() != null) {
            where.and("k.target = ?", filter.target());
        }
        if (filter.model() != null) {
            where.and("k.model = ?", filter.model());
        }
        List<ListedCell> cells = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT k.id, k.variant, k.target, "
                + "k.target_kind, k.model, " + counted + " AS n FROM completion_cells k" + where.sql()
                + " ORDER BY k.variant, k.target, k.target_kind, k.model")) {
            where.bind(select, count.bind(select, 1));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cells.add(new ListedCell(rows.getLong("id"), rows.getString("variant"),
                            new RunTarget(rows.getString("target"), CompletionRows.kind(rows.getString("target_kind")),
                                    rows.getString("model")), rows.getLong("n")));
                }
            }
        }
        return cells;
    }

    private static void read(Connection connection, CompletionFilter filter, ListedCell cell,
            @Nullable CompletionRow after, long skip, int limit, List<CompletionRow> rows) throws SQLException {
        SqlWhere where = new SqlWhere().and("c.cell = ?", cell.id());
        if (filter.grade() != null) {
            where.and("c.grade = ?", filter.grade().id());
        }
        if (filter.caseId() != null) {
            where.and("c.case_id = ?", filter.caseId());
        }
        if (after != null) {
            where.and("(c.case_id, c.sample, c.id) > (?, ?, ?)", after.key().caseId(), after.key().sample(),
                    after.id());
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM completions c"
                + where.sql() + " ORDER BY c.case_id, c.sample, c.id LIMIT ? OFFSET ?")) {
            int next = where.bind(select, 1);
            select.setInt(next, limit);
            select.setLong(next + 1, skip);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new CompletionRow(found.getLong("id"), new RunCompletionKey(filter.runId(),
                            cell.variant(), cell.target(), found.getString("case_id"), found.getInt("sample")),
                            found.getString("extracted"), found.getString("expected"),
                            CompletionRows.grade(found.getString("grade")), found.getString("failure"),
                            CompletionRows.finishReason(found.getString("finish_reason")),
                            Instant.ofEpochMilli(found.getLong("created_at"))));
                }
            }
        }
    }
}
