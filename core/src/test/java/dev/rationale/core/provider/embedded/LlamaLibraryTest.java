// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaLibraryTest {

    @Test
    void structLayoutsHaveTheSizesOfBuild4916() {
        assertThat(LlamaLayouts.MODEL_PARAMS.byteSize()).isEqualTo(64);
        assertThat(LlamaLayouts.CONTEXT_PARAMS.byteSize()).isEqualTo(120);
        assertThat(LlamaLayouts.BATCH.byteSize()).isEqualTo(56);
        assertThat(LlamaLayouts.CONTEXT_TYPE_K).isEqualTo(88);
        assertThat(LlamaLayouts.BATCH_LOGITS).isEqualTo(48);
    }

    @Test
    void theLibraryLoadsAndItsDefaultParametersReadBackAsBuild4916Returns() {
        LlamaApi api = LlamaLibrary.load().api();

        try (Arena arena = Arena.ofConfined()) {
            assertThat(LlamaLayouts.mismatches(api.modelDefaultParams(arena), api.contextDefaultParams(arena)))
                    .isEmpty();
            MemorySegment batch = api.batchInit(arena, 8, 1);
            assertThat(LlamaLayouts.batchMismatches(batch)).isEmpty();
            api.batchFree(batch);
        }
        assertThat(LlamaLibrary.isAvailable()).isTrue();
        assertThat(LlamaLibrary.load()).isSameAs(LlamaLibrary.load());
    }

    @Test
    void aShiftedFieldIsReportedByTheSelfCheck() {
        LlamaApi api = LlamaLibrary.load().api();

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment context = api.contextDefaultParams(arena);
            // What a library with an extra leading field would look like: n_ctx would read n_batch's value.
            context.set(JAVA_INT, LlamaLayouts.CONTEXT_N_CTX, 2048);
            assertThat(LlamaLayouts.mismatches(api.modelDefaultParams(arena), context))
                    .containsExactly("context n_ctx = 2048, expected 512");
        }
    }

    @Test
    void theLibraryIsExtractedOnceToTheCacheFolder() {
        assertThat(LlamaLibrary.load().path()).isRegularFile();
        assertThat(NativeLibraryFile.locate()).isEqualTo(LlamaLibrary.load().path());
    }

    @Test
    void aMissingLibraryMakesTheEngineUnavailableWithAClearError(@TempDir Path folder) {
        Path missing = folder.resolve("libjllama.so");

        assertThatThrownBy(() -> LlamaLibrary.open(missing)).isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("the embedded engine is not available on " + System.getProperty("os.name"))
                .hasMessageContaining("cannot load " + missing)
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.ENGINE);
    }

    @Test
    void aLibraryWithoutTheCApiMakesTheEngineUnavailableInsteadOfCrashing() {
        // What the Windows DLLs of the binding are like: loadable, but with JNI exports only.
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Assumptions.assumeTrue(Files.isRegularFile(libc), "needs glibc on x86-64 Linux");

        assertThatThrownBy(() -> LlamaLibrary.open(libc)).isInstanceOf(ProviderException.class)
                .hasMessageEndingWith(": libc.so.6 exports no llama.cpp C API");
    }
}
