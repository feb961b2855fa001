// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Turns HTTP failures into {@link ProviderException}s whose message names the provider, the status and the
 * server's own error text. Messages are built from the status and body only, never from request headers, and any
 * {@code key=} query value that slips into an I/O message is redacted.
 *
 * <table>
 *   <caption>Status to kind</caption>
 *   <tr><td>401, 403</td><td>AUTHENTICATION (also a 400 whose text says the API key is invalid, as Gemini's)</td></tr>
 *   <tr><td>404</td><td>MODEL_NOT_FOUND when the text talks about a model, else INVALID_REQUEST</td></tr>
 *   <tr><td>408, 409</td><td>TIMEOUT</td></tr>
 *   <tr><td>429</td><td>RATE_LIMITED</td></tr>
 *   <tr><td>other 4xx</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>5xx and anything else</td><td>SERVER_ERROR</td></tr>
 * </table>
 */
public final class HttpErrors {

    /** Bytes of an error body read at most; error bodies are small, a misrouted download is not. */
    static final long BODY_LIMIT = 64 * 1024;

    private static final RetryDelays SERVER_DELAYS = new RetryDelays(Clock.systemUTC());

    private HttpErrors() {
    }

    /** The failure a non-2xx response stands for. Reads (part of) the body; the caller still closes the response. */
    public static ProviderException fromResponse(String provider, Response response) {
        String body;
        try {
            body = response.peekBody(BODY_LIMIT).string();
        } catch (IOException e) {
            body = "";
        }
        String reason = response.message();
        ProviderException failure = fromStatus(provider, response.code(), body.isBlank() ? reason : body);
        ProviderException.Repeat repeat = repeat(response, body);
        return repeat == null ? failure : new ProviderException(failure.kind(), String.valueOf(failure.getMessage()),
                failure.status(), null, repeat);
    }

    // The rules RetryInterceptor retries by, for a caller that retries itself.
    private static ProviderException.@Nullable Repeat repeat(Response response, String body) {
        int code = response.code();
        if (!RetryDelays.isRetriableStatus(code) || RetryDelays.refusesRetry(response.headers(), code, body)) {
            return null;
        }
        Duration server = SERVER_DELAYS.serverDelay(response.headers(), body);
        if (server != null && server.compareTo(RetryInterceptor.MAX_SERVER_WAIT) > 0) {
            return null;
        }
        return new ProviderException.Repeat(server);
    }

    /** The failure for {@code status} with this body (JSON in any known shape, or plain text). */
    public static ProviderException fromStatus(String provider, int status, String body) {
        ErrorBody error = ErrorBody.parse(body);
        Kind kind = kind(status, error.message(), body);
        StringBuilder message = new StringBuilder(provider).append(": HTTP ").append(status);
        if (error.type() != null) {
            message.append(" (").append(error.type()).append(')');
        }
        if (!error.message().isEmpty()) {
            message.append(": ").append(error.message());
        }
        if (status == 404 && kind == Kind.INVALID_REQUEST) {
            message.append(" (check the endpoint's base URL)");
        }
        return new ProviderException(kind, message.toString(), status, null);
    }

    /**
     * The failure an {@code "error"} value inside a 2xx stream describes (the status line was already sent, so
     * servers report errors in-band). Always SERVER_ERROR.
     */
    public static ProviderException inBand(String provider, JsonNode error) {
        ErrorBody parsed = error.isObject() || error.isTextual() ? wrap(error) : null;
        String text = parsed == null ? error.toString() : parsed.message();
        String type = parsed == null || parsed.type() == null ? "" : " (" + parsed.type() + ")";
        return new ProviderException(Kind.SERVER_ERROR, provider + ": error during the stream" + type + ": " + text);
    }

    /**
     * The failure for an I/O error before any response arrived: TIMEOUT when the server accepted the request but
     * said nothing for the whole read timeout, otherwise UNREACHABLE (refused, DNS, TLS, reset).
     */
    public static ProviderException beforeResponse(String provider, IOException e) {
        if (e instanceof SocketTimeoutException && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                .contains("connect")) {
            return new ProviderException(Kind.TIMEOUT, provider + ": no response within "
                    + HttpClients.READ_TIMEOUT.toMinutes() + " minutes", null, e);
        }
        return new ProviderException(Kind.UNREACHABLE, provider + ": cannot reach the server (" + describe(e) + ")",
                null, e, RetryInterceptor.isConnectFailure(e) ? new ProviderException.Repeat(null) : null);
    }

    /** The failure for an I/O error while reading a stream; what was received stays valid. */
    public static ProviderException midStream(String provider, IOException e, int tokens) {
        return new ProviderException(Kind.INTERRUPTED, provider + ": the stream was cut after " + tokens + " tokens ("
                + describe(e) + ")", null, e);
    }

    // Gemini answers a wrong key with 400 INVALID_ARGUMENT; only the text (or details.reason) tells it apart.
    private static Kind kind(int status, String message, String body) {
        String lower = message.toLowerCase(Locale.ROOT);
        boolean badKey = lower.contains("api key not valid") || body.contains("API_KEY_INVALID");
        if (status == 401 || status == 403 || (status == 400 && badKey)) {
            return Kind.AUTHENTICATION;
        }
        if (status == 404) {
            return lower.contains("model") ? Kind.MODEL_NOT_FOUND : Kind.INVALID_REQUEST;
        }
        if (status == 408 || status == 409) {
            return Kind.TIMEOUT;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return status >= 400 && status < 500 ? Kind.INVALID_REQUEST : Kind.SERVER_ERROR;
    }

    private static @Nullable ErrorBody wrap(JsonNode error) {
        return ErrorBody.fromJson(JsonNodeFactory.instance.objectNode().set("error", error));
    }

    private static String plainCause(IOException e) {
        return switch (e) {
            case java.io.EOFException _ -> "the connection closed early";
            case SocketTimeoutException _ -> "timed out";
            case java.io.InterruptedIOException _ -> "interrupted";
            default -> "connection failed";
        };
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        // An exception without a message would otherwise show its class name to the user.
        String text = message == null || message.isBlank() ? plainCause(e) : message;
        return HttpClients.redact(text);
    }
}
