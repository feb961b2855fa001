// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * An OpenAI-compatible chat server that adds: "What is A + 3?" gets "The answer is A+3." (one too many when the sum
 * is a multiple of 5), after {@code delayMillis}. It logs each request as {@code model|last user message}. With
 * {@link #stallAfter} it holds every request past the first few until {@link #release}.
 */
final class SumServer extends ChatDispatcher {
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

    private final List<String> log = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile long delayMillis;
    private volatile int answeredAtOnce = Integer.MAX_VALUE;

    SumServer(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    void setDelayMillis(long millis) {
        delayMillis = millis;
    }

    /** Answers the first {@code requests} requests; holds later ones (logged on arrival) until {@link #release}. */
    void stallAfter(int requests) {
        answeredAtOnce = requests;
    }

    void release() {
        released.countDown();
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** A prompt set of {@code cases} sums with a direct and a step-by-step variant, written to {@code file}. */
    static Path writeSet(Path file, int cases) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            list.append(i == 0 ? "" : ",").append(String.format(
                    "{\"id\":\"c%02d\",\"inputs\":{\"question\":\"%s\"},\"expected\":\"%d\"}", i, question(i), i + 3));
        }
        Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\",\"tasks\":[{"
                + "\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},\"cases\":[" + list + "],"
                + "\"variants\":[{\"id\":\"direct\"},{\"id\":\"cot\",\"reasoning\":\"zero-shot-trigger\"}]}]}\n",
                StandardCharsets.UTF_8);
        return file;
    }

    static String question(int i) {
        return "What is " + i + " + 3?";
    }

    /** The log entry of the request for a case of a variant. */
    static String requestKey(String model, String variant, String caseId) {
        String question = "Q: " + question(Integer.parseInt(caseId.substring(1)));
        return model + "|" + (variant.equals("cot") ? question + "\n\nLet's think step by step." : question);
    }

    @Override
    protected MockResponse answer(JsonNode body, String last) throws InterruptedException {
        int arrived;
        synchronized (this) {
            log.add(body.get("model").asText() + "|" + last);
            arrived = log.size();
        }
        if (arrived > answeredAtOnce && !released.await(60, TimeUnit.SECONDS)) {
            return new MockResponse.Builder().code(503).build();
        }
        Matcher m = SUM.matcher(last);
        int sum = m.find() ? Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) : -1;
        String reply = "The answer is " + (sum % 5 == 0 ? sum + 1 : sum) + ".";
        return new MockResponse.Builder().headersDelay(delayMillis, TimeUnit.MILLISECONDS)
                .setHeader("Content-Type", "text/event-stream")
                .body("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + reply + "\"}}]}\n\n"
                        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":5}}\n\n"
                        + "data: [DONE]\n\n")
                .build();
    }
}
