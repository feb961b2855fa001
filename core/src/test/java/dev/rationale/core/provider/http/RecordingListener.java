// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records a stream's events in order and collects them; tests wait for the end with {@link #await()}. */
public final class RecordingListener implements CompletionListener {
    private final List<CompletionEvent> events = new ArrayList<>();
    private final CompletionCollector collector;
    private final Consumer<CompletionEvent> reaction;

    public RecordingListener() {
        this(1, event -> { });
    }

    /** @param reaction runs after each event is recorded, on the provider thread (e.g. to cancel) */
    public RecordingListener(int samples, Consumer<CompletionEvent> reaction) {
        this.collector = new CompletionCollector(samples);
        this.reaction = reaction;
    }

    @Override
    public void onEvent(CompletionEvent event) {
        synchronized (this) {
            events.add(event);
        }
        collector.onEvent(event);
        reaction.accept(event);
    }

    /** Waits for the end (10 s at most, which only a hang reaches), checks it ended once, and returns the result. */
    public CompletionResult await() throws InterruptedException {
        assertThat(collector.await(Duration.ofSeconds(10))).as("the stream ended").isTrue();
        List<CompletionEvent> seen = events();
        assertThat(seen.stream().filter(RecordingListener::isTerminal)).as("terminal events").hasSize(1);
        assertThat(isTerminal(seen.getLast())).as("the terminal event is the last").isTrue();
        return collector.result();
    }

    public synchronized List<CompletionEvent> events() {
        return List.copyOf(events);
    }

    /** The recorded events of one type, in order. */
    public <T extends CompletionEvent> List<T> eventsOf(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean isTerminal(CompletionEvent event) {
        return event instanceof CompletionEvent.Completed || event instanceof CompletionEvent.Failed;
    }
}
