// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Retries a request that failed in a way worth repeating: HTTP 408, 409, 429 and 5xx, and connection failures
 * (refused, no route, connect timeout) that happen before the server saw the request.
 *
 * <p>It is an application interceptor, so it only ever sees the response <em>head</em>: a retry happens before any
 * body byte reaches the caller, and a stream that breaks after the caller began reading it is never retried (the
 * tokens shown so far would otherwise be repeated or contradicted). For the same reason a read timeout while
 * waiting for the head is not retried: the server may still be generating, and a second request would double the
 * cost.
 *
 * <p>The wait before attempt n+1 is the server's, when it says ({@code Retry-After-Ms}, {@code Retry-After} in
 * seconds or as an HTTP date, Gemini's {@code RetryInfo.retryDelay} in a 429 body); a server wait longer than
 * {@link #MAX_SERVER_WAIT} is not sat through, the response goes back to the caller at once. Otherwise the wait
 * doubles from {@link #INITIAL_BACKOFF} up to {@link #MAX_BACKOFF}, less up to a quarter at random so that many
 * clients do not retry in step. A 429 that reports exhausted credit or a spend limit, or a response with
 * {@code x-should-retry: false}, is returned without retrying: waiting cannot fix it.
 *
 * <p>A call made inside {@link dev.rationale.core.provider.RetryScope#callerRetries} (an evaluation) is passed
 * through once, untouched: its caller waits for the next attempt without holding a concurrency slot, reading the
 * server's wait from the failure ({@link dev.rationale.core.provider.ProviderException#repeat()}).
 *
 * <p>Sleeping, the clock and the randomness are injected, so tests run instantly and can assert the waits.
 */
public final class RetryInterceptor implements Interceptor {

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for {@code duration}, or returns early once {@code call} is cancelled (a cancelled run must end
         * promptly, not after the back-off).
         */
        void sleep(Duration duration, Call call) throws InterruptedException;

        /** Sleeps on the calling thread, in slices so that cancelling the call is noticed within 50 ms. */
        static Sleeper threadSleep() {
            return (duration, call) -> {
                long end = System.nanoTime() + duration.toNanos();
                long left = duration.toNanos();
                while (left > 0 && !call.isCanceled()) {
                    Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, 50));
                    left = end - System.nanoTime();
                }
            };
        }
    }

    /** Tags a request whose caller retries it itself (see {@link dev.rationale.core.provider.RetryScope}). */
    enum CallerRetries { TAG }

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    public static final Duration MAX_SERVER_WAIT = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(RetryInterceptor.class.getName());

    private final int maxAttempts;
    private final Sleeper sleeper;
    private final RetryDelays delays;
    private final RandomGenerator random;

    /**
     * @param maxAttempts tries in all, the first included; 1 turns retrying off
     * @param clock reads "now" for {@code Retry-After} given as a date
     * @param random jitter for the back-off
     */
    public RetryInterceptor(int maxAttempts, Sleeper sleeper, Clock clock, RandomGenerator random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.delays = new RetryDelays(clock);
        this.random = random;
    }

    /** Four attempts, real sleeping, the system clock. */
    public static RetryInterceptor withDefaults() {
        return new RetryInterceptor(DEFAULT_MAX_ATTEMPTS, Sleeper.threadSleep(), Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(CallerRetries.class) != null) {
            return chain.proceed(request);
        }
        boolean repeatable = request.body() == null || !request.body().isOneShot();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= maxAttempts || !repeatable;
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (last || !isConnectFailure(e) || chain.call().isCanceled()) {
                    throw e;
                }
                pause(chain.call(), backoff(attempt), attempt, "connection failed (" + e.getClass().getSimpleName()
                        + ")");
                continue;
            }
            Duration wait = last ? null : waitBeforeRetry(response, attempt);
            if (wait == null) {
                return response;
            }
            response.close();
            pause(chain.call(), wait, attempt, "HTTP " + response.code());
        }
    }

    /** The wait before retrying this response, or null when it must go back to the caller as it is. */
    private @Nullable Duration waitBeforeRetry(Response response, int attempt) throws IOException {
        int code = response.code();
        if (!RetryDelays.isRetriableStatus(code)) {
            return null;
        }
        String body = code == 429 ? response.peekBody(16_384).string() : "";
        if (RetryDelays.refusesRetry(response.headers(), code, body)) {
            return null;
        }
        Duration server = delays.serverDelay(response.headers(), body);
        if (server == null) {
            return backoff(attempt);
        }
        return server.compareTo(MAX_SERVER_WAIT) > 0 ? null : server;
    }

    private Duration backoff(int attempt) {
        long doubled = INITIAL_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(doubled, MAX_BACKOFF.toMillis());
        double jitter = 1.0 - 0.25 * random.nextDouble();
        return Duration.ofMillis(Math.round(capped * jitter));
    }

    private void pause(Call call, Duration wait, int attempt, String why) throws IOException {
        LOG.log(Level.INFO, () -> String.format(Locale.ROOT, "%s %s: %s, retrying in %.1f s (attempt %d of %d)",
                call.request().method(), withoutQuery(call.request().url()), why, wait.toMillis() / 1000.0,
                attempt + 1, maxAttempts));
        try {
            sleeper.sleep(wait, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
        if (call.isCanceled()) {
            throw new IOException("Canceled");
        }
    }

    // Only failures that prove the server never received the request; anything later may have cost tokens.
    static boolean isConnectFailure(IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return true;
        }
        return e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    // The query may hold a key (Gemini's ?key=), so logs show scheme, host and path only.
    static String withoutQuery(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }
}
