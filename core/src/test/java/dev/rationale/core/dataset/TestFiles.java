// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The dataset fixtures under {@code src/test/resources/dataset/}, and small files written for one test. */
final class TestFiles {
    private TestFiles() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/dataset/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
