// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

/**
 * Measures how deeply a template's sections nest, without JMustache: JMustache fills and visits a template by
 * recursion, one level of the Java stack per open section, so a template nesting thousands of sections ends in a
 * {@link StackOverflowError} that no caller can report sensibly. Checking the depth first turns that into a
 * {@link TemplateException}.
 *
 * <p>The scan follows JMustache's reading of tags closely enough to never count fewer sections than it opens:
 * delimiter changes ({@code {{=<% %>=}}}) are honoured, triple mustaches are tags, and every tag that opens a
 * section in JMustache ({@code #}, {@code ^}, {@code $}, {@code <}) counts. Malformed tags are left for JMustache to
 * reject. Time is linear in the template's length.
 */
final class SectionDepth {
    /**
     * The deepest nesting allowed. Real prompts nest two or three sections (a rationale inside an exemplar inside a
     * list); 64 is far beyond any of them, and keeps JMustache's recursion to a few tens of kilobytes of stack, so
     * it also fits threads with small stacks (it was tried at 256 KB, where about 500 levels already overflow).
     */
    static final int LIMIT = 64;

    private static final String SECTION_OPENERS = "#^$<";
    private static final char NONE = 0;

    private enum State { TEXT, MATCHING_START, TAG, MATCHING_END }

    private final String text;
    private char start1 = '{';
    private char start2 = '{';
    private char end1 = '}';
    private char end2 = '}';
    private State state = State.TEXT;
    private final StringBuilder tag = new StringBuilder();
    private int next;
    private int line = 1;
    private int depth;
    private int deepest;
    private int lineOverLimit;

    private SectionDepth(String text) {
        this.text = text;
    }

    /**
     * @throws TemplateException naming the depth and the line where the limit was first passed, when sections nest
     *     deeper than {@link #LIMIT}
     */
    static void check(String template) {
        SectionDepth scan = new SectionDepth(template);
        scan.scan();
        if (scan.deepest > LIMIT) {
            throw new TemplateException("sections nest " + scan.deepest + " deep (from line " + scan.lineOverLimit
                    + "); at most " + LIMIT + " levels are allowed");
        }
    }

    // The same four states as JMustache's parser, so a tag starts and ends where JMustache sees it start and end.
    private void scan() {
        for (next = 0; next < text.length(); next++) {
            char c = text.charAt(next);
            if (!take(c, next)) {
                return;
            }
            if (c == '\n') {
                line++;
            }
        }
    }

    /** Reads one character; false once JMustache would give up on the template, which ends the scan. */
    private boolean take(char c, int at) {
        switch (state) {
            case TEXT -> {
                if (c == start1) {
                    beginTag();
                }
            }
            case MATCHING_START -> {
                if (c == start2) {
                    state = State.TAG;
                } else {
                    state = State.TEXT;
                    return take(c, at);
                }
            }
            case TAG -> {
                if (c == end1) {
                    return end2 == NONE ? endTag(at) : matchEnd();
                }
                // A second opener inside a tag makes the first one plain text, except in a comment.
                if (c == start1 && !tag.isEmpty() && tag.charAt(0) != '!') {
                    beginTag();
                } else {
                    tag.append(c);
                }
            }
            case MATCHING_END -> {
                if (c == end2) {
                    return endTag(at);
                }
                tag.append(end1);
                state = State.TAG;
                return take(c, at);
            }
        }
        return true;
    }

    private void beginTag() {
        tag.setLength(0);
        state = start2 == NONE ? State.TAG : State.MATCHING_START;
    }

    private boolean matchEnd() {
        state = State.MATCHING_END;
        return true;
    }

    private boolean endTag(int at) {
        state = State.TEXT;
        if (tag.isEmpty()) {
            return false;
        }
        String content = tag.toString();
        if (content.charAt(0) == '=') {
            return changeDelimiters(content);
        }
        if (isStaches() && content.charAt(0) == '{') {
            // A triple mustache; JMustache reads its third closing brace itself.
            if (at + 1 >= text.length() || text.charAt(at + 1) != '}') {
                return false;
            }
            next++;
            return true;
        }
        String name = content.strip();
        if (name.isEmpty()) {
            return false;
        }
        char kind = name.charAt(0);
        if (SECTION_OPENERS.indexOf(kind) >= 0) {
            open();
        } else if (kind == '/' && depth > 0) {
            depth--;
        }
        return true;
    }

    private void open() {
        depth++;
        if (depth > deepest) {
            deepest = depth;
            if (depth == LIMIT + 1) {
                lineOverLimit = line;
            }
        }
    }

    // JMustache takes the text between "=" and the tag's last character and splits it at single spaces.
    private boolean changeDelimiters(String content) {
        if (content.length() < 2) {
            return false;
        }
        String[] parts = content.substring(1, content.length() - 1).split(" ");
        if (parts.length != 2 || !validDelimiter(parts[0]) || !validDelimiter(parts[1])) {
            return false;
        }
        start1 = parts[0].charAt(0);
        start2 = parts[0].length() == 2 ? parts[0].charAt(1) : NONE;
        end1 = parts[1].charAt(0);
        end2 = parts[1].length() == 2 ? parts[1].charAt(1) : NONE;
        return true;
    }

    private static boolean validDelimiter(String delimiter) {
        return delimiter.length() == 1 || delimiter.length() == 2;
    }

    private boolean isStaches() {
        return start1 == '{' && start2 == '{' && end1 == '}' && end2 == '}';
    }
}
