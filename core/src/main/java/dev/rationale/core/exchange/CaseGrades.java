// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.paired.CaseIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the HTML report keeps of every completion it reads in its light pass: its id and case, and per case whether
 * any of its completions is worth reading. Arrays of numbers in the run's order, a case id kept once (a
 * {@link CaseIndex}): a few bytes per completion, so a run of a million fits in a small heap. Not thread-safe.
 */
final class CaseGrades {
    private final CaseIndex cases;
    private final BitSet worthReading = new BitSet();
    private long[] ids = new long[1024];
    private int[] caseOf = new int[1024];
    private int count;

    CaseGrades(CaseIndex cases) {
        this.cases = cases;
    }

    void add(long id, String caseId, Verdict grade) {
        int index = cases.add(caseId);
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            caseOf = Arrays.copyOf(caseOf, count * 2);
        }
        ids[count] = id;
        caseOf[count] = index;
        count++;
        if (ReportCases.worthReading(grade)) {
            worthReading.set(index);
        }
    }

    /** How many cases there are, numbered in the run's order. */
    int caseCount() {
        return cases.size();
    }

    String caseId(int index) {
        return cases.caseId(index);
    }

    /** Whether case {@code index} has a wrong, unanswered or failed completion. */
    boolean worthReading(int index) {
        return worthReading.get(index);
    }

    /** The ids of the completions of each case in {@code chosen}, in the run's order; one pass over the run. */
    Map<Integer, List<Long>> completionsOf(Collection<Integer> chosen) {
        BitSet wanted = new BitSet();
        chosen.forEach(wanted::set);
        Map<Integer, List<Long>> found = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (wanted.get(caseOf[i])) {
                found.computeIfAbsent(caseOf[i], c -> new ArrayList<>(2)).add(ids[i]);
            }
        }
        return found;
    }
}
