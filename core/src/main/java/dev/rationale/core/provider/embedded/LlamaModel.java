// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.embedded.gguf.GgufCheck;
import dev.rationale.core.provider.embedded.gguf.GgufFormatException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One GGUF model loaded into memory, on the CPU. Thread-safe: load it once and share it; each thread that runs
 * it opens its own {@link LlamaSession}. Tokenising and reading pieces need no session. {@link #close} frees the
 * weights once the last session is closed; call it when no other thread is using the model any more (calls after
 * it fail with {@link IllegalStateException}, but one already inside llama.cpp would read freed memory).
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
public final class LlamaModel implements AutoCloseable {
    private final LlamaApi api;
    private final Path path;
    private final MemorySegment model;
    private final MemorySegment vocab;
    private final int vocabularySize;
    private final AtomicReferenceArray<byte[]> pieces;
    private final AtomicReferenceArray<byte[]> specialPieces;
    private final AtomicLong decoded = new AtomicLong();
    private int openSessions;
    private boolean closed;
    private volatile boolean freed;

    private LlamaModel(LlamaApi api, Path path, MemorySegment model) {
        this.api = api;
        this.path = path;
        this.model = model;
        this.vocab = api.modelGetVocab(model);
        this.vocabularySize = api.vocabNTokens(vocab);
        this.pieces = new AtomicReferenceArray<>(vocabularySize);
        this.specialPieces = new AtomicReferenceArray<>(vocabularySize);
    }

    /**
     * Loads a GGUF file, with every layer on the CPU.
     *
     * @throws ProviderException ENGINE naming the path when the file is missing or unreadable; naming the file and
     *     the fault in one line when the Java check of its header ({@link GgufCheck}) refuses it, before llama.cpp
     *     reads it (some corrupt files would make llama.cpp abort the process); or when llama.cpp
     *     cannot load it (not a GGUF file, truncated, an unknown architecture), with llama.cpp's reason when it
     *     logged one; also when the engine is not available on this platform
     */
    public static LlamaModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw engine("the model file " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw engine("the model file " + file + " cannot be read");
        }
        check(file);
        LlamaApi api = LlamaLibrary.load().api();
        MemorySegment model;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = api.modelDefaultParams(arena);
            // The default (-1) puts every layer on a GPU when there is one; the CPU gives the exact probabilities.
            params.set(JAVA_INT, LlamaLayouts.MODEL_N_GPU_LAYERS, 0);
            LlamaLog.forgetProblems();
            model = api.modelLoadFromFile(arena.allocateFrom(file.toAbsolutePath().toString()), params);
        }
        if (model.equals(MemorySegment.NULL)) {
            String reason = LlamaLog.takeProblems();
            throw engine("cannot load the model " + file + ": not a GGUF model llama.cpp can read"
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        LlamaModel loaded = new LlamaModel(api, file, model);
        // llama.cpp asserts (aborts) when it tokenises for a model that asks for a BOS token it does not have.
        if (loaded.addsBos() && loaded.bos() < 0) {
            loaded.close();
            throw engine(file.getFileName() + ": the model asks for a beginning-of-sequence token but has none");
        }
        return loaded;
    }

    // llama.cpp aborts the whole process on some corrupt files: the file is checked in Java before it sees it.
    private static void check(Path file) {
        try {
            GgufCheck.check(file);
        } catch (GgufFormatException e) {
            throw new ProviderException(ProviderException.Kind.ENGINE, e.getMessage(), null, e);
        } catch (UncheckedIOException e) {
            throw new ProviderException(ProviderException.Kind.ENGINE, "the model file " + file + " cannot be read: "
                    + e.getCause().getMessage(), null, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Number of tokens in the vocabulary; valid ids are 0 to this minus 1. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** The beginning-of-sequence token. */
    public int bos() {
        ensureOpen();
        return api.vocabBos(vocab);
    }

    /** The end-of-sequence token. */
    public int eos() {
        ensureOpen();
        return api.vocabEos(vocab);
    }

    /** Whether generating {@code token} ends the answer (end of sequence, end of turn and the like). */
    public boolean isEndOfGeneration(int token) {
        return api.vocabIsEog(vocab, checkToken(token));
    }

    /** Whether {@code token} is a control token ({@code <s>}, {@code </s>}, chat markers), not text. */
    public boolean isControl(int token) {
        return api.vocabIsControl(vocab, checkToken(token));
    }

    /** Whether tokenising with special tokens puts BOS in front, as the file asks. */
    public boolean addsBos() {
        ensureOpen();
        return api.vocabGetAddBos(vocab);
    }

    /** The context length the model was trained for. */
    public int trainedContextLength() {
        ensureOpen();
        return api.modelNCtxTrain(model);
    }

    public long parameterCount() {
        ensureOpen();
        return api.modelNParams(model);
    }

    /** The chat template stored in the file ({@code tokenizer.chat_template}), if any. */
    public Optional<String> chatTemplate() {
        ensureOpen();
        MemorySegment template = api.modelChatTemplate(model);
        return template.equals(MemorySegment.NULL) ? Optional.empty()
                : Optional.of(template.reinterpret(Integer.MAX_VALUE).getString(0));
    }

    /** A metadata value of the GGUF file as text, e.g. {@code general.architecture}. */
    public Optional<String> metadata(String key) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(key);
            MemorySegment buffer = arena.allocate(256);
            int length = api.modelMetaValStr(model, name, buffer);
            if (length < 0) {
                return Optional.empty();
            }
            if (length >= buffer.byteSize()) {
                buffer = arena.allocate(length + 1L);
                api.modelMetaValStr(model, name, buffer);
            }
            return Optional.of(buffer.getString(0));
        }
    }

    /**
     * Splits text into token ids.
     *
     * @param addSpecial put BOS (and EOS) in front (behind) as the model asks
     * @param parseSpecial read special-token texts such as {@code <s>} as those tokens, not as plain text
     */
    public int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        ensureOpen();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, input, JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 8;
            MemorySegment out = arena.allocate(JAVA_INT, capacity);
            int count = api.tokenize(vocab, input, utf8.length, out, capacity, addSpecial, parseSpecial);
            if (count < 0) {
                capacity = -count;
                out = arena.allocate(JAVA_INT, capacity);
                count = api.tokenize(vocab, input, utf8.length, out, capacity, addSpecial, parseSpecial);
            }
            if (count < 0) {
                throw engine("cannot tokenise the text (llama_tokenize returned " + count + ")");
            }
            return out.asSlice(0, (long) count * Integer.BYTES).toArray(JAVA_INT);
        }
    }

    /**
     * The bytes a token stands for in generated text: byte tokens give one raw byte (possibly part of a UTF-8
     * character), control tokens nothing. Do not modify the array.
     */
    public byte[] tokenBytes(int token) {
        return piece(token, false, pieces);
    }

    /** Like {@link #tokenBytes} but control tokens give their name, e.g. {@code <s>}; for display. */
    public byte[] displayBytes(int token) {
        return piece(token, true, specialPieces);
    }

    /** Opens a context on this model; the caller closes it. */
    public LlamaSession newSession(SessionSettings settings) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the model " + path + " is closed");
            }
            openSessions++;
        }
        try {
            return new LlamaSession(this, api, settings);
        } catch (RuntimeException e) {
            sessionClosed();
            throw e;
        }
    }

    /** Frees the model now, or when its last session closes. Calling again is harmless. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        freeIfDone();
    }

    MemorySegment handle() {
        return model;
    }

    /**
     * How many tokens all sessions on this model have evaluated so far (prompt, kept and generated tokens alike):
     * what shows whether a cache was reused.
     */
    public long decodedTokens() {
        return decoded.get();
    }

    void countDecoded(int tokens) {
        decoded.addAndGet(tokens);
    }

    void sessionClosed() {
        synchronized (this) {
            openSessions--;
        }
        freeIfDone();
    }

    int checkToken(int token) {
        ensureOpen();
        if (token < 0 || token >= vocabularySize) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "token id " + token
                    + " is outside the vocabulary of " + path.getFileName() + " (0.." + (vocabularySize - 1) + ")");
        }
        return token;
    }

    // A call on freed weights would read freed memory and crash the process; this turns misuse into an exception.
    private void ensureOpen() {
        if (freed) {
            throw new IllegalStateException("the model " + path + " is closed");
        }
    }

    private synchronized void freeIfDone() {
        if (closed && openSessions == 0 && !freed) {
            freed = true;
            api.modelFree(model);
        }
    }

    private byte[] piece(int token, boolean special, AtomicReferenceArray<byte[]> cache) {
        checkToken(token);
        byte[] known = cache.get(token);
        if (known != null) {
            return known;
        }
        byte[] bytes = readPiece(token, special);
        cache.compareAndSet(token, null, bytes);
        return bytes;
    }

    private byte[] readPiece(int token, boolean special) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(32);
            int length = api.tokenToPiece(vocab, token, buffer, special);
            if (length < 0) {
                buffer = arena.allocate(-length);
                length = api.tokenToPiece(vocab, token, buffer, special);
            }
            return length <= 0 ? new byte[0] : buffer.asSlice(0, length).toArray(JAVA_BYTE);
        }
    }

    static ProviderException engine(String message) {
        return new ProviderException(ProviderException.Kind.ENGINE, message);
    }
}
