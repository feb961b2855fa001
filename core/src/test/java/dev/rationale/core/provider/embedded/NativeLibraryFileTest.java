// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryFileTest {

    @Test
    void theLibraryIsExtractedOnceAndAnIntactCopyIsReused(@TempDir Path cache) throws IOException {
        String before = System.getProperty(NativeLibraryFile.CACHE_PROPERTY);
        System.setProperty(NativeLibraryFile.CACHE_PROPERTY, cache.toString());
        try {
            Path first = NativeLibraryFile.locate();
            FileTime written = FileTime.fromMillis(1_000_000L);
            Files.setLastModifiedTime(first, written);
            Path second = NativeLibraryFile.locate();

            assertThat(second).isEqualTo(first).startsWith(cache);
            assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
            assertThat(first.getParent().getFileName().toString()).startsWith("llama-4.2.0-");
            try (var files = Files.list(first.getParent())) {
                assertThat(files).containsExactly(first);
            }

            Files.write(first, new byte[] {1, 2, 3});
            assertThat(Files.size(NativeLibraryFile.locate())).isGreaterThan(1_000_000L);
        } finally {
            if (before == null) {
                System.clearProperty(NativeLibraryFile.CACHE_PROPERTY);
            } else {
                System.setProperty(NativeLibraryFile.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void thePlatformIsNamedAsTheJarsFolders() {
        assertThat(NativeLibraryFile.platform()).matches("(Linux|Mac|Windows|Linux-Android)/(x86_64|aarch64|x86)");
    }
}
