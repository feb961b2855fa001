// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Canned SSE bodies. Payloads are written with single quotes for readability; they become double quotes. */
final class SseBodies {

    private SseBodies() {
    }

    /** {@code data:} events for the payloads, each followed by a blank line. */
    static String events(String... payloads) {
        StringBuilder body = new StringBuilder();
        for (String payload : payloads) {
            body.append("data: ").append(payload.replace('\'', '"')).append("\n\n");
        }
        return body.toString();
    }

    /** The events, then {@code data: [DONE]}. */
    static String done(String... payloads) {
        return events(payloads) + "data: [DONE]\n\n";
    }

    static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    /**
     * {@code delivered}, then a long comment in the middle of which the server applies {@code effect} (MockWebServer
     * triggers body effects halfway through the body), then events the client must never see.
     */
    static MockResponse breakingAfter(String delivered, SocketEffect effect) {
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + events("{'choices':[{'index':0,'delta':{'content':'NEVER'}}]}"))
                .onResponseBody(effect).build();
    }
}
