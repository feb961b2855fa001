// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import dev.rationale.core.download.DownloadEvent.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records a download's events and the threads that delivered them; waits for the end without timing anything. */
final class DownloadRecorder implements DownloadListener {
    private static final long WAIT_SECONDS = 30;

    private final List<DownloadEvent> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final CompletableFuture<DownloadEvent> end = new CompletableFuture<>();
    private final CountDownLatch bytesArrived = new CountDownLatch(1);
    private final Consumer<DownloadEvent> reaction;

    DownloadRecorder() {
        this(event -> { });
    }

    /** @param reaction runs for each event after it is recorded (tests use it to throw) */
    DownloadRecorder(Consumer<DownloadEvent> reaction) {
        this.reaction = reaction;
    }

    @Override
    public void onEvent(DownloadEvent event) {
        synchronized (this) {
            if (end.isDone()) {
                throw new AssertionError("event after the end: " + event);
            }
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }
        if (event instanceof Progress progress && progress.bytes() > 0) {
            bytesArrived.countDown();
        }
        if (event.isTerminal()) {
            end.complete(event);
        }
        reaction.accept(event);
    }

    /** The terminal event, once it arrived. */
    DownloadEvent await() throws Exception {
        return end.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until a progress event reported at least one byte. */
    void awaitBytes() throws InterruptedException {
        if (!bytesArrived.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("no bytes arrived within " + WAIT_SECONDS + " s");
        }
    }

    synchronized List<DownloadEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    synchronized List<Progress> progress() {
        return events.stream().filter(Progress.class::isInstance).map(Progress.class::cast).toList();
    }
}
