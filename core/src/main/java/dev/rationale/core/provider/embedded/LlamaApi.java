// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Downcall handles for the llama.cpp C functions we use (build b4916 signatures), each behind a typed method.
 * Creating one fails with the list of missing symbols rather than at the first call. No method checks its
 * arguments: {@link LlamaModel} and {@link LlamaSession} do, because llama.cpp aborts the process on bad ones.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
final class LlamaApi {
    private static final FunctionDescriptor A_A = FunctionDescriptor.of(ADDRESS, ADDRESS);
    private static final FunctionDescriptor I_A = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor V_A = FunctionDescriptor.ofVoid(ADDRESS);

    /**
     * Held while the library computes. Two contexts decoding at once corrupt each other's logits in this build,
     * even on separate model instances with one thread each (LlamaSessionTest reproduced it in about half of its
     * runs; with decodes serialised, never), so the fault is process-wide state in the library, and so is the
     * lock. Sessions on other threads still keep their own caches and interleave between decodes. Creating a
     * context initialises the same CPU backend, so it takes the lock too.
     */
    private static final Object NATIVE_COMPUTE = new Object();

    private final List<String> missing = new ArrayList<>();
    private final Linker linker = Linker.nativeLinker();
    private final SymbolLookup lookup;

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
    private final MethodHandle modelMetaValStr;
    private final @Nullable MethodHandle modelChatTemplate;
    private final @Nullable MethodHandle chatApplyTemplate;
    private final MethodHandle vocabNTokens;
    private final MethodHandle vocabBos;
    private final MethodHandle vocabEos;
    private final MethodHandle vocabIsEog;
    private final MethodHandle vocabIsControl;
    private final MethodHandle vocabGetAddBos;
    private final MethodHandle tokenize;
    private final MethodHandle tokenToPiece;
    private final MethodHandle batchInit;
    private final MethodHandle batchFree;
    private final MethodHandle decode;
    private final MethodHandle getLogitsIth;
    private final MethodHandle kvSelfClear;
    private final MethodHandle kvSelfSeqRm;
    private final MethodHandle nCtx;
    private final MethodHandle nBatch;
    private final MethodHandle nSeqMax;

    LlamaApi(SymbolLookup lookup) {
        this.lookup = lookup;
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
        modelMetaValStr = bind("llama_model_meta_val_str",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        // Chat templates are a convenience: a build without them still generates, with the plain chat layout.
        modelChatTemplate = bindOptional("llama_model_chat_template",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        chatApplyTemplate = bindOptional("llama_chat_apply_template", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG, JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        vocabNTokens = bind("llama_vocab_n_tokens", I_A);
        vocabBos = bind("llama_vocab_bos", I_A);
        vocabEos = bind("llama_vocab_eos", I_A);
        vocabIsEog = bind("llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        vocabIsControl = bind("llama_vocab_is_control", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        vocabGetAddBos = bind("llama_vocab_get_add_bos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        tokenize = bind("llama_tokenize", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        tokenToPiece = bind("llama_token_to_piece", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
        batchInit = bind("llama_batch_init", FunctionDescriptor.of(LlamaLayouts.BATCH, JAVA_INT, JAVA_INT, JAVA_INT));
        batchFree = bind("llama_batch_free", FunctionDescriptor.ofVoid(LlamaLayouts.BATCH));
        decode = bind("llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, LlamaLayouts.BATCH));
        getLogitsIth = bind("llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        kvSelfClear = bind("llama_kv_self_clear", V_A);
        kvSelfSeqRm = bind("llama_kv_self_seq_rm",
                FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        nCtx = bind("llama_n_ctx", I_A);
        nBatch = bind("llama_n_batch", I_A);
        nSeqMax = bind("llama_n_seq_max", I_A);
    }

    /** The C functions this build lacks; non-empty means the library cannot be used. */
    List<String> missing() {
        return List.copyOf(missing);
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

    /** Copies a metadata value into {@code buffer}; returns its full length, or -1 when the key is absent. */
    int modelMetaValStr(MemorySegment model, MemorySegment key, MemorySegment buffer) {
        try {
            return (int) modelMetaValStr.invokeExact(model, key, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The model's default chat template, or NULL when its file has none or the build cannot read it. */
    MemorySegment modelChatTemplate(MemorySegment model) {
        if (modelChatTemplate == null) {
            return MemorySegment.NULL;
        }
        try {
            return (MemorySegment) modelChatTemplate.invokeExact(model, MemorySegment.NULL);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Returns the formatted length (call again with a larger buffer when it exceeds it), or -1. */
    int chatApplyTemplate(MemorySegment template, MemorySegment messages, long count, MemorySegment buffer) {
        if (chatApplyTemplate == null) {
            return -1;
        }
        try {
            return (int) chatApplyTemplate.invokeExact(template, messages, count, true, buffer,
                    (int) buffer.byteSize());
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int vocabNTokens(MemorySegment vocab) {
        return callInt(vocabNTokens, vocab);
    }

    int vocabBos(MemorySegment vocab) {
        return callInt(vocabBos, vocab);
    }

    int vocabEos(MemorySegment vocab) {
        return callInt(vocabEos, vocab);
    }

    boolean vocabIsEog(MemorySegment vocab, int token) {
        try {
            return (boolean) vocabIsEog.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    boolean vocabIsControl(MemorySegment vocab, int token) {
        try {
            return (boolean) vocabIsControl.invokeExact(vocab, token);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    boolean vocabGetAddBos(MemorySegment vocab) {
        try {
            return (boolean) vocabGetAddBos.invokeExact(vocab);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Returns the token count, or minus the count needed when {@code out} is too small. */
    int tokenize(MemorySegment vocab, MemorySegment text, int length, MemorySegment out, int capacity,
            boolean addSpecial, boolean parseSpecial) {
        try {
            return (int) tokenize.invokeExact(vocab, text, length, out, capacity, addSpecial, parseSpecial);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Returns the piece's byte count (not NUL-terminated), or minus the size needed. */
    int tokenToPiece(MemorySegment vocab, int token, MemorySegment buffer, boolean special) {
        try {
            return (int) tokenToPiece.invokeExact(vocab, token, buffer, (int) buffer.byteSize(), 0, special);
        } catch (Throwable t) {
            throw failed(t);
        }
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

    void kvSelfClear(MemorySegment context) {
        callVoid(kvSelfClear, context);
    }

    boolean kvSelfSeqRm(MemorySegment context, int sequence, int from, int to) {
        try {
            return (boolean) kvSelfSeqRm.invokeExact(context, sequence, from, to);
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

    private MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor)).orElseGet(() -> {
            missing.add(name);
            // An unbound stand-in; never called, since a library with missing symbols is refused.
            return linker.downcallHandle(descriptor);
        });
    }

    private @Nullable MethodHandle bindOptional(String name, FunctionDescriptor descriptor) {
        return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor)).orElse(null);
    }

    private static int callInt(MethodHandle handle, MemorySegment pointer) {
        try {
            return (int) handle.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static void callVoid(MethodHandle handle, MemorySegment pointer) {
        try {
            handle.invokeExact(pointer);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    // Downcalls throw only for a wrong Java-side type, which is a bug here, never an engine error.
    private static IllegalStateException failed(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("llama.cpp call failed: " + t, t);
    }
}
