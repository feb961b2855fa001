// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

/**
 * An accuracy with its 95% interval, all as fractions from 0 to 1.
 *
 * @param label what was measured, e.g. a variant's name
 */
public record Interval(String label, double accuracy, double low, double high) {

    public Interval {
        if (!(0 <= low && low <= accuracy && accuracy <= high && high <= 1)) {
            throw new IllegalArgumentException("need 0 <= low <= accuracy <= high <= 1, got " + low + ", "
                    + accuracy + ", " + high);
        }
    }
}
