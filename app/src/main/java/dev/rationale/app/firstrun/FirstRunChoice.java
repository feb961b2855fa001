// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.core.endpoint.Endpoint;
import java.nio.file.Path;

/** What the user chose on first run; the caller of {@link FirstRunDialog} acts on it. */
public sealed interface FirstRunChoice {

    /**
     * Run the embedded engine on this GGUF file: one the user picked on disk (not copied; it stays where it is) or
     * one just downloaded into the models folder. The caller records it as the embedded endpoint's model.
     */
    record EmbeddedModel(Path file) implements FirstRunChoice {
    }

    /** A new endpoint for a server found on this machine; it is already saved in the endpoints file. */
    record NewEndpoint(Endpoint endpoint) implements FirstRunChoice {
    }

    /** Nothing was chosen: the user closed the dialog, or went on to the Endpoints dialog. */
    record Nothing() implements FirstRunChoice {
    }
}
