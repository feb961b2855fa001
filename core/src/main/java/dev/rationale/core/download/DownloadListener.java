// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

/**
 * Receives a download's events in order, on the thread of the executor given to {@link ModelDownloader} (never the
 * thread that called {@code start}); a UI hands them on to its own thread. An exception thrown for a non-terminal
 * event ends the download as {@link DownloadEvent.Failed} and keeps the {@code .part} file; one thrown for the
 * terminal event propagates to the executor's thread.
 */
@FunctionalInterface
public interface DownloadListener {
    void onEvent(DownloadEvent event);
}
