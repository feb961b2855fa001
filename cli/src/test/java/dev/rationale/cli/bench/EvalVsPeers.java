// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.cli.bench.FaultServer.FaultMix;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The side-by-side benchmark behind {@code bench/eval-vs-peers.sh}: one {@link FaultServer}, warmed up first
 * ({@link #warmUp}, then one uncounted run of {@code rationale eval}), its raw capacity at each scenario's
 * concurrency (one OkHttp client, streamed requests), then {@code rationale eval} (bin/rationale, in a process of
 * its own) and promptfoo (when given) on the same requests, one after the other. It prints requests per second
 * while requests flow (first request in to last answer out, on the server's clock), the ratio to raw, wall time,
 * launch to first request, processor time, peak RSS (VmHWM, sampled), faults served, and cases lost or graded
 * twice; then the goals of issue 16, met or not. {@code rationale eval} runs {@code --repeat} times (3) per
 * scenario and the median run is the one shown and judged, because a fresh JVM's warm-up makes single runs vary by
 * a third on this machine; one longer run at 0 ms ({@code --warm-cases}) shows the rate once the code is compiled.
 * With {@code --startup N} it only measures the CLI's launch to first request. Reports, asserts nothing about
 * speed; exits 1 when a run cannot be measured.
 */
public final class EvalVsPeers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    static final long SAMPLE_MILLIS = 20;
    /** The unit of /proc's times: USER_HZ, 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long TIMEOUT_MINUTES = 15;
    private static final int WARM_ROUND = 5_000;
    private static final long WARM_COMPILE_MILLIS = 50;
    private static final long WARM_MAX_SECONDS = 30;
    private static final String COT = "\n\nLet's think step by step.";

    private EvalVsPeers() {
    }

    /** One load: service time, concurrency, and whether the fault mix is on. */
    record Scenario(String id, long delayMillis, int concurrency, boolean faults) {
        String label() {
            return delayMillis + " ms c" + concurrency + (faults ? " fault mix" : "");
        }
    }

    /** What one tool did on one scenario. */
    record Measured(String tool, double wallSeconds, double flowSeconds, long launchMillis, long cpuMillis,
            long peakRssKb, long faults, int lost, int duplicated, int requests) {
        double perSecond() {
            return requests / flowSeconds;
        }
    }

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new Scenario("0c8", 0, 8, false), new Scenario("50c8", 50, 8, false),
                new Scenario("50c32", 50, 32, false), new Scenario("20c8", 20, 8, false),
                new Scenario("faults20c8", 20, 8, true))) {
            SCENARIOS.put(s.id(), s);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Options()).execute(args));
    }

    /** The bench's options: a typo or an unknown option stops it with the usage, instead of running the defaults. */
    @Command(name = "bench/eval-vs-peers.sh", sortOptions = false,
            description = "Runs rationale eval and promptfoo on the same requests against a local server, beside the"
                    + " server's raw capacity, and prints the figures and goals of issue 16.")
    static final class Options implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @Option(names = "--quick", description = "50 cases, one run per scenario, no warm run: a smoke run.")
        boolean quick;

        @Option(names = "--cases", paramLabel = "N", description = "Cases per run, two requests each (500; 50 with"
                + " --quick).")
        Integer cases;

        @Option(names = "--repeat", paramLabel = "N", description = "Runs of rationale eval per scenario; the median"
                + " is shown and judged (3; 1 with --quick).")
        Integer repeat;

        @Option(names = "--warm-cases", paramLabel = "N", description = "Cases of the long run at 0 ms that shows the"
                + " rate once the code is compiled; 0 skips it (5000; 0 with --quick).")
        Integer warmCases;

        @Option(names = "--scenarios", paramLabel = "IDS", split = ",", description = "Scenarios to run, of"
                + " 0c8, 50c8, 50c32, 20c8, faults20c8 (all).")
        List<String> scenarios = List.copyOf(SCENARIOS.keySet());

        @Option(names = "--startup", paramLabel = "N", description = "Only measure the launch to first request, over"
                + " N launches.")
        Integer startup;

        @Option(names = "--launcher", paramLabel = "PATH", description = "The command measured (bin/rationale).")
        Path launcher = Path.of("bin/rationale");

        @Option(names = "--promptfoo", paramLabel = "PATH", description = "promptfoo's command; without it, promptfoo"
                + " is skipped.")
        String promptfoo = "";

        @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (target/bench/eval-vs-peers).")
        Path work = Path.of("target/bench/eval-vs-peers");

        @Option(names = "--no-promptfoo", description = "Skips promptfoo; the script then does not install it.")
        boolean noPromptfoo;

        @Override
        public Integer call() throws Exception {
            // The way users start it: the launcher's JVM settings and ahead-of-time cache are part of what is
            // measured.
            Path command = launcher.toAbsolutePath();
            Path dir = work.toAbsolutePath();
            List<Scenario> chosen = scenarios(spec.commandLine(), scenarios);
            if (promptfoo.isEmpty() && !noPromptfoo && startup == null) {
                System.out.println("promptfoo: skipped (no --promptfoo PATH)");
            }
            Files.createDirectories(dir);
            try (FaultServer server = FaultServer.start(0, FaultMix.NONE)) {
                return startup != null ? startup(server, startup, command, dir)
                        : compare(server, chosen, or(cases, 50, 500), or(repeat, 1, 3),
                                or(warmCases, 0, 5000), command, noPromptfoo ? "" : promptfoo, dir);
            } catch (BenchFailure e) {
                System.out.println("bench failed: " + e.getMessage());
                return 1;
            }
        }

        private int or(Integer given, int whenQuick, int otherwise) {
            return given != null ? given : quick ? whenQuick : otherwise;
        }
    }

    private static List<Scenario> scenarios(CommandLine commandLine, List<String> ids) {
        List<Scenario> chosen = new ArrayList<>();
        for (String id : ids) {
            Scenario s = SCENARIOS.get(id.strip());
            if (s == null) {
                throw new ParameterException(commandLine, "no scenario " + id + "; the scenarios are "
                        + String.join(", ", SCENARIOS.keySet()));
            }
            // The fault mix is judged against the clean run at the same load.
            if (s.faults() && chosen.stream().noneMatch(c -> c.id().equals("20c8"))) {
                chosen.add(SCENARIOS.get("20c8"));
            }
            chosen.add(s);
        }
        return chosen;
    }

    private static int compare(FaultServer server, List<Scenario> scenarios, int cases, int repeat, int warmCases,
            Path launcher, String promptfoo, Path work) throws Exception {
        int requests = 2 * cases;
        Map<Scenario, List<Measured>> rationaleRuns = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "%d cases x 2 chat variants = %d requests per run; %d cores; raw load: one "
                + "OkHttp client (wrk/hey not used)%n", cases, requests, Runtime.getRuntime().availableProcessors());
        Map<Scenario, Double> raw = new LinkedHashMap<>();
        Map<Scenario, List<Measured>> runs = new LinkedHashMap<>();
        warmUp(server);
        // The server's JVM compiles again for what the tool's requests have that the raw load's lack; one run of the
        // tool, not counted, lets it finish before anything is measured.
        Measured unmeasured = rationale(server, new Scenario("warm-up", 0, 8, false), cases, launcher,
                work.resolve("warm-up"));
        System.out.printf(Locale.ROOT, "warm-up run of rationale eval (not counted): %.0f req/s%n",
                unmeasured.perSecond());
        for (Scenario s : scenarios) {
            double rawPerSecond = raw(server, s.delayMillis(), s.concurrency(), requests);
            raw.put(s, rawPerSecond);
            List<Measured> measured = new ArrayList<>();
            Path dir = Files.createDirectories(work.resolve(s.id()));
            List<Measured> repeats = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                repeats.add(rationale(server, s, cases, launcher, dir.resolve("rationale")));
            }
            rationaleRuns.put(s, repeats);
            measured.add(PeerReport.median(repeats));
            if (!promptfoo.isEmpty()) {
                measured.add(promptfoo(server, s, cases, Path.of(promptfoo), dir.resolve("promptfoo")));
            }
            runs.put(s, measured);
            System.out.printf(Locale.ROOT, "done: %s (raw %.0f req/s)%n", s.label(), rawPerSecond);
        }
        PeerReport.printTable(raw, runs, rationaleRuns);
        if (warmCases > 0) {
            printWarm(server, warmCases, launcher, work.resolve("warm"));
        }
        // The issue sets a lower memory goal for a run that keeps no history: one run at 0 ms and concurrency 8.
        Measured withoutHistory = rationale(server, new Scenario("no-history", 0, 8, false), cases, launcher,
                work.resolve("no-history"), List.of("--no-history"));
        PeerReport.printGoals(raw, runs, rationaleRuns, withoutHistory);
        return 0;
    }

    // ---- raw capacity -------------------------------------------------------------------------------------------

    /**
     * Loads the server (and the raw load generator) until this JVM has compiled their hot code. The server shares
     * the machine with the tool measured, and a server still compiling takes processor time from it: with 1,200
     * requests of warm-up, this process used 0.4-0.6 s of processor time during each 1,000-request run at 0 ms,
     * against 0.15-0.25 s once warm, out of about 2 s the machine had in that time. A model server would have been
     * up for a while. Rounds go on until one adds under {@link #WARM_COMPILE_MILLIS} of compiling, for at most
     * {@link #WARM_MAX_SECONDS}.
     */
    private static void warmUp(FaultServer server) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int rounds = 0;
        long compiled;
        do {
            long before = jit.getTotalCompilationTime();
            raw(server, 0, 8, WARM_ROUND);
            rounds++;
            compiled = jit.getTotalCompilationTime() - before;
        } while (compiled >= WARM_COMPILE_MILLIS
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(WARM_MAX_SECONDS));
        System.out.printf(Locale.ROOT, "server warmed up: %,d requests in %.1f s (the last %,d took %d ms of "
                + "compiling)%n", rounds * WARM_ROUND, (System.nanoTime() - start) / 1e9, WARM_ROUND, compiled);
    }

    /** Requests/s of one OkHttp client sending {@code count} streamed requests, {@code concurrency} at once. */
    static double raw(FaultServer server, long delay, int concurrency, int count) throws Exception {
        server.reset(delay, FaultMix.NONE);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        OkHttpClient client = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 1, TimeUnit.MINUTES)).build();
        String url = server.baseUrl() + "/chat/completions";
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    Request request = new Request.Builder().url(url)
                            .post(RequestBody.create(rawBody(i), JSON_TYPE)).build();
                    try (Response response = client.newCall(request).execute()) {
                        String body = response.body().string();
                        if (response.code() != 200 || !body.contains("data: [DONE]")) {
                            failure.compareAndSet(null, new BenchFailure("raw request: HTTP " + response.code()));
                        }
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        if (failure.get() != null) {
            throw new BenchFailure("raw load failed: " + failure.get());
        }
        return count / seconds;
    }

    private static String rawBody(int i) {
        return "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Q: "
                + question(i / 2) + (i % 2 == 0 ? "" : COT.replace("\n", "\\n")) + "\"}]}";
    }

    // ---- rationale eval -----------------------------------------------------------------------------------------

    private static Measured rationale(FaultServer server, Scenario s, int cases, Path launcher, Path dir)
            throws Exception {
        return rationale(server, s, cases, launcher, dir, List.of());
    }

    private static Measured rationale(FaultServer server, Scenario s, int cases, Path launcher, Path dir,
            List<String> options) throws Exception {
        clean(dir);
        Path set = writeSet(dir.resolve("sums.rationale.json"), cases);
        Path out = dir.resolve("results.jsonl");
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "eval", set.toString(), "--provider",
                "openai", "--base-url", server.baseUrl(), "--model", "bench", "--concurrency",
                String.valueOf(s.concurrency()), "--out", out.toString()));
        command.addAll(options);
        Run run = launch(server, s, command, dir, Map.of());
        if (run.exitCode() != 0) {
            throw new BenchFailure("rationale eval exited " + run.exitCode() + "; see " + dir.resolve("log.txt"));
        }
        Map<String, Integer> perCase = new HashMap<>();
        int correct = 0;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            String key = record.path("variant").asText() + "/" + record.path("case").asText();
            if (perCase.merge(key, 1, Integer::sum) == 1 && "correct".equals(record.path("status").asText())) {
                correct++;
            }
        }
        return measured("rationale eval", run, server, 2 * cases, correct, perCase);
    }

    // ---- promptfoo ----------------------------------------------------------------------------------------------

    private static Measured promptfoo(FaultServer server, Scenario s, int cases, Path cli, Path dir)
            throws Exception {
        clean(dir);
        StringBuilder config = new StringBuilder("description: sums\nprompts:\n  - \"Q: {{question}}\"\n"
                + "  - \"Q: {{question}}" + COT.replace("\n", "\\n") + "\"\nproviders:\n  - id: openai:chat:bench\n"
                + "    config:\n      apiBaseUrl: " + server.baseUrl() + "\n      apiKey: bench\ntests:\n");
        for (int i = 0; i < cases; i++) {
            config.append("  - vars:\n      question: \"").append(question(i)).append("\"\n")
                    .append("    assert:\n      - type: contains\n        value: \"The answer is ").append(i + 3)
                    .append(".\"\n");
        }
        Path file = Files.writeString(dir.resolve("promptfooconfig.yaml"), config, StandardCharsets.UTF_8);
        Path out = dir.resolve("output.json");
        List<String> command = List.of("node", cli.toRealPath().toString(), "eval", "-c", file.toString(), "-o",
                out.toString(), "--no-cache", "-j", String.valueOf(s.concurrency()), "--no-progress-bar",
                "--no-table");
        Run run = launch(server, s, command, dir, Map.of("PROMPTFOO_DISABLE_TELEMETRY", "1",
                "PROMPTFOO_DISABLE_UPDATE", "1", "PROMPTFOO_CONFIG_DIR", dir.resolve("home").toString(),
                "OPENAI_API_KEY", "bench"));
        if (!Files.exists(out)) {
            throw new BenchFailure("promptfoo exited " + run.exitCode() + " without results; see "
                    + dir.resolve("log.txt"));
        }
        Map<String, Integer> perCase = new HashMap<>();
        int correct = 0;
        for (JsonNode result : JSON.readTree(out.toFile()).path("results").path("results")) {
            String key = result.path("promptIdx").asText() + "/" + result.path("vars").path("question").asText();
            if (perCase.merge(key, 1, Integer::sum) == 1 && result.path("success").asBoolean()) {
                correct++;
            }
        }
        return measured("promptfoo 0.121.20", run, server, 2 * cases, correct, perCase);
    }

    // ---- processes ----------------------------------------------------------------------------------------------

    private record Run(int exitCode, double wallSeconds, long launchMillis, long cpuMillis, long peakRssKb) {
    }

    /** Starts a tool on a freshly reset server and waits for it, sampling its peak RSS, and takes its CPU time. */
    private static Run launch(FaultServer server, Scenario s, List<String> command, Path dir, Map<String, String> env)
            throws Exception {
        server.reset(s.delayMillis(), s.faults() ? FaultMix.BENCH : FaultMix.NONE);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().putAll(env);
        long cpuBefore = childrenCpuMillis();
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        long deadline = start + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterKb(process.pid()));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new BenchFailure(command.getFirst() + " took over " + TIMEOUT_MINUTES + " minutes; killed");
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long first = server.firstRequestMillis();
        long cpuAfter = childrenCpuMillis();
        return new Run(process.exitValue(), wall, first == 0 ? -1 : first - startMillis,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, peak);
    }

    /**
     * The processor time (user and system) of this process's children that have ended and been waited for, and of
     * the children they waited for, in milliseconds; -1 where the kernel does not say. One tool runs at a time, so
     * the difference across a run is that tool's. On a machine of steady speed it varies much less from run to run
     * than the tool's rate.
     */
    static long childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // After the command name, in parentheses: field 3 (the state) onwards; cutime and cstime are 16 and 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long highWaterKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process has just ended: the previous sample stands.
        }
        return 0;
    }

    private static Measured measured(String tool, Run run, FaultServer server, int expected, int correct,
            Map<String, Integer> perCase) {
        int duplicated = perCase.values().stream().mapToInt(n -> n - 1).sum();
        double flow = Math.max(1, server.lastAnsweredMillis() - server.firstRequestMillis()) / 1000.0;
        return new Measured(tool, run.wallSeconds(), flow, run.launchMillis(), run.cpuMillis(), run.peakRssKb(),
                server.faults(), expected - correct, duplicated, expected);
    }

    // ---- startup ------------------------------------------------------------------------------------------------

    private static int startup(FaultServer server, int repeats, Path launcher, Path work) throws Exception {
        Path dir = work.resolve("startup");
        List<Long> launches = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            clean(dir);
            Path set = writeSet(dir.resolve("one.rationale.json"), 1);
            Run run = launch(server, new Scenario("startup", 0, 1, false), List.of(launcher.toString(), "eval",
                    set.toString(),
                    "--provider", "openai", "--base-url", server.baseUrl(), "--model", "bench", "--out",
                    dir.resolve("out.jsonl").toString()), dir, Map.of());
            if (run.exitCode() != 0 || run.launchMillis() < 0) {
                throw new BenchFailure("rationale eval exited " + run.exitCode() + "; see " + dir.resolve("log.txt"));
            }
            launches.add(run.launchMillis());
        }
        List<Long> sorted = launches.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.printf(Locale.ROOT, "CLI launch to first request: median %.2f s of %d (%s ms); goal <= 0.5 s: "
                + "%s%n", median / 1000.0, repeats, launches, PeerReport.met(median <= 500));
        return 0;
    }

    // ---- the warm run ---------------------------------------------------------------------------------------

    /**
     * One longer run at 0 ms and concurrency 8, for information: the rate over its second half, once the JVM has
     * compiled its code, against the 1,000-request runs above, which a fresh JVM runs mostly interpreted.
     */
    private static void printWarm(FaultServer server, int cases, Path launcher, Path dir) throws Exception {
        Scenario s = new Scenario("warm", 0, 8, false);
        Measured m = rationale(server, s, cases, launcher, dir);
        System.out.printf(Locale.ROOT, "%nwarm (information, not a goal): %d requests at 0 ms c8: %.0f req/s overall, "
                + "%.0f req/s over the last %d (after the JIT compiled the hot code)%n", m.requests(), m.perSecond(),
                server.arrivalRateOfLast(cases), cases);
    }

    // ---- files --------------------------------------------------------------------------------------------------

    /** A prompt set of {@code cases} sums with a direct and a step-by-step variant (rationale's own format). */
    public static Path writeSet(Path file, int cases) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            list.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"c%04d\",\"inputs\":{\"question\":\"%s\"},\"expected\":\"%d\"}", i, question(i), i + 3));
        }
        return Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\","
                + "\"tasks\":[{\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},\"cases\":[" + list + "],"
                + "\"variants\":[{\"id\":\"direct\"},{\"id\":\"cot\",\"reasoning\":\"zero-shot-trigger\"}]}]}\n",
                StandardCharsets.UTF_8);
    }

    private static String question(int i) {
        return "What is " + i + " + 3?";
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var all = Files.walk(dir)) {
                for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** A run that cannot be measured: the figures would mean nothing. */
    private static final class BenchFailure extends Exception {
        BenchFailure(String message) {
            super(message);
        }
    }
}
