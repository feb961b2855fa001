// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/** The folder a run works in: made with the run's files, deleted with whatever the run left in it. */
final class ScratchFolder implements AutoCloseable {
    private static final int DELETE_ATTEMPTS = 5;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /**
     * A new folder holding {@code files} (names to UTF-8 text).
     *
     * @param owner the user id that gets the folder, so that a run dropped to that user can write in it; -1 to keep
     *     this process's
     */
    static ScratchFolder create(Map<String, String> files, int owner) throws IOException {
        ScratchFolder scratch = new ScratchFolder(Files.createTempDirectory("rationale-code-"));
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(scratch.path.resolve(file.getKey()), file.getValue());
            }
            if (owner >= 0) {
                Files.setAttribute(scratch.path, "unix:uid", owner);
                Files.setAttribute(scratch.path, "unix:gid", owner);
            }
        } catch (IOException | RuntimeException e) {
            scratch.close();
            throw e;
        }
        return scratch;
    }

    Path path() {
        return path;
    }

    /** Deletes the folder and everything in it, after giving back any permission the run took away. */
    @Override
    public void close() {
        IOException last = null;
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(path); attempt++) {
            try {
                deleteTree();
            } catch (IOException e) {
                last = e;
            }
        }
        if (Files.exists(path)) {
            throw new UncheckedIOException("cannot delete the scratch folder " + path,
                    last != null ? last : new IOException("still there"));
        }
    }

    private void deleteTree() throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                // A run may have taken its own permissions away from a folder it made: the next attempt gets in.
                if (e instanceof AccessDeniedException) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
