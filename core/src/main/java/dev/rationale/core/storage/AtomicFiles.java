// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's whole content atomically. The bytes go to a temporary file beside the target (named
 * {@code .NAME.RANDOM.tmp}), are forced to disk, and the temporary file is then moved over the target in one
 * step. Readers and a crash see either the old content or the new, never a mix.
 *
 * <p>If anything fails, the temporary file is deleted, the target keeps its old content and the
 * {@link IOException} is thrown to the caller. Missing parent directories are created. A target that is a
 * symbolic link is written through: the file it points to gets the new content and the link stays.
 * Methods block on disk I/O; call them off the UI thread.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int NAME_ATTEMPTS = 10;

    private AtomicFiles() {
    }

    /** Replaces {@code target}'s content with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target}'s content with {@code content}, creating the file and its directories if needed. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, temp -> writeAndForce(temp, content));
    }

    /** Writes text to a stream; may throw, which leaves the target as it was. */
    public interface TextOutput {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Replaces {@code target}'s content with what {@code output} writes, as UTF-8 through a buffer: for content too
     * large to hold in memory. If {@code output} throws, the target keeps its old content.
     */
    public static void writeText(Path target, TextOutput output) throws IOException {
        replace(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
                output.writeTo(out);
                out.flush();
                channel.force(true);
            }
        });
    }

    private interface TempWrite {
        void into(Path temp) throws IOException;
    }

    private static void replace(Path target, TempWrite write) throws IOException {
        Path destination = followLink(target);
        Path directory = destination.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = createTempBeside(directory, destination.getFileName().toString());
        try {
            copyPermissions(destination, temp);
            write.into(temp);
            moveOver(temp, destination);
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        forceDirectory(directory);
    }

    // Saving through a link must update the file it points to, as editors do, not replace the link by a file.
    private static Path followLink(Path target) throws IOException {
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        try {
            return target.toRealPath();
        } catch (NoSuchFileException dangling) {
            return target;
        }
    }

    // A random part keeps two saves of the same file, or a temp file left by a crash, from colliding;
    // CREATE_NEW guarantees we only ever delete a file we created ourselves.
    private static Path createTempBeside(Path directory, String fileName) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = directory.resolve(tempNameFor(fileName));
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A fresh name for a temporary file beside {@code fileName}: {@code .NAME.RANDOM.tmp}, hidden on Unix. */
    static String tempNameFor(String fileName) {
        return "." + fileName + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX;
    }

    // The temp file starts with default permissions; without this, saving would silently change the mode of a
    // file the user had made group-readable or private.
    private static void copyPermissions(Path destination, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS)) {
            view.setPermissions(Files.getPosixFilePermissions(destination));
        }
    }

    private static void writeAndForce(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void moveOver(Path temp, Path destination) throws IOException {
        try {
            Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network and FUSE mounts) cannot rename atomically; a plain replace is
            // the best they offer, and the content was already forced to disk.
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    // The rename is only durable once the directory entry is flushed too. Not every platform can open a
    // directory as a channel (Windows cannot), and the new content is already in place, so this is best effort.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Nothing to undo: the file has its new content; only the durability of the rename is weaker.
        }
    }
}
