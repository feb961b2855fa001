// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlamaModelTest {
    private static LlamaModel model;

    @BeforeAll
    static void load() {
        model = LlamaModel.load(TestModels.stories());
    }

    @AfterAll
    static void free() {
        model.close();
    }

    @Test
    void vocabularyAndSpecialTokensAreThoseOfTheReadme() {
        assertThat(model.vocabularySize()).isEqualTo(512);
        assertThat(model.bos()).isEqualTo(1);
        assertThat(model.eos()).isEqualTo(2);
        assertThat(model.addsBos()).isTrue();
        assertThat(model.isEndOfGeneration(2)).isTrue();
        assertThat(model.isEndOfGeneration(1)).isFalse();
        assertThat(model.isControl(1)).isTrue();
        assertThat(model.parameterCount()).isEqualTo(260_032);
        assertThat(model.trainedContextLength()).isEqualTo(512);
        assertThat(model.metadata("general.architecture")).contains("llama");
        assertThat(model.metadata("no.such.key")).isEmpty();
        assertThat(model.chatTemplate()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Once upon a time | 1 403 407 261 378",
        "Lily had a       | 1 317 381 261",
        "The dog          | 1 291 400 428"})
    void tokenisationMatchesTheReference(String text, String ids) {
        int[] expected = java.util.Arrays.stream(ids.split(" ")).mapToInt(Integer::parseInt).toArray();

        assertThat(model.tokenize(text, true, false)).containsExactly(expected);
        assertThat(model.tokenize(text, false, false)).containsExactly(
                java.util.Arrays.copyOfRange(expected, 1, expected.length));
    }

    @Test
    void tokenisingALongTextAsksForTheSizeItNeedsAndStillSucceeds() {
        String text = "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(10);

        assertThat(model.tokenize(text, true, false)).hasSizeGreaterThan(text.length() / 2);
    }

    @Test
    void piecesJoinedGiveBackTheTextIncludingByteFallbackCharacters() {
        String text = "Tim saw a 🐶 and said héllo";
        int[] ids = model.tokenize(text, false, false);
        StringBuilder joined = new StringBuilder();
        Utf8TokenJoiner utf8 = new Utf8TokenJoiner();
        for (int id : ids) {
            joined.append(utf8.push(model.tokenBytes(id)));
        }

        assertThat(joined.toString()).isEqualTo(" " + text);
        assertThat(model.tokenBytes(1)).isEmpty();
        assertThat(new String(model.displayBytes(1), StandardCharsets.UTF_8)).isEqualTo("<s>");
        assertThat(model.tokenBytes(3 + 0xF0)).containsExactly((byte) 0xF0);
    }

    @Test
    void aTokenIdOutsideTheVocabularyIsRefusedNotPassedToTheEngine() {
        assertThatThrownBy(() -> model.tokenBytes(512)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("token id 512 is outside the vocabulary")
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThatThrownBy(() -> model.isEndOfGeneration(-1)).isInstanceOf(ProviderException.class);
    }

    @Test
    void aMissingFileIsNamedInTheError(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere.gguf");

        assertThatThrownBy(() -> LlamaModel.load(missing)).isInstanceOf(ProviderException.class)
                .hasMessage("the model file " + missing + " does not exist")
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.ENGINE);
    }

    @Test
    void aCorruptFileGivesAClearErrorAndTheJvmSurvives(@TempDir Path folder) throws IOException {
        Path garbage = folder.resolve("garbage.gguf");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path truncated = folder.resolve("truncated.gguf");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(TestModels.stories()), 30_000));

        assertThatThrownBy(() -> LlamaModel.load(garbage)).isInstanceOf(ProviderException.class)
                .hasMessage("garbage.gguf: header does not start with GGUF: this is not a GGUF file (byte 0)");
        assertThatThrownBy(() -> LlamaModel.load(truncated)).isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("truncated.gguf: tensor 46 (output_norm.weight) needs");
        assertThat(model.vocabularySize()).isEqualTo(512);
    }

    @Test
    void aClosedModelRefusesCallsInsteadOfReadingFreedMemory() {
        LlamaModel another = LlamaModel.load(TestModels.stories());
        LlamaSession session = another.newSession(new SessionSettings(64, 1));
        another.close();

        assertThat(another.tokenize("The dog", true, false)).hasSize(4);
        session.close();
        assertThatThrownBy(() -> another.tokenize("The dog", true, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> another.newSession(new SessionSettings(64, 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
