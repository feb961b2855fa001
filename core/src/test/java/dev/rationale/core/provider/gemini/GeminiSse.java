// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Canned {@code alt=sse} bodies as Gemini sends them: {@code data:} events only, no terminator. Payloads are written
 * with single quotes for readability; they become double quotes.
 */
final class GeminiSse {

    private GeminiSse() {
    }

    /** {@code data:} events for the payloads, each followed by a blank line; the body ends after the last. */
    static String events(String... payloads) {
        StringBuilder body = new StringBuilder();
        for (String payload : payloads) {
            body.append("data: ").append(payload.replace('\'', '"')).append("\n\n");
        }
        return body.toString();
    }

    static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    /**
     * {@code delivered}, then a long comment in the middle of which the server applies {@code effect} (MockWebServer
     * triggers body effects halfway through the body), then a finishing chunk the client must never see.
     */
    static MockResponse breakingAfter(String delivered, SocketEffect effect) {
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + events(
                        "{'candidates':[{'content':{'parts':[{'text':'NEVER'}]},'finishReason':'STOP'}]}"))
                .onResponseBody(effect).build();
    }
}
