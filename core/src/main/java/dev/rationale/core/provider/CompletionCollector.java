// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Gathers a stream's events into a {@link CompletionResult}, for callers that want the whole answer (the CLI, an
 * evaluation) rather than its pieces as they come.
 */
public final class CompletionCollector implements CompletionListener {
    private final List<StringBuilder> texts = new ArrayList<>();
    private final List<StringBuilder> reasonings = new ArrayList<>();
    private final List<List<ScoredToken>> tokens = new ArrayList<>();
    private final List<@Nullable FinishReason> reasons = new ArrayList<>();
    private final List<ScoredToken> promptTokens = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private @Nullable Usage usage;
    private @Nullable Timings timings;
    private @Nullable ProviderException failure;

    public CompletionCollector(int samples) {
        for (int i = 0; i < samples; i++) {
            sample(i);
        }
    }

    @Override
    public synchronized void onEvent(CompletionEvent event) {
        switch (event) {
            case CompletionEvent.TextDelta d -> texts.get(sample(d.sample())).append(d.text());
            case CompletionEvent.ReasoningDelta d -> reasonings.get(sample(d.sample())).append(d.text());
            case CompletionEvent.TokensScored t -> tokens.get(sample(t.sample())).addAll(t.tokens());
            case CompletionEvent.PromptScored p -> promptTokens.addAll(p.tokens());
            case CompletionEvent.Notice n -> notices.add(n.message());
            case CompletionEvent.UsageReported u -> usage = u.usage();
            case CompletionEvent.SampleFinished f -> reasons.set(sample(f.sample()), f.reason());
            case CompletionEvent.Completed c -> {
                timings = c.timings();
                ended.countDown();
            }
            case CompletionEvent.Failed f -> {
                timings = f.timings();
                failure = f.error();
                ended.countDown();
            }
        }
    }

    /** Waits for the end of the stream; false if {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What has arrived so far (everything, once the stream ended). */
    public synchronized CompletionResult result() {
        List<CompletionResult.Sample> samples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            samples.add(new CompletionResult.Sample(texts.get(i).toString(), reasonings.get(i).toString(),
                    tokens.get(i), reasons.get(i)));
        }
        return new CompletionResult(samples, promptTokens, usage, timings, notices, failure);
    }

    private int sample(int index) {
        while (texts.size() <= index) {
            texts.add(new StringBuilder());
            reasonings.add(new StringBuilder());
            tokens.add(new ArrayList<>());
            reasons.add(null);
        }
        return index;
    }
}
