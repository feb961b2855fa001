// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JacksonException;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import java.io.IOException;

/**
 * What a stream's body handler ended with, as the one failure {@link StreamingCall} reports. Every message names
 * the provider and says what the server did in plain words; none names a Java exception. Pure and thread-safe.
 */
public final class StreamFailures {

    private static final System.Logger LOG = System.getLogger(StreamFailures.class.getName());

    private StreamFailures() {
    }

    /**
     * The failure a body handler's exception stands for: a {@link ProviderException} as itself (named after the
     * provider when it is not yet), a JSON error as MALFORMED_REPLY in {@link MalformedReply}'s words, an I/O
     * error as INTERRUPTED after {@code tokens} tokens, anything else as MALFORMED_REPLY whose message names no
     * Java type (the exception goes to the log and the cause).
     */
    public static ProviderException of(Exception e, String provider, int tokens) {
        return switch (e) {
            case ProviderException p -> named(p, provider);
            case JacksonException json -> MalformedReply.fromJson(provider, "the reply", json, null);
            case IOException io -> HttpErrors.midStream(provider, io, tokens);
            default -> {
                // A mapping that met data it did not expect; the reply, not the caller, is at fault.
                LOG.log(System.Logger.Level.WARNING, provider + ": reply not understood", e);
                yield new ProviderException(Kind.MALFORMED_REPLY, provider
                        + ": the reply has a shape this version cannot read (details in the log)", null, e);
            }
        };
    }

    // Readers that do not know the provider (SseReader, NdjsonReader) leave its name out.
    private static ProviderException named(ProviderException e, String provider) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(provider + ":")) {
            return e;
        }
        return new ProviderException(e.kind(), provider + ": " + message, e.status(), e.getCause() == null ? e
                : e.getCause());
    }

}
