// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where each value of a prompt-set file starts in its text, by field path ({@code tasks[0].variants[2].shots}).
 * The validator works on records, which have forgotten the text; this map lets its problems point at a line and
 * column anyway. A path with no location of its own (a required field that is absent) is placed at its nearest
 * ancestor that has one. {@link #NONE} knows no locations, for prompt sets built in code.
 *
 * <p>The map is made on the first {@link #locate}: a valid file (most of them, and every large one read to be run)
 * never pays for a string and an entry per value, which for a set of a hundred thousand cases was most of a
 * gigabyte. Thread-safe.
 */
public final class SourceMap {
    /** A map without locations: every problem gets line 0. */
    public static final SourceMap NONE = new SourceMap(Map.of());

    private final Supplier<Map<String, Location>> reader;
    private @Nullable Map<String, Location> locations;

    private SourceMap(Map<String, Location> locations) {
        this.reader = () -> locations;
    }

    private SourceMap(Supplier<Map<String, Location>> reader) {
        this.reader = reader;
    }

    /** A map read from the parsers {@code parsers} makes, once, when a location is first asked for. */
    static SourceMap lazy(Supplier<JsonParser> parsers) {
        return new SourceMap(() -> {
            try (JsonParser parser = parsers.get()) {
                return locations(parser);
            } catch (IOException e) {
                throw new IllegalStateException("text that parsed once failed to parse again", e);
            }
        });
    }

    private synchronized Map<String, Location> locations() {
        if (locations == null) {
            locations = reader.get();
        }
        return locations;
    }

    /**
     * Records the start of every value the parser reads, to the end of its input.
     *
     * @throws IOException when the text does not parse; callers parse it fully first, so this does not happen
     */
    static SourceMap read(JsonParser parser) throws IOException {
        return new SourceMap(locations(parser));
    }

    private static Map<String, Location> locations(JsonParser parser) throws IOException {
        Map<String, Location> locations = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                continue;
            }
            // At the start of an object or list the parser has already entered it; its path is the parent's.
            JsonStreamContext context = token.isStructStart()
                    ? parser.getParsingContext().getParent()
                    : parser.getParsingContext();
            // A duplicate key is an error reported elsewhere; keeping the first keeps locations stable.
            locations.putIfAbsent(FieldPath.of(context), Location.of(parser.currentTokenLocation()));
        }
        return Map.copyOf(locations);
    }

    /** The location of {@code path}, else of its nearest ancestor that has one, else {@link Location#UNKNOWN}. */
    public Location locate(String path) {
        String current = path;
        while (true) {
            Location location = locations().get(current);
            if (location != null) {
                return location;
            }
            if (current.isEmpty()) {
                return Location.UNKNOWN;
            }
            current = FieldPath.parent(current);
        }
    }

    /** A 1-based line and column; {@link #UNKNOWN} is line 0. */
    public record Location(int line, int column) {
        public static final Location UNKNOWN = new Location(0, 0);

        static Location of(JsonLocation location) {
            int line = location.getLineNr();
            return line > 0 ? new Location(line, Math.max(location.getColumnNr(), 0)) : UNKNOWN;
        }

        public boolean isKnown() {
            return line > 0;
        }
    }
}
