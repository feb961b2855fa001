// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import dev.rationale.core.download.DownloadEvent.Cancelled;
import dev.rationale.core.download.DownloadEvent.Done;
import dev.rationale.core.download.DownloadEvent.Failed;
import dev.rationale.core.download.DownloadEvent.NotVerified;
import dev.rationale.core.download.DownloadEvent.Progress;
import dev.rationale.core.download.DownloadEvent.Verified;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One download, run once on an executor thread; see {@link ModelDownloader} for the contract. Only
 * {@link #cancel()} is called from other threads.
 */
final class DownloadJob implements Runnable, Download {

    private static final System.Logger LOG = System.getLogger(DownloadJob.class.getName());
    private static final int READ_BUFFER = 64 * 1024;
    /** A mismatched range or a stale 416 starts the file over once; a server that keeps doing it fails. */
    private static final int MAX_ATTEMPTS = 2;

    private sealed interface Outcome {
    }

    /** The transfer ended without a complete file. */
    private record Ended(DownloadEvent event) implements Outcome {
    }

    /** The .part holds {@code bytes} bytes hashing to {@code sha256}; {@code stated} is the server's hash. */
    private record Received(String sha256, @Nullable String stated, long bytes) implements Outcome {
    }

    /** The server's answer does not fit the .part; empty it and ask for the whole file. */
    private record Restart() implements Outcome {
    }

    /** Carries a listener's exception out of the transfer. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private final OkHttpClient client;
    private final HttpUrl url;
    private final Path target;
    private final Path part;
    private final @Nullable String expectedSha256;
    private final DownloadListener listener;
    private final String name;
    private final FailureMessages messages;
    private volatile boolean cancelled;
    private volatile @Nullable Call call;

    DownloadJob(OkHttpClient client, HttpUrl url, Path target, @Nullable String expectedSha256,
            DownloadListener listener) {
        this.client = client;
        this.url = url;
        this.target = target;
        this.part = ModelDownloader.partFileOf(target);
        this.expectedSha256 = expectedSha256;
        this.listener = listener;
        this.name = String.valueOf(target.getFileName());
        this.messages = new FailureMessages(name);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void run() {
        DownloadEvent end;
        try {
            end = cancelled ? new Cancelled(PartFile.sizeOf(part)) : download();
        } catch (ListenerFailed e) {
            cancel();
            end = new Failed(messages.listenerFailed(e.getCause()));
        } catch (RuntimeException e) {
            // A bug, not a network or disk condition; the listener must still hear that the download ended.
            LOG.log(Level.ERROR, "download of " + url + " failed unexpectedly", e);
            cancel();
            end = new Failed(messages.unexpected(e));
        }
        listener.onEvent(end);
    }

    private DownloadEvent download() {
        Outcome outcome;
        try (PartFile file = PartFile.open(part)) {
            outcome = transfer(file);
        } catch (DiskException e) {
            return new Failed(e.getMessage());
        }
        if (outcome instanceof Ended ended) {
            PartFile.deleteIfEmpty(part);
            return ended.event();
        }
        Received received = (Received) outcome;
        DownloadEvent mismatch = verify(received);
        if (mismatch != null) {
            return mismatch;
        }
        if (cancelled) {
            return new Cancelled(received.bytes());
        }
        try {
            PartFile.moveOver(part, target);
        } catch (IOException e) {
            return new Failed(DiskException.writing(target, e).getMessage());
        }
        return new Done(target);
    }

    private Outcome transfer(PartFile file) throws DiskException {
        for (int attempt = 1; ; attempt++) {
            long offset = file.size();
            Call current = client.newCall(request(offset));
            call = current;
            if (cancelled) {
                // cancel() may have run before the call existed.
                current.cancel();
            }
            Outcome outcome;
            try (Response response = current.execute()) {
                outcome = answer(response, file, offset, attempt < MAX_ATTEMPTS);
            } catch (IOException e) {
                return new Ended(cancelled ? new Cancelled(offset) : new Failed(messages.unreachable(url, e)));
            }
            if (!(outcome instanceof Restart)) {
                return outcome;
            }
            LOG.log(Level.INFO, "{0} cannot resume {1} at byte {2}; downloading it from the start",
                    url.host(), name, String.valueOf(offset));
            file.restart();
        }
    }

    private Request request(long offset) {
        // Identity encoding keeps byte offsets in the .part equal to the server's (OkHttp would otherwise ask for
        // gzip on a full download and count decompressed bytes).
        Request.Builder request = new Request.Builder().url(url).header("Accept-Encoding", "identity");
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        return request.build();
    }

    private Outcome answer(Response response, PartFile file, long offset, boolean mayRestart) throws DiskException {
        int code = response.code();
        if (code == 206) {
            return partial(response, file, offset, mayRestart);
        }
        if (code == 416) {
            return unsatisfiable(response, file, offset, mayRestart);
        }
        if (!response.isSuccessful()) {
            return httpFailure(response);
        }
        // The whole file, whatever was asked: a server without range support starts over.
        file.restart();
        return body(response, file, 0, response.body().contentLength());
    }

    private Outcome partial(Response response, PartFile file, long offset, boolean mayRestart)
            throws DiskException {
        ContentRange range = ContentRange.parse(response.header("Content-Range"));
        if (range == null || range.first() != offset) {
            return mayRestart ? new Restart()
                    : new Ended(new Failed(messages.wrongRange(response, offset, range == null ? -1 : range.first())));
        }
        file.resume();
        long length = response.body().contentLength();
        long total = range.total() >= 0 ? range.total() : length >= 0 ? offset + length : -1;
        return body(response, file, offset, total);
    }

    // 416 answers a range that starts at or after the end: the .part is complete when the server's length is its
    // size, and otherwise (longer, or the file changed upstream) not ours to keep.
    private Outcome unsatisfiable(Response response, PartFile file, long offset, boolean mayRestart)
            throws DiskException {
        ContentRange range = ContentRange.parse(response.header("Content-Range"));
        if (offset > 0 && range != null && range.total() == offset) {
            file.resume();
            report(new Progress(offset, offset));
            return new Received(file.finish(), Sha256.statedBy(response), offset);
        }
        return mayRestart && offset > 0 ? new Restart() : httpFailure(response);
    }

    private Outcome body(Response response, PartFile file, long offset, long total) throws DiskException {
        ProgressThrottle throttle = new ProgressThrottle(total);
        long bytes = offset;
        throttle.due(bytes);
        report(new Progress(bytes, total));
        byte[] buffer = new byte[READ_BUFFER];
        try (InputStream in = response.body().byteStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                file.write(buffer, read);
                bytes += read;
                if (cancelled) {
                    return new Ended(new Cancelled(bytes));
                }
                if (throttle.due(bytes)) {
                    report(new Progress(bytes, total));
                }
            }
        } catch (IOException e) {
            return new Ended(cancelled ? new Cancelled(bytes)
                    : new Failed(messages.interrupted(response, bytes, e)));
        }
        if (total >= 0 && bytes != total) {
            return new Ended(new Failed(messages.wrongLength(response, bytes, total)));
        }
        if (bytes == 0) {
            // Without a checksum an empty answer would otherwise be "done"; no model file is empty.
            return new Ended(new Failed(messages.empty(response)));
        }
        if (throttle.pending(bytes)) {
            report(new Progress(bytes, total));
        }
        return new Received(file.finish(), Sha256.statedBy(response), bytes);
    }

    /** Reports the checksum's verdict; a mismatch deletes the .part and is returned as the end. */
    private @Nullable DownloadEvent verify(Received received) {
        String wanted = expectedSha256 != null ? expectedSha256 : received.stated();
        if (wanted == null) {
            report(new NotVerified("no checksum was given and " + url.host() + " stated none"));
            return null;
        }
        if (wanted.equals(received.sha256())) {
            report(new Verified(received.sha256()));
            return null;
        }
        LOG.log(Level.WARNING, "{0}: SHA-256 {1}, expected {2} ({3})", part, received.sha256(), wanted,
                expectedSha256 != null ? "given" : "stated by the server");
        String deleted;
        try {
            Files.deleteIfExists(part);
            deleted = "the partial file was deleted, start again";
        } catch (IOException e) {
            deleted = "delete " + part + " before starting again";
        }
        String whose = expectedSha256 != null ? "expected" : "stated by " + FailureMessages.host(url);
        return new Failed(messages.damaged(received.sha256(), wanted, whose, deleted));
    }

    private Ended httpFailure(Response response) {
        return new Ended(new Failed(messages.http(response, String.valueOf(part.getFileName()))));
    }

    private void report(DownloadEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            throw new ListenerFailed(e);
        }
    }
}
