// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaLibraryTest {

    @Test
    void structLayoutsHaveTheSizesOfRelease040() {
        assertThat(LlamaLayouts.MODEL_PARAMS.byteSize()).isEqualTo(80);
        assertThat(LlamaLayouts.MODEL_N_GPU_LAYERS).isEqualTo(16);
        assertThat(LlamaLayouts.CONTEXT_PARAMS.byteSize()).isEqualTo(160);
        assertThat(LlamaLayouts.CONTEXT_FLASH_ATTN_TYPE).isEqualTo(52);
        assertThat(LlamaLayouts.CONTEXT_TYPE_K).isEqualTo(104);
        assertThat(LlamaLayouts.BATCH.byteSize()).isEqualTo(56);
        assertThat(LlamaLayouts.BATCH_LOGITS).isEqualTo(48);
    }

    @Test
    void theLibraryReportsItsVersionAndTheCpuBackendGgmlChose() {
        LlamaLibrary library = LlamaLibrary.load();

        System.out.println("llama.cpp " + library.version() + " from " + library.folder()
                + ", CPU backend " + library.cpuBackend());
        assertThat(library.version()).startsWith("0.4.0");
        assertThat(library.cpuBackend()).isNotBlank();
        if (Files.isReadable(Path.of("/proc/self/maps"))) {
            assertThat(library.cpuBackend()).matches("[a-z0-9_]+ \\(.+\\)");
        }
    }

    @Test
    void theLibraryLoadsAndItsDefaultParametersReadBackAsRelease040Returns() {
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
    void theLibrariesAreExtractedOnceToTheCacheFolder() {
        assertThat(LlamaLibrary.load().folder()).isDirectory();
        assertThat(NativeLibraryFile.locate()).isEqualTo(LlamaLibrary.load().folder());
    }

    @Test
    void aMissingLibraryMakesTheEngineUnavailableWithAClearError(@TempDir Path folder) {
        assertThatThrownBy(() -> LlamaLibrary.open(folder)).isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("the embedded engine is not available on " + System.getProperty("os.name"))
                .hasMessageEndingWith("no llama library in " + folder)
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.ENGINE);
    }

    @Test
    void aLibraryWithoutTheCApiMakesTheEngineUnavailableInsteadOfCrashing(@TempDir Path folder) throws IOException {
        // Loadable libraries that are not llama.cpp's: here the C library under the names the engine looks for.
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Assumptions.assumeTrue(Files.isRegularFile(libc), "needs glibc on x86-64 Linux");
        for (String name : new String[] {"libggml-base.so", "libggml.so", "libllama.so"}) {
            Files.createSymbolicLink(folder.resolve(name), libc);
        }

        assertThatThrownBy(() -> LlamaLibrary.open(folder)).isInstanceOf(ProviderException.class)
                .hasMessageEndingWith(": libllama.so exports no llama.cpp C API");
    }
}
