// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The C structs of llama.cpp release v0.4.0 (as in {@code @node-llama-cpp/*} 3.21.1) that cross the FFM boundary
 * by value, field for field (64-bit platforms). Fields are set by byte offset on a copy of the library's own
 * defaults, so only the fields named here are ever written. {@link #mismatches} reads the defaults back: a library
 * whose structs moved fails that check instead of misreading every field.
 */
final class LlamaLayouts {

    /** {@code struct llama_model_params}, 80 bytes. */
    static final StructLayout MODEL_PARAMS = MemoryLayout.structLayout(
            ADDRESS.withName("devices"),
            ADDRESS.withName("tensor_buft_overrides"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("load_mode"),
            JAVA_INT.withName("lazy_mode"),
            JAVA_INT.withName("main_gpu"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("check_tensors"),
            JAVA_BOOLEAN.withName("use_extra_bufts"),
            JAVA_BOOLEAN.withName("no_host"),
            JAVA_BOOLEAN.withName("no_alloc"),
            JAVA_BOOLEAN.withName("load_mtp"),
            MemoryLayout.paddingLayout(2));

    /** {@code struct llama_context_params}, 160 bytes. */
    static final StructLayout CONTEXT_PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_rs_seq"),
            JAVA_INT.withName("n_outputs_max"),
            JAVA_INT.withName("n_outputs_max_per_seq"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("ctx_type"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_INT.withName("flash_attn_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            ADDRESS.withName("cb_eval"),
            ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            ADDRESS.withName("abort_callback"),
            ADDRESS.withName("abort_callback_data"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("no_perf"),
            JAVA_BOOLEAN.withName("op_offload"),
            JAVA_BOOLEAN.withName("swa_full"),
            JAVA_BOOLEAN.withName("kv_unified"),
            MemoryLayout.paddingLayout(2),
            ADDRESS.withName("samplers"),
            JAVA_LONG.withName("n_samplers"),
            ADDRESS.withName("ctx_other"));

    /** {@code struct llama_batch}, 56 bytes: parallel arrays of {@code n_tokens} entries. */
    static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_INT.withName("n_tokens"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("token"),
            ADDRESS.withName("embd"),
            ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"),
            ADDRESS.withName("seq_id"),
            ADDRESS.withName("logits"));

    /** {@code struct llama_chat_message}: two C strings. */
    static final StructLayout CHAT_MESSAGE = MemoryLayout.structLayout(
            ADDRESS.withName("role"), ADDRESS.withName("content"));

    static final long MODEL_N_GPU_LAYERS = offset(MODEL_PARAMS, "n_gpu_layers");
    static final long CONTEXT_N_CTX = offset(CONTEXT_PARAMS, "n_ctx");
    static final long CONTEXT_N_BATCH = offset(CONTEXT_PARAMS, "n_batch");
    static final long CONTEXT_N_UBATCH = offset(CONTEXT_PARAMS, "n_ubatch");
    static final long CONTEXT_N_SEQ_MAX = offset(CONTEXT_PARAMS, "n_seq_max");
    static final long CONTEXT_N_THREADS = offset(CONTEXT_PARAMS, "n_threads");
    static final long CONTEXT_N_THREADS_BATCH = offset(CONTEXT_PARAMS, "n_threads_batch");
    static final long CONTEXT_FLASH_ATTN_TYPE = offset(CONTEXT_PARAMS, "flash_attn_type");
    static final long CONTEXT_TYPE_K = offset(CONTEXT_PARAMS, "type_k");
    static final long CONTEXT_TYPE_V = offset(CONTEXT_PARAMS, "type_v");
    static final long BATCH_N_TOKENS = offset(BATCH, "n_tokens");
    static final long BATCH_TOKEN = offset(BATCH, "token");
    static final long BATCH_EMBD = offset(BATCH, "embd");
    static final long BATCH_POS = offset(BATCH, "pos");
    static final long BATCH_N_SEQ_ID = offset(BATCH, "n_seq_id");
    static final long BATCH_SEQ_ID = offset(BATCH, "seq_id");
    static final long BATCH_LOGITS = offset(BATCH, "logits");

    /** {@code GGML_TYPE_F32}: the KV cache type that keeps probabilities exact (F16 drifts by about 1e-3). */
    static final int GGML_TYPE_F32 = 0;
    /** {@code LLAMA_FLASH_ATTN_TYPE_DISABLED}: the plain attention path, whose probabilities match the references. */
    static final int FLASH_ATTN_DISABLED = 0;

    private static final int GGML_TYPE_F16 = 1;

    private LlamaLayouts() {
    }

    /**
     * Compares the library's default parameters with the values release v0.4.0 returns; empty when all match.
     * The values are distinctive enough (512, 2048, 512, 1, -1, F16 …) that a shifted field shows.
     */
    static List<String> mismatches(MemorySegment modelDefaults, MemorySegment contextDefaults) {
        List<String> wrong = new ArrayList<>();
        expect(wrong, "model n_gpu_layers", modelDefaults.get(JAVA_INT, MODEL_N_GPU_LAYERS), -1);
        expect(wrong, "model split_mode", modelDefaults.get(JAVA_INT, offset(MODEL_PARAMS, "split_mode")), 1);
        expect(wrong, "model load_mode", modelDefaults.get(JAVA_INT, offset(MODEL_PARAMS, "load_mode")), -1);
        expect(wrong, "model lazy_mode", modelDefaults.get(JAVA_INT, offset(MODEL_PARAMS, "lazy_mode")), 1);
        expect(wrong, "model vocab_only", modelDefaults.get(JAVA_BYTE, offset(MODEL_PARAMS, "vocab_only")), 0);
        expect(wrong, "model use_extra_bufts",
                modelDefaults.get(JAVA_BYTE, offset(MODEL_PARAMS, "use_extra_bufts")), 1);
        expect(wrong, "model load_mtp", modelDefaults.get(JAVA_BYTE, offset(MODEL_PARAMS, "load_mtp")), 0);
        expect(wrong, "context n_ctx", contextDefaults.get(JAVA_INT, CONTEXT_N_CTX), 512);
        expect(wrong, "context n_batch", contextDefaults.get(JAVA_INT, CONTEXT_N_BATCH), 2048);
        expect(wrong, "context n_ubatch", contextDefaults.get(JAVA_INT, CONTEXT_N_UBATCH), 512);
        expect(wrong, "context n_seq_max", contextDefaults.get(JAVA_INT, CONTEXT_N_SEQ_MAX), 1);
        expect(wrong, "context n_outputs_max_per_seq",
                contextDefaults.get(JAVA_INT, offset(CONTEXT_PARAMS, "n_outputs_max_per_seq")), 1);
        expect(wrong, "context attention_type",
                contextDefaults.get(JAVA_INT, offset(CONTEXT_PARAMS, "attention_type")), -1);
        expect(wrong, "context flash_attn_type", contextDefaults.get(JAVA_INT, CONTEXT_FLASH_ATTN_TYPE), -1);
        expect(wrong, "context yarn_beta_slow",
                contextDefaults.get(JAVA_FLOAT, offset(CONTEXT_PARAMS, "yarn_beta_slow")), -1.0f);
        expect(wrong, "context defrag_thold",
                contextDefaults.get(JAVA_FLOAT, offset(CONTEXT_PARAMS, "defrag_thold")), -1.0f);
        expect(wrong, "context type_k", contextDefaults.get(JAVA_INT, CONTEXT_TYPE_K), GGML_TYPE_F16);
        expect(wrong, "context type_v", contextDefaults.get(JAVA_INT, CONTEXT_TYPE_V), GGML_TYPE_F16);
        expect(wrong, "context abort_callback",
                contextDefaults.get(ADDRESS, offset(CONTEXT_PARAMS, "abort_callback")).address(), 0L);
        expect(wrong, "context offload_kqv",
                contextDefaults.get(JAVA_BYTE, offset(CONTEXT_PARAMS, "offload_kqv")), 1);
        expect(wrong, "context no_perf", contextDefaults.get(JAVA_BYTE, offset(CONTEXT_PARAMS, "no_perf")), 1);
        expect(wrong, "context swa_full", contextDefaults.get(JAVA_BYTE, offset(CONTEXT_PARAMS, "swa_full")), 1);
        expect(wrong, "context kv_unified",
                contextDefaults.get(JAVA_BYTE, offset(CONTEXT_PARAMS, "kv_unified")), 0);
        expect(wrong, "context n_samplers", contextDefaults.get(JAVA_LONG, offset(CONTEXT_PARAMS, "n_samplers")), 0L);
        return wrong;
    }

    /** Checks a batch from {@code llama_batch_init(n, 0, 1)}: no tokens yet, every array but embd allocated. */
    static List<String> batchMismatches(MemorySegment batch) {
        List<String> wrong = new ArrayList<>();
        expect(wrong, "batch n_tokens", batch.get(JAVA_INT, BATCH_N_TOKENS), 0);
        expect(wrong, "batch embd", batch.get(ADDRESS, BATCH_EMBD).address(), 0L);
        for (long field : new long[] {BATCH_TOKEN, BATCH_POS, BATCH_N_SEQ_ID, BATCH_SEQ_ID, BATCH_LOGITS}) {
            if (batch.get(ADDRESS, field).address() == 0L) {
                wrong.add("batch array at offset " + field + " is NULL");
            }
        }
        return wrong;
    }

    private static void expect(List<String> wrong, String field, long actual, long expected) {
        if (actual != expected) {
            wrong.add(field + " = " + actual + ", expected " + expected);
        }
    }

    private static void expect(List<String> wrong, String field, float actual, float expected) {
        if (Float.compare(actual, expected) != 0) {
            wrong.add(field + " = " + actual + ", expected " + expected);
        }
    }

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}
