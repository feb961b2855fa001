// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import dev.rationale.core.endpoint.EndpointStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Decides whether to show first run: the user has no endpoint and the models folder holds no GGUF file. */
public final class FirstRunCheck {

    // The same depth the embedded engine searches, so a model it would find counts here too.
    private static final int DEPTH = 3;

    private FirstRunCheck() {
    }

    /**
     * Whether first run is needed. Reads the endpoints file and walks the models folder: call it off the FX thread.
     * An endpoints file that cannot be read counts as configured, so a broken file is not met with a welcome.
     */
    public static boolean isNeeded(EndpointStore store, Path modelsDirectory) {
        try {
            if (!store.load().isEmpty()) {
                return false;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return !holdsModel(modelsDirectory);
    }

    static boolean holdsModel(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder, DEPTH)) {
            return files.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf")
                    && Files.isRegularFile(f));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
