// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.fx.Styles;

/**
 * One Mustache tag found in a template: the characters {@code [start, end)}, braces included, and what kind it is.
 */
public record TemplateTag(int start, int end, Kind kind) {

    /** What a tag does, which decides how the editor shows it. */
    public enum Kind {
        /** {@code {{name}}}, {@code {{{name}}}} or {@code {{&name}}}: a value is put here. */
        VARIABLE(Styles.COMPOSE_TEMPLATE_VARIABLE),
        /** {@code {{#name}}}, {@code {{^name}}} or {@code {{/name}}}: opens or closes a section. */
        SECTION(Styles.COMPOSE_TEMPLATE_SECTION),
        /** {@code {{! ...}}}: a comment, or another tag that renders nothing (a delimiter change). */
        COMMENT(Styles.COMPOSE_TEMPLATE_COMMENT),
        /** A tag that does not parse: never closed on its line, or with no name. */
        INVALID(Styles.COMPOSE_TEMPLATE_INVALID);

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The style class the editor gives the tag's characters. */
        public String styleClass() {
            return styleClass;
        }
    }

    public TemplateTag {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
