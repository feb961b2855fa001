// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.util.Optional;

/**
 * The tensor types of ggml as the llama.cpp release we ship (v0.4.0) knows them: for each id, how many elements make
 * a block and how many bytes a block takes. Ids whose support was removed (4, 5, 31 to 33, 36 to 38) have none.
 * Read from that release's {@code ggml_blck_size} and {@code ggml_type_size}.
 */
record GgmlType(int id, int blockSize, int blockBytes) {
    // {block size, bytes per block} by id; {0, 0} marks an id ggml does not accept.
    private static final int[][] TABLE = {
        {1, 4}, {1, 2}, {32, 18}, {32, 20}, {0, 0}, {0, 0}, {32, 22}, {32, 24}, {32, 34}, {32, 36},
        {256, 84}, {256, 110}, {256, 144}, {256, 176}, {256, 210}, {256, 292}, {256, 66}, {256, 74}, {256, 98},
        {256, 50}, {32, 18}, {256, 110}, {256, 82}, {256, 136}, {1, 1}, {1, 2}, {1, 4}, {1, 8}, {1, 8},
        {256, 56}, {1, 2}, {0, 0}, {0, 0}, {0, 0}, {256, 54}, {256, 66}, {0, 0}, {0, 0}, {0, 0},
        {32, 17}, {64, 36}, {128, 18}, {64, 18},
    };

    /** The type with this id, if ggml can load it. */
    static Optional<GgmlType> of(long id) {
        if (id < 0 || id >= TABLE.length || TABLE[(int) id][0] == 0) {
            return Optional.empty();
        }
        int[] row = TABLE[(int) id];
        return Optional.of(new GgmlType((int) id, row[0], row[1]));
    }
}
