// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Finds the Mustache tags in a template for highlighting. A plain scanner rather than the Mustache parser: while
 * someone types, the template is broken most of the time, and the highlighting must still show the tags that are
 * whole and mark the one being written. Pure and thread-safe.
 */
public final class TemplateHighlighter {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final String TRIPLE_OPEN = "{{{";
    private static final String TRIPLE_CLOSE = "}}}";

    private TemplateHighlighter() {
    }

    /** The tags of {@code template} in order; they never overlap. */
    public static List<TemplateTag> tags(String template) {
        List<TemplateTag> tags = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = template.indexOf(OPEN, from);
            if (open < 0) {
                return tags;
            }
            TemplateTag tag = tagAt(template, open);
            tags.add(tag);
            from = tag.end();
        }
    }

    /** The tags as RichTextFX style spans covering all {@code length} characters; plain text has no style. */
    public static StyleSpans<Collection<String>> styleSpans(List<TemplateTag> tags, int length) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (TemplateTag tag : tags) {
            spans.add(List.of(), tag.start() - at);
            spans.add(List.of(tag.kind().styleClass()), tag.length());
            at = tag.end();
        }
        // The builder refuses to build nothing, so an empty or tag-free text still gets one (maybe empty) span.
        spans.add(List.of(), length - at);
        return spans.create();
    }

    private static TemplateTag tagAt(String template, int open) {
        boolean triple = template.startsWith(TRIPLE_OPEN, open);
        int inner = open + (triple ? TRIPLE_OPEN.length() : OPEN.length());
        char sigil = triple ? '{' : charAt(template, inner);
        // A comment may span lines and hold braces; any other tag ends on its line, before the next tag opens.
        int limit = sigil == '!'
                ? template.length()
                : Math.min(lineEnd(template, inner), nextOpen(template, inner));
        int closeAt = template.indexOf(triple ? TRIPLE_CLOSE : CLOSE, inner);
        if (closeAt < 0 || closeAt >= limit) {
            return new TemplateTag(open, limit, TemplateTag.Kind.INVALID);
        }
        int end = closeAt + (triple ? TRIPLE_CLOSE : CLOSE).length();
        TemplateTag.Kind kind = triple ? TemplateTag.Kind.VARIABLE : kindOf(sigil);
        int nameStart = triple || kind == TemplateTag.Kind.VARIABLE && sigil != '&' ? inner : inner + 1;
        boolean named = !template.substring(nameStart, closeAt).isBlank();
        return new TemplateTag(open, end, named || kind == TemplateTag.Kind.COMMENT ? kind : TemplateTag.Kind.INVALID);
    }

    private static TemplateTag.Kind kindOf(char sigil) {
        return switch (sigil) {
            case '#', '^', '/', '>' -> TemplateTag.Kind.SECTION;
            case '!', '=' -> TemplateTag.Kind.COMMENT;
            default -> TemplateTag.Kind.VARIABLE;
        };
    }

    private static char charAt(String text, int index) {
        return index < text.length() ? text.charAt(index) : ' ';
    }

    private static int lineEnd(String template, int from) {
        int newline = template.indexOf('\n', from);
        return newline < 0 ? template.length() : newline;
    }

    private static int nextOpen(String template, int from) {
        int next = template.indexOf(OPEN, from);
        return next < 0 ? template.length() : next;
    }
}
