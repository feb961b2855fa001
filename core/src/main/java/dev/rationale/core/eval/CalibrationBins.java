// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Confidence against accuracy, for a reliability diagram: graded cases put into equal-width confidence bins
 * [0, 1/k), [1/k, 2/k), ... [(k-1)/k, 1] (a confidence of exactly 1 falls in the last), each with its mean
 * confidence and its accuracy. A well-calibrated model's bins lie on the diagonal.
 *
 * @param bins every bin in order, empty ones included
 * @param expectedCalibrationError the count-weighted mean of |accuracy - mean confidence| over the bins; 0 when
 *     there are no cases
 */
public record CalibrationBins(List<Bin> bins, double expectedCalibrationError) {

    /** The default number of bins. */
    public static final int DEFAULT_BINS = 10;

    public CalibrationBins {
        bins = List.copyOf(bins);
    }

    /** One graded case: how sure the model was and whether it was right. */
    public record Point(double confidence, boolean correct) {
    }

    /**
     * One bin.
     *
     * @param meanConfidence null when the bin is empty
     * @param accuracy the share of its cases that were correct; null when it is empty
     */
    public record Bin(double lower, double upper, int count, @Nullable Double meanConfidence,
            @Nullable Double accuracy) {
    }

    /**
     * Bins the points.
     *
     * @throws IllegalArgumentException when {@code binCount} is below 1 or a confidence is outside [0, 1]
     */
    public static CalibrationBins of(List<Point> points, int binCount) {
        Sums sums = new Sums(binCount);
        points.forEach(point -> sums.add(point.confidence(), point.correct()));
        return sums.bins();
    }

    /** Points binned as they come, for a cell whose cases are not kept. Not thread-safe. */
    public static final class Sums {
        private final int[] counts;
        private final int[] correct;
        private final double[] confidence;

        /** @throws IllegalArgumentException when {@code binCount} is below 1 */
        public Sums(int binCount) {
            if (binCount < 1) {
                throw new IllegalArgumentException("need at least one bin, got " + binCount);
            }
            counts = new int[binCount];
            correct = new int[binCount];
            confidence = new double[binCount];
        }

        /** @throws IllegalArgumentException when {@code c} is outside [0, 1] */
        public void add(double c, boolean right) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("a confidence must be in [0, 1], got " + c);
            }
            int bin = Math.min(counts.length - 1, (int) Math.floor(c * counts.length));
            counts[bin]++;
            confidence[bin] += c;
            correct[bin] += right ? 1 : 0;
        }

        public CalibrationBins bins() {
            int binCount = counts.length;
            int total = 0;
            for (int count : counts) {
                total += count;
            }
            List<Bin> bins = new ArrayList<>();
            double error = 0;
            for (int i = 0; i < binCount; i++) {
                double lower = (double) i / binCount;
                double upper = (double) (i + 1) / binCount;
                if (counts[i] == 0) {
                    bins.add(new Bin(lower, upper, 0, null, null));
                    continue;
                }
                double meanConfidence = confidence[i] / counts[i];
                double accuracy = (double) correct[i] / counts[i];
                bins.add(new Bin(lower, upper, counts[i], meanConfidence, accuracy));
                error += (double) counts[i] / total * Math.abs(accuracy - meanConfidence);
            }
            return new CalibrationBins(bins, error);
        }
    }
}
