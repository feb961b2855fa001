// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ggml functions the engine needs before llama.cpp can compute: loading the backends (the CPU variant that
 * suits this processor, chosen by ggml among the {@code ggml-cpu-*} libraries of the folder) and telling which
 * one was loaded.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
final class GgmlApi extends NativeBindings {
    private static final Pattern CPU_VARIANT = Pattern.compile("ggml-cpu-([A-Za-z0-9_]+)\\.(?:so|dylib|dll)");

    private final MethodHandle loadAllFromPath;
    private final MethodHandle devCount;
    private final MethodHandle devGet;
    private final MethodHandle devDescription;

    GgmlApi(SymbolLookup lookup) {
        super(lookup);
        loadAllFromPath = bind("ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS));
        devCount = bind("ggml_backend_dev_count", FunctionDescriptor.of(JAVA_LONG));
        devGet = bind("ggml_backend_dev_get", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        devDescription = bind("ggml_backend_dev_description", FunctionDescriptor.of(ADDRESS, ADDRESS));
    }

    /** Loads every backend library of {@code folder}; for the CPU, the best variant this processor runs. */
    void loadAllFromPath(Path folder) {
        try (Arena arena = Arena.ofConfined()) {
            loadAllFromPath.invokeExact(arena.allocateFrom(folder.toString()));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    long deviceCount() {
        try {
            return (long) devCount.invokeExact();
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The description of the first device (for a CPU-only build, the processor's name). */
    String firstDeviceDescription() {
        try {
            MemorySegment device = (MemorySegment) devGet.invokeExact(0L);
            MemorySegment text = (MemorySegment) devDescription.invokeExact(device);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /**
     * The CPU variant ggml loaded (e.g. {@code haswell}), read from the process's memory map where the OS has
     * one (Linux); empty elsewhere.
     */
    static Optional<String> loadedCpuVariant() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = CPU_VARIANT.matcher(Files.readString(maps));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
