// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.analysis.AnswerAgreement.Vote;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerAgreementTest {
    private static final double EPSILON = 1e-12;

    private static AnswerFormat comparing(CompareRule rule) {
        return new AnswerFormat(null, null, null, null, rule);
    }

    /** The ";"-separated answers; "-" stands for a sample without an answer. */
    private static List<@Nullable String> answers(String list) {
        List<@Nullable String> answers = new ArrayList<>();
        for (String answer : list.split(";", -1)) {
            answers.add(answer.equals("-") ? null : answer);
        }
        return answers;
    }

    @Test
    void numericAnswersAgreeByValue() {
        AnswerAgreement agreement = AnswerAgreement.of(
                Arrays.asList("$1,000", "1000.0", "999", null, "1000"), comparing(CompareRule.NUMERIC));

        assertThat(agreement.votes()).containsExactly(
                new Vote("$1,000", "1000", 3, 0.6),
                new Vote("999", "999", 1, 0.2));
        assertThat(agreement.majority()).isEqualTo(new Vote("$1,000", "1000", 3, 0.6));
        assertThat(agreement.majorityCount()).isEqualTo(3);
        assertThat(agreement.majorityShare()).isCloseTo(0.6, within(EPSILON));
        assertThat(agreement.total()).isEqualTo(5);
        assertThat(agreement.missing()).isEqualTo(1);
        assertThat(agreement.missingShare()).isCloseTo(0.2, within(EPSILON));
        assertThat(agreement.unanimous()).isFalse();
    }

    @ParameterizedTest(name = "{0} by {1}: {2} x{3}")
    @CsvSource(delimiter = '|', textBlock = """
            Paris;paris.;Lyon            | TEXT    | Paris | 2 | 2
            Paris;paris.;Lyon            | EXACT   | Paris | 1 | 3
            (b);B.;A                     | CHOICE  | (b)   | 2 | 2
            B;A;A;B                      | TEXT    | B     | 2 | 2
            A;B;B;A;C                    | TEXT    | A     | 2 | 3
            -;-;-;7                      | NUMERIC | 7     | 1 | 1
            ten;10;Ten.                  | NUMERIC | ten   | 2 | 2
            """)
    void majorityWinsAndTheFirstSeenBreaksTies(String list, CompareRule rule, String majority, int count,
            int distinct) {
        AnswerAgreement agreement = AnswerAgreement.of(answers(list), comparing(rule));

        assertThat(agreement.majority()).isNotNull();
        assertThat(agreement.majority().answer()).isEqualTo(majority);
        assertThat(agreement.majorityCount()).isEqualTo(count);
        assertThat(agreement.votes()).hasSize(distinct);
    }

    @Test
    void distributionKeepsTheOrderAnswersWereFirstSeen() {
        AnswerAgreement agreement = AnswerAgreement.of(answers("c;a;b;a;c;c"), AnswerFormat.DEFAULT);

        assertThat(agreement.votes()).extracting(Vote::answer).containsExactly("c", "a", "b");
        assertThat(agreement.votes()).extracting(Vote::count).containsExactly(3, 2, 1);
        assertThat(agreement.votes()).extracting(Vote::share).containsExactly(0.5, 1.0 / 3, 1.0 / 6);
    }

    @Test
    void missingAnswersNeverWin() {
        AnswerAgreement agreement = AnswerAgreement.of(Arrays.asList(null, "  ", null, "42"), AnswerFormat.DEFAULT);

        assertThat(agreement.majority().answer()).isEqualTo("42");
        assertThat(agreement.majorityShare()).isCloseTo(0.25, within(EPSILON));
        assertThat(agreement.missing()).isEqualTo(3);
        assertThat(agreement.missingShare()).isCloseTo(0.75, within(EPSILON));
    }

    @Test
    void noAnswerAtAllHasNoMajority() {
        AnswerAgreement agreement = AnswerAgreement.of(Arrays.asList(null, null), AnswerFormat.DEFAULT);

        assertThat(agreement.majority()).isNull();
        assertThat(agreement.majorityCount()).isZero();
        assertThat(agreement.majorityShare()).isZero();
        assertThat(agreement.missingShare()).isEqualTo(1.0);
        assertThat(agreement.votes()).isEmpty();
    }

    @Test
    void emptyListHasNoSharesRatherThanNaN() {
        AnswerAgreement agreement = AnswerAgreement.of(List.of(), AnswerFormat.DEFAULT);

        assertThat(agreement.total()).isZero();
        assertThat(agreement.majority()).isNull();
        assertThat(agreement.majorityShare()).isZero();
        assertThat(agreement.missingShare()).isZero();
        assertThat(agreement.unanimous()).isFalse();
    }

    @Test
    void unanimousWhenEveryAnswerIsTheSame() {
        assertThat(AnswerAgreement.of(List.of("Paris", "PARIS", "paris!"), AnswerFormat.DEFAULT).unanimous()).isTrue();
        assertThat(AnswerAgreement.of(Arrays.asList("Paris", null), AnswerFormat.DEFAULT).unanimous()).isFalse();
    }
}
