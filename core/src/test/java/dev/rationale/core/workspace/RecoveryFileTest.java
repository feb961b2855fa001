// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryFileTest {

    @TempDir
    Path dir;

    private final PromptSet arithmetic = PromptSetFiles.load(Path.of("../sample-prompts/arithmetic.rationale.json"));

    @Test
    void nothingIsRecoveredBeforeAnythingWasWritten() throws IOException {
        assertThat(new RecoveryFile(dir.resolve("recovery")).read()).isEmpty();
    }

    @Test
    void readsBackTheUnsavedContentAndTheFileItBelongsTo() throws IOException {
        RecoveryFile recovery = new RecoveryFile(dir.resolve("recovery"));
        Path original = dir.resolve("work/arithmetic.rationale.json");

        recovery.write(arithmetic, original);

        RecoveryFile.Recovered recovered = recovery.read().orElseThrow();
        assertThat(recovered.promptSet()).isEqualTo(arithmetic);
        assertThat(recovered.original()).isEqualTo(original.toAbsolutePath().normalize());
    }

    @Test
    void aSetNeverSavedHasNoOriginalAndDeleteRemovesTheCopy() throws IOException {
        RecoveryFile recovery = new RecoveryFile(dir.resolve("recovery"));
        recovery.write(arithmetic, null);

        assertThat(recovery.read().orElseThrow().original()).isNull();

        recovery.delete();
        assertThat(recovery.read()).isEmpty();
        assertThat(recovery.contentFile()).doesNotExist();
    }
}
