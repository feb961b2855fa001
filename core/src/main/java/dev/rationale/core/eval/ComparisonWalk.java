// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.eval.paired.SampleVerdicts;
import dev.rationale.core.history.CaseComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RunComparison} keeps while the grid positions of two runs go by in grid order: counts of paired cases
 * per cell and in all, counts of changes by direction, and the first changes up to a limit. A case's samples come
 * together in grid order, so only the case at hand is held: memory does not grow with the runs.
 */
final class ComparisonWalk implements Consumer<CaseComparison> {
    private final int changesKept;
    private final List<RunComparison.Change> changes = new ArrayList<>();
    private final Map<String, PairCounts> byCell = new LinkedHashMap<>();
    private final PairCounts all = new PairCounts();
    private final List<Verdict> caseInA = new ArrayList<>();
    private final List<Verdict> caseInB = new ArrayList<>();
    private @Nullable String cell;
    private @Nullable String caseId;
    private long changed;
    private long fixed;
    private long broke;

    ComparisonWalk(int changesKept) {
        this.changesKept = changesKept;
    }

    @Override
    public void accept(CaseComparison position) {
        if (position.changed()) {
            RunComparison.Direction direction = RunComparison.direction(position.inA(), position.inB());
            changed++;
            fixed += direction == RunComparison.Direction.FIXED ? 1 : 0;
            broke += direction == RunComparison.Direction.BROKE ? 1 : 0;
            if (changes.size() < changesKept) {
                changes.add(new RunComparison.Change(position, direction));
            }
        }
        String positionCell = RunComparison.cellKey(position.variant(), position.target() + "/" + position.model());
        if (!positionCell.equals(cell) || !position.caseId().equals(caseId)) {
            endCase();
            cell = positionCell;
            caseId = position.caseId();
        }
        if (position.inA() != null) {
            caseInA.add(position.inA());
        }
        if (position.inB() != null) {
            caseInB.add(position.inB());
        }
    }

    /** Counts the case at hand; call once the last position went by. */
    void endCase() {
        if (cell != null) {
            Boolean inA = SampleVerdicts.correct(caseInA);
            Boolean inB = SampleVerdicts.correct(caseInB);
            byCell.computeIfAbsent(cell, key -> new PairCounts()).add(inA, inB);
            all.add(inA, inB);
        }
        caseInA.clear();
        caseInB.clear();
        cell = null;
    }

    /** The cases of the cell {@code key} ({@link RunComparison#cellKey}) paired. */
    PairedComparison paired(String key) {
        return byCell.getOrDefault(key, new PairCounts()).comparison();
    }

    /** The cases of every cell paired. */
    PairedComparison pairedAll() {
        return all.comparison();
    }

    List<RunComparison.Change> changes() {
        return changes;
    }

    long changed() {
        return changed;
    }

    long fixed() {
        return fixed;
    }

    long broke() {
        return broke;
    }

    /** Cases counted by how each side graded them. */
    private static final class PairCounts {
        private int both;
        private int onlyA;
        private int onlyB;
        private int neither;
        private int onlyInA;
        private int onlyInB;

        void add(@Nullable Boolean inA, @Nullable Boolean inB) {
            if (inA != null && inB != null) {
                both += inA && inB ? 1 : 0;
                onlyA += inA && !inB ? 1 : 0;
                onlyB += !inA && inB ? 1 : 0;
                neither += !inA && !inB ? 1 : 0;
            } else if (inA != null) {
                onlyInA++;
            } else if (inB != null) {
                onlyInB++;
            }
        }

        PairedComparison comparison() {
            return PairedComparison.ofCounts(both, onlyA, onlyB, neither, onlyInA, onlyInB);
        }
    }
}
