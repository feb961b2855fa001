// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rationale.core.provider.ProviderException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One llama.cpp context on a {@link LlamaModel}: a KV cache holding one token sequence, which grows as tokens are
 * evaluated and can be cut back to any length to branch. Not thread-safe: use it from one thread at a time (it
 * may move between threads). The cache is kept in F32, so probabilities match a reference implementation to about
 * 1e-6 (F16 drifts by about 1e-3).
 *
 * <p>Everything that would make llama.cpp abort the process is refused first: token ids outside the vocabulary
 * ({@link ProviderException} INVALID_REQUEST), sequences longer than the context (ENGINE, "the context is full");
 * batches are cut to the context's batch size, and only sequence 0 is used.
 */
// Restricted FFM calls are this class's job; the JVM runs with --enable-native-access (see package-info).
@SuppressWarnings("restricted")
public final class LlamaSession implements AutoCloseable {
    private static final int SEQUENCE = 0;
    private static final int DECODE_NO_SLOT = 1;
    private static final int DECODE_FULL = -3;

    private final LlamaModel model;
    private final LlamaApi api;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment context;
    private final MemorySegment batch;
    private final MemorySegment batchTokens;
    private final MemorySegment batchPositions;
    private final MemorySegment batchLogits;
    private final int contextSize;
    private final int batchSize;
    private final int[] cached;
    private final float[] logits;
    private int length;
    private boolean closed;

    LlamaSession(LlamaModel model, LlamaApi api, SessionSettings settings) {
        this.model = model;
        this.api = api;
        try {
            this.context = createContext(settings);
            this.contextSize = api.nCtx(context);
            // llama.cpp raises n_batch to at least 64; the Java side keeps to the size asked for.
            this.batchSize = Math.min(Math.min(api.nBatch(context), settings.batchSize()), contextSize);
            this.batch = api.batchInit(arena, batchSize, 1);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        batchTokens = batch.get(ADDRESS, LlamaLayouts.BATCH_TOKEN).reinterpret((long) batchSize * Integer.BYTES);
        batchPositions = batch.get(ADDRESS, LlamaLayouts.BATCH_POS).reinterpret((long) batchSize * Integer.BYTES);
        batchLogits = batch.get(ADDRESS, LlamaLayouts.BATCH_LOGITS).reinterpret(batchSize);
        fillSequenceIds();
        cached = new int[contextSize];
        logits = new float[model.vocabularySize()];
    }

    public LlamaModel model() {
        return model;
    }

    /** The most tokens this session holds. */
    public int contextSize() {
        return contextSize;
    }

    /** The most tokens one decode takes; longer sequences are decoded in pieces of this size. */
    public int batchSize() {
        return batchSize;
    }

    /** How many tokens the cache holds now. */
    public int length() {
        return length;
    }

    /** The tokens the cache holds now. */
    public int[] tokens() {
        return Arrays.copyOf(cached, length);
    }

    /**
     * Makes the cache hold exactly {@code tokens}, keeping what it already holds of them (their longest common
     * prefix) and evaluating the rest, and reports the logits after each token from index {@code logitsFrom} on.
     *
     * @throws ProviderException INVALID_REQUEST for an empty sequence or a token id outside the vocabulary; ENGINE
     *     when the sequence does not fit the context or llama.cpp fails
     */
    public void evaluate(int[] tokens, int logitsFrom, LogitsSink sink) {
        evaluate(tokens, logitsFrom, sink, () -> false);
    }

    /**
     * Like {@link #evaluate(int[], int, LogitsSink)}, checking {@code stop} before each batch.
     *
     * @return false when stopped early; the cache then holds a prefix of {@code tokens}
     */
    public boolean evaluate(int[] tokens, int logitsFrom, LogitsSink sink, BooleanSupplier stop) {
        ensureOpen();
        check(tokens);
        int wanted = Math.clamp(logitsFrom, 0, tokens.length);
        int start = Math.min(Math.min(commonPrefix(tokens), wanted), tokens.length - 1);
        truncate(start);
        // Truncating may have emptied the cache instead (see truncate); evaluation resumes where the cache ends.
        for (int from = length; from < tokens.length; from += batchSize) {
            if (stop.getAsBoolean()) {
                return false;
            }
            decode(tokens, from, Math.min(tokens.length, from + batchSize), wanted, sink);
        }
        return true;
    }

    /** Evaluates one more token and reports the logits after it (at index {@link #length()} minus 1). */
    public void append(int token, LogitsSink sink) {
        ensureOpen();
        model.checkToken(token);
        if (length >= contextSize) {
            throw full(length + 1);
        }
        decode(new int[] {token}, 0, 1, 0, (index, values) -> sink.accept(length - 1, values));
    }

    /** Evaluates one more token and returns a copy of the logits after it. */
    public float[] append(int token) {
        float[][] result = new float[1][];
        append(token, (index, values) -> result[0] = values.clone());
        return result[0];
    }

    /** Cuts the cache back to its first {@code newLength} tokens, so that evaluation continues from there. */
    public void truncate(int newLength) {
        ensureOpen();
        if (newLength >= length) {
            return;
        }
        int keep = Math.max(0, newLength);
        // seq_rm refuses partial removal on some model kinds (recurrent state); starting over is always correct.
        if (keep == 0 || !api.memorySeqRm(context, SEQUENCE, keep, -1)) {
            clear();
            return;
        }
        length = keep;
    }

    /** Empties the cache. */
    public void clear() {
        ensureOpen();
        api.memoryClear(context);
        length = 0;
    }

    /** Frees the context; calling again is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.batchFree(batch);
        api.free(context);
        arena.close();
        model.sessionClosed();
    }

    private MemorySegment createContext(SessionSettings settings) {
        MemorySegment params = api.contextDefaultParams(arena);
        int batchLimit = settings.batchSize();
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_CTX, settings.contextSize());
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_BATCH, batchLimit);
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_UBATCH, batchLimit);
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_SEQ_MAX, 1);
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_THREADS, settings.threads());
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_N_THREADS_BATCH, settings.threads());
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_TYPE_K, LlamaLayouts.GGML_TYPE_F32);
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_TYPE_V, LlamaLayouts.GGML_TYPE_F32);
        params.set(JAVA_INT, LlamaLayouts.CONTEXT_FLASH_ATTN_TYPE, LlamaLayouts.FLASH_ATTN_DISABLED);
        LlamaLog.forgetProblems();
        MemorySegment created = api.initFromModel(model.handle(), params);
        if (created.equals(MemorySegment.NULL)) {
            String reason = LlamaLog.takeProblems();
            throw LlamaModel.engine("cannot create a context of " + settings.contextSize() + " tokens for "
                    + model.path() + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        return created;
    }

    // Each entry belongs to sequence 0 only; llama.cpp does not check seq_id against n_seq_max, so we never vary it.
    private void fillSequenceIds() {
        MemorySegment counts = batch.get(ADDRESS, LlamaLayouts.BATCH_N_SEQ_ID).reinterpret(
                (long) batchSize * Integer.BYTES);
        MemorySegment ids = batch.get(ADDRESS, LlamaLayouts.BATCH_SEQ_ID).reinterpret(
                (long) batchSize * ADDRESS.byteSize());
        for (int i = 0; i < batchSize; i++) {
            counts.setAtIndex(JAVA_INT, i, 1);
            ids.getAtIndex(ADDRESS, i).reinterpret(Integer.BYTES).set(JAVA_INT, 0, SEQUENCE);
        }
    }

    private void check(int[] tokens) {
        if (tokens.length == 0) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "there are no tokens to evaluate");
        }
        if (tokens.length > contextSize) {
            throw full(tokens.length);
        }
        for (int token : tokens) {
            model.checkToken(token);
        }
    }

    private int commonPrefix(int[] tokens) {
        int limit = Math.min(length, tokens.length);
        int i = 0;
        while (i < limit && cached[i] == tokens[i]) {
            i++;
        }
        return i;
    }

    private void decode(int[] tokens, int from, int to, int logitsFrom, LogitsSink sink) {
        int count = to - from;
        for (int i = 0; i < count; i++) {
            batchTokens.setAtIndex(JAVA_INT, i, tokens[from + i]);
            batchPositions.setAtIndex(JAVA_INT, i, length + i);
            batchLogits.set(JAVA_BYTE, i, (byte) (from + i >= logitsFrom ? 1 : 0));
        }
        batch.set(JAVA_INT, LlamaLayouts.BATCH_N_TOKENS, count);
        int status = api.decode(context, batch);
        if (status != 0) {
            // A failed decode may leave part of the batch in the cache; only an empty cache is known for sure.
            clear();
            throw status == DECODE_NO_SLOT || status == DECODE_FULL ? full(length + count)
                    : LlamaModel.engine("llama.cpp could not evaluate the tokens (llama_decode returned " + status
                            + ")");
        }
        System.arraycopy(tokens, from, cached, length, count);
        length += count;
        model.countDecoded(count);
        for (int i = 0; i < count; i++) {
            if (from + i >= logitsFrom) {
                copyLogits(i);
                sink.accept(from + i, logits);
            }
        }
    }

    // The pointer is valid only until the next decode, so the values are copied out at once.
    private void copyLogits(int batchIndex) {
        MemorySegment values = api.getLogitsIth(context, batchIndex);
        if (values.equals(MemorySegment.NULL)) {
            throw LlamaModel.engine("llama.cpp returned no logits for batch entry " + batchIndex);
        }
        MemorySegment.copy(values.reinterpret((long) logits.length * Float.BYTES), JAVA_FLOAT, 0, logits, 0,
                logits.length);
    }

    private ProviderException full(int needed) {
        return LlamaModel.engine("the context is full (" + contextSize + " tokens): " + needed
                + " tokens do not fit; shorten the prompt or the answer, or use a larger context");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
    }
}
