// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.provider.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What each completion was billed for, kept as columns beside its packed body, and the sums each row of
 * {@code completion_cells} keeps of them, apart for completions that came through a provider's batch API. Triggers
 * keep the sums as completions come and go, as {@link CellCounts} keeps the counts. A dollar figure is never
 * stored: a cost is the table's price times these tokens, worked out when it is shown.
 */
final class CellBills {
    private static final String LIVE = "prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens";
    private static final String BATCH = "batch_prompt_tokens, batch_cached_tokens, batch_completion_tokens, "
            + "batch_reasoning_tokens";
    /** The cell's sums in {@link #read} order: live, then batch. */
    static final String SUM_COLUMNS = "k.prompt_tokens, k.cached_tokens, k.completion_tokens, k.reasoning_tokens, "
            + "k.batch_prompt_tokens, k.batch_cached_tokens, k.batch_completion_tokens, k.batch_reasoning_tokens";
    /** The completion's own columns, in the order {@link #bind} sets them. */
    static final String COLUMNS = LIVE + ", batch";

    /** The statements of migration 8; {@link #backfill} then fills them in for what was stored before. */
    static final List<String> MIGRATION = List.of(
            "ALTER TABLE completions ADD COLUMN prompt_tokens INTEGER",
            "ALTER TABLE completions ADD COLUMN cached_tokens INTEGER",
            "ALTER TABLE completions ADD COLUMN completion_tokens INTEGER",
            "ALTER TABLE completions ADD COLUMN reasoning_tokens INTEGER",
            "ALTER TABLE completions ADD COLUMN batch INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN prompt_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN cached_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN completion_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN reasoning_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN batch_prompt_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN batch_cached_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN batch_completion_tokens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE completion_cells ADD COLUMN batch_reasoning_tokens INTEGER NOT NULL DEFAULT 0",
            trigger("completions_billed", "INSERT", "NEW", "+"),
            trigger("completions_unbilled", "DELETE", "OLD", "-"));

    private CellBills() {
    }

    private static String trigger(String name, String event, String row, String sign) {
        return "CREATE TRIGGER " + name + " AFTER " + event + " ON completions BEGIN\n"
                + "    UPDATE completion_cells SET\n"
                + sums("", row, sign, "= 0") + ",\n" + sums("batch_", row, sign, "<> 0") + "\n"
                + "    WHERE id = " + row + ".cell;\nEND";
    }

    private static String sums(String prefix, String row, String sign, String batch) {
        StringBuilder text = new StringBuilder();
        for (String column : LIVE.split(", ")) {
            text.append(text.isEmpty() ? "        " : ",\n        ").append(prefix).append(column).append(" = ")
                    .append(prefix).append(column).append(' ').append(sign).append(" (CASE WHEN ").append(row)
                    .append(".batch ").append(batch).append(" THEN IFNULL(").append(row).append('.').append(column)
                    .append(", 0) ELSE 0 END)");
        }
        return text.toString();
    }

    /** Whether the completions table has the billing columns (migration 8 ran). */
    static boolean present(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet columns = sql.executeQuery("SELECT 1 FROM pragma_table_info('completions')"
                        + " WHERE name = 'batch'")) {
            return columns.next();
        }
    }

    /** Sets the completion's columns from position {@code first} on, in {@link #COLUMNS} order. */
    static void bind(PreparedStatement statement, int first, @Nullable Usage usage, boolean batch)
            throws SQLException {
        Integer[] counts = usage == null ? new Integer[4] : new Integer[] {usage.promptTokens(),
            usage.cachedTokens(), usage.completionTokens(), usage.reasoningTokens()};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == null) {
                statement.setNull(first + i, Types.INTEGER);
            } else {
                statement.setInt(first + i, counts[i]);
            }
        }
        statement.setInt(first + counts.length, batch ? 1 : 0);
    }

    /** The live and batch sums of a row holding {@link #SUM_COLUMNS} from position {@code first} on. */
    static TokenTotals[] read(ResultSet row, int first) throws SQLException {
        return new TokenTotals[] {
            new TokenTotals(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2),
                    row.getLong(first + 3)),
            new TokenTotals(row.getLong(first + 4), row.getLong(first + 5), row.getLong(first + 6),
                    row.getLong(first + 7))};
    }

    /**
     * Migration 8's conversion: the counts of every completion stored before, read from its body (all were sent
     * on their own: nothing imported a batch as such then), then each cell's sums.
     */
    static void backfill(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, cell, body FROM completions");
                PreparedStatement update = connection.prepareStatement("UPDATE completions SET prompt_tokens = ?,"
                        + " cached_tokens = ?, completion_tokens = ?, reasoning_tokens = ?, batch = ? WHERE id = ?");
                CompletionCells cells = new CompletionCells(connection);
                BodyCodec codec = new BodyCodec()) {
            while (rows.next()) {
                byte[] packed = codec.decompress(rows.getBytes(3), cells.dictionary(rows.getLong(2)));
                bind(update, 1, CompletionBody.unpack(packed).usage(), false);
                update.setLong(6, rows.getLong(1));
                update.executeUpdate();
            }
        }
        try (Statement sums = connection.createStatement()) {
            sums.execute("UPDATE completion_cells SET (" + LIVE + ") = (SELECT IFNULL(SUM(prompt_tokens), 0),"
                    + " IFNULL(SUM(cached_tokens), 0), IFNULL(SUM(completion_tokens), 0),"
                    + " IFNULL(SUM(reasoning_tokens), 0)"
                    + " FROM completions c WHERE c.cell = completion_cells.id AND c.batch = 0)");
            sums.execute("UPDATE completion_cells SET (" + BATCH + ") = (SELECT IFNULL(SUM(prompt_tokens), 0),"
                    + " IFNULL(SUM(cached_tokens), 0), IFNULL(SUM(completion_tokens), 0),"
                    + " IFNULL(SUM(reasoning_tokens), 0)"
                    + " FROM completions c WHERE c.cell = completion_cells.id AND c.batch <> 0)");
        }
    }
}
