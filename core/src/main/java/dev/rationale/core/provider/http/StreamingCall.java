// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.Failed;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.RetryScope;
import dev.rationale.core.provider.StreamTimer;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One streamed completion over HTTP, with the event contract of
 * {@link dev.rationale.core.provider.CompletionProvider#stream} kept in one place for every provider:
 * <ul>
 *   <li>the call is enqueued, so {@link #start} returns at once; events arrive in order on one OkHttp thread;</li>
 *   <li>the request check's notices come first;</li>
 *   <li>a non-2xx answer ends as {@link Failed} via {@link HttpErrors#fromResponse}; no connection as
 *       {@link HttpErrors#beforeResponse};</li>
 *   <li>a 2xx body goes to the provider's {@link BodyHandler}; an I/O error while it reads ends as INTERRUPTED
 *       ("cut after N tokens"), a JSON syntax or mapping error as MALFORMED_REPLY, a thrown
 *       {@link ProviderException} as itself ({@link StreamFailures}); events emitted before stay valid;</li>
 *   <li>a body whose {@code Content-Type} is not what the request's {@code Accept} asked for is still read, after
 *       a {@link Notice} naming the type that came;</li>
 *   <li>a character still unfinished when its sample ends ends the last token's text as U+FFFD
 *       ({@link CutCharacterHold});</li>
 *   <li>when the handler returns, samples that reported no end get {@link FinishReason#OTHER}, then
 *       {@link Completed};</li>
 *   <li>{@link #cancel()} stops the network call; unfinished samples end {@link FinishReason#CANCELLED}, then
 *       {@link Completed}, and nothing else is emitted;</li>
 *   <li>an exception from the listener cancels the call and ends the stream as {@link Failed} (INTERRUPTED, with
 *       the listener's exception as cause); one thrown while receiving the final event propagates to the OkHttp
 *       thread's uncaught-exception handler;</li>
 *   <li>inside {@link RetryScope#callerRetries} the request is sent once, not retried by {@link RetryInterceptor};
 *       a failure a retry could fix says so in {@link ProviderException#repeat()};</li>
 *   <li>exactly one {@link Completed} or {@link Failed}, always; the first text marks the time to first token.</li>
 * </ul>
 * A provider's {@code stream} is then, in outline:
 * <pre>{@code
 * RequestCheck.Checked checked = RequestCheck.check(request, CAPABILITIES, name);
 * Request http = new Request.Builder().url(url).post(JsonBody.of(MAPPER, body(checked.request()))).build();
 * return StreamingCall.start(client, http, name, checked, (source, out) -> {
 *     SseReader events = new SseReader(source);            // or new NdjsonReader(source, MAPPER)
 *     ...for each payload: out.emit(...) per event; return at the protocol's end marker...
 *     throw out.cutShort("without [DONE]");                 // the body ended first
 * }, listener);
 * }</pre>
 */
public final class StreamingCall implements Cancellable {

    /** Reads one successful response body, turning the provider's wire format into events. */
    @FunctionalInterface
    public interface BodyHandler {
        /**
         * Reads {@code body} to the protocol's end, emitting events through {@code emitter}, and returns. Throw
         * {@link ProviderException} for an error reported inside the stream, and {@link Emitter#cutShort} when the
         * body ends before the protocol's end marker. Let {@link IOException}s from the source and every exception
         * from {@link Emitter#emit} propagate: they carry the connection's and the listener's state.
         */
        void read(BufferedSource body, Emitter emitter) throws IOException;
    }

    /** Hands a body handler's events on to the listener; use it only on the thread that called the handler. */
    public interface Emitter {
        /** Passes one event on; empty text deltas are dropped. Throws (unchecked) once the run is cancelled. */
        void emit(CompletionEvent event);

        /** {@link #emit}s each event in order. */
        default void emitAll(List<CompletionEvent> events) {
            events.forEach(this::emit);
        }

        /** The INTERRUPTED failure for a body that ended early, {@code why} saying how (e.g. "without [DONE]"). */
        ProviderException cutShort(String why);
    }

    private final String provider;
    private final int samples;
    private final CompletionListener listener;
    private final BodyHandler handler;
    private final StreamTimer timer = StreamTimer.start();
    private final BitSet finished = new BitSet();
    private final CutCharacterHold cutCharacters = new CutCharacterHold();
    private final Call call;
    private volatile boolean cancelled;
    private volatile boolean ended;
    private int scoredTokens;
    private int textPieces;

    private StreamingCall(OkHttpClient client, Request request, String provider, int samples,
            CompletionListener listener, BodyHandler handler) {
        this.provider = provider;
        this.samples = samples;
        this.listener = listener;
        this.handler = handler;
        this.call = client.newCall(request);
    }

    /**
     * Sends {@code request} and streams its answer to {@code listener}; returns at once.
     *
     * @param provider how messages name the backend, e.g. {@code "OpenAI"}
     * @param checked the checked completion request: its notices are sent first, its sample count bounds the
     *     samples that get an end
     */
    public static StreamingCall start(OkHttpClient client, Request request, String provider,
            RequestCheck.Checked checked, BodyHandler handler, CompletionListener listener) {
        Request sent = RetryScope.isCallerRetrying()
                ? request.newBuilder().tag(RetryInterceptor.CallerRetries.class, RetryInterceptor.CallerRetries.TAG)
                        .build()
                : request;
        StreamingCall streaming = new StreamingCall(client, sent, provider, checked.request().samples(), listener,
                handler);
        streaming.call.enqueue(streaming.new Responses(checked));
        return streaming;
    }

    /** Stops the run; it ends with CANCELLED samples and {@link Completed}, on the provider thread. Idempotent. */
    @Override
    public void cancel() {
        if (!ended) {
            cancelled = true;
        }
        call.cancel();
    }

    private final class Responses implements Callback {
        private final RequestCheck.Checked checked;

        Responses(RequestCheck.Checked checked) {
            this.checked = checked;
        }

        @Override
        public void onFailure(Call failed, IOException e) {
            try {
                sendNotices();
                end(cancelled ? null : HttpErrors.beforeResponse(provider, e));
            } catch (ListenerFailed listenerFailed) {
                end(listenerFailure(listenerFailed));
            }
        }

        @Override
        public void onResponse(Call answered, Response response) {
            ProviderException failure;
            try (response) {
                sendNotices();
                failure = response.isSuccessful() ? readBody(response) : HttpErrors.fromResponse(provider, response);
            } catch (ListenerFailed listenerFailed) {
                failure = listenerFailure(listenerFailed);
            }
            end(failure);
        }

        private void sendNotices() {
            if (!cancelled) {
                for (String notice : checked.notices()) {
                    deliver(new Notice(notice));
                }
            }
        }
    }

    /** Runs the handler; the failure it ended with, or null when it ended normally or was cancelled. */
    private @Nullable ProviderException readBody(Response response) {
        try {
            ListenerEmitter emitter = new ListenerEmitter();
            String notice = StreamContentType.notice(provider, response.request().header("Accept"),
                    response.body().contentType());
            if (notice != null) {
                emitter.emit(new Notice(notice));
            }
            handler.read(response.body().source(), emitter);
            return null;
        } catch (Stopped stopped) {
            return null;
        } catch (ListenerFailed listenerFailed) {
            throw listenerFailed;
        } catch (Exception e) {
            return cancelled ? null : StreamFailures.of(e, provider, tokensSoFar());
        }
    }

    private void end(@Nullable ProviderException failure) {
        if (ended) {
            return;
        }
        ProviderException outcome = failure;
        try {
            cutCharacters.end().forEach(this::deliver);
        } catch (ListenerFailed listenerFailed) {
            outcome = outcome == null ? listenerFailure(listenerFailed) : outcome;
        }
        if (outcome == null) {
            try {
                FinishReason reason = cancelled ? FinishReason.CANCELLED : FinishReason.OTHER;
                for (int i = 0; i < samples; i++) {
                    if (!finished.get(i)) {
                        deliver(new SampleFinished(i, reason));
                    }
                }
            } catch (ListenerFailed listenerFailed) {
                outcome = listenerFailure(listenerFailed);
            }
        }
        ended = true;
        // Not guarded: a listener failing on the last event has nowhere else to report to.
        listener.onEvent(outcome == null ? new Completed(timer.timings()) : new Failed(outcome, timer.timings()));
    }

    private ProviderException listenerFailure(ListenerFailed failed) {
        call.cancel();
        Throwable cause = failed.getCause();
        return new ProviderException(Kind.INTERRUPTED, provider + ": stopped because the listener failed ("
                + cause + ")", null, cause);
    }

    private void deliver(CompletionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            throw new ListenerFailed(e);
        }
    }

    private int tokensSoFar() {
        return scoredTokens > 0 ? scoredTokens : textPieces;
    }

    private final class ListenerEmitter implements Emitter {
        @Override
        public void emit(CompletionEvent event) {
            if (cancelled) {
                throw new Stopped();
            }
            switch (event) {
                case TextDelta d when d.text().isEmpty() -> {
                    return;
                }
                case ReasoningDelta d when d.text().isEmpty() -> {
                    return;
                }
                case TextDelta _ -> countText(false);
                case ReasoningDelta _ -> countText(true);
                case TokensScored t -> scoredTokens += t.tokens().size();
                case SampleFinished f -> finished.set(f.sample());
                case Completed _ -> throw new IllegalStateException("StreamingCall ends the stream, not the handler");
                case Failed _ -> throw new IllegalStateException("throw the failure instead of emitting it");
                default -> {
                    // Notices, usage and prompt scores pass through unchanged.
                }
            }
            cutCharacters.pass(event).forEach(StreamingCall.this::deliver);
        }

        @Override
        public ProviderException cutShort(String why) {
            return new ProviderException(Kind.INTERRUPTED, provider + ": the stream ended " + why + " after "
                    + tokensSoFar() + " tokens");
        }

        private void countText(boolean reasoning) {
            timer.markText(reasoning);
            textPieces++;
        }
    }

    /** Unwinds the body handler once the run is cancelled. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("cancelled", null, false, false);
        }
    }

    /** Carries a listener's exception past the body handler. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(RuntimeException cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
