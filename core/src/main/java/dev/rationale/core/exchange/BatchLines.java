// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lines of batch output (and error) files, read a line at a time: each with a {@code custom_id} is handed
 * over parsed, with where it is ({@code FILE:LINE}); a blank line is passed over, and one that is not JSON or has no
 * id is told to {@code problems}.
 */
final class BatchLines {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What a line with an id is handed to. */
    @FunctionalInterface
    interface Action {
        void line(String where, String customId, JsonNode json);
    }

    private BatchLines() {
    }

    /** @throws UncheckedIOException when a file cannot be read */
    static void forEach(List<Path> files, Action action, Consumer<String> problems) {
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    number++;
                    if (!text.isBlank()) {
                        read(file.getFileName() + ":" + number, text, action, problems);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private static void read(String where, String text, Action action, Consumer<String> problems) {
        try {
            JsonNode json = JSON.readTree(text);
            String id = json.path("custom_id").asText("");
            if (id.isEmpty()) {
                problems.accept(where + ": no custom_id");
            } else {
                action.line(where, id, json);
            }
        } catch (JsonProcessingException e) {
            problems.accept(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
