// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import dev.rationale.core.RationaleException;

/** A prompt could not be rendered; the message names the template and the exemplar or case at fault. */
public final class RenderException extends RationaleException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
