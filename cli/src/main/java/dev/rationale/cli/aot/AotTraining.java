// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.aot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rationale.cli.RationaleCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the commands a user runs most, the way they run them, against a small OpenAI-compatible server of its own on
 * the loopback interface, in a scratch folder it deletes: {@code validate}, {@code render}, {@code eval} (streamed
 * chat answers, graded, kept in the results file and the history), {@code run}, {@code history list} and
 * {@code report}. The JVM records what they load and how their methods behave into the cache named by
 * {@code -XX:AOTCacheOutput}; the work itself is thrown away.
 *
 * <p>The build runs it with the packaged jar alone on the class path, because the cache is only used by a JVM
 * whose class path is the training run's.
 */
public final class AotTraining {
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");
    private static final Pattern RUN_ID = Pattern.compile("history: run (\\S+)");
    private static final int CASES = 150;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("rationale-aot-");
        ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(exchanges);
        server.createContext("/v1/chat/completions", AotTraining::answer);
        server.start();
        int failures = 0;
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            Path set = writeSet(scratch.resolve("sums.rationale.json"));
            String results = scratch.resolve("sums.eval.jsonl").toString();
            List<List<String>> commands = List.of(
                    List.of("validate", set.toString()),
                    List.of("render", set.toString(), "--case", "c0001", "--variant", "cot"),
                    List.of("eval", set.toString(), "--provider", "openai", "--base-url", url, "--model", "train",
                            "--concurrency", "8", "--out", results),
                    List.of("eval", set.toString(), "--provider", "openai", "--base-url", url, "--model", "train",
                            "--concurrency", "8", "--out", results, "--resume", "--json"),
                    List.of("run", "--set", set.toString(), "--provider", "openai", "--base-url", url, "--model",
                            "train", "--case", "c0002"),
                    List.of("history", "list", "--workspace", scratch.toString()));
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            ByteArrayOutputStream evalOut = new ByteArrayOutputStream();
            for (List<String> command : commands) {
                failures += execute(command, new PrintStream(evalOut, true, StandardCharsets.UTF_8), discard);
            }
            Matcher run = RUN_ID.matcher(evalOut.toString(StandardCharsets.UTF_8));
            if (run.find()) {
                failures += execute(List.of("report", run.group(1), "--workspace", scratch.toString(), "--format",
                        "csv", "--out", scratch.resolve("r.csv").toString()), discard, discard);
            }
        } finally {
            server.stop(0);
            exchanges.shutdownNow();
            delete(scratch);
        }
        // A command that failed still trained what it loaded; the cache is only slower to use, never wrong.
        System.out.printf(Locale.ROOT, "aot training: done, %d commands failed%n", failures);
        // OkHttp's idle dispatcher threads would hold the JVM, and so the writing of the cache, for a minute.
        System.exit(0);
    }

    /** Runs one command as {@code main} would; 1 when it failed, else 0. */
    private static int execute(List<String> command, PrintStream out, PrintStream err) {
        String[] args = command.toArray(String[]::new);
        int code = RationaleCommand.forArguments(out, err, args).execute(args);
        if (code != 0) {
            System.err.println("aot training: rationale " + String.join(" ", command) + " exited " + code);
            return 1;
        }
        return 0;
    }

    private static Path writeSet(Path file) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            cases.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"c%04d\",\"inputs\":{\"question\":\"What is %d + %d?\"},\"expected\":\"%d\"}",
                    i, i, 7, i + 7));
        }
        return Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\","
                + "\"tasks\":[{\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\",\"cue\":\"A:\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},"
                + "\"exemplars\":[{\"inputs\":{\"question\":\"What is 2 + 2?\"},\"rationale\":\"Two and two make"
                + " four.\",\"answer\":\"4\"}],\"cases\":[" + cases + "],"
                + "\"variants\":[{\"id\":\"direct\"},{\"id\":\"cot\",\"shots\":1,"
                + "\"reasoning\":\"few-shot-rationale\"}]}]}\n",
                StandardCharsets.UTF_8);
    }

    /** A streamed chat answer naming the sum the last message asks for, token by token, with usage. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher sum = SUM.matcher(request);
            String answer = "unknown";
            while (sum.find()) {
                answer = String.valueOf(Long.parseLong(sum.group(1)) + Long.parseLong(sum.group(2)));
            }
            StringBuilder events = new StringBuilder();
            for (String token : ("Adding them gives " + answer + ". The answer is " + answer + ".").split("(?= )")) {
                events.append("data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"").append(token).append("\"},\"finish_reason\":null}]}\n\n");
            }
            events.append("data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                    .append("data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                            + "{\"prompt_tokens\":20,\"completion_tokens\":12,\"total_tokens\":32}}\n\n")
                    .append("data: [DONE]\n\n");
            byte[] body = events.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
