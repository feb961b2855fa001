// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one stream to its end and checks the contract every reply, however broken, must keep: exactly one
 * Completed or Failed, last; events only for samples asked for; a failure that is a {@link ProviderException}
 * caused by no programming error, whose message names the provider and no Java exception.
 */
final class StreamOutcome implements CompletionListener {

    /** Words that give away a Java exception or type leaking into a user's message. */
    static final List<String> JAVA_WORDS = List.of("Exception", "NullPointer", "IndexOutOfBounds", "ClassCast",
            "NumberFormat", "IllegalArgument", "IllegalState", "Error:", "java.", "jackson",
            "this version cannot read", "listener failed");

    private final List<CompletionEvent> events = new ArrayList<>();
    private final CompletionCollector collector;
    private final int samples;

    private StreamOutcome(int samples) {
        this.samples = samples;
        this.collector = new CompletionCollector(samples);
    }

    /** Streams {@code request} (through {@link CannedHttp#CLIENT} the call ends before this returns) and checks. */
    static CompletionResult run(CompletionProvider provider, CompletionRequest request, String name)
            throws InterruptedException {
        StreamOutcome outcome = new StreamOutcome(request.samples());
        provider.stream(request, outcome);
        assertThat(outcome.collector.await(Duration.ofSeconds(10))).as("the stream ended").isTrue();
        outcome.check(name);
        return outcome.collector.result();
    }

    @Override
    public synchronized void onEvent(CompletionEvent event) {
        events.add(event);
        collector.onEvent(event);
    }

    private synchronized void check(String name) {
        assertThat(events.stream().filter(StreamOutcome::terminal)).as("terminal events").hasSize(1);
        assertThat(terminal(events.getLast())).as("the terminal event is last").isTrue();
        for (CompletionEvent event : events) {
            int sample = sampleOf(event);
            if (sample < 0 || sample >= samples) {
                throw new AssertionError("an event for sample " + sample + " of " + samples + ": " + event);
            }
        }
        if (events.getLast() instanceof CompletionEvent.Failed failed) {
            assertPlain(failed.error(), name);
        }
    }

    /** The failure names the provider, says what happened in words, and hides no programming error. */
    static void assertPlain(ProviderException error, String name) {
        assertThat(error.getMessage()).as("message").startsWith(name + ":").doesNotContain(JAVA_WORDS);
        Throwable cause = error.getCause();
        boolean bug = cause instanceof RuntimeException && !(cause instanceof ProviderException)
                && !(cause instanceof com.fasterxml.jackson.core.JacksonException);
        assertThat(bug).as("caused by a programming error: %s", cause).isFalse();
    }

    private static int sampleOf(CompletionEvent event) {
        return switch (event) {
            case CompletionEvent.TextDelta d -> d.sample();
            case CompletionEvent.ReasoningDelta d -> d.sample();
            case CompletionEvent.TokensScored t -> t.sample();
            case CompletionEvent.SampleFinished f -> f.sample();
            default -> 0;
        };
    }

    private static boolean terminal(CompletionEvent event) {
        return event instanceof CompletionEvent.Completed || event instanceof CompletionEvent.Failed;
    }
}
