// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.Nullable;

/**
 * The llama.cpp functions about a model's text (release v0.4.0): its vocabulary, tokenizer, metadata and
 * chat template. {@link LlamaApi} adds the rest; no method checks its arguments (see there).
 */
abstract class LlamaVocabApi extends NativeBindings {
    static final FunctionDescriptor I_A = FunctionDescriptor.of(JAVA_INT, ADDRESS);

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

    LlamaVocabApi(SymbolLookup lookup) {
        super(lookup);
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
}
