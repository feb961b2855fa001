// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code .part} file of one download, open and locked for as long as the download runs, with a running SHA-256
 * over its content. Before writing, call {@link #resume()} (hashes what is there and appends after it) or
 * {@link #restart()} (empties it). Used by one thread; every I/O failure becomes a {@link DiskException}. The
 * static methods handle the part file by path once it is closed.
 */
final class PartFile implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PartFile.class.getName());
    private static final int HASH_BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final MessageDigest digest = newDigest();

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens {@code path}, creating it and its folders if needed, and locks it against a second download. */
    static PartFile open(Path path) throws DiskException {
        FileChannel channel;
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
        try {
            lock(channel, path);
        } catch (DiskException e) {
            closeQuietly(channel);
            throw e;
        }
        return new PartFile(path, channel);
    }

    // Two downloads appending to one file would interleave their bytes; the second one is refused instead. The lock
    // also covers another instance of the application.
    private static void lock(FileChannel channel, Path path) throws DiskException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            // Some network file systems cannot lock at all; downloading unguarded beats not downloading.
            return;
        }
        if (lock == null) {
            throw new DiskException(path + " is already being downloaded");
        }
    }

    long size() throws DiskException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
    }

    /** Hashes the bytes already in the file and places the write position after them. */
    void resume() throws DiskException {
        digest.reset();
        ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER);
        try {
            long position = 0;
            long size = channel.size();
            while (position < size) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, read);
                position += read;
            }
            channel.position(position);
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
    }

    /** Empties the file, for a download that starts again from the first byte. */
    void restart() throws DiskException {
        digest.reset();
        try {
            channel.truncate(0);
            channel.position(0);
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
    }

    /** Appends {@code length} bytes of {@code bytes}. */
    void write(byte[] bytes, int length) throws DiskException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
        digest.update(bytes, 0, length);
    }

    /** Forces the content to disk and returns its SHA-256 in lower-case hex. */
    String finish() throws DiskException {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw DiskException.writing(path, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Moves the complete {@code part} over {@code target} in one step; the part must be closed. */
    static void moveOver(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // The part sits beside the target, so only a file system that cannot rename atomically at all gets
            // here; a plain replace is the best it offers.
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code part} if it is empty: a download that failed before its first byte leaves nothing behind. */
    static void deleteIfEmpty(Path part) {
        try {
            if (Files.size(part) == 0) {
                Files.delete(part);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot tidy up {0}: {1}", part, e);
        }
    }

    /** The size of {@code part}, 0 when it does not exist or cannot be read. */
    static long sizeOf(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Closes the file and releases the lock. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    // Closing loses nothing: complete content was forced in finish(), and a partial file is resumed by content.
    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // See above.
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
