// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

/** A running download. */
@FunctionalInterface
public interface Download {

    /**
     * Stops the download from any thread; it ends with {@link DownloadEvent.Cancelled} and keeps the {@code .part}
     * file, so starting the same download later resumes it. Harmless after the end and when called again.
     */
    void cancel();
}
