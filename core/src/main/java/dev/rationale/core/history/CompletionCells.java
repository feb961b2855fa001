// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code completion_cells} table: what every completion of one run, variant and target shares (the run id,
 * the variant, the endpoint, its kind and the model) stored once instead of in each row, with the dictionary their
 * bodies are compressed against. Remembers the cells it has seen; a cell's id dies with its run, so use one per
 * cursor, and {@link #forget} them when a transaction that may have created one is rolled back or a run deleted.
 */
final class CompletionCells implements AutoCloseable {
    /** A cell's id and compression dictionary. */
    record Cell(long id, byte[] dictionary) {
    }

    private final Connection connection;
    private final Map<CellKey, Cell> byKey = new HashMap<>();
    private final Map<Long, Stored> stored = new HashMap<>();
    private @Nullable PreparedStatement find;
    private @Nullable PreparedStatement storedCell;
    private @Nullable PreparedStatement insert;

    private record CellKey(String runId, String variant, RunTarget target) {
    }

    /** A stored cell: what its completions share, and their dictionary. */
    record Stored(String runId, String variant, RunTarget target, byte[] dictionary) {

        RunCompletionKey key(String caseId, int sample) {
            return new RunCompletionKey(runId, variant, target, caseId, sample);
        }
    }

    CompletionCells(Connection connection) {
        this.connection = connection;
    }

    /** The cell of {@code key}, created with {@code firstBody} as its dictionary when it is new. */
    Cell cellOf(RunCompletionKey key, byte[] firstBody) throws SQLException {
        CellKey cellKey = new CellKey(key.runId(), key.variant(), key.target());
        Cell known = byKey.get(cellKey);
        if (known != null) {
            return known;
        }
        Cell cell = find(cellKey);
        if (cell == null) {
            cell = create(cellKey, BodyCodec.dictionary(firstBody));
        }
        byKey.put(cellKey, cell);
        return cell;
    }

    /** Forgets the cells seen so far: the next use of each looks it up again. */
    void forget() {
        byKey.clear();
        stored.clear();
    }

    /** The compression dictionary of cell {@code id}. */
    byte[] dictionary(long id) throws SQLException {
        return stored(id).dictionary();
    }

    /** Cell {@code id} as stored, read once per cursor: a row then needs only its own columns. */
    Stored stored(long id) throws SQLException {
        Stored known = stored.get(id);
        if (known != null) {
            return known;
        }
        if (storedCell == null) {
            storedCell = connection.prepareStatement("SELECT run_id, variant, target, target_kind, model, dictionary"
                    + " FROM completion_cells WHERE id = ?");
        }
        storedCell.setLong(1, id);
        try (ResultSet row = storedCell.executeQuery()) {
            if (!row.next()) {
                throw new HistoryException("the history holds a completion of a missing cell " + id);
            }
            Stored cell = new Stored(row.getString(1), row.getString(2), new RunTarget(row.getString(3),
                    CompletionRows.kind(row.getString(4)), row.getString(5)), row.getBytes(6));
            stored.put(id, cell);
            return cell;
        }
    }

    private @Nullable Cell find(CellKey key) throws SQLException {
        if (find == null) {
            find = connection.prepareStatement("SELECT id, dictionary FROM completion_cells WHERE run_id = ? AND "
                    + "variant = ? AND target = ? AND target_kind = ? AND model = ?");
        }
        bind(find, key);
        try (ResultSet row = find.executeQuery()) {
            return row.next() ? new Cell(row.getLong(1), row.getBytes(2)) : null;
        }
    }

    private Cell create(CellKey key, byte[] dictionaryBytes) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO completion_cells (run_id, variant, target, "
                    + "target_kind, model, dictionary) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        }
        bind(insert, key);
        insert.setBytes(6, dictionaryBytes);
        try (ResultSet returned = insert.executeQuery()) {
            returned.next();
            return new Cell(returned.getLong(1), dictionaryBytes);
        }
    }

    private static void bind(PreparedStatement statement, CellKey key) throws SQLException {
        statement.setString(1, key.runId());
        statement.setString(2, key.variant());
        statement.setString(3, key.target().endpoint());
        statement.setString(4, key.target().kind().id());
        statement.setString(5, key.target().model());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {find, storedCell, insert}) {
            if (statement != null) {
                statement.close();
            }
        }
    }
}
