// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.util.List;
import java.util.Locale;

/** The column and field names CSV and JSON Lines files give a special meaning; all others are inputs. */
final class FieldNames {
    /** Names of the expected answer, any one of them, compared without case. */
    static final List<String> ANSWER = List.of("expected", "answer", "target");
    static final String ID = "id";
    static final String ANSWER_NAMES = "\"expected\" (or \"answer\", \"target\")";

    private FieldNames() {
    }

    static boolean isAnswer(String name) {
        return ANSWER.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isId(String name) {
        return ID.equalsIgnoreCase(name);
    }

    /** The options of a multiple-choice case, as BIG-bench names them ({@link TargetScores}). */
    static boolean isScores(String name) {
        return TargetScores.FIELD.equalsIgnoreCase(name);
    }
}
