// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes completions exactly as the release with schema 4 did (one wide row, request as JSON, tokens as
 * {@link TokensJson}), for tests that open a database written by the previous version.
 */
final class SchemaFourRows {
    private static final String INSERT = "INSERT INTO completions (run_id, variant, target, target_kind, model, "
            + "case_id, sample, request, response, reasoning, tokens, extracted, expected, grade, failure, "
            + "finish_reason, prompt_tokens, completion_tokens, reasoning_tokens, first_token_ms, total_ms, "
            + "created_at, thinking_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private SchemaFourRows() {
    }

    /** Inserts {@code c} and returns the id SQLite gave it. */
    static long insert(Connection connection, CompletionRecord c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, c.key().runId());
            insert.setString(2, c.key().variant());
            insert.setString(3, c.key().target().endpoint());
            insert.setString(4, c.key().target().kind().id());
            insert.setString(5, c.key().target().model());
            insert.setString(6, c.key().caseId());
            insert.setInt(7, c.key().sample());
            insert.setString(8, HistoryJson.write(c.request()));
            insert.setString(9, c.text());
            insert.setString(10, c.reasoning());
            insert.setString(11, TokensJson.write(c.tokens()));
            insert.setString(12, c.extracted());
            insert.setString(13, c.expected());
            insert.setString(14, c.grade().id());
            insert.setString(15, c.failure());
            insert.setString(16, c.finishReason() == null ? null : c.finishReason().name());
            Usage usage = c.usage();
            setNumber(insert, 17, usage == null ? null : usage.promptTokens());
            setNumber(insert, 18, usage == null ? null : usage.completionTokens());
            setNumber(insert, 19, usage == null ? null : usage.reasoningTokens());
            Timings timings = c.timings();
            setNumber(insert, 20, timings == null ? null : timings.firstTokenMillis());
            setNumber(insert, 21, timings == null ? null : timings.totalMillis());
            insert.setLong(22, c.createdAt().toEpochMilli());
            setNumber(insert, 23, timings == null ? null : timings.thinkingMillis());
            insert.executeUpdate();
        }
        try (var statement = connection.createStatement();
                var id = statement.executeQuery("SELECT last_insert_rowid()")) {
            id.next();
            return id.getLong(1);
        }
    }

    private static void setNumber(PreparedStatement insert, int index, Number value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NUMERIC);
        } else if (value instanceof Integer i) {
            insert.setInt(index, i);
        } else {
            insert.setDouble(index, value.doubleValue());
        }
    }
}
