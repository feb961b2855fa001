// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.grading.metrics.PassAtK.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassAtKTest {
    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @CsvSource({
        // 1 - C(n-c, k) / C(n, k), by hand:
        // C(3,1)/C(5,1) = 3/5 -> 2/5
        "5, 2, 1, 0.4",
        // C(3,2)/C(5,2) = 3/10 -> 7/10
        "5, 2, 2, 0.7",
        // C(7,4)/C(10,4) = 35/210 -> 5/6
        "10, 3, 4, 0.8333333333333334",
        // n - c < k: every draw of 4 holds a passing sample
        "5, 2, 4, 1.0",
        "5, 0, 5, 0.0",
        "5, 5, 1, 1.0",
        // C(199,100)/C(200,100) = 100/200: C(200,100) is about 9e58
        "200, 1, 100, 0.5",
        // C(1999,1000)/C(2000,1000) = 1000/2000; C(2000,1000) (about 2e600) overflows a double, the product does not
        "2000, 1, 1000, 0.5"})
    void estimateIsTheUnbiasedEstimator(int samples, int passed, int k, double expected) {
        assertThat(PassAtK.estimate(samples, passed, k)).isCloseTo(expected, within(EXACT));
    }

    @Test
    void meanIsOverProblems() {
        // pass@4 of (10 samples, 3 passed) = 5/6, (5, 0) = 0, (4, 4) = 1: mean 11/18.
        PassAtK passAt4 = PassAtK.of(List.of(new Problem("fib", 10, 3), new Problem("sort", 5, 0),
                new Problem("sum", 4, 4)), 4);

        assertThat(passAt4.k()).isEqualTo(4);
        assertThat(passAt4.problems()).isEqualTo(3);
        assertThat(passAt4.mean()).isCloseTo(11.0 / 18, within(EXACT));
    }

    @Test
    void passAtOneIsTheShareOfPassingSamplesPerProblem() {
        // pass@1 = c/n: 3/10 and 1/4, mean 0.275
        assertThat(PassAtK.of(List.of(new Problem("a", 10, 3), new Problem("b", 4, 1)), 1).mean())
                .isCloseTo(0.275, within(EXACT));
    }

    @Test
    void kBeyondAProblemsSamplesIsRefusedNamingTheProblem() {
        List<Problem> problems = List.of(new Problem("fib", 10, 3), new Problem("sort", 2, 0));

        assertThat(PassAtK.largestK(problems)).isEqualTo(2);
        assertThatThrownBy(() -> PassAtK.of(problems, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pass@4 needs at least 4 samples per problem; sort has 2");
        assertThatThrownBy(() -> PassAtK.estimate(2, 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertThatThrownBy(() -> PassAtK.of(List.of(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pass@1 needs at least one problem");
        assertThatThrownBy(() -> PassAtK.of(List.of(new Problem("a", 3, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pass@k needs k >= 1, got 0");
        assertThatThrownBy(() -> new Problem("a", 3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("problem a cannot have 4 of 3 samples passed");
        assertThat(PassAtK.largestK(List.of())).isZero();
    }
}
