// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A failure of the local disk while downloading, kept apart from network {@link IOException}s so that the two get
 * different messages. The message is one line for the user.
 */
final class DiskException extends Exception {

    DiskException(String message, IOException cause) {
        super(message, cause);
    }

    DiskException(String message) {
        super(message);
    }

    /** "Cannot write FILE: REASON". */
    static DiskException writing(Path file, IOException cause) {
        return new DiskException("Cannot write " + file + ": " + reason(cause), cause);
    }

    // File-system exceptions carry the path as their message; the reason is a separate field, or only the type.
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() != null ? fileSystem.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
