// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Field paths as problems show them: names joined by dots, list indices in brackets, the top level empty, e.g.
 * {@code tasks[0].variants[2].shots}. The same spelling keys the {@link SourceMap}, so a path built by the
 * validator finds the location the parser recorded.
 */
final class FieldPath {
    static final String ROOT = "";

    private FieldPath() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path one level up: {@code a.b[2]} gives {@code a.b}, {@code a.b} gives {@code a}. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? ROOT : path.substring(0, cut);
    }

    /** The path of the value a streaming parser's context is at. */
    static String of(@Nullable JsonStreamContext context) {
        // A loop rather than recursion over the parents: the depth comes from the file.
        Deque<JsonStreamContext> outward = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            outward.push(at);
        }
        // One builder, not a string per level: joining level by level costs the square of the depth.
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : outward) {
            if (at.inArray()) {
                path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(at.getCurrentName());
            }
        }
        return path.toString();
    }

    /** The path of a data-binding error. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = ROOT;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path = field(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path = index(path, reference.getIndex());
            }
        }
        return path;
    }
}
