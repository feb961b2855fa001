// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.provider.FinishReason;
import java.io.IOException;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SampleRecord} as the JSON of its results-file line, written field by field through a generator: the
 * same text {@link ResultsFile#MAPPER} makes of it (its {@code @JsonPropertyOrder}, nulls left out), without the
 * mapper's reflective walk over 25 fields, which an evaluation did once per completion in a JVM that had not
 * compiled it yet. {@code SampleRecordLineTest} holds the two to the same text.
 */
final class SampleRecordLine {

    private SampleRecordLine() {
    }

    /** The record's JSON, without the newline. */
    static String of(SampleRecord r) throws IOException {
        // A writer rather than bytes, as writeValueAsString did: characters outside the BMP stay unescaped.
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = ResultsFile.MAPPER.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("task", r.task());
            json.writeStringField("variant", r.variant());
            json.writeStringField("target", r.target());
            json.writeStringField("case", r.testCase());
            json.writeNumberField("sample", r.sample());
            json.writeStringField("endpoint", r.endpoint());
            json.writeStringField("model", r.model());
            json.writeStringField("status", r.status().id());
            string(json, "expected", r.expected());
            string(json, "answer", r.answer());
            string(json, "normalized", r.normalized());
            number(json, "answerProbability", r.answerProbability());
            string(json, "text", r.text());
            string(json, "reasoning", r.reasoning());
            string(json, "finishReason", r.finishReason() == null ? null : id(r.finishReason()));
            if (r.seed() != null) {
                json.writeNumberField("seed", r.seed());
            }
            json.writeNumberField("attempts", r.attempts());
            number(json, "latencyMillis", r.latencyMillis());
            number(json, "firstTokenMillis", r.firstTokenMillis());
            number(json, "thinkingMillis", r.thinkingMillis());
            number(json, "promptTokens", r.promptTokens());
            number(json, "completionTokens", r.completionTokens());
            number(json, "thinkingTokens", r.thinkingTokens());
            number(json, "cachedTokens", r.cachedTokens());
            string(json, "batch", r.batch());
            grading(json, r.grading());
            string(json, "errorKind", r.errorKind());
            string(json, "reason", r.reason());
            json.writeEndObject();
        }
        return text.toString();
    }

    /** The name {@link FinishReason}'s {@code @JsonProperty} gives each reason. */
    private static String id(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case STOP_SEQUENCE -> "stop-sequence";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content-filter";
            case CANCELLED -> "cancelled";
            case OTHER -> "other";
        };
    }

    private static void grading(JsonGenerator json, @Nullable GradeDetail grading) throws IOException {
        if (grading == null) {
            return;
        }
        json.writeObjectFieldStart("grading");
        json.writeStringField("grader", grading.grader());
        number(json, "score", grading.score());
        string(json, "note", grading.note());
        string(json, "request", grading.request());
        string(json, "reply", grading.reply());
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String name, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator json, String name, @Nullable Double value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value.doubleValue());
        }
    }

    private static void number(JsonGenerator json, String name, @Nullable Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value.intValue());
        }
    }
}
