// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndCreatesMissingDirectories() throws IOException {
        Path target = dir.resolve("a/b/set.rationale.json");

        AtomicFiles.writeString(target, "{}\n");

        assertThat(target).hasContent("{}\n");
    }

    @Test
    void replacesTheWholeContentOfAnExistingFile() throws IOException {
        Path target = dir.resolve("set.rationale.json");
        Files.writeString(target, "a much longer old content that must not survive in part");

        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
    }

    @Test
    void aSuccessfulWriteLeavesNoTemporaryFileBehind() throws IOException {
        Path target = dir.resolve("set.rationale.json");

        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");

        assertThat(filesIn(dir)).containsExactly("set.rationale.json");
    }

    @Test
    void temporaryFilesAreHiddenBesideTheTargetAndEndInTmp() {
        String name = AtomicFiles.tempNameFor("set.rationale.json");

        assertThat(name).startsWith(".set.rationale.json.").endsWith(".tmp");
        assertThat(AtomicFiles.tempNameFor("set.rationale.json")).isNotEqualTo(name);
    }

    @Test
    void aFailedMoveLeavesTheTargetIntactAndNoTemporaryFile() throws IOException {
        // A non-empty directory cannot be replaced by a file: the bytes reach the temp file, then the move fails.
        Path target = dir.resolve("set.rationale.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "original");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "new")).isInstanceOf(IOException.class);

        assertThat(target.resolve("keep.txt")).hasContent("original");
        assertThat(filesIn(dir)).containsExactly("set.rationale.json");
    }

    @Test
    void aDirectoryThatCannotBeWrittenLeavesTheOriginalIntact() throws IOException {
        assumeTrue(isPosix());
        Path target = dir.resolve("set.rationale.json");
        Files.writeString(target, "original");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permissions, so the failure can only be observed as an ordinary user.
            assumeFalse(Files.isWritable(dir), "running as a user who may write anywhere");

            assertThatThrownBy(() -> AtomicFiles.writeString(target, "new")).isInstanceOf(IOException.class);

            assertThat(target).hasContent("original");
            assertThat(filesIn(dir)).containsExactly("set.rationale.json");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aParentThatIsAFileFailsWithoutTouchingIt() throws IOException {
        Path notADirectory = dir.resolve("plain.txt");
        Files.writeString(notADirectory, "original");

        assertThatThrownBy(() -> AtomicFiles.writeString(notADirectory.resolve("set.rationale.json"), "new"))
                .isInstanceOf(IOException.class);

        assertThat(notADirectory).hasContent("original");
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        assumeTrue(isPosix());
        Path target = dir.resolve("set.rationale.json");
        Files.writeString(target, "old");
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, permissions);

        AtomicFiles.writeString(target, "new");

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(permissions);
    }

    @Test
    void writingThroughASymbolicLinkUpdatesTheLinkedFileAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.rationale.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.rationale.json"), real.getFileName());

        AtomicFiles.writeString(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
