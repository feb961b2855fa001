// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.analysis.AlignedChains.Cell;
import dev.rationale.core.analysis.AlignedChains.Row;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.provider.ScoredToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AlignedChainsTest {

    /** A sample whose chain is the given lines, ending "So the answer is {answer}." */
    private static ClusteredChains.Sample sample(String answer, String... steps) {
        String text = String.join("\n", steps) + "\nSo the answer is " + answer + ".";
        return new ClusteredChains.Sample("", text, List.of(), answer);
    }

    private static AlignedChains align(List<ClusteredChains.Sample> samples) {
        return ClusteredChains.of(samples, AnswerFormat.DEFAULT, null).aligned();
    }

    private static List<@Nullable String> texts(Row row) {
        List<@Nullable String> texts = new ArrayList<>();
        for (Cell cell : row.cells()) {
            texts.add(cell == null ? null : cell.text());
        }
        return texts;
    }

    @Test
    void identicalChainsShareEveryColumnAndNeverPart() {
        ClusteredChains.Sample one = sample("42", "Six groups of seven.", "6 * 7 = 42.");
        AlignedChains aligned = align(List.of(one, one, one));

        assertThat(aligned.columns()).isEqualTo(3);
        assertThat(aligned.parting()).isEqualTo(-1);
        assertThat(texts(aligned.rows().getFirst())).containsExactly("Six groups of seven.", "6 * 7 = 42.",
                "So the answer is");
        assertThat(aligned.rows().getFirst().cells()).noneMatch(Cell::sameAsAbove);
        assertThat(aligned.rows().subList(1, 3)).allSatisfy(row ->
                assertThat(row.cells()).allMatch(cell -> cell != null && cell.sameAsAbove()));
    }

    @Test
    void aStepInsertedInOneChainOpensItsOwnColumn() {
        AlignedChains aligned = align(List.of(
                sample("12", "There are 3 boxes.", "Each box holds 4 apples.", "3 * 4 = 12."),
                sample("12", "There are 3 boxes.", "Let me check the numbers once more.",
                        "Each box holds 4 apples.", "3 * 4 = 12.")));

        assertThat(aligned.columns()).isEqualTo(5);
        assertThat(texts(aligned.rows().get(0))).containsExactly("There are 3 boxes.", null,
                "Each box holds 4 apples.", "3 * 4 = 12.", "So the answer is");
        assertThat(texts(aligned.rows().get(1))).containsExactly("There are 3 boxes.",
                "Let me check the numbers once more.", "Each box holds 4 apples.", "3 * 4 = 12.", "So the answer is");
        assertThat(aligned.parting()).isEqualTo(1);
        assertThat(Objects.requireNonNull(aligned.rows().get(1).cells().get(2)).sameAsAbove()).isTrue();
    }

    @Test
    void chainsPartingAtStepThreeAreMarkedThereAndTaggedByCluster() {
        String[] shared = {"Tom has 5 marbles.", "He buys 3 more bags."};
        ClusteredChains.Sample toTen = sample("10", shared[0], shared[1], "Each bag holds 2, so 3 bags is 6 marbles.",
                "5 + 6 = 11, minus the 1 he lost is 10.");
        ClusteredChains.Sample toEight = sample("8", shared[0], shared[1], "He now has 5 + 3 = 8 marbles.",
                "No marbles were lost.");
        ClusteredChains chains = ClusteredChains.of(List.of(toEight, toTen, toTen), AnswerFormat.DEFAULT, "10");
        AlignedChains aligned = chains.aligned();

        assertThat(aligned.parting()).isEqualTo(2);
        assertThat(aligned.columns()).isEqualTo(5);
        // The majority's chains (samples 1 and 2, answer 10) come first, tagged with cluster 0.
        assertThat(aligned.rows()).extracting(Row::sample).containsExactly(1, 2, 0);
        assertThat(aligned.rows()).extracting(Row::cluster).containsExactly(0, 0, 1);
        assertThat(chains.clusters().clusters().getFirst().expected()).isTrue();
        Row eight = aligned.rows().get(2);
        assertThat(texts(eight).get(2)).isEqualTo("He now has 5 + 3 = 8 marbles.");
        assertThat(Objects.requireNonNull(eight.cells().get(1)).sameAsAbove()).isTrue();
        assertThat(Objects.requireNonNull(eight.cells().get(2)).sameAsAbove()).isFalse();
    }

    @Test
    void stepsCarryTheirTokensMeanAndLowestProbability() {
        String text = "Two plus two. Is four. So the answer is 4.";
        List<ScoredToken> tokens = new ArrayList<>();
        for (String part : text.split("(?<= )")) {
            double p = part.startsWith("Is") ? 0.1 : 0.9;
            tokens.add(new ScoredToken(part, List.of(), Math.log(p), List.of()));
        }
        AlignedChains aligned = align(List.of(new ClusteredChains.Sample("", text, tokens, "4")));

        Cell second = Objects.requireNonNull(aligned.rows().getFirst().cells().get(1));
        assertThat(second.text()).isEqualTo("Is four.");
        assertThat(second.lowest()).isCloseTo(0.1, within(1e-9));
        assertThat(second.mean()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void moreThanFortySamplesAlignTheFirstFortyAndSaySo() {
        List<ClusteredChains.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 43; i++) {
            samples.add(sample(String.valueOf(i % 3), "Step one.", "Step " + i + "."));
        }
        AlignedChains aligned = align(samples);

        assertThat(aligned.rows()).hasSize(AlignedChains.MAX_SAMPLES);
        assertThat(aligned.omitted()).isEqualTo(3);
        assertThat(aligned.rows()).allMatch(row -> row.sample() < 40);
    }
}
