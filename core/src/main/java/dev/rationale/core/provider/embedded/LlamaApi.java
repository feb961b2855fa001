// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles for the llama.cpp C functions we use (release v0.4.0), each behind a typed method: the
 * backend, models, contexts and decoding here, the model's text in {@link LlamaVocabApi}.
 * Creating one fails with the list of missing symbols rather than at the first call. No method checks its
 * arguments: {@link LlamaModel} and {@link LlamaSession} do, because llama.cpp aborts the process on bad ones.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
final class LlamaApi extends LlamaVocabApi {
    private static final FunctionDescriptor A_A = FunctionDescriptor.of(ADDRESS, ADDRESS);
    private static final FunctionDescriptor V_A = FunctionDescriptor.ofVoid(ADDRESS);

    /**
     * Held while the library computes. Two contexts decoding at once corrupt each other's logits in this build,
     * even on separate model instances with one thread each (LlamaSessionTest reproduced it in about half of its
     * runs; with decodes serialised, never), so the fault is process-wide state in the library, and so is the
     * lock. Sessions on other threads still keep their own caches and interleave between decodes. Creating a
     * context initialises the same CPU backend, so it takes the lock too.
     */
    private static final Object NATIVE_COMPUTE = new Object();


    private final MethodHandle backendInit;
    private final MethodHandle logSet;
    private final MethodHandle modelDefaultParams;
    private final MethodHandle contextDefaultParams;
    private final MethodHandle modelLoadFromFile;
    private final MethodHandle modelFree;
    private final MethodHandle initFromModel;
    private final MethodHandle free;
    private final MethodHandle modelGetVocab;
    private final MethodHandle modelNParams;
    private final MethodHandle modelNCtxTrain;
    private final MethodHandle batchInit;
    private final MethodHandle batchFree;
    private final MethodHandle decode;
    private final MethodHandle getLogitsIth;
    private final MethodHandle version;
    private final MethodHandle getMemory;
    private final MethodHandle memoryClear;
    private final MethodHandle memorySeqRm;
    private final MethodHandle nCtx;
    private final MethodHandle nBatch;
    private final MethodHandle nSeqMax;

    LlamaApi(SymbolLookup lookup) {
        super(lookup);
        backendInit = bind("llama_backend_init", FunctionDescriptor.ofVoid());
        logSet = bind("llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        modelDefaultParams = bind("llama_model_default_params", FunctionDescriptor.of(LlamaLayouts.MODEL_PARAMS));
        contextDefaultParams = bind("llama_context_default_params",
                FunctionDescriptor.of(LlamaLayouts.CONTEXT_PARAMS));
        modelLoadFromFile = bind("llama_model_load_from_file",
                FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.MODEL_PARAMS));
        modelFree = bind("llama_model_free", V_A);
        initFromModel = bind("llama_init_from_model",
                FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.CONTEXT_PARAMS));
        free = bind("llama_free", V_A);
        modelGetVocab = bind("llama_model_get_vocab", A_A);
        modelNParams = bind("llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelNCtxTrain = bind("llama_model_n_ctx_train", I_A);
        batchInit = bind("llama_batch_init", FunctionDescriptor.of(LlamaLayouts.BATCH, JAVA_INT, JAVA_INT, JAVA_INT));
        batchFree = bind("llama_batch_free", FunctionDescriptor.ofVoid(LlamaLayouts.BATCH));
        decode = bind("llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, LlamaLayouts.BATCH));
        getLogitsIth = bind("llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        version = bind("llama_version", FunctionDescriptor.of(ADDRESS));
        getMemory = bind("llama_get_memory", A_A);
        memoryClear = bind("llama_memory_clear", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
        memorySeqRm = bind("llama_memory_seq_rm",
                FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        nCtx = bind("llama_n_ctx", I_A);
        nBatch = bind("llama_n_batch", I_A);
        nSeqMax = bind("llama_n_seq_max", I_A);
    }

    void backendInit() {
        try {
            backendInit.invokeExact();
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void logSet(MemorySegment callback) {
        try {
            logSet.invokeExact(callback, MemorySegment.NULL);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    MemorySegment modelDefaultParams(SegmentAllocator allocator) {
        try {
            return (MemorySegment) modelDefaultParams.invokeExact(allocator);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    MemorySegment contextDefaultParams(SegmentAllocator allocator) {
        try {
            return (MemorySegment) contextDefaultParams.invokeExact(allocator);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    MemorySegment modelLoadFromFile(MemorySegment path, MemorySegment params) {
        try {
            return (MemorySegment) modelLoadFromFile.invokeExact(path, params);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void modelFree(MemorySegment model) {
        callVoid(modelFree, model);
    }

    MemorySegment initFromModel(MemorySegment model, MemorySegment params) {
        try {
            synchronized (NATIVE_COMPUTE) {
                return (MemorySegment) initFromModel.invokeExact(model, params);
            }
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void free(MemorySegment context) {
        callVoid(free, context);
    }

    MemorySegment modelGetVocab(MemorySegment model) {
        try {
            return (MemorySegment) modelGetVocab.invokeExact(model);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    long modelNParams(MemorySegment model) {
        try {
            return (long) modelNParams.invokeExact(model);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int modelNCtxTrain(MemorySegment model) {
        return callInt(modelNCtxTrain, model);
    }

    MemorySegment batchInit(SegmentAllocator allocator, int tokens, int sequences) {
        try {
            return (MemorySegment) batchInit.invokeExact(allocator, tokens, 0, sequences);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void batchFree(MemorySegment batch) {
        callVoid(batchFree, batch);
    }

    int decode(MemorySegment context, MemorySegment batch) {
        try {
            synchronized (NATIVE_COMPUTE) {
                return (int) decode.invokeExact(context, batch);
            }
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The logits after batch entry {@code index}, or NULL when that entry was not flagged. */
    MemorySegment getLogitsIth(MemorySegment context, int index) {
        try {
            return (MemorySegment) getLogitsIth.invokeExact(context, index);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The release the library was built from, e.g. {@code 0.4.0}. */
    String version() {
        try {
            return ((MemorySegment) version.invokeExact()).reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Clears the context's whole memory (its KV cache), data included. */
    void memoryClear(MemorySegment context) {
        try {
            memoryClear.invokeExact((MemorySegment) getMemory.invokeExact(context), true);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Removes positions [from, to) of one sequence from the context's memory; false when it cannot. */
    boolean memorySeqRm(MemorySegment context, int sequence, int from, int to) {
        try {
            return (boolean) memorySeqRm.invokeExact((MemorySegment) getMemory.invokeExact(context),
                    sequence, from, to);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int nCtx(MemorySegment context) {
        return callInt(nCtx, context);
    }

    int nBatch(MemorySegment context) {
        return callInt(nBatch, context);
    }

    int nSeqMax(MemorySegment context) {
        return callInt(nSeqMax, context);
    }

    /** An upcall stub for {@code void (*)(int level, const char *text, void *data)}, alive as long as the arena. */
    MemorySegment logCallback(MethodHandle target, Arena arena) {
        return linker.upcallStub(target, FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), arena);
    }

}
