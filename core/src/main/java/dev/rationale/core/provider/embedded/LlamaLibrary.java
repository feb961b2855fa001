// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The llama.cpp libraries, loaded once per JVM. {@link #load} takes the folder {@code NativeLibraryFile} extracts
 * them to, loads ggml-base, ggml and llama from it by absolute path (in that order, each needing the one before),
 * lets ggml load the CPU backend variant that suits this processor from the same folder, checks that llama exports
 * the C API and that its structs have release v0.4.0's layout, routes its log to {@code System.Logger} at DEBUG,
 * and initialises the backend. Before loading, it turns off ggml's crash backtrace ({@link GgmlBacktrace}),
 * which would otherwise reach standard output. The outcome, success or failure, is kept: a platform without the
 * engine fails the same way every time, quickly, and never crashes the JVM. Thread-safe.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
public final class LlamaLibrary {
    /** The llama.cpp release the bindings follow. */
    static final String RELEASE = "v0.4.0";

    private static final Object LOCK = new Object();
    private static final Pattern GGML_BASE = Pattern.compile("(lib)?ggml-base(\\.v[0-9.]+)?\\.(so|dylib|dll)");
    private static final Pattern GGML = Pattern.compile("(lib)?ggml(\\.v[0-9.]+)?\\.(so|dylib|dll)");
    private static final Pattern LLAMA = Pattern.compile("(lib)?llama(\\.v[0-9.]+)?\\.(so|dylib|dll)");
    private static @Nullable LlamaLibrary loaded;
    private static @Nullable ProviderException failure;

    private final Path folder;
    private final LlamaApi api;
    private final String cpuBackend;

    private LlamaLibrary(Path folder, LlamaApi api, String cpuBackend) {
        this.folder = folder;
        this.api = api;
        this.cpuBackend = cpuBackend;
    }

    /**
     * The library, loading it on first use.
     *
     * @throws ProviderException ENGINE "the embedded engine is not available on &lt;os/arch&gt;: …" when this
     *     platform has no usable library, or when the library does not match release v0.4.0
     */
    public static LlamaLibrary load() {
        synchronized (LOCK) {
            if (loaded != null) {
                return loaded;
            }
            if (failure == null) {
                try {
                    loaded = open(NativeLibraryFile.locate());
                    return loaded;
                } catch (ProviderException e) {
                    failure = e;
                }
            }
            throw new ProviderException(failure.kind(), failure.getMessage(), null, failure);
        }
    }

    /** Whether the embedded engine works on this platform (loading it if need be). */
    public static boolean isAvailable() {
        try {
            load();
            return true;
        } catch (ProviderException e) {
            return false;
        }
    }

    /** The folder the libraries were loaded from. */
    public Path folder() {
        return folder;
    }

    /** What {@code llama_version()} answers, e.g. {@code 0.4.0}. */
    public String version() {
        return api.version();
    }

    /** The CPU backend ggml chose: its variant (e.g. {@code haswell}) where the OS tells, and the processor. */
    public String cpuBackend() {
        return cpuBackend;
    }

    LlamaApi api() {
        return api;
    }

    /** Loads and checks the libraries in {@code folder}; package-private so tests can offer the wrong ones. */
    static LlamaLibrary open(Path folder) {
        try {
            return bind(folder);
        } catch (IllegalCallerException e) {
            // Thrown by every restricted FFM method when the JVM runs with --illegal-native-access=deny.
            throw NativeLibraryFile.unavailable("native access is not enabled; start Java with "
                    + "--enable-native-access=ALL-UNNAMED", e);
        }
    }

    private static LlamaLibrary bind(Path folder) {
        Path llama = find(folder, LLAMA, "llama");
        Path ggml = find(folder, GGML, "ggml");
        // Before libggml-base loads: it reads the variable then, and a backtrace on stdout would break --json.
        GgmlBacktrace.silence();
        lookup(find(folder, GGML_BASE, "ggml-base"));
        GgmlApi backends = new GgmlApi(lookup(ggml));
        SymbolLookup lookup = lookup(llama);
        if (lookup.find("llama_backend_init").isEmpty()) {
            throw NativeLibraryFile.unavailable(llama.getFileName() + " exports no llama.cpp C API", null);
        }
        if (!backends.missing().isEmpty()) {
            throw NativeLibraryFile.unavailable(ggml.getFileName() + " lacks " + backends.missing(), null);
        }
        LlamaApi api = new LlamaApi(lookup);
        if (!api.missing().isEmpty()) {
            throw NativeLibraryFile.unavailable(llama.getFileName() + " lacks " + api.missing()
                    + "; the engine needs llama.cpp release " + RELEASE, null);
        }
        api.logSet(api.logCallback(LlamaLog.target(), Arena.global()));
        backends.loadAllFromPath(folder.toAbsolutePath());
        if (backends.deviceCount() == 0) {
            throw NativeLibraryFile.unavailable("no ggml CPU backend in " + folder + " runs on this processor", null);
        }
        api.backendInit();
        checkLayouts(api, llama);
        String cpu = backends.firstDeviceDescription();
        String cpuBackend = GgmlApi.loadedCpuVariant().map(variant -> variant + " (" + cpu + ")").orElse(cpu);
        return new LlamaLibrary(folder, api, cpuBackend);
    }

    private static Path find(Path folder, Pattern name, String what) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> name.matcher(file.getFileName().toString()).matches()).findFirst()
                    .orElseThrow(() -> NativeLibraryFile.unavailable("no " + what + " library in " + folder, null));
        } catch (IOException e) {
            throw NativeLibraryFile.unavailable("cannot load the libraries in " + folder + " (" + e + ")", e);
        }
    }

    private static SymbolLookup lookup(Path file) {
        try {
            return SymbolLookup.libraryLookup(file.toAbsolutePath(), Arena.global());
        } catch (IllegalArgumentException e) {
            throw NativeLibraryFile.unavailable("cannot load " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void checkLayouts(LlamaApi api, Path path) {
        List<String> wrong = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            wrong.addAll(LlamaLayouts.mismatches(api.modelDefaultParams(arena), api.contextDefaultParams(arena)));
            var batch = api.batchInit(arena, 4, 1);
            wrong.addAll(LlamaLayouts.batchMismatches(batch));
            api.batchFree(batch);
        }
        if (!wrong.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "the llama.cpp library " + path
                    + " does not have the struct layout of release " + RELEASE
                    + ", which this code was written for: " + String.join(", ", wrong));
        }
    }
}
