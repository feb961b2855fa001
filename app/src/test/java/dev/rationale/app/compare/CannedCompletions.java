// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible server for the arithmetic sample. A raw-text completion streams "3 + 4 = N. The answer is N."
 * token by token with legacy logprobs: N is 8 for a prompt with the zero-shot trigger and 7 for any other, and the
 * first N is unsure, with the other number as its runner-up. A prompt that ends in the branch "3 + 4 = 8" gets the
 * rest of that answer. A text completion asking for n choices gets the answer n times, one per choice. A chat
 * completion answers "The answer is 7." Every request body is kept.
 */
public final class CannedCompletions extends Dispatcher {

    /** The log-probability of every token but the first number. */
    public static final double SURE = -0.05;
    /** The log-probability of the first number, the token chosen. */
    static final double CHOSEN = -0.2;
    /** The log-probability of the first number's runner-up. */
    static final double RUNNER_UP = -1.8;
    /** The index of the first number, where the answers differ and a branch can take the runner-up. */
    public static final int FIRST_NUMBER = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
    private volatile boolean stallNext;

    /** Makes the next text completion send its first two tokens, then hang until the client gives up. */
    public void stallNext() {
        stallNext = true;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body = read(request);
        bodies.add(body);
        if (request.getUrl().encodedPath().endsWith("/chat/completions")) {
            return stream("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The answer is 7.\"},"
                    + "\"logprobs\":{\"content\":[{\"token\":\"The answer is 7.\",\"logprob\":" + SURE
                    + ",\"top_logprobs\":[]}]}}]}\n\n");
        }
        String prompt = body.path("prompt").asText();
        if (prompt.endsWith("3 + 4 = 8")) {
            return stream(chunk(".", SURE, null) + chunk(" The answer is", SURE, null) + chunk(" 8", SURE, null)
                    + chunk(".", SURE, null));
        }
        if (stallNext && request.getUrl().encodedPath().endsWith("/completions")) {
            stallNext = false;
            String delivered = chunk("3", SURE, null) + chunk(" +", SURE, null);
            String rest = answer(7);
            // MockWebServer stalls halfway through the body: inside the comment that follows the two chunks.
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(delivered + ": " + "x".repeat(delivered.length() + rest.length() + 400) + "\n\n" + rest)
                    .onResponseBody(SocketEffect.Stall.INSTANCE).build();
        }
        int choices = Math.max(1, body.path("n").asInt(1));
        StringBuilder events = new StringBuilder();
        for (int choice = 0; choice < choices; choice++) {
            events.append(answer(prompt.contains("Let's think step by step.") ? 8 : 7).replace("\"index\":0",
                    "\"index\":" + choice));
        }
        return stream(events.toString(), choices);
    }

    /** The bodies received so far, in order. */
    public List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    /** The tokens of the answer {@code n}: 9 of them, the first number at {@link #FIRST_NUMBER}. */
    public static List<String> tokens(int n) {
        return List.of("3", " +", " 4", " =", " " + n, ".", " The answer is", " " + n, ".");
    }

    private static String answer(int n) {
        StringBuilder body = new StringBuilder();
        List<String> tokens = tokens(n);
        for (int i = 0; i < tokens.size(); i++) {
            String runnerUp = i == FIRST_NUMBER ? " " + (n == 7 ? 8 : 7) : null;
            body.append(chunk(tokens.get(i), i == FIRST_NUMBER ? CHOSEN : SURE, runnerUp));
        }
        return body.toString();
    }

    /** One token's chunk; its alternatives are itself and {@code runnerUp} (at {@link #RUNNER_UP}) if given. */
    private static String chunk(String token, double logprob, @Nullable String runnerUp) {
        String top = "{\"" + token + "\":" + logprob + (runnerUp == null ? "" : ",\"" + runnerUp + "\":" + RUNNER_UP)
                + "}";
        return "data: {\"choices\":[{\"index\":0,\"text\":\"" + token + "\",\"logprobs\":{\"tokens\":[\"" + token
                + "\"],\"token_logprobs\":[" + logprob + "],\"top_logprobs\":[" + top + "]},"
                + "\"finish_reason\":null}]}\n\n";
    }

    private static MockResponse stream(String events) {
        return stream(events, 1);
    }

    private static MockResponse stream(String events, int choices) {
        StringBuilder end = new StringBuilder();
        for (int choice = 0; choice < choices; choice++) {
            end.append(events.contains("\"delta\"")
                    ? "data: {\"choices\":[{\"index\":" + choice + ",\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    : "data: {\"choices\":[{\"index\":" + choice + ",\"text\":\"\",\"finish_reason\":\"stop\"}]}\n\n");
        }
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(events + end + "data: [DONE]\n\n").build();
    }

    private static JsonNode read(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
