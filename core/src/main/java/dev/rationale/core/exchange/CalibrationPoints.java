// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.eval.CalibrationBins;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The calibration chart's points as two arrays, a number and a bit each, read back as a list whose points are made
 * as they are read: a run with scored tokens has a point per graded completion, and a million records would take
 * tens of megabytes for what fits in nine. Not thread-safe.
 */
final class CalibrationPoints extends AbstractList<CalibrationBins.Point> {
    private double[] confidence = new double[256];
    private final BitSet correct = new BitSet();
    private int size;

    void add(double pointConfidence, boolean pointCorrect) {
        if (size == confidence.length) {
            confidence = Arrays.copyOf(confidence, size * 2);
        }
        confidence[size] = pointConfidence;
        correct.set(size, pointCorrect);
        size++;
    }

    @Override
    public CalibrationBins.Point get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new CalibrationBins.Point(confidence[index], correct.get(index));
    }

    @Override
    public int size() {
        return size;
    }
}
