// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The llama.cpp library, loaded once per JVM. {@link #load} extracts it from the {@code de.kherud:llama} jar
 * (see {@code NativeLibraryFile}), checks that it exports the C API (the Windows DLLs of that jar export only
 * JNI functions) and that its structs have build b4916's layout, routes its log to {@code System.Logger} at DEBUG,
 * and initialises the backend. The outcome, success or failure, is kept: a platform without the engine fails the
 * same way every time, quickly, and never crashes the JVM. Thread-safe.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
public final class LlamaLibrary {
    private static final Object LOCK = new Object();
    private static @Nullable LlamaLibrary loaded;
    private static @Nullable ProviderException failure;

    private final Path path;
    private final LlamaApi api;

    private LlamaLibrary(Path path, LlamaApi api) {
        this.path = path;
        this.api = api;
    }

    /**
     * The library, loading it on first use.
     *
     * @throws ProviderException ENGINE "the embedded engine is not available on &lt;os/arch&gt;: …" when this
     *     platform has no usable library, or when the library does not match build b4916
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

    /** The library file loaded. */
    public Path path() {
        return path;
    }

    LlamaApi api() {
        return api;
    }

    /** Loads and checks the library at {@code path}; package-private so tests can offer the wrong one. */
    static LlamaLibrary open(Path path) {
        try {
            return bind(path);
        } catch (IllegalCallerException e) {
            // Thrown by every restricted FFM method when the JVM runs with --illegal-native-access=deny.
            throw NativeLibraryFile.unavailable("native access is not enabled; start Java with "
                    + "--enable-native-access=ALL-UNNAMED", e);
        }
    }

    private static LlamaLibrary bind(Path path) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (IllegalArgumentException e) {
            throw NativeLibraryFile.unavailable("cannot load " + path + " (" + e.getMessage() + ")", e);
        }
        if (lookup.find("llama_backend_init").isEmpty()) {
            throw NativeLibraryFile.unavailable(path.getFileName() + " exports no llama.cpp C API", null);
        }
        LlamaApi api = new LlamaApi(lookup);
        if (!api.missing().isEmpty()) {
            throw NativeLibraryFile.unavailable(path.getFileName() + " lacks " + api.missing()
                    + "; the engine needs llama.cpp build b4916", null);
        }
        api.logSet(api.logCallback(LlamaLog.target(), Arena.global()));
        api.backendInit();
        checkLayouts(api, path);
        return new LlamaLibrary(path, api);
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
                    + " does not have the struct layout of build b4916, which this code was written for: "
                    + String.join(", ", wrong));
        }
    }
}
