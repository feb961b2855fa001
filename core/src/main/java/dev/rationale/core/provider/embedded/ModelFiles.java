// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists the GGUF files of a models folder as the models the embedded engine offers. */
final class ModelFiles {
    // Deep enough for the publisher/model/file.gguf layout that LM Studio and others use.
    private static final int DEPTH = 3;

    private ModelFiles() {
    }

    static List<ModelInfo> list(Path folder, EngineCache engine) {
        if (!Files.isDirectory(folder)) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "the models folder " + folder
                    + " does not exist");
        }
        try (Stream<Path> files = Files.walk(folder, DEPTH)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf"))
                    .sorted()
                    .map(f -> describe(folder, f, engine))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "cannot list the models folder " + folder
                    + ": " + e.getMessage(), null, e);
        }
    }

    private static ModelInfo describe(Path folder, Path file, EngineCache engine) {
        String id = folder.relativize(file).toString().replace('\\', '/');
        return engine.loaded(file)
                .map(model -> new ModelInfo(id, ModelSize.measured(model.parameterCount()),
                        engine.settings(model).contextSize()))
                .orElseGet(() -> ModelInfo.named(id));
    }
}
