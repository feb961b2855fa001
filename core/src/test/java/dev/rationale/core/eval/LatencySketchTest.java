// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatencySketchTest {

    @Test
    void upToItsExactLimitTheFiguresAreThoseOfTheWholeList() {
        Random random = new Random(1);
        double[] millis = random.doubles(1_000, 1, 500).toArray();
        LatencySketch sketch = new LatencySketch();
        Arrays.stream(millis).forEach(sketch::add);

        assertThat(sketch.stats()).isEqualTo(LatencyStats.of(Arrays.stream(millis).boxed().toList()));
    }

    @Test
    void pastItsExactLimitEachPercentileIsAMeasuredLatencyWithinATenthOfAPercent() {
        Random random = new Random(2);
        double[] millis = random.doubles(3 * LatencySketch.EXACT, 0, 8).map(Math::exp).toArray();
        LatencySketch sketch = new LatencySketch();
        Arrays.stream(millis).forEach(sketch::add);

        LatencyStats exact = LatencyStats.of(Arrays.stream(millis).boxed().toList());
        LatencyStats sketched = sketch.stats();
        Set<Double> measured = new HashSet<>(Arrays.stream(millis).boxed().toList());
        assertThat(sketched.count()).isEqualTo(millis.length);
        assertThat(sketched.meanMillis()).isCloseTo(exact.meanMillis(), within(1e-9 * exact.meanMillis()));
        for (List<Double> pair : List.of(List.of(sketched.p50Millis(), exact.p50Millis()),
                List.of(sketched.p95Millis(), exact.p95Millis()))) {
            assertThat(pair.getFirst()).isCloseTo(pair.getLast(), within(0.001 * pair.getLast()));
            assertThat(measured).contains(pair.getFirst());
        }
    }
}
