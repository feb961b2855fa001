// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Downloads model files over HTTP, resumably and checked. {@link #start} returns at once; the transfer runs on the
 * executor given to the constructor, and the listener hears about it on that executor's thread.
 *
 * <p>One download, in order:
 * <ol>
 *   <li>bytes go to {@code <target>.part} (see {@link #partFileOf}), which is locked while the download runs; a
 *       second download of the same target ends as {@link DownloadEvent.Failed} at once;</li>
 *   <li>a non-empty {@code .part} is resumed with {@code Range: bytes=N-}: a 206 answer whose
 *       {@code Content-Range} starts at N is appended; a 200 answer (the server ignores ranges) replaces the
 *       {@code .part}; a 416 answer means the {@code .part} is already complete when the server's length equals its
 *       size, and otherwise the download starts over; a 206 for another range also starts over, once;</li>
 *   <li>the SHA-256 of the whole file, resumed bytes included, is compared with {@code expectedSha256}, or when that
 *       is null with the hash the server states (Hugging Face's {@code X-Linked-Etag}, anywhere in the redirect
 *       chain, or a strong 64-hex {@code ETag}); a match is reported as {@link DownloadEvent.Verified}, no hash at
 *       all as {@link DownloadEvent.NotVerified}, a mismatch deletes the {@code .part} and fails;</li>
 *   <li>the {@code .part} is moved over {@code target} in one step (replacing an older file there), then
 *       {@link DownloadEvent.Done}.</li>
 * </ol>
 * HTTP errors, connection failures, a body cut short and disk errors end as {@link DownloadEvent.Failed} with a
 * one-line message naming the host and status or the file and the error; the received bytes stay for a resume.
 * Retries of connection failures and 5xx answers are the shared client's ({@code RetryInterceptor}).
 */
public final class ModelDownloader {

    /** A stalled transfer fails after this silence, not after the shared client's long wait for reasoning models. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

    private static final String PART_SUFFIX = ".part";

    private final OkHttpClient client;
    private final Executor executor;

    /**
     * @param shared the application's client; a variant with a shorter read timeout is derived from it and shares
     *     its pools
     * @param executor runs each download as one blocking task; the application owns and shuts it down
     */
    public ModelDownloader(OkHttpClient shared, Executor executor) {
        this.client = shared.newBuilder().readTimeout(READ_TIMEOUT).build();
        this.executor = executor;
    }

    /**
     * Starts downloading {@code url} to {@code target} and returns at once.
     *
     * @param expectedSha256 the file's SHA-256 in hex, or null to rely on the server's statement
     * @param listener hears the download's events on the executor's thread; see {@link DownloadEvent} for the order
     * @throws IllegalArgumentException when {@code expectedSha256} is not 64 hex digits
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the task (it was shut down)
     */
    public Download start(HttpUrl url, Path target, @Nullable String expectedSha256, DownloadListener listener) {
        String expected = expectedSha256 == null ? null : Sha256.normalize(expectedSha256);
        DownloadJob job = new DownloadJob(client, url, target, expected, listener);
        executor.execute(job);
        return job;
    }

    /** Starts downloading {@code model} into {@code folder}, under the model's file name; see {@link #start}. */
    public Download start(RecommendedModel model, Path folder, DownloadListener listener) {
        return start(HttpUrl.get(model.url().toString()), folder.resolve(model.fileName()), model.sha256(),
                listener);
    }

    /** Where the bytes of a download to {@code target} collect until the file is complete: {@code <target>.part}. */
    public static Path partFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }
}
