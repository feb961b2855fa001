// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.cli.bench.FaultServer.FaultMix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark behind {@code bench/pool.sh}: {@code rationale eval --endpoint lab} (bin/rationale, a process of
 * its own, as users start it) on a pool of three {@link FaultServer}s with a fixed service time, against
 * <ul>
 *   <li>the three servers' summed raw capacity, measured at once at each member's concurrency (one OkHttp client
 *       per server, streamed requests): the pool's rate while requests flow over it;</li>
 *   <li>the time two servers alone take for the same cases (a pool of the two survivors), against the time of the
 *       pool of three when one of them is killed a third of the way through.</li>
 * </ul>
 * Each run's results file is checked: every case exactly once, answered right. Prints each figure next to its goal
 * (issue 17) with met or NOT MET, and the machine's load average before and after; asserts nothing about speed.
 * Exits 1 when a run cannot be measured (a run failed, or lost or doubled a case).
 */
public final class PoolBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMBERS = 3;

    private PoolBench() {
    }

    /** Figures of one pool run: requests it sent, its flow time (first request in to last answer out). */
    private record Flow(long requests, double seconds, int lost, int twice) {
        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Options()).execute(args));
    }

    /** The bench's options: a typo or an unknown option stops it with the usage, instead of running the defaults. */
    @Command(name = "bench/pool.sh", sortOptions = false,
            description = "Runs rationale eval on a pool of three local servers, whole and with one member killed,"
                    + " and prints the figures and goals of issue 17.")
    static final class Options implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Option(names = "--cases", paramLabel = "N", description = "Cases per run, two requests each (1500).")
        int cases = 1500;

        @Option(names = "--delay", paramLabel = "MS", description = "Each server's service time (50).")
        long delay = 50;

        @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight per member (8).")
        int concurrency = 8;

        @Option(names = "--launcher", paramLabel = "PATH", description = "The command measured (bin/rationale).")
        Path launcher = Path.of("bin/rationale");

        @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (target/bench/pool).")
        Path work = Path.of("target/bench/pool");

        @Override
        public Integer call() throws Exception {
            run(cases, delay, concurrency, launcher.toAbsolutePath(), work.toAbsolutePath());
            return 0;
        }
    }

    private static void run(int cases, long delay, int concurrency, Path launcher, Path work) throws Exception {
        EvalVsPeers.clean(work);
        String loadBefore = loadAverage();
        List<FaultServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < MEMBERS; i++) {
                servers.add(FaultServer.start(delay, FaultMix.NONE));
            }
            double raw = summedRaw(servers, delay, concurrency, cases);
            Run runs = new Run(servers, delay, concurrency, cases, launcher);
            Flow pool = runs.of(List.of(0, 1, 2), work.resolve("pool"), n -> false);
            // Killed once a third of the requests have arrived; a new server takes its place for the next run.
            Flow killed = runs.of(List.of(0, 1, 2), work.resolve("killed"), n -> n >= 2L * cases / 3);
            Flow survivors = runs.of(List.of(0, 2), work.resolve("two"), n -> false);
            print(cases, delay, concurrency, raw, pool, killed, survivors, loadBefore);
            System.exit(pool.lost() + pool.twice() + killed.lost() + killed.twice() == 0 ? 0 : 1);
        } catch (IllegalStateException e) {
            System.out.println("bench failed: " + e.getMessage());
            System.exit(1);
        } finally {
            servers.forEach(FaultServer::close);
        }
    }

    // Each server's raw rate at the member's concurrency, all three loaded at the same time, summed.
    private static double summedRaw(List<FaultServer> servers, long delay, int concurrency, int cases)
            throws Exception {
        double[] rates = new double[servers.size()];
        List<Thread> threads = new ArrayList<>();
        Exception[] failure = new Exception[1];
        for (int i = 0; i < servers.size(); i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    rates[index] = EvalVsPeers.raw(servers.get(index), delay, concurrency,
                            Math.max(200, 2 * cases / servers.size()));
                } catch (Exception e) {
                    failure[0] = e;
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("raw load failed: " + failure[0]);
        }
        double sum = 0;
        for (double rate : rates) {
            sum += rate;
        }
        return sum;
    }

    /** What every run shares: the servers, their load, the cases and the command. */
    private record Run(List<FaultServer> servers, long delay, int concurrency, int cases, Path launcher) {

        /**
         * One {@code rationale eval --endpoint lab} over the members {@code used}; server 1 is closed (its sockets
         * with it) once the servers have seen a number of requests in all that {@code kill} accepts, and replaced
         * afterwards.
         */
        Flow of(List<Integer> used, Path dir, IntPredicate kill) throws Exception {
            return run(servers, used, delay, concurrency, cases, launcher, dir, kill);
        }
    }

    private static Flow run(List<FaultServer> servers, List<Integer> used, long delay, int concurrency, int cases,
            Path launcher, Path dir, IntPredicate kill) throws Exception {
        Files.createDirectories(dir);
        for (FaultServer server : servers) {
            server.reset(delay, FaultMix.NONE);
        }
        Path config = Files.createDirectories(dir.resolve("config"));
        writeEndpoints(config.resolve("endpoints.json"), servers, used, concurrency);
        Path set = EvalVsPeers.writeSet(dir.resolve("sums.rationale.json"), cases);
        Path out = dir.resolve("results.jsonl");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "eval", set.toString(), "--endpoint", "lab",
                "--out", out.toString(), "--no-history").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().put("RATIONALE_CONFIG_DIR", config.toString());
        Process process = builder.start();
        boolean killed = false;
        while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
            if (!killed && kill.test((int) total(servers))) {
                servers.get(1).close();
                killed = true;
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("rationale eval exited " + process.exitValue() + "; see "
                    + dir.resolve("log.txt"));
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int i : used) {
            FaultServer server = servers.get(i);
            if (server.firstRequestMillis() > 0) {
                first = Math.min(first, server.firstRequestMillis());
            }
            last = Math.max(last, server.lastAnsweredMillis());
        }
        Flow flow = new Flow(2L * cases, (last - first) / 1000.0, 0, 0);
        if (killed) {
            servers.set(1, FaultServer.start(delay, FaultMix.NONE));
        }
        return checked(flow, out, 2 * cases);
    }

    private static long total(List<FaultServer> servers) {
        return servers.stream().mapToLong(FaultServer::requests).sum();
    }

    private static void writeEndpoints(Path file, List<FaultServer> servers, List<Integer> used, int concurrency)
            throws IOException {
        StringBuilder endpoints = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int i : used) {
            String name = "gpu" + (i + 1);
            endpoints.append(String.format(Locale.ROOT, "{\"name\":\"%s\",\"kind\":\"openai\",\"baseUrl\":\"%s\","
                    + "\"model\":\"bench\"},", name, servers.get(i).baseUrl()));
            members.append(members.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"endpoint\":\"%s\",\"concurrency\":%d}", name, concurrency));
        }
        Files.writeString(file, "{\"version\":1,\"endpoints\":[" + endpoints
                + "{\"name\":\"lab\",\"kind\":\"pool\",\"members\":[" + members + "]}]}\n", StandardCharsets.UTF_8);
    }

    // Every case exactly once, and answered right (the servers answer every sum right).
    private static Flow checked(Flow flow, Path results, int expected) throws IOException {
        Map<String, Integer> perCase = new HashMap<>();
        int wrong = 0;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            perCase.merge(record.path("variant").asText() + "/" + record.path("case").asText(), 1, Integer::sum);
            if (!"correct".equals(record.path("status").asText())) {
                wrong++;
            }
        }
        int twice = (int) perCase.values().stream().filter(n -> n > 1).count();
        return new Flow(flow.requests(), flow.seconds(), expected - perCase.size() + wrong, twice);
    }

    private static void print(int cases, long delay, int concurrency, double raw, Flow pool, Flow killed,
            Flow survivors, String loadBefore) {
        System.out.printf(Locale.ROOT, "pool of %d members, %d ms service time, concurrency %d each, %d requests a"
                + " run%n", MEMBERS, delay, concurrency, 2 * cases);
        System.out.printf(Locale.ROOT, "load average before %s, after %s; %d cores%n%n", loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-50s %12s %10s  %s%n", "figure", "value", "goal", "");
        row("summed raw capacity of the members (req/s)", raw);
        row("pool of three, while requests flow (req/s)", pool.perSecond());
        judged("pool / summed raw capacity", pool.perSecond() / raw, ">= 0.90", pool.perSecond() / raw >= 0.9);
        row("pool of three, one killed at a third (s)", killed.seconds());
        row("two survivors alone, same cases (s)", survivors.seconds());
        double cost = killed.seconds() / survivors.seconds();
        judged("killed run / survivors alone", cost, "<= 1.20", cost <= 1.2);
        int lost = pool.lost() + killed.lost() + survivors.lost();
        int twice = pool.twice() + killed.twice() + survivors.twice();
        judged("cases lost or wrong, all runs", lost, "0", lost == 0);
        judged("cases recorded twice, all runs", twice, "0", twice == 0);
    }

    private static void row(String figure, double value) {
        System.out.printf(Locale.ROOT, "%-50s %12.2f%n", figure, value);
    }

    private static void judged(String figure, double value, String goal, boolean met) {
        System.out.printf(Locale.ROOT, "%-50s %12.2f %10s  %s%n", figure, value, goal, met ? "met" : "NOT MET");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
