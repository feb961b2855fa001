// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample sets shipped in {@code sample-prompts/} are valid and already in the canonical form the writer gives. */
class SamplePromptSetsTest {
    @TempDir
    Path dir;

    static List<Path> samples() throws IOException {
        // The parent POM points surefire at the samples; an IDE run from the module directory finds them beside it.
        String configured = System.getProperty("rationale.samples.dir");
        Path directory = configured != null ? Path.of(configured) : Path.of("..", "sample-prompts");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".rationale.json")).sorted().toList();
        }
    }

    @Test
    void thereAreSamplesToCheck() throws IOException {
        assertThat(samples()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void loadsWithoutErrorsOrWarnings(Path sample) {
        LoadedPromptSet loaded = PromptSetFiles.loadWithWarnings(sample);

        assertThat(loaded.warnings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void savingItAgainGivesIdenticalBytes(Path sample) throws IOException {
        Path copy = dir.resolve(sample.getFileName());

        PromptSetFiles.save(PromptSetFiles.load(sample), copy);

        assertThat(Files.readString(copy)).isEqualTo(Files.readString(sample));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aYamlCopyLoadsToTheSameSet(Path sample) {
        PromptSet set = PromptSetFiles.load(sample);
        Path yaml = dir.resolve(sample.getFileName().toString().replace(".json", ".yaml"));

        PromptSetFiles.save(set, yaml);

        assertThat(PromptSetFiles.load(yaml)).isEqualTo(set);
    }
}
