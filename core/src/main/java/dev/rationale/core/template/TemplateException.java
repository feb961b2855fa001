// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import dev.rationale.core.RationaleException;
import dev.rationale.core.parse.OneLine;

/**
 * A template does not parse, or asks for a value it was not given. The message quotes the template (a tag, a
 * line), which may hold line breaks; they are escaped so the error stays one line.
 */
public final class TemplateException extends RationaleException {
    public TemplateException(String message) {
        super(OneLine.of(message));
    }

    public TemplateException(String message, Throwable cause) {
        super(OneLine.of(message), cause);
    }
}
