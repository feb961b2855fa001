// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One case's records in sample order, and its answered ones, with loops rather than streams: these run once per
 * case of an evaluation, and a stream pipeline is dozens of methods a JVM that has not compiled them yet
 * interprets each time.
 */
final class SampleOrder {

    private SampleOrder() {
    }

    /** {@code records} in sample order, stably; the list itself when it is in order already, as it mostly is. */
    static List<SampleRecord> of(List<SampleRecord> records) {
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i - 1).sample() > records.get(i).sample()) {
                List<SampleRecord> sorted = new ArrayList<>(records);
                sorted.sort(Comparator.comparingInt(SampleRecord::sample));
                return sorted;
            }
        }
        return records;
    }

    /** Those of {@code records} that hold an answer (not failed), in their order. */
    static List<SampleRecord> answered(List<SampleRecord> records) {
        List<SampleRecord> answered = new ArrayList<>(records.size());
        for (SampleRecord record : records) {
            if (record.status().answered()) {
                answered.add(record);
            }
        }
        return answered;
    }
}
