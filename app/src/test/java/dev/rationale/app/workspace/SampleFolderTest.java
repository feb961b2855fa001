// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFolderTest {

    @TempDir
    Path dir;

    @Test
    void aWritableFolderIsUsedAsItIs() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("sample-prompts"));

        assertThat(SampleFolder.usable(samples, dir.resolve("copies"))).isEqualTo(samples);
        assertThat(dir.resolve("copies")).doesNotExist();
        assertThat(SampleFolder.usable(null, dir.resolve("copies"))).isNull();
    }

    // Read-only is told by the predicate: the tests may run as root, who can write anywhere.
    @Test
    void aReadOnlyFolderIsCopiedOnceKeepingTheUsersEditsAndAddingNewSamples() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("image/sample-prompts"));
        Files.writeString(installed.resolve("arithmetic.rationale.json"), "{\"shipped\": 1}");
        Files.createDirectories(installed.resolve("not-a-sample"));
        Path copies = dir.resolve("config/sample-prompts");

        assertThat(SampleFolder.usable(installed, copies, folder -> false)).isEqualTo(copies);
        assertThat(Files.readString(copies.resolve("arithmetic.rationale.json"))).isEqualTo("{\"shipped\": 1}");
        assertThat(copies.resolve("not-a-sample")).doesNotExist();

        Files.writeString(copies.resolve("arithmetic.rationale.json"), "{\"edited\": 1}");
        Files.writeString(installed.resolve("translation.rationale.json"), "{\"new\": 1}");

        assertThat(SampleFolder.usable(installed, copies, folder -> false)).isEqualTo(copies);
        assertThat(Files.readString(copies.resolve("arithmetic.rationale.json"))).isEqualTo("{\"edited\": 1}");
        assertThat(Files.readString(copies.resolve("translation.rationale.json"))).isEqualTo("{\"new\": 1}");
    }

    @Test
    void whenNoCopyCanBeMadeTheSamplesOpenWhereTheyAre() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("image/sample-prompts"));
        Files.writeString(installed.resolve("arithmetic.rationale.json"), "{}");
        Path blocked = Files.writeString(dir.resolve("config"), "a file where the folder should be");

        assertThat(SampleFolder.usable(installed, blocked.resolve("sample-prompts"), folder -> false))
                .isEqualTo(installed);
    }
}
