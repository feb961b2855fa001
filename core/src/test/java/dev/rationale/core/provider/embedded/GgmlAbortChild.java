// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A child JVM for {@link GgmlAbortTest}: loads the engine as the app does, then makes ggml abort the way a failed
 * {@code GGML_ASSERT} does ({@code ggml_abort}), so the parent can see what reaches standard output.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access.
@SuppressWarnings("restricted")
public final class GgmlAbortChild {
    static final String MESSAGE = "deliberate abort from GgmlAbortChild";

    private GgmlAbortChild() {
    }

    public static void main(String[] args) throws Throwable {
        Path folder = LlamaLibrary.load().folder();
        Path base;
        try (Stream<Path> files = Files.list(folder)) {
            base = files.filter(f -> f.getFileName().toString().matches("(lib)?ggml-base\\..*")).findFirst()
                    .orElseThrow();
        }
        Linker linker = Linker.nativeLinker();
        MemorySegment abort = SymbolLookup.libraryLookup(base, Arena.global()).find("ggml_abort").orElseThrow();
        // void ggml_abort(const char *file, int line, const char *fmt, ...), called with no variadic arguments.
        MethodHandle call = linker.downcallHandle(abort, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS),
                Linker.Option.firstVariadicArg(3));
        try (Arena arena = Arena.ofConfined()) {
            call.invokeExact(arena.allocateFrom("GgmlAbortChild.java"), 1, arena.allocateFrom(MESSAGE));
        }
    }
}
