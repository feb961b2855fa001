// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Compares a stream's {@code Content-Type} with the media type its request's {@code Accept} asked for. A server
 * behind a proxy or a misconfigured gateway may label a good stream wrongly, so a mismatch does not stop the run;
 * it becomes a notice naming what came, since a wrong label is also the first sign of a reply that is no stream
 * at all (an HTML login page, a JSON error). Pure and thread-safe.
 */
final class StreamContentType {

    /** Names a newline-delimited JSON stream goes by; Ollama sends the first. */
    private static final Set<String> NDJSON = Set.of("application/x-ndjson", "application/ndjson",
            "application/jsonl", "application/x-jsonlines");

    private StreamContentType() {
    }

    /**
     * The notice for a stream whose type does not match, or null when it does or nothing was asked for.
     *
     * @param accept the request's {@code Accept} header, e.g. {@code text/event-stream}
     * @param received the response's {@code Content-Type}, null when the server sent none
     */
    static @Nullable String notice(String provider, @Nullable String accept, @Nullable MediaType received) {
        if (accept == null || accept.isBlank() || accept.contains("*")) {
            return null;
        }
        String wanted = essence(accept);
        if (received == null) {
            return provider + ": the stream came without a Content-Type (expected " + wanted
                    + "); it was read as a stream anyway";
        }
        String got = received.type() + "/" + received.subtype();
        boolean matches = got.equalsIgnoreCase(wanted) || NDJSON.contains(wanted) && NDJSON.contains(got);
        return matches ? null : provider + ": the stream came as Content-Type \"" + received
                + "\", not " + wanted + "; it was read as a stream anyway";
    }

    private static String essence(String accept) {
        int end = accept.indexOf(';');
        int comma = accept.indexOf(',');
        int cut = end < 0 ? comma : comma < 0 ? end : Math.min(end, comma);
        return (cut < 0 ? accept : accept.substring(0, cut)).strip().toLowerCase(Locale.ROOT);
    }
}
