// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.render.RenderedPrompt;
import java.io.PrintWriter;

/** Tells the user, on standard error, how a prompt was changed to reach its backend and model. */
final class AdaptationNote {
    private AdaptationNote() {
    }

    /** Prints {@code note: ...} when {@code prompt} was adapted; nothing when it goes as written. */
    static void print(RenderedPrompt prompt, PrintWriter err) {
        if (!prompt.adaptation().isEmpty()) {
            err.println("note: " + prompt.adaptation());
            err.flush();
        }
    }
}
