// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Receives llama.cpp's and ggml's log (one process-wide callback) and passes each line to the
 * {@code System.Logger} named {@code dev.rationale.core.provider.embedded.llama} at DEBUG, so the engine's chatter
 * stays out of the console unless asked for. Warnings and errors are also remembered per thread, because llama.cpp
 * explains a failed load only in its log: {@link #takeProblems} lets the caller put that reason in its exception.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
final class LlamaLog {
    private static final System.Logger LOG = System.getLogger("dev.rationale.core.provider.embedded.llama");
    private static final int WARN = 3;
    private static final int ERROR = 4;
    private static final int CONTINUATION = 5;
    private static final int KEPT_PROBLEMS = 6;

    private static final ThreadLocal<StringBuilder> LINE = ThreadLocal.withInitial(StringBuilder::new);
    private static final ThreadLocal<int[]> LINE_LEVEL = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<Deque<String>> PROBLEMS = ThreadLocal.withInitial(ArrayDeque::new);

    private LlamaLog() {
    }

    /** The handle the upcall stub calls: {@code (int level, const char *text, void *data)}. */
    static MethodHandle target() {
        try {
            return MethodHandles.lookup().findStatic(LlamaLog.class, "onLog",
                    MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The warnings and errors this thread's llama.cpp calls logged since the last call, joined; may be empty. */
    static String takeProblems() {
        flush();
        Deque<String> problems = PROBLEMS.get();
        String joined = String.join("; ", problems);
        problems.clear();
        return joined;
    }

    /** Forgets what this thread logged so far, before a call whose problems are wanted. */
    static void forgetProblems() {
        flush();
        PROBLEMS.get().clear();
    }

    @SuppressWarnings("unused") // called from native code through the upcall stub
    private static void onLog(int level, MemorySegment text, MemorySegment data) {
        // An exception escaping an upcall terminates the JVM: nothing may leave this method.
        try {
            int[] lineLevel = LINE_LEVEL.get();
            if (level != CONTINUATION) {
                flush();
                lineLevel[0] = level;
            }
            StringBuilder line = LINE.get();
            line.append(text.reinterpret(Integer.MAX_VALUE).getString(0));
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\n') {
                flush();
            }
        } catch (Throwable ignored) {
            // Losing a log line is better than losing the process.
        }
    }

    private static void flush() {
        StringBuilder line = LINE.get();
        String message = line.toString().strip();
        line.setLength(0);
        if (message.isEmpty()) {
            return;
        }
        int level = LINE_LEVEL.get()[0];
        if (level == WARN || level == ERROR) {
            Deque<String> problems = PROBLEMS.get();
            problems.addLast(message);
            while (problems.size() > KEPT_PROBLEMS) {
                problems.removeFirst();
            }
        }
        LOG.log(System.Logger.Level.DEBUG, message);
    }
}
