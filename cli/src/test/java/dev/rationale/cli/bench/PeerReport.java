// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import dev.rationale.cli.bench.EvalVsPeers.Measured;
import dev.rationale.cli.bench.EvalVsPeers.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** What {@link EvalVsPeers} prints once everything has run: the table, and the goals of issue 16, met or not. */
final class PeerReport {
    private PeerReport() {
    }

    /** The run with the median requests/s (the lower middle one of an even count). */
    static Measured median(List<Measured> repeats) {
        List<Measured> sorted = repeats.stream().sorted(Comparator.comparingDouble(Measured::perSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    static void printTable(Map<Scenario, Double> raw, Map<Scenario, List<Measured>> runs,
            Map<Scenario, List<Measured>> rationaleRuns) {
        String format = "%-20s %-19s %9s %7s %8s %8s %6s %9s %7s %9s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "scenario", "tool", "req/s", "ratio", "wall s", "launch s", "cpu s",
                "peak RSS", "faults", "lost/dup");
        for (Map.Entry<Scenario, List<Measured>> entry : runs.entrySet()) {
            Scenario s = entry.getKey();
            double rawPerSecond = raw.get(s);
            System.out.printf(Locale.ROOT, format, s.label(), "raw (OkHttp)", String.format(Locale.ROOT, "%.0f",
                    rawPerSecond), "1.00", "", "", "", "", "", "");
            for (Measured m : entry.getValue()) {
                System.out.printf(Locale.ROOT, format, "", m.tool(), String.format(Locale.ROOT, "%.0f",
                        m.perSecond()), String.format(Locale.ROOT, "%.2f", m.perSecond() / rawPerSecond),
                        String.format(Locale.ROOT, "%.2f", m.wallSeconds()),
                        m.launchMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", m.launchMillis() / 1000.0),
                        cpu(m), (m.peakRssKb() + 512) / 1024 + " MB", String.valueOf(m.faults()),
                        m.lost() + "/" + m.duplicated());
                List<Measured> repeats = rationaleRuns.get(s);
                if (m.tool().equals("rationale eval") && repeats.size() > 1) {
                    System.out.printf(Locale.ROOT, "%-20s   (the median of %d runs: %s req/s; wall %s s; cpu %s s)%n",
                            "", repeats.size(),
                            joined(repeats, r -> String.format(Locale.ROOT, "%.0f", r.perSecond())),
                            joined(repeats, r -> String.format(Locale.ROOT, "%.2f", r.wallSeconds())),
                            joined(repeats, PeerReport::cpu));
                }
            }
        }
        System.out.println("req/s: completions over first request in to last answer out (server clock); ratio: to raw"
                + " at the same concurrency; cpu s: the tool's processor time, user and system (on a machine of"
                + " steady speed it varies less from run to run than req/s); peak RSS: VmHWM sampled every "
                + EvalVsPeers.SAMPLE_MILLIS
                + " ms (promptfoo: the node process only); faults: 429/500/cut replies served; lost: cases without a"
                + " correct grade");
    }

    private static String cpu(Measured m) {
        return m.cpuMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", m.cpuMillis() / 1000.0);
    }

    private static String joined(List<Measured> runs, Function<Measured, String> figure) {
        return String.join(", ", runs.stream().map(figure).toList());
    }

    static void printGoals(Map<Scenario, Double> raw, Map<Scenario, List<Measured>> runs,
            Map<Scenario, List<Measured>> rationaleRuns, Measured withoutHistory) {
        System.out.println();
        System.out.println("goals (issue 16), rationale eval (the median run of each scenario):");
        long peakRss = 0;
        List<Long> launches = new ArrayList<>();
        Measured clean = null;
        for (Map.Entry<Scenario, List<Measured>> entry : runs.entrySet()) {
            Scenario s = entry.getKey();
            Measured m = entry.getValue().getFirst();
            for (Measured run : rationaleRuns.get(s)) {
                peakRss = Math.max(peakRss, run.peakRssKb());
                launches.add(run.launchMillis());
            }
            double ratio = m.perSecond() / raw.get(s);
            switch (s.id()) {
                case "0c8" -> goal("0 ms c8: requests/s >= 1,500", String.format(Locale.ROOT, "%.0f",
                        m.perSecond()), m.perSecond() >= 1500);
                case "50c8", "50c32" -> goal(s.label() + ": ratio to raw >= 0.92",
                        String.format(Locale.ROOT, "%.2f", ratio), ratio >= 0.92);
                case "20c8" -> clean = m;
                case "faults20c8" -> {
                    double slower = clean == null ? Double.NaN : m.wallSeconds() / clean.wallSeconds();
                    goal("fault mix 20 ms c8: <= 1.25x the clean run's wall time", String.format(Locale.ROOT,
                            "%.2fx", slower), slower <= 1.25);
                    goal("fault mix 20 ms c8: nothing lost or duplicated", m.lost() + " lost, " + m.duplicated()
                            + " duplicated of " + m.requests() + " (" + m.faults() + " faults)",
                            m.lost() == 0 && m.duplicated() == 0);
                }
                default -> {
                }
            }
        }
        List<Long> sorted = launches.stream().sorted().toList();
        long medianLaunch = sorted.get((sorted.size() - 1) / 2);
        goal("launch to first request <= 0.5 s (median of all runs)", String.format(Locale.ROOT,
                "%.2f s (slowest %.2f s)", medianLaunch / 1000.0, sorted.getLast() / 1000.0), medianLaunch <= 500);
        goal("peak RSS <= 160 MB with history (largest of all runs)", (peakRss + 512) / 1024 + " MB",
                peakRss <= 160 * 1024);
        goal("peak RSS <= 120 MB without history (--no-history, 0 ms c8)",
                (withoutHistory.peakRssKb() + 512) / 1024 + " MB", withoutHistory.peakRssKb() <= 120 * 1024);
    }

    private static void goal(String what, String figure, boolean met) {
        System.out.printf(Locale.ROOT, "  %-58s %-32s %s%n", what, figure, met(met));
    }

    static String met(boolean met) {
        return met ? "met" : "NOT MET";
    }
}
