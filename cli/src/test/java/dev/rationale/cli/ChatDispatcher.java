// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake OpenAI-compatible chat server's request handling: the body read as JSON (a 400 when it is not) and the
 * last message's text, handed to {@link #answer}, which each test server writes for its own replies.
 */
public abstract class ChatDispatcher extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public final MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).build();
        }
        JsonNode messages = body.path("messages");
        return answer(body, messages.path(messages.size() - 1).path("content").asText());
    }

    /** The reply to a chat request of {@code body}, whose last message says {@code last}. */
    protected abstract MockResponse answer(JsonNode body, String last) throws InterruptedException;
}
