// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.core.analysis.AnswerAgreement;
import dev.rationale.core.answer.AnswerFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The line under the Compare columns that says how far their answers agree. */
final class AgreementText {

    private AgreementText() {
    }

    static String of(List<@Nullable String> answers, AnswerFormat format) {
        if (answers.isEmpty()) {
            return "";
        }
        AnswerAgreement agreement = AnswerAgreement.of(answers, format);
        AnswerAgreement.Vote majority = agreement.majority();
        if (majority == null) {
            return "No column has an answer yet.";
        }
        String others = agreement.votes().size() <= 1 ? "" : " · others: " + String.join(", ", agreement.votes()
                .stream().skip(1).map(v -> v.answer() + " ×" + v.count()).toList());
        String missing = agreement.missing() == 0 ? "" : " · " + agreement.missing() + " without an answer";
        return String.format(Locale.ROOT, "Majority answer %s: %d of %d (%.0f %%)%s%s", majority.answer(),
                majority.count(), agreement.total(), majority.share() * 100, others, missing)
                + (agreement.unanimous() ? " · unanimous" : "");
    }
}
