// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of a BIG-bench file start: each top-level field and each element of {@code examples}. A JSON
 * tree forgets positions, so one streaming pass over the (already parsed, hence valid) text recovers them.
 */
final class JsonLocations {
    private final Map<String, Integer> fieldLines = new HashMap<>();
    private final List<Integer> exampleLines = new ArrayList<>();
    private int objectLine = 1;

    private JsonLocations() {
    }

    static JsonLocations of(String text, String listField) {
        JsonLocations locations = new JsonLocations();
        try (JsonParser parser = JsonValues.JSON.createParser(text)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                locations.objectLine = parser.currentTokenLocation().getLineNr();
                locations.scanObject(parser, listField);
            }
        } catch (IOException ignored) {
            // The text parsed as a tree a moment ago; lines found before a failure here are still right.
        }
        return locations;
    }

    /** The line a top-level field starts on; for a field the file lacks, the line its object starts on. */
    int field(String name) {
        return fieldLines.getOrDefault(name, objectLine);
    }

    /** The line element {@code index} of the list starts on, or 0 when unknown. */
    int element(int index) {
        return index < exampleLines.size() ? exampleLines.get(index) : 0;
    }

    private void scanObject(JsonParser parser, String listField) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            fieldLines.put(name, parser.currentTokenLocation().getLineNr());
            JsonToken value = parser.nextToken();
            if (name.equals(listField) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    exampleLines.add(parser.currentTokenLocation().getLineNr());
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
        }
    }
}
