// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cases read from one dataset file, before they are mapped onto a task.
 *
 * @param source the file as the user named it
 * @param format the format it was read as
 * @param inputNames the input columns (CSV), fields (JSONL) or {@code input} and {@code choices} (BIG-bench), in
 *     file order; every case has a value for each
 * @param cases the cases, at least one, in file order
 * @param bigBench the prompt layout and metadata of a BIG-bench task; null for other formats
 */
public record Dataset(
        String source,
        DatasetFormat format,
        List<String> inputNames,
        List<DatasetCase> cases,
        @Nullable BigBenchSettings bigBench) {

    public Dataset {
        inputNames = List.copyOf(inputNames);
        cases = DatasetCaseList.copyOf(cases);
    }

    /** How many cases list more than one accepted answer, which a prompt set's test case cannot keep. */
    public long casesWithSeveralAnswers() {
        return cases.stream().filter(c -> c.answers().size() > 1).count();
    }
}
