// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSetFolderTest {

    @TempDir
    Path dir;

    @Test
    void listsOnlyPromptSetFilesSortedByName() throws IOException {
        Files.writeString(dir.resolve("zeta.rationale.yaml"), "");
        Files.writeString(dir.resolve("Alpha.rationale.json"), "");
        Files.writeString(dir.resolve("notes.json"), "");
        Files.writeString(dir.resolve("data.csv"), "");
        Files.createDirectories(dir.resolve("nested.rationale.json"));
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/deep.rationale.json"), "");

        assertThat(PromptSetFolder.list(dir)).containsExactly(dir.resolve("Alpha.rationale.json"),
                dir.resolve("zeta.rationale.yaml"));
    }

    @Test
    void displayNameDropsTheSuffix() {
        assertThat(PromptSetFolder.displayName(Path.of("a/arithmetic.rationale.json"))).isEqualTo("arithmetic");
        assertThat(PromptSetFolder.displayName(Path.of("b.Rationale.YML"))).isEqualTo("b");
        assertThat(PromptSetFolder.displayName(Path.of("other.json"))).isEqualTo("other.json");
    }
}
