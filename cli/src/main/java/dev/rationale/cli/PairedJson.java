// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.paired.PairedBootstrap;
import dev.rationale.core.eval.paired.PairedComparison;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code paired} object of every {@code --json} that compares two variants or two runs, one shape everywhere:
 * {@code pairs}, {@code bothRight}, {@code onlyA} and {@code onlyB} (McNemar's b and c), {@code onlyInA} and
 * {@code onlyInB} (left out), {@code accuracyA}, {@code accuracyB}, {@code difference} (B - A) with its bootstrap
 * {@code interval} {low, high} (null without pairs), {@code p}, {@code significant} (p &lt; 0.05) and
 * {@code better} ("a", "b" or "neither").
 */
final class PairedJson {
    private PairedJson() {
    }

    static Map<String, Object> of(PairedComparison paired) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pairs", paired.pairs());
        json.put("bothRight", paired.bothRight());
        json.put("onlyA", paired.onlyA());
        json.put("onlyB", paired.onlyB());
        json.put("onlyInA", paired.onlyInA());
        json.put("onlyInB", paired.onlyInB());
        json.put("accuracyA", paired.accuracyA());
        json.put("accuracyB", paired.accuracyB());
        json.put("difference", paired.difference());
        PairedBootstrap.Interval interval = paired.interval();
        json.put("interval", interval == null ? null : Map.of("low", interval.low(), "high", interval.high()));
        json.put("p", paired.test().p());
        json.put("significant", paired.significant());
        json.put("better", paired.better().name().toLowerCase(Locale.ROOT));
        return json;
    }

    /**
     * The paired columns of a text table, e.g. {@code 2 / 5}, {@code 0.453} (with {@code *} when significant) and
     * {@code +7.5 [-2.5, +17.5]}; dashes without pairs.
     */
    static String[] columns(PairedComparison paired) {
        if (paired.pairs() == 0) {
            return new String[] {"-", "-", "-"};
        }
        PairedBootstrap.Interval interval = paired.interval();
        String range = interval == null ? "" : " [" + PairedComparison.points(interval.low()) + ", "
                + PairedComparison.points(interval.high()) + "]";
        return new String[] {paired.onlyA() + " / " + paired.onlyB(),
            String.format(Locale.ROOT, "%.3f%s", paired.test().p(), paired.significant() ? " *" : ""),
            PairedComparison.points(paired.difference()) + range};
    }
}
