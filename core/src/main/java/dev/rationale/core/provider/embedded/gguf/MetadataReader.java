// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the metadata pairs of a GGUF file and checks each as it goes: the key (not empty, valid UTF-8, no NUL, at
 * most 65,535 bytes, not seen before), the type (one the format defines; arrays of arrays are not), and every length
 * and count against the bytes the file still holds, so a huge count is refused before anything is allocated.
 * Checks that need other keys (hyper-parameters, the vocabulary) come afterwards.
 */
final class MetadataReader {
    /** The format's bound on a key; llama.cpp itself allows more. */
    static final int MAX_KEY_BYTES = 65_535;
    /** Strings up to this length are kept for the checks; longer ones (chat templates at most) are only skipped. */
    private static final int KEPT_STRING = 4096;
    /** Numeric arrays up to this length are kept: per-layer lists (llama.cpp allows 512 layers). */
    private static final int KEPT_NUMBERS = 4096;
    private static final String TOKENS = "tokenizer.ggml.tokens";
    private static final String TOKEN_TYPES = "tokenizer.ggml.token_type";

    private final GgufInput in;
    private final TokenVocabulary vocabulary;

    MetadataReader(GgufInput in, TokenVocabulary vocabulary) {
        this.in = in;
        this.vocabulary = vocabulary;
    }

    Map<String, MetadataEntry> read(long count) {
        Map<String, MetadataEntry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            MetadataEntry entry = readEntry(i);
            if (entries.putIfAbsent(entry.key(), entry) != null) {
                throw in.fail(entry.location(), entry.offset(), "repeats key " + entries.get(entry.key()).index());
            }
        }
        return entries;
    }

    private MetadataEntry readEntry(int index) {
        in.at("metadata key " + index);
        long start = in.position();
        String key = key();
        in.rename("metadata key " + index + " (" + FileText.escaped(key) + ")");
        GgufType type = type("type");
        return type == GgufType.ARRAY ? readArray(index, start, key)
                : new MetadataEntry(index, start, key, type, null, 1, scalar(type), null);
    }

    private MetadataEntry readArray(int index, long start, String key) {
        GgufType elementType = type("array element type");
        if (elementType == GgufType.ARRAY) {
            throw in.fail("is an array of arrays, which llama.cpp cannot read");
        }
        long count = in.i64();
        if (count < 0 || count > GgufInput.MAX_LENGTH || count > in.remaining() / elementType.size()) {
            throw in.fail("has " + Long.toUnsignedString(count) + " elements, more than the file holds");
        }
        List<Number> numbers = null;
        if (key.equals(TOKENS) && elementType == GgufType.STRING) {
            vocabulary.readTokens(in, count);
        } else if (key.equals(TOKEN_TYPES) && elementType == GgufType.INT32) {
            vocabulary.readTokenTypes(in, count, index, start);
        } else if (elementType == GgufType.STRING) {
            for (long i = 0; i < count; i++) {
                in.skip(in.stringLength());
            }
        } else if (count <= KEPT_NUMBERS && elementType != GgufType.BOOL) {
            numbers = new ArrayList<>((int) count);
            for (int i = 0; i < count; i++) {
                numbers.add((Number) Objects.requireNonNull(scalar(elementType)));
            }
        } else {
            in.skip(count * elementType.size());
        }
        return new MetadataEntry(index, start, key, GgufType.ARRAY, elementType, count, null,
                numbers == null ? null : List.copyOf(numbers));
    }

    private String key() {
        long length = in.i64();
        if (length == 0) {
            throw in.fail("is empty");
        }
        if (length < 0 || length > MAX_KEY_BYTES || length > in.remaining()) {
            throw in.fail("has a name of " + Long.toUnsignedString(length) + " bytes; a key has 1 to "
                    + MAX_KEY_BYTES + " bytes and must fit in the file");
        }
        byte[] bytes = in.bytes((int) length);
        for (byte b : bytes) {
            if (b == 0) {
                throw in.fail("has a NUL byte in its name");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw in.fail("has a name that is not valid UTF-8");
        }
    }

    private GgufType type(String what) {
        long id = in.u32();
        return GgufType.of(id).orElseThrow(() -> in.fail("has an unknown " + what + " " + id));
    }

    private @Nullable Object scalar(GgufType type) {
        return switch (type) {
            case BOOL -> in.u8() != 0;
            case UINT8 -> (long) in.u8();
            case INT8 -> (long) (byte) in.u8();
            case UINT16 -> (long) (in.u8() | in.u8() << 8);
            case INT16 -> (long) (short) (in.u8() | in.u8() << 8);
            case UINT32 -> in.u32();
            case INT32 -> (long) in.i32();
            case INT64 -> in.i64();
            case UINT64 -> {
                long raw = in.i64();
                yield raw < 0 ? Long.MAX_VALUE : raw;
            }
            case FLOAT32 -> (double) in.f32();
            case FLOAT64 -> in.f64();
            case STRING -> string();
            case ARRAY -> throw new IllegalStateException("arrays are read by readEntry");
        };
    }

    private @Nullable String string() {
        long length = in.stringLength();
        if (length > KEPT_STRING) {
            in.skip(length); // no check reads a long string (a chat template at most), so its text is not kept
            return null;
        }
        return new String(in.bytes((int) length), StandardCharsets.UTF_8);
    }
}
