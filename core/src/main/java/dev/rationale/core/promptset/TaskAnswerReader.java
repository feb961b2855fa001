// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.AnswerFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one task's answer format from a prompt-set file token by token, skipping everything else unparsed: a set
 * made for a large run holds hundreds of thousands of cases, which a full load turns into a tree, a source map and
 * the model, hundreds of megabytes for a report that needs a few fields. The answer is read with the same strict
 * mapper as a full load; nothing else is validated.
 */
final class TaskAnswerReader {
    private TaskAnswerReader() {
    }

    /** A task's id and its answer format, as the file spells them. */
    private record TaskAnswer(@Nullable String id, AnswerFormat answer) {
    }

    static Optional<AnswerFormat> read(Path file, String taskId) {
        ObjectMapper mapper = FileSyntax.of(file).mapper();
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("tasks") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        TaskAnswer task = task(parser, mapper);
                        if (taskId.equals(task.id())) {
                            return Optional.of(task.answer());
                        }
                    }
                    return Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Not a prompt set this can read: the caller goes on without the task's format.
            return Optional.empty();
        }
    }

    // From a task's START_OBJECT to its END_OBJECT.
    private static TaskAnswer task(JsonParser parser, ObjectMapper mapper) throws IOException {
        String id = null;
        AnswerFormat answer = AnswerFormat.DEFAULT;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("id") && value.isScalarValue()) {
                id = parser.getValueAsString();
            } else if (field.equals("answer") && value == JsonToken.START_OBJECT) {
                answer = mapper.readerFor(AnswerFormat.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new TaskAnswer(id, answer);
    }
}
