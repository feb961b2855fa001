// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An OpenAI-compatible chat server for sums: it answers "What is A + B?" with "The answer is A+B." (off by one when
 * {@code (A + B) % 5 == 0}, so some answers are wrong), with {@code n} choices when asked for several. Faults are
 * injected at fixed rates, decided by a Random seeded from the request and how often it was seen, so the same
 * request meets the same faults whatever the order requests arrive in.
 */
final class FakeChatServer extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    private final long seed;
    private final double rateLimited;
    private final double serverError;
    private final double cut;
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();
    private volatile Set<String> refused = Set.of();

    FakeChatServer(long seed, double rateLimited, double serverError, double cut) {
        this.seed = seed;
        this.rateLimited = rateLimited;
        this.serverError = serverError;
        this.cut = cut;
    }

    static FakeChatServer faultless() {
        return new FakeChatServer(0, 0, 0, 0);
    }

    /** Answers a request whose last message is one of {@code lastMessages} with 400 (not retried), until changed. */
    void refuse(Set<String> lastMessages) {
        refused = Set.copyOf(lastMessages);
    }

    /** Every request's key ({@link #key}), in arrival order. */
    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** What identifies a request: the model and the last user message. */
    static String key(String model, String lastUserMessage) {
        return model + "|" + lastUserMessage;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad json\"}}").build();
        }
        JsonNode messages = body.get("messages");
        String last = messages.get(messages.size() - 1).get("content").asText();
        String key = key(body.get("model").asText(), last) + "|" + body.path("seed").asText("");
        synchronized (this) {
            log.add(key(body.get("model").asText(), last));
        }
        if (refused.contains(last)) {
            return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"refused\"}}").build();
        }
        int visit = seen.merge(key, 1, Integer::sum);
        double roll = new SplittableRandom(seed * 1_000_003L + key.hashCode() * 31L + visit).nextDouble();
        int n = body.path("n").asInt(1);
        String reply = reply(last);
        if (roll < rateLimited) {
            return new MockResponse.Builder().code(429).setHeader("Retry-After", "0")
                    .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build();
        }
        if (roll < rateLimited + serverError) {
            return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build();
        }
        if (roll < rateLimited + serverError + cut) {
            return cutMidway(n, reply);
        }
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(events(n, reply) + "data: [DONE]\n\n").build();
    }

    static String reply(String question) {
        Matcher m = SUM.matcher(question);
        if (!m.find()) {
            return "I do not know.";
        }
        int sum = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
        return "Adding them up. The answer is " + (sum % 5 == 0 ? sum + 1 : sum) + ".";
    }

    private static String events(int n, String reply) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            body.append(chunk("{\"index\":" + i + ",\"delta\":{\"content\":\"" + reply
                    + "\"},\"finish_reason\":null}"));
            body.append(chunk("{\"index\":" + i + ",\"delta\":{},\"finish_reason\":\"stop\"}"));
        }
        body.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + 8 * n
                + ",\"total_tokens\":" + (10 + 8 * n) + "}}\n\n");
        return body.toString();
    }

    private static String chunk(String choice) {
        return "data: {\"choices\":[" + choice + "]}\n\n";
    }

    // Some content, then a long comment during which the server drops the connection (as RunCommandHttpTest does).
    private static MockResponse cutMidway(int n, String reply) {
        String delivered = chunk("{\"index\":0,\"delta\":{\"content\":\"Adding\"},\"finish_reason\":null}");
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + events(n, reply)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }
}
