// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A fast local OpenAI-compatible chat server for benchmarks and fault tests: {@code POST /v1/chat/completions},
 * streamed (SSE) or not, after a fixed service time, on a small HTTP/1.1 server of its own ({@link LoopbackHttp}).
 *
 * <p>It answers "What is A + B?" (the last user message) with "The answer is A+B.", so every answer can be checked
 * against the case that asked it. With faults on, request number n (counted from the last {@link #reset}) fails by a
 * deterministic rule over {@code mix(n) mod 100}: below {@code 429} percent a 429 without Retry-After, then a share
 * of 429s with {@code Retry-After: 1} and {@code retry-after-ms: 100}, then 500s, then replies cut midway (the
 * connection dropped after the first tokens). A prompt meets at most one fault, so a client that retries each
 * failure once always gets every answer; its later requests are answered.
 *
 * <p>Not a test; {@code bench/eval-vs-peers.sh} and the fault-mix tests use it.
 */
public final class FaultServer implements AutoCloseable {

    /** What a request got. */
    public enum Outcome { OK, RATE_LIMITED, RATE_LIMITED_RETRY_AFTER, SERVER_ERROR, CUT }

    /** Percentages of each fault, in the order of the rule. */
    public record FaultMix(int rateLimited, int rateLimitedRetryAfter, int serverError, int cut) {
        public static final FaultMix NONE = new FaultMix(0, 0, 0, 0);
        /** 5% 429 without Retry-After, 2% with it, 2% 500, 1% streams cut midway. */
        public static final FaultMix BENCH = new FaultMix(5, 2, 2, 1);

        Outcome of(long n) {
            long h = Long.remainderUnsigned(mix(n), 100);
            int bound = rateLimited;
            if (h < bound) {
                return Outcome.RATE_LIMITED;
            }
            bound += rateLimitedRetryAfter;
            if (h < bound) {
                return Outcome.RATE_LIMITED_RETRY_AFTER;
            }
            bound += serverError;
            if (h < bound) {
                return Outcome.SERVER_ERROR;
            }
            return h < bound + cut ? Outcome.CUT : Outcome.OK;
        }

        boolean any() {
            return rateLimited + rateLimitedRetryAfter + serverError + cut > 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    private @Nullable LoopbackHttp server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstRequestMillis = new AtomicLong();
    private final AtomicLong lastAnsweredMillis = new AtomicLong();
    private final AtomicLongArray outcomes = new AtomicLongArray(Outcome.values().length);
    private final Set<String> faulted = ConcurrentHashMap.newKeySet();
    private long[] arrivals = new long[1024];
    private volatile long delayMillis;
    private volatile FaultMix faults = FaultMix.NONE;

    /** Starts a server on a free port of the loopback interface. */
    public static FaultServer start(long delayMillis, FaultMix faults) throws IOException {
        FaultServer fault = new FaultServer();
        fault.reset(delayMillis, faults);
        fault.server = LoopbackHttp.start(fault::serve);
        return fault;
    }

    /** The base URL a client is configured with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + Objects.requireNonNull(server).port() + "/v1";
    }

    /** Sets the service time and faults and starts counting requests afresh. */
    public synchronized void reset(long delay, FaultMix mix) {
        delayMillis = delay;
        faults = mix;
        requests.set(0);
        firstRequestMillis.set(0);
        lastAnsweredMillis.set(0);
        faulted.clear();
        arrivals = new long[1024];
        for (int i = 0; i < outcomes.length(); i++) {
            outcomes.set(i, 0);
        }
    }

    public long requests() {
        return requests.get();
    }

    /** When the first request since {@link #reset} arrived (epoch milliseconds), 0 before. */
    public long firstRequestMillis() {
        return firstRequestMillis.get();
    }

    /** When the last answer since {@link #reset} was sent whole (epoch milliseconds). */
    public long lastAnsweredMillis() {
        return lastAnsweredMillis.get();
    }

    /**
     * Requests per second over the last {@code count} requests since {@link #reset} (arrival of the first of them
     * to arrival of the last): the rate once a client has warmed up, when {@code count} is the later part of a run.
     */
    public synchronized double arrivalRateOfLast(int count) {
        int n = (int) Math.min(requests.get(), arrivals.length);
        if (count < 2 || n < count) {
            return Double.NaN;
        }
        return (count - 1) / ((arrivals[n - 1] - arrivals[n - count]) / 1e9);
    }

    public long count(Outcome outcome) {
        return outcomes.get(outcome.ordinal());
    }

    /** Faults served since {@link #reset}. */
    public long faults() {
        return requests() - count(Outcome.OK);
    }

    @Override
    public void close() {
        Objects.requireNonNull(server).close();
    }

    /** Answers one request; a cut reply leaves the connection for the server to drop. */
    private LoopbackHttp.Reply serve(LoopbackHttp.Request request) throws IOException {
        if (!request.path().startsWith("/v1/chat/completions")) {
            return LoopbackHttp.Reply.of(404, "application/json", error("No such route", "not_found"));
        }
        long n = requests.incrementAndGet();
        firstRequestMillis.compareAndSet(0, System.currentTimeMillis());
        arrive(n);
        if (!"POST".equals(request.method())) {
            return LoopbackHttp.Reply.of(405, "application/json", "{\"error\":{\"message\":\"POST only\"}}");
        }
        JsonNode body = JSON.readTree(request.body());
        JsonNode messages = body.path("messages");
        String last = messages.path(messages.size() - 1).path("content").asText("");
        boolean stream = body.path("stream").asBoolean(false);
        Outcome outcome = faults.any() ? faults.of(n) : Outcome.OK;
        if (outcome != Outcome.OK && !faulted.add(last)) {
            outcome = Outcome.OK;
        }
        outcomes.incrementAndGet(outcome.ordinal());
        sleep();
        String reply = "The answer is " + answer(last) + ".";
        String type = stream ? "text/event-stream" : "application/json";
        return switch (outcome) {
            case RATE_LIMITED -> LoopbackHttp.Reply.of(429, "application/json",
                    error("Rate limit reached, slow down", "requests"));
            case RATE_LIMITED_RETRY_AFTER -> new LoopbackHttp.Reply(429, "application/json",
                    Map.of("Retry-After", "1", "retry-after-ms", "100"),
                    error("Rate limit reached, retry later", "requests").getBytes(StandardCharsets.UTF_8), -1);
            case SERVER_ERROR -> LoopbackHttp.Reply.of(500, "application/json",
                    error("The server had an error", "server_error"));
            case CUT -> {
                // The head and the first event (or half the JSON), then the connection drops.
                String whole = stream ? events(reply) : completion(reply);
                byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
                yield new LoopbackHttp.Reply(200, type, Map.of(), bytes,
                        stream ? whole.indexOf("\n\n") + 2 : bytes.length / 2);
            }
            case OK -> {
                LoopbackHttp.Reply ok = LoopbackHttp.Reply.of(200, type, stream ? events(reply) : completion(reply));
                lastAnsweredMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
                yield ok;
            }
        };
    }

    private synchronized void arrive(long n) {
        if (n > arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
        }
        arrivals[(int) n - 1] = System.nanoTime();
    }

    private void sleep() {
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String answer(String prompt) {
        Matcher m = SUM.matcher(prompt);
        return m.find() ? String.valueOf(Long.parseLong(m.group(1)) + Long.parseLong(m.group(2))) : "unknown";
    }

    private static String error(String message, String type) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":null}}";
    }

    private static String completion(String reply) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench\","
                + "\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + reply + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5,\"total_tokens\":14}}";
    }

    private static String events(String reply) {
        StringBuilder out = new StringBuilder();
        for (String token : reply.split("(?= )")) {
            out.append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
                    + "\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"").append(token).append("\"},\"finish_reason\":null}]}\n\n");
        }
        return out.append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{"
                + "\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                .append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5,\"total_tokens\":14}}\n\n")
                .append("data: [DONE]\n\n").toString();
    }

    /** A 64-bit finaliser (SplitMix64's): request numbers in sequence spread evenly over the rule. */
    static long mix(long n) {
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs the server alone: {@code FaultServer [DELAY_MS] [faults | P429,P429RA,P500,PCUT]}; prints its base URL,
     * stops on Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 0;
        FaultMix mix = FaultMix.NONE;
        if (args.length > 1) {
            String[] p = args[1].split(",");
            mix = args[1].equals("faults") ? FaultMix.BENCH : new FaultMix(Integer.parseInt(p[0]),
                    Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
        }
        FaultServer server = start(delay, mix);
        System.out.printf(Locale.ROOT, "%s (%d ms per request, faults %s)%n", server.baseUrl(), delay, mix);
        Thread.currentThread().join();
    }
}
