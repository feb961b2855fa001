// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.cli.ChatDispatcher;
import dev.rationale.cli.RationaleCommand;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints how close {@code rationale eval} comes to the raw capacity of a local OpenAI-compatible server: the same
 * requests sent straight with one OkHttp client at the same concurrency, then through {@code rationale eval}
 * in-process, without and with the workspace history, with the peak heap of each eval. The server is a
 * MockWebServer that streams a short answer with logprobs after a fixed service time standing in for a model.
 * Not a test: figures vary by machine, so it reports and asserts nothing about speed. Run it with
 * {@code bench/eval.sh [--delay-ms N] [--requests N] [--concurrency N]}. When a run cannot finish (a failed
 * request, an eval that exits non-zero or records fewer results than asked) it prints why and exits with status 1.
 */
public final class EvalBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUM = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final long SAMPLE_MILLIS = 50;
    private static final int WARM_UP = 200;

    private EvalBench() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Options()).execute(args));
    }

    /** The bench's options: a typo or an unknown option stops it with the usage, instead of running the defaults. */
    @Command(name = "bench/eval.sh", sortOptions = false,
            description = "Prints how close rationale eval comes to a local server's raw capacity, and its peak heap.")
    static final class Options implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Option(names = "--delay-ms", paramLabel = "MS", description = "The server's service time (20).")
        long delayMillis = 20;

        @Option(names = "--requests", paramLabel = "N", description = "Requests per measured run (1000).")
        int requests = 1_000;

        @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight (8).")
        int concurrency = 8;

        @Override
        public Integer call() throws Exception {
            run(delayMillis, requests, concurrency);
            return 0;
        }
    }

    private static void run(long delayMillis, int requests, int concurrency) throws Exception {
        Path dir = Files.createTempDirectory("rationale-eval-bench");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new ModelServer(delayMillis));
            server.setServerSocketFactory(new NoDelayServerSockets());
            server.start();
            System.out.printf(Locale.ROOT, "server: %d ms per request, %d requests at concurrency %d, %d cores%n",
                    delayMillis, requests, concurrency, Runtime.getRuntime().availableProcessors());

            // Warm every path up so that no measurement pays alone for class loading, the JIT and SQLite's native
            // library.
            raw(server, WARM_UP, concurrency);
            eval(dir.resolve("warm-up"), server, WARM_UP, concurrency, false);
            eval(dir.resolve("warm-up-history"), server, WARM_UP, concurrency, true);

            double rawSeconds = raw(server, requests, concurrency);
            report("raw", requests, rawSeconds, Double.NaN);
            Measured bare = eval(dir.resolve("no-history"), server, requests, concurrency, false);
            report("eval (no history)", requests, bare.seconds, rawSeconds);
            Measured kept = eval(dir.resolve("history"), server, requests, concurrency, true);
            report("eval (history)", requests, kept.seconds, rawSeconds);
            System.out.printf(Locale.ROOT, "peak heap: %d MB (no history), %d MB (history), sampled every %d ms%n",
                    mb(bare.peakHeap), mb(kept.peakHeap), SAMPLE_MILLIS);
        } catch (Exception e) {
            System.out.println("eval bench failed: " + e);
            System.exit(1);
        } finally {
            delete(dir);
        }
        System.exit(0);
    }

    /** Sends {@code count} chat completions straight to the server and reads each stream to its end. */
    private static double raw(MockWebServer server, int count, int concurrency) throws Exception {
        String baseUrl = server.url("/v1").toString();
        int before = server.getRequestCount();
        OkHttpClient client = new OkHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> calls = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                        .post(RequestBody.create(rawBody(i), JSON_TYPE)).build();
                calls.add(pool.submit(() -> {
                    try (Response response = client.newCall(request).execute()) {
                        String body = response.body().string();
                        if (response.code() != 200 || !body.contains("data: [DONE]")) {
                            throw new BenchFailure("raw request failed: HTTP " + response.code());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            checkRequests(server, before, count);
            return seconds;
        } finally {
            pool.shutdownNow();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static String rawBody(int i) {
        return "{\"model\":\"bench\",\"stream\":true,\"logprobs\":true,\"top_logprobs\":2,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Q: " + question(i) + "\"}]}";
    }

    /** Runs {@code rationale eval} in-process on a set of {@code cases} sums and checks every one was recorded. */
    private static Measured eval(Path dir, MockWebServer server, int cases, int concurrency, boolean history)
            throws IOException, InterruptedException, BenchFailure {
        String baseUrl = server.url("/v1").toString();
        int before = server.getRequestCount();
        Files.createDirectories(dir);
        Path set = writeSet(dir.resolve("sums.rationale.json"), cases);
        Path out = dir.resolve("out.jsonl");
        List<String> args = new ArrayList<>(List.of("eval", set.toString(), "--provider", "openai", "--base-url",
                baseUrl, "--model", "bench", "--concurrency", String.valueOf(concurrency), "--out", out.toString(),
                "--json"));
        if (!history) {
            args.add("--no-history");
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.gc();
        HeapSampler sampler = HeapSampler.start();
        long start = System.nanoTime();
        int code = RationaleCommand.commandLine(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).execute(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stop();
        if (code != 0) {
            throw new BenchFailure("eval exited " + code + ": " + stderr.toString(StandardCharsets.UTF_8).strip());
        }
        checkRequests(server, before, cases);
        JsonNode json = JSON.readTree(stdout.toString(StandardCharsets.UTF_8));
        JsonNode cell = json.get("cells").get(0);
        long lines;
        try (Stream<String> all = Files.lines(out)) {
            lines = all.filter(line -> !line.isBlank()).count();
        }
        if (json.get("completions").asInt() != cases || cell.get("correct").asInt() != cases || lines != cases) {
            throw new BenchFailure("eval recorded " + json.get("completions") + " completions, " + cell.get("correct")
                    + " correct, " + lines + " lines in " + out.getFileName() + "; expected " + cases);
        }
        if (history) {
            try (HistoryStore store = HistoryStore.open(dir)) {
                Run run = store.runs(RunFilter.all()).items().getFirst();
                long stored = store.completions(CompletionFilter.of(run.id())).total();
                if (stored != cases) {
                    throw new BenchFailure("the history holds " + stored + " completions; expected " + cases);
                }
            }
        }
        return new Measured(seconds, peak);
    }

    // The same number of requests on both paths, or the comparison is off.
    private static void checkRequests(MockWebServer server, int before, int expected) throws BenchFailure {
        int sent = server.getRequestCount() - before;
        if (sent != expected) {
            throw new BenchFailure("the server got " + sent + " requests; expected " + expected);
        }
    }

    /** A prompt set of {@code cases} sums ("What is i + 3?") with one variant. */
    private static Path writeSet(Path file, int cases) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            list.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"c%04d\",\"inputs\":{\"question\":\"%s\"},\"expected\":\"%d\"}", i, question(i), i + 3));
        }
        return Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\","
                + "\"tasks\":[{\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},\"cases\":[" + list + "],"
                + "\"variants\":[{\"id\":\"direct\"}]}]}\n", StandardCharsets.UTF_8);
    }

    private static String question(int i) {
        return "What is " + i + " + 3?";
    }

    private static void report(String what, int count, double seconds, double rawSeconds) {
        String ratio = Double.isNaN(rawSeconds) ? "" : String.format(Locale.ROOT, ", ratio %.2f", rawSeconds / seconds);
        System.out.printf(Locale.ROOT, "%s: %d requests in %.2f s (%.0f req/s%s)%n", what, count, seconds,
                count / seconds, ratio);
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Measured(double seconds, long peakHeap) {
    }

    /** A failed measurement: the figures would mean nothing. */
    private static final class BenchFailure extends Exception {
        BenchFailure(String message) {
            super(message);
        }
    }

    /** The largest used heap seen, sampled on a daemon thread. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(sampler::sample);
            return sampler;
        }

        private void sample() {
            while (running) {
                record();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record() {
            Runtime runtime = Runtime.getRuntime();
            peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
        }

        long stop() throws InterruptedException {
            record();
            running = false;
            thread.interrupt();
            thread.join();
            return peak.get();
        }
    }

    /**
     * Server sockets whose connections send at once (TCP_NODELAY), as model servers do: MockWebServer writes a
     * response's headers and body apart, and with Nagle's algorithm on the body waits for the client's delayed
     * acknowledgement of the headers, about 40 ms on Linux, which would swamp the service time being measured.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * An OpenAI-compatible chat server that answers "What is A + B?" with "The answer is A+B." as a stream of five
     * tokens with logprobs, after a fixed service time.
     */
    private static final class ModelServer extends ChatDispatcher {
        private final long delayMillis;

        ModelServer(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        protected MockResponse answer(JsonNode body, String last) {
            Matcher m = SUM.matcher(last);
            int sum = m.find() ? Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) : -1;
            StringBuilder stream = new StringBuilder();
            for (String token : List.of("The", " answer", " is", " " + sum, ".")) {
                stream.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(token)
                        .append("\"},\"logprobs\":{\"content\":[{\"token\":\"").append(token)
                        .append("\",\"logprob\":-0.01,\"top_logprobs\":[{\"token\":\"").append(token)
                        .append("\",\"logprob\":-0.01},{\"token\":\"x\",\"logprob\":-4.6}]}]}}]}\n\n");
            }
            stream.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                    .append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":5}}\n\n")
                    .append("data: [DONE]\n\n");
            return new MockResponse.Builder().headersDelay(delayMillis, TimeUnit.MILLISECONDS)
                    .setHeader("Content-Type", "text/event-stream").body(stream.toString()).build();
        }
    }
}
