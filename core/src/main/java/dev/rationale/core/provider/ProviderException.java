// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.RationaleException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A backend failed or refused. The message names the provider and, for HTTP, the status and the server's own
 * error text; it never contains a key.
 */
public final class ProviderException extends RationaleException {

    /** What went wrong, in the terms a user acts on. */
    public enum Kind {
        /** The key is missing, wrong or lacks permission (401/403). Not retriable. */
        AUTHENTICATION(false),
        /** Too many requests (429); retriable after a wait. */
        RATE_LIMITED(true),
        /** The model does not exist on this backend. */
        MODEL_NOT_FOUND(false),
        /** The backend rejected the request (400/422). */
        INVALID_REQUEST(false),
        /** The backend failed (5xx, or an error sent inside a stream). */
        SERVER_ERROR(true),
        /** The request timed out on the server (408) or conflicted (409). */
        TIMEOUT(true),
        /** The backend could not be reached (connection refused, DNS, TLS). */
        UNREACHABLE(true),
        /** The reply was not in the backend's documented format. */
        MALFORMED_REPLY(false),
        /** The stream stopped before its end; the tokens received so far are kept. */
        INTERRUPTED(false),
        /** The request asks for something this backend cannot do. */
        UNSUPPORTED(false),
        /** The embedded engine failed: a missing or corrupt model file, a full context, an unsupported platform. */
        ENGINE(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    /**
     * That the same request may simply be sent again: the server refused it before doing the work (408, 409, 429,
     * 5xx without {@code x-should-retry: false}, not an exhausted quota), or the connection failed before the server
     * saw it.
     *
     * @param after the wait the server asked for ({@code Retry-After} and the like), or null when it named none
     */
    public record Repeat(@Nullable Duration after) {
    }

    private final Kind kind;
    private final @Nullable Integer status;
    private final @Nullable Repeat repeat;

    public ProviderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public ProviderException(Kind kind, String message, @Nullable Integer status, @Nullable Throwable cause) {
        this(kind, message, status, cause, null);
    }

    public ProviderException(Kind kind, String message, @Nullable Integer status, @Nullable Throwable cause,
            @Nullable Repeat repeat) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.repeat = repeat;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, when the failure came with one. */
    public @Nullable Integer status() {
        return status;
    }

    /**
     * Whether and when the same request may be sent again; null when a retry cannot help or could cost twice. Set
     * by the HTTP backends; a caller that retries itself reads it (see {@link RetryScope}).
     */
    public @Nullable Repeat repeat() {
        return repeat;
    }

    public boolean retriable() {
        return kind.retriable();
    }
}
