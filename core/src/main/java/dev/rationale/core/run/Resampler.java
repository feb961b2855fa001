// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.analysis.ResampleTally;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.Branch;
import dev.rationale.core.provider.Brancher;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TokenIdListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Continues an answer K times from one or more points and tallies what the continuations answered
 * ({@link ResampleTally}). How a backend continues from a point ({@link ResampleRoute}):
 * <ul>
 *   <li>the embedded engine, at a token whose ids are known: one request of K samples from a free
 *       {@link Branch}; the prompt and the kept tokens are evaluated once and every sample restarts from that cache
 *       (the session cuts its KV cache back to the point with {@code llama_memory_seq_rm});</li>
 *   <li>a raw text prompt on a backend that takes one: the prompt plus the text before the point, sent K times;</li>
 *   <li>chat on a backend that continues a last assistant message: the text before the point as that message (its
 *       trailing blanks left out, which Anthropic refuses), sent K times;</li>
 *   <li>anything else cannot: starting fails with UNSUPPORTED and says why.</li>
 * </ul>
 * Requests sent K times carry the seed plus the sample's number, so they differ and are reproducible. Continuations
 * ask for no token probabilities. A greedy request (no temperature, or 0) would give K copies of one continuation,
 * so it is sampled at temperature 1 unless another is given.
 *
 * <p>{@link #start} returns at once; the work runs on a virtual thread of its own, the listener is called on that
 * thread or a provider thread, one call at a time.
 */
public final class Resampler {

    /** The temperature a greedy request is resampled at. */
    public static final double DEFAULT_TEMPERATURE = 1.0;

    /** Receives a resample's progress and results. */
    public interface Listener {
        /** {@code done} of {@code total} continuations have ended, over all points. */
        void progress(int done, int total);

        /** Point number {@code index} (in the order given) is tallied. */
        void tallied(int index, ResamplePoint point, ResampleTally tally);

        /**
         * The end: all points tallied, or cancelled ({@code cancelled} true), or failed ({@code failure} set);
         * called once, last.
         */
        void ended(@Nullable ProviderException failure, boolean cancelled, List<String> notices);
    }

    private final CompletionProvider provider;
    private final CompletionRequest request;
    private final AnswerFormat format;
    private final String originalText;

    /**
     * @param request the original answer's request, as sent
     * @param temperature the temperature to sample at; null keeps the request's, or {@link #DEFAULT_TEMPERATURE}
     *     when that is greedy
     * @param originalText the original answer's whole text, which its answer is extracted from
     */
    public Resampler(CompletionProvider provider, CompletionRequest request, @Nullable Double temperature,
            AnswerFormat format, String originalText) {
        this.provider = provider;
        this.request = sampled(request, temperature);
        this.format = format;
        this.originalText = originalText;
    }

    /** The temperature continuations are sampled at. */
    public double temperature() {
        Double t = request.temperature();
        return t == null ? DEFAULT_TEMPERATURE : t;
    }

    /**
     * Starts {@code samples} continuations from each point, one point after another.
     *
     * @throws IllegalArgumentException when {@code samples} is below 1 or there are no points
     */
    public Cancellable start(List<ResamplePoint> points, int samples, Listener listener) {
        if (samples < 1 || points.isEmpty()) {
            throw new IllegalArgumentException("resampling needs points and at least 1 sample, got "
                    + points.size() + " points and " + samples + " samples");
        }
        Job job = new Job(List.copyOf(points), samples, listener);
        Thread.ofVirtual().name("rationale-resample").start(job);
        return job;
    }

    /**
     * How this backend would continue from {@code point}; may ask the backend how it takes prompts, so it may block.
     *
     * @throws ProviderException UNSUPPORTED naming why it cannot
     */
    public ResampleRoute route(ResamplePoint point) {
        return ResampleRoute.of(provider, request, point);
    }

    private static CompletionRequest sampled(CompletionRequest original, @Nullable Double temperature) {
        Double t = temperature != null ? temperature
                : original.temperature() == null || original.temperature() == 0 ? DEFAULT_TEMPERATURE
                : original.temperature();
        return new CompletionRequest(original.model(), original.prompt(), original.maxTokens(), t, original.topP(),
                original.topK(), original.minP(), original.seed(), original.stop(), null, false, 1, false,
                original.thinking());
    }

    /** One resample run; cancelled through its handle. */
    private final class Job implements Runnable, Cancellable {
        private final List<ResamplePoint> points;
        private final int samples;
        private final Listener listener;
        private final AtomicInteger done = new AtomicInteger();
        private final List<String> notices = new ArrayList<>();
        private volatile boolean cancelled;
        private volatile @Nullable Cancellable current;

        Job(List<ResamplePoint> points, int samples, Listener listener) {
            this.points = points;
            this.samples = samples;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled = true;
            Cancellable handle = current;
            if (handle != null) {
                handle.cancel();
            }
        }

        @Override
        public void run() {
            ProviderException failure = null;
            try {
                for (int i = 0; i < points.size() && !cancelled; i++) {
                    ResamplePoint point = points.get(i);
                    ResampleRoute route = ResampleRoute.of(provider, request, point);
                    List<String> texts = continuations(route);
                    if (!cancelled) {
                        listener.tallied(i, point, ResampleTally.of(format, originalText, route.before(), texts));
                    }
                }
            } catch (ProviderException e) {
                failure = e;
            } catch (InterruptedException e) {
                cancelled = true;
            } catch (RuntimeException e) {
                // A bad answer format or a listener's bug: the caller still hears of the end, with the reason.
                failure = new ProviderException(ProviderException.Kind.INTERRUPTED, "resampling stopped: " + e, null,
                        e);
            }
            listener.ended(cancelled ? null : failure, cancelled, List.copyOf(notices));
        }

        // The continuations' texts: all K of them unless cancelled.
        private List<String> continuations(ResampleRoute route) throws InterruptedException {
            List<String> texts = new ArrayList<>();
            if (route.branch() != null) {
                Brancher brancher = provider.brancher().orElseThrow();
                CompletionResult result = await(samples, true, sink -> brancher.branch(
                        route.request().withSamples(samples), route.branch(), sink, TokenIdListener.NONE));
                result.samples().stream().filter(s -> s.finishReason() != FinishReason.CANCELLED)
                        .forEach(s -> texts.add(s.text()));
                return texts;
            }
            for (int k = 0; k < samples && !cancelled; k++) {
                CompletionRequest each = route.request();
                if (each.seed() != null) {
                    each = each.withSampling(each.temperature(), each.topP(), each.topK(), each.minP(),
                            each.seed() + k);
                }
                CompletionRequest sent = each;
                CompletionResult result = await(1, false, sink -> provider.stream(sent, sink));
                if (result.first().finishReason() != FinishReason.CANCELLED && !cancelled) {
                    texts.add(result.first().text());
                    listener.progress(done.incrementAndGet(), points.size() * samples);
                }
            }
            return texts;
        }

        // perSample: progress is counted as each sample of the stream ends (one stream of K samples).
        private CompletionResult await(int expected, boolean perSample, Starter starter)
                throws InterruptedException {
            CompletionCollector collector = new CompletionCollector(expected);
            Cancellable handle = starter.start(event -> {
                collector.onEvent(event);
                if (perSample && event instanceof CompletionEvent.SampleFinished finished
                        && finished.reason() != FinishReason.CANCELLED) {
                    listener.progress(done.incrementAndGet(), points.size() * samples);
                }
            });
            current = handle;
            if (cancelled) {
                handle.cancel();
            }
            // No time limit here: the backend's own timeouts end a stuck stream, and Cancel ends a long one.
            collector.await(Duration.ofDays(1));
            CompletionResult result = collector.result();
            result.notices().stream().filter(n -> !notices.contains(n)).forEach(notices::add);
            if (result.failure() != null && !cancelled) {
                throw result.failure();
            }
            return result;
        }
    }

    /** Starts one stream into the given listener. */
    @FunctionalInterface
    private interface Starter {
        Cancellable start(CompletionListener listener);
    }
}
