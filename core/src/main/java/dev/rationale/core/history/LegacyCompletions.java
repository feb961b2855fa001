// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Completions as schema 4 kept them, one wide row each with the request as JSON and the tokens as
 * {@link TokensJson}: read once, by migration 5, which moves them into the compact table under the same ids.
 */
final class LegacyCompletions {
    private static final String COLUMNS = "id, run_id, variant, target, target_kind, model, case_id, sample, "
            + "extracted, expected, grade, failure, finish_reason, created_at, request, response, reasoning, tokens, "
            + "prompt_tokens, completion_tokens, reasoning_tokens, first_token_ms, total_ms, thinking_ms";

    private LegacyCompletions() {
    }

    /** Moves every row of {@code completions_v4} into {@code completions}, in id order, then drops the old table. */
    static void convert(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT " + COLUMNS + " FROM completions_v4 ORDER BY id");
                CompletionRows.Writer writer = new CompletionRows.Writer(connection)) {
            while (rows.next()) {
                writer.insert(rows.getLong("id"), read(rows));
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE completions_v4");
        }
    }

    /** A schema 4 row as the record it was written from. */
    static CompletionRecord read(ResultSet row) throws SQLException {
        Usage usage = new Usage(CompletionRows.getInteger(row, "prompt_tokens"),
                CompletionRows.getInteger(row, "completion_tokens"), CompletionRows.getInteger(row,
                        "reasoning_tokens"));
        Double total = getDouble(row, "total_ms");
        Timings timings = total == null ? null
                : new Timings(getDouble(row, "first_token_ms"), total, getDouble(row, "thinking_ms"));
        boolean noUsage = usage.promptTokens() == null && usage.completionTokens() == null
                && usage.reasoningTokens() == null;
        String finish = row.getString("finish_reason");
        return new CompletionRecord(CompletionRows.readKey(row), HistoryJson.request(row.getString("request")),
                row.getString("response"), row.getString("reasoning"), TokensJson.read(row.getString("tokens")),
                row.getString("extracted"), row.getString("expected"), CompletionRows.grade(row.getString("grade")),
                row.getString("failure"), finish == null ? null
                        : FinishReason.valueOf(finish.toUpperCase(Locale.ROOT)),
                noUsage ? null : usage, timings, Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static @Nullable Double getDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
