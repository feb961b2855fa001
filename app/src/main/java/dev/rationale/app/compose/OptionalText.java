// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import org.jspecify.annotations.Nullable;

/**
 * Maps optional text fields of the prompt set (null when a file leaves them out) to and from the always-present
 * text of an input control, so that showing a field and leaving it alone never changes the file.
 */
final class OptionalText {

    private OptionalText() {
    }

    /** What a control shows for {@code value}: the text, or empty for an absent field. */
    static String shown(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * The field's new value after its control was set to {@code text}: the old value itself when the text still
     * shows it (so absent stays absent), otherwise the text, with empty text meaning an absent field.
     */
    static @Nullable String edited(@Nullable String old, String text) {
        if (text.equals(shown(old))) {
            return old;
        }
        return text.isEmpty() ? null : text;
    }
}
