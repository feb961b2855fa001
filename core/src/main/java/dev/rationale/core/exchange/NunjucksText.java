// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with variables in promptfoo's template language (Nunjucks): literal text that could read as a tag is kept
 * in a {@code {% raw %}} block, each variable is {@code {{ name }}}. Reading back accepts exactly that subset,
 * so a template with filters, conditions or loops is refused rather than half understood.
 */
final class NunjucksText {
    /** A piece of a template: literal text, or the variable {@code name}. */
    record Piece(String text, boolean variable) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TAG = Pattern.compile(
            "\\{%-?\\s*raw\\s*-?%}(.*?)\\{%-?\\s*endraw\\s*-?%}|\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}",
            Pattern.DOTALL);
    private static final Pattern ANY_TAG = Pattern.compile("\\{\\{|\\{%|\\{#");
    private static final String END_RAW = "endraw";

    private NunjucksText() {
    }

    static boolean isVariableName(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** The template of the pieces; literal text that holds {@code endraw} cannot be written and is refused. */
    static Optional<String> write(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (piece.variable()) {
                out.append("{{ ").append(piece.text()).append(" }}");
                continue;
            }
            String text = piece.text();
            boolean beforeVariable = i + 1 < pieces.size() && pieces.get(i + 1).variable();
            // A brace just before "{{ name }}" would merge with it into a different tag, so it is kept raw too.
            if (ANY_TAG.matcher(text).find() || beforeVariable && text.endsWith("{")) {
                if (text.contains(END_RAW)) {
                    return Optional.empty();
                }
                out.append("{% raw %}").append(text).append("{% endraw %}");
            } else {
                out.append(text);
            }
        }
        return Optional.of(out.toString());
    }

    /** The pieces of a template in the subset {@link #write} produces, or empty for anything else. */
    static Optional<List<Piece>> read(String template) {
        List<Piece> pieces = new ArrayList<>();
        Matcher tag = TAG.matcher(template);
        int at = 0;
        StringBuilder literal = new StringBuilder();
        while (tag.find()) {
            String between = template.substring(at, tag.start());
            if (ANY_TAG.matcher(between).find()) {
                return Optional.empty();
            }
            literal.append(between);
            if (tag.group(1) != null) {
                literal.append(tag.group(1));
            } else {
                flush(literal, pieces);
                pieces.add(new Piece(tag.group(2), true));
            }
            at = tag.end();
        }
        String rest = template.substring(at);
        if (ANY_TAG.matcher(rest).find()) {
            return Optional.empty();
        }
        literal.append(rest);
        flush(literal, pieces);
        return Optional.of(pieces);
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (!literal.isEmpty()) {
            pieces.add(new Piece(literal.toString(), false));
            literal.setLength(0);
        }
    }
}
