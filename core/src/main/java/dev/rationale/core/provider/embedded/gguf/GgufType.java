// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.util.Optional;

/** The value types of GGUF metadata, by their id in the file, with the size of a value (0 when it varies). */
enum GgufType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1), STRING(0), ARRAY(0),
    UINT64(8), INT64(8), FLOAT64(8);

    private final int size;

    GgufType(int size) {
        this.size = size;
    }

    /** The type with this id; empty for an id the format does not define. */
    static Optional<GgufType> of(long id) {
        GgufType[] all = values();
        return id >= 0 && id < all.length ? Optional.of(all[(int) id]) : Optional.empty();
    }

    /** Bytes of one value; for a string, its length prefix (the least it can take). */
    int size() {
        return this == STRING ? Long.BYTES : size;
    }

    boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64 && this != BOOL && this != STRING && this != ARRAY;
    }

    boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
