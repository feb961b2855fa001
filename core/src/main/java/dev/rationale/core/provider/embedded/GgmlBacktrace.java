// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Keeps ggml's crash backtrace off standard output. When llama.cpp aborts, ggml first prints a backtrace: on Linux
 * it forks {@code gdb} (or {@code lldb}), whose report goes to the inherited standard output and would corrupt
 * {@code --json}; it also installs a C++ terminate handler that does the same. Both stay silent when the environment
 * variable {@code GGML_NO_BACKTRACE} is set (ggml.c and ggml.cpp of release v0.4.0), and the terminate handler
 * reads it once, when libggml-base loads. The JVM cannot change its own environment through Java, so this calls the
 * C library's {@code setenv} before the libraries load. The abort message itself still goes to standard error.
 * Windows has no such backtrace in ggml, and no {@code setenv}: there this does nothing.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
final class GgmlBacktrace {
    static final String VARIABLE = "GGML_NO_BACKTRACE";

    private GgmlBacktrace() {
    }

    /**
     * Sets {@code GGML_NO_BACKTRACE=1} in this process's C environment unless it is set already. Call it before
     * libggml-base loads, while no other thread reads the environment ({@code setenv} is not thread-safe).
     *
     * @return whether the variable is now set
     */
    static boolean silence() {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> setenv = linker.defaultLookup().find("setenv");
        if (setenv.isEmpty()) {
            return false;
        }
        MethodHandle call = linker.downcallHandle(setenv.get(), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int result = (int) call.invokeExact(arena.allocateFrom(VARIABLE), arena.allocateFrom("1"), 0);
            return result == 0;
        } catch (Throwable t) {
            throw NativeBindings.failed(t);
        }
    }

    /** What the C library's {@code getenv} answers for the variable; for tests (Java's own copy never changes). */
    static Optional<String> current() {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> getenv = linker.defaultLookup().find("getenv");
        if (getenv.isEmpty()) {
            return Optional.empty();
        }
        MethodHandle call = linker.downcallHandle(getenv.get(), FunctionDescriptor.of(ADDRESS, ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) call.invokeExact(arena.allocateFrom(VARIABLE));
            return value.equals(MemorySegment.NULL) ? Optional.empty()
                    : Optional.of(value.reinterpret(Integer.MAX_VALUE).getString(0));
        } catch (Throwable t) {
            throw NativeBindings.failed(t);
        }
    }
}
