// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.FinishReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampleRecordLineTest {

    static List<SampleRecord> records() {
        List<SampleRecord> records = new ArrayList<>();
        records.add(new SampleRecord("sums", "direct", "bench", "c0001", 0, "openai", "bench", Verdict.CORRECT, "4",
                "4", "4", null, "The answer is 4.", null, FinishReason.STOP, null, 1, 232.892969, 232.60367, 9, 5,
                null, null));
        records.add(new SampleRecord("t", "v", "x", "c", 0, "e", "m", Verdict.FAILED, null, null, null, null, null,
                null, null, null, 0, null, null, null, null, "RENDER", "no such input: {{x}}"));
        for (FinishReason reason : FinishReason.values()) {
            for (Verdict verdict : Verdict.values()) {
                records.add(new SampleRecord("täsk", "cöt \"quoted\"", "t\\1", "😀 case\u2028", 3, "e\n", "m\t",
                        verdict, "1e3", "", "1000", 0.125, "line 1\nline 2 \u0001 </script>", "think 💭", reason,
                        -7L, 4, 1e-9, 0.0, 12, 0, "INTERRUPTED", "cut", 3, 17.5));
            }
        }
        records.add(new SampleRecord("t", "v", "x", "c", 1, "e", "m", Verdict.WRONG, "5", "6", "6", 1.0, "6", "",
                FinishReason.LENGTH, Long.MAX_VALUE, 2, 1.0e12, Double.MIN_VALUE, Integer.MAX_VALUE, -1, null, null,
                null, 2.5));
        for (GradeDetail grading : List.of(new GradeDetail(GradeDetail.CHRF, 57.25, null, null, null),
                new GradeDetail(GradeDetail.JUDGE, 4.0, "clear \"and\" right", "Rate this 💭", "{\"score\": 4}"),
                GradeDetail.failed(GradeDetail.TESTS, "timed out after 10 s", "def f(): pass\n", ""))) {
            records.add(new SampleRecord("t", "v", "x", "c", 0, "e", "m", Verdict.CORRECT, "a", "a", "a", null, "a",
                    null, FinishReason.STOP, null, 1, 3.0, 1.0, 5, 1, null, null, null, null, null, "batch_1",
                    grading));
        }
        return records;
    }

    @ParameterizedTest
    @MethodSource("records")
    void readsBackWhatItWrites(SampleRecord record) throws Exception {
        assertThat(ResultsFile.MAPPER.readValue(SampleRecordLine.of(record), SampleRecord.class)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void writesTheTextTheResultsMapperWrites(SampleRecord record) throws Exception {
        assertThat(SampleRecordLine.of(record)).isEqualTo(ResultsFile.MAPPER.writeValueAsString(record));
    }
}
