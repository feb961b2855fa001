// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binding C functions of one loaded library to downcall handles, and calling them: what every group of llama.cpp
 * bindings ({@link LlamaVocabApi}, {@link LlamaApi}) shares. A missing required function is recorded, not thrown,
 * so the library is refused with the whole list ({@link #missing()}).
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
abstract class NativeBindings {
    final Linker linker = Linker.nativeLinker();
    private final List<String> missing = new ArrayList<>();
    private final SymbolLookup lookup;

    NativeBindings(SymbolLookup lookup) {
        this.lookup = lookup;
    }

    /** The C functions this build lacks; non-empty means the library cannot be used. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    final MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor)).orElseGet(() -> {
            missing.add(name);
            // An unbound stand-in; never called, since a library with missing symbols is refused.
            return linker.downcallHandle(descriptor);
        });
    }

    final @Nullable MethodHandle bindOptional(String name, FunctionDescriptor descriptor) {
        return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor)).orElse(null);
    }

    static int callInt(MethodHandle handle, MemorySegment pointer) {
        try {
            return (int) handle.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static void callVoid(MethodHandle handle, MemorySegment pointer) {
        try {
            handle.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    // Downcalls throw only for a wrong Java-side type, which is a bug here, never an engine error.
    static IllegalStateException failed(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("llama.cpp call failed: " + t, t);
    }
}
