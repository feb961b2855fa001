// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.template;

import dev.rationale.core.RationaleException;

/** A template does not parse, or asks for a value it was not given. */
public final class TemplateException extends RationaleException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
