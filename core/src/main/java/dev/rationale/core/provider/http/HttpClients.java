// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Builds the application's one {@link OkHttpClient} and the per-endpoint variants derived from it. The variants
 * come from {@link OkHttpClient#newBuilder()}, so they share the connection pool and threads; build the shared
 * client once (in the composition root) and pass it on.
 *
 * <p>Interceptors, outermost first: {@link AuthInterceptor} (variants only) adds the key once per call;
 * {@link RetryInterceptor} repeats the call; the logging interceptor logs every attempt. Logged headers
 * {@code Authorization}, {@code x-api-key} and {@code x-goog-api-key} are redacted, and so is any {@code key}
 * query parameter (Gemini accepts keys there); log lines go to {@link System.Logger} at DEBUG.
 */
public final class HttpClients {

    /** Reasoning models can think for minutes before the first byte; only a silent server this long is dead. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Headers that carry keys, never written to a log. */
    static final String[] SECRET_HEADERS = {"Authorization", "x-api-key", "x-goog-api-key", "Proxy-Authorization"};
    static final String[] SECRET_QUERY_PARAMETERS = {"key", "api_key", "api-key"};

    // A second line of defence for anything the interceptor's own redaction misses (e.g. a key in a redirect URL).
    private static final Pattern SECRET_IN_QUERY = Pattern.compile("([?&](?:key|api_key|api-key)=)[^&\\s#]+");

    private static final System.Logger LOG = System.getLogger("dev.rationale.core.provider.http.wire");

    /** Requests in flight at once, in all and per host; well above any concurrency a user sets. */
    static final int MAX_REQUESTS = 1024;

    private HttpClients() {
    }

    /** The shared client: default retrying, BASIC logging to {@link System.Logger} when it logs at DEBUG. */
    public static OkHttpClient create() {
        return defaults().build();
    }

    /**
     * The shared client of a process that only ever talks to {@code baseUrl}: without TLS when it is plain
     * {@code http://} (a model server on this machine or the local network), which spares loading the trust store
     * and setting TLS up, tens of milliseconds of a command's start; else {@link #create()}.
     */
    public static OkHttpClient createFor(String baseUrl) {
        OkHttpClient.Builder builder = defaults();
        if (baseUrl.regionMatches(true, 0, "http://", 0, "http://".length())) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder.build();
    }

    private static OkHttpClient.Builder defaults() {
        // Formatting and redacting two lines per request costs more than a small local request itself; when the
        // wire log is off (it is, unless logging is configured for it) nothing is formatted.
        HttpLoggingInterceptor.Level level = LOG.isLoggable(Level.DEBUG) ? HttpLoggingInterceptor.Level.BASIC
                : HttpLoggingInterceptor.Level.NONE;
        return builder(RetryInterceptor.withDefaults(), level, message -> LOG.log(Level.DEBUG, message));
    }

    /**
     * The shared client with the given retry policy and log destination (tests pass a fake sleeper and capture the
     * log).
     *
     * @param logLevel {@code BASIC} logs one line per request and response; {@code BODY} would log prompts and is
     *     for debugging only
     * @param logSink receives already-redacted lines
     */
    public static OkHttpClient create(RetryInterceptor retry, HttpLoggingInterceptor.Level logLevel,
            HttpLoggingInterceptor.Logger logSink) {
        return builder(retry, logLevel, logSink).build();
    }

    private static OkHttpClient.Builder builder(RetryInterceptor retry, HttpLoggingInterceptor.Level logLevel,
            HttpLoggingInterceptor.Logger logSink) {
        Dispatcher dispatcher = new Dispatcher();
        // A reasoning stream holds its slot for minutes; OkHttp's defaults (5 per host, 64 in all) would silently
        // queue the sixth run against one local server, and cap an evaluation at concurrency 32 below what it asked
        // for. Callers limit their own concurrency (an evaluation by its --concurrency), so these are only a guard.
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(Duration.ofMinutes(1))
                .callTimeout(Duration.ZERO)
                .addInterceptor(retry);
        // A logger that logs nothing still walks every request and response; leave it out of the chain.
        if (logLevel != HttpLoggingInterceptor.Level.NONE) {
            builder.addInterceptor(redactingLogger(logLevel, logSink));
        }
        return builder;
    }

    /**
     * A variant of {@code shared} for one endpoint: the same pools, plus an {@link AuthInterceptor} that puts the
     * key from {@code keys} where {@code scheme} says, at each call.
     */
    public static OkHttpClient forEndpoint(OkHttpClient shared, AuthScheme scheme, KeySource keys) {
        OkHttpClient.Builder builder = shared.newBuilder();
        // First, so that retries reuse the authorised request and the logger (further in) sees the header it
        // redacts rather than a request without it.
        builder.interceptors().add(0, new AuthInterceptor(scheme, keys));
        return builder.build();
    }

    /** An {@link HttpLoggingInterceptor} that never writes a key. */
    public static HttpLoggingInterceptor redactingLogger(HttpLoggingInterceptor.Level level,
            HttpLoggingInterceptor.Logger sink) {
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(message -> sink.log(redact(message)));
        logging.setLevel(level);
        for (String header : SECRET_HEADERS) {
            logging.redactHeader(header);
        }
        logging.redactQueryParams(SECRET_QUERY_PARAMETERS);
        return logging;
    }

    /** {@code text} with the values of key-bearing query parameters replaced. */
    static String redact(String text) {
        return SECRET_IN_QUERY.matcher(text).replaceAll("$1██");
    }
}
