// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rationale.core.RationaleException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces a file atomically: on failure the old content stays and nothing else is left behind. */
class PromptSetFilesSaveTest {
    @TempDir
    Path dir;

    @Test
    void aSuccessfulSaveLeavesOnlyTheFile() throws IOException {
        Path file = dir.resolve("set.rationale.json");
        Files.writeString(file, "old");

        PromptSetFiles.save(PromptSetFixtures.minimal(), file);

        assertThat(file).hasContent(PromptSetFiles.toJson(PromptSetFixtures.minimal()));
        assertThat(namesIn(dir)).containsExactly("set.rationale.json");
    }

    @Test
    void aSaveWhoseMoveFailsLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        // A non-empty directory in the target's place makes the final move fail after the temp file is written.
        Path target = dir.resolve("set.rationale.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "original");

        assertThatThrownBy(() -> PromptSetFiles.save(PromptSetFixtures.minimal(), target))
                .isInstanceOf(RationaleException.class)
                .hasMessageStartingWith("could not save " + target + ": ");

        assertThat(target.resolve("inside.txt")).hasContent("original");
        assertThat(namesIn(dir)).containsExactly("set.rationale.json");
    }

    @Test
    void aSaveIntoAReadOnlyDirectoryKeepsTheOldContent() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("set.rationale.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "running as a user who may write anywhere");

            assertThatThrownBy(() -> PromptSetFiles.save(PromptSetFixtures.minimal(), file))
                    .isInstanceOf(RationaleException.class);

            assertThat(file).hasContent("old");
            assertThat(namesIn(dir)).containsExactly("set.rationale.json");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
