// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.nio.file.Path;

/**
 * What a download reports, in this order: {@link Progress} any number of times, then on success
 * {@link Verified} or {@link NotVerified} followed by {@link Done}. Every download ends with exactly one of
 * {@link Done}, {@link Failed} or {@link Cancelled}, and nothing follows it.
 */
public sealed interface DownloadEvent {

    /** True for the events that end a download. */
    default boolean isTerminal() {
        return this instanceof Done || this instanceof Failed || this instanceof Cancelled;
    }

    /**
     * Bytes of the file on disk so far, resumed bytes included, out of {@code total} (-1 when the server does not
     * say). Sent when the transfer starts, then after every 0.1 % of the file (at least 64 KiB) or 100 ms, and once
     * with the final count.
     */
    record Progress(long bytes, long total) implements DownloadEvent {
    }

    /** The whole file's SHA-256 matched the expected one, or the server's when none was expected. */
    record Verified(String sha256) implements DownloadEvent {
    }

    /** No checksum was expected and the server stated none, so the file is complete but unchecked. */
    record NotVerified(String reason) implements DownloadEvent {
    }

    /** The file is complete and in place at {@code file}. */
    record Done(Path file) implements DownloadEvent {
    }

    /**
     * The download stopped; {@code message} is one line for the user, naming the host and HTTP status, or the file
     * and the disk error. What was received stays in the {@code .part} file for a resume, except after a checksum
     * mismatch, which deletes it.
     */
    record Failed(String message) implements DownloadEvent {
    }

    /** {@link Download#cancel()} stopped the download; {@code bytesKept} bytes stay in the {@code .part} file. */
    record Cancelled(long bytesKept) implements DownloadEvent {
    }
}
