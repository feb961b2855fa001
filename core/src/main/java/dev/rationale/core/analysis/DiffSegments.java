// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.analysis.TextDiff.Kind;
import dev.rationale.core.analysis.TextDiff.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Tidies the segments of a {@link TextDiff}: merges neighbours of the same kind, puts each change's deletion
 * before its insertion, and folds a whitespace-only equal segment that sits between two replacements into them.
 */
final class DiffSegments {
    private final List<Segment> out = new ArrayList<>();
    private final StringBuilder deleted = new StringBuilder();
    private final StringBuilder inserted = new StringBuilder();

    private DiffSegments() {
    }

    static List<Segment> tidy(List<Segment> raw) {
        DiffSegments tidy = new DiffSegments();
        for (int i = 0; i < raw.size(); i++) {
            Segment segment = raw.get(i);
            switch (segment.kind()) {
                case DELETED -> tidy.deleted.append(segment.text());
                case INSERTED -> tidy.inserted.append(segment.text());
                case EQUAL -> tidy.equal(segment, replacementAt(raw, i + 1));
            }
        }
        tidy.flush();
        return List.copyOf(tidy.out);
    }

    private void equal(Segment segment, boolean replacementFollows) {
        boolean replacementPending = !deleted.isEmpty() && !inserted.isEmpty();
        if (replacementPending && replacementFollows && segment.text().isBlank()) {
            deleted.append(segment.text());
            inserted.append(segment.text());
            return;
        }
        flush();
        out.add(segment);
    }

    // The raw segments of one change are its deletion, then its insertion.
    private static boolean replacementAt(List<Segment> raw, int index) {
        return index + 1 < raw.size() && raw.get(index).kind() == Kind.DELETED
                && raw.get(index + 1).kind() == Kind.INSERTED;
    }

    private void flush() {
        if (!deleted.isEmpty()) {
            out.add(new Segment(Kind.DELETED, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            out.add(new Segment(Kind.INSERTED, inserted.toString()));
            inserted.setLength(0);
        }
    }
}
