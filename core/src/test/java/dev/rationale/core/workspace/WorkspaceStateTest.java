// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStateTest {

    @TempDir
    Path dir;

    @Test
    void openingAFileAgainMovesItToTheFrontWithoutADuplicate() {
        WorkspaceState state = WorkspaceState.empty()
                .opened(dir.resolve("a.rationale.json"))
                .opened(dir.resolve("b.rationale.json"))
                .opened(dir.resolve("a.rationale.json"));

        assertThat(state.recentPaths()).containsExactly(dir.resolve("a.rationale.json"),
                dir.resolve("b.rationale.json"));
    }

    @Test
    void keepsOnlyTheNewestTenFiles() {
        WorkspaceState state = WorkspaceState.empty();
        for (int i = 0; i < 14; i++) {
            state = state.opened(dir.resolve(i + ".rationale.json"));
        }

        assertThat(state.recent()).hasSize(WorkspaceState.MAX_RECENT);
        assertThat(state.recentPaths().getFirst()).isEqualTo(dir.resolve("13.rationale.json"));
        assertThat(state.recentPaths().getLast()).isEqualTo(dir.resolve("4.rationale.json"));
    }

    @Test
    void savesAndLoadsTheFolderAndTheRecentFiles() throws IOException {
        Path file = dir.resolve("config/workspace.json");
        WorkspaceState state = WorkspaceState.empty().inFolder(dir).opened(dir.resolve("x.rationale.yaml"));

        state.save(file);

        assertThat(WorkspaceState.load(file)).isEqualTo(state);
        assertThat(WorkspaceState.load(file).folderPath()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aMissingOrBrokenFileReadsAsEmpty() throws IOException {
        Path broken = dir.resolve("workspace.json");
        Files.writeString(broken, "{ not json");

        assertThat(WorkspaceState.load(broken)).isEqualTo(WorkspaceState.empty());
        assertThat(WorkspaceState.load(dir.resolve("missing.json"))).isEqualTo(WorkspaceState.empty());
    }
}
