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
    void theLibrariesAreExtractedOnceAndIntactCopiesAreReused(@TempDir Path cache) throws IOException {
        String before = System.getProperty(NativeLibraryFile.CACHE_PROPERTY);
        System.setProperty(NativeLibraryFile.CACHE_PROPERTY, cache.toString());
        try {
            Path folder = NativeLibraryFile.locate();
            Path llama;
            try (var files = Files.list(folder)) {
                llama = files.filter(file -> file.getFileName().toString().startsWith("libllama")).findFirst()
                        .orElseThrow();
            }
            FileTime written = FileTime.fromMillis(1_000_000L);
            Files.setLastModifiedTime(llama, written);

            assertThat(NativeLibraryFile.locate()).isEqualTo(folder).startsWith(cache);
            assertThat(Files.getLastModifiedTime(llama)).isEqualTo(written);
            assertThat(folder.getFileName().toString()).startsWith("llama-3.21.1-");
            try (var files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .contains("libggml-base.so", "libggml-cpu-x64.so").hasSizeGreaterThan(3);
            }

            Files.write(llama, new byte[] {1, 2, 3});
            NativeLibraryFile.locate();
            assertThat(Files.size(llama)).isGreaterThan(1_000_000L);
        } finally {
            if (before == null) {
                System.clearProperty(NativeLibraryFile.CACHE_PROPERTY);
            } else {
                System.setProperty(NativeLibraryFile.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void thePlatformIsNamedAsTheBuildsResourceFolders() {
        assertThat(NativeLibraryFile.platform()).matches("(linux|mac|win)-(x64|arm64)");
    }
}
