// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable list of test cases kept as bytes: each case is encoded when added and decoded into a new
 * {@link TestCase} by every {@link #get}. A set can hold hundreds of thousands of cases, and an evaluation keeps
 * its set for the whole run: as records, strings and maps a short case cost about 320 bytes, here about 45.
 * Cases go into chunks of {@value #CASES_PER_CHUNK}, each one byte array, so the list grows without copying what
 * it holds. Null elements are kept, as the validator must see them. Thread-safe once built.
 *
 * <p>A case's strings are kept as UTF-8, or as UTF-16 when they hold a lone surrogate (which UTF-8 cannot), so a
 * decoded case equals the one added. Input names repeat from case to case and are kept once.
 */
public final class CaseList extends AbstractList<TestCase> implements RandomAccess {
    static final int CASES_PER_CHUNK = 1024;

    private final byte[][] chunks;
    // Where each case of a chunk starts in its array; the entry after the last case is the array's used length.
    private final int[][] starts;
    private final List<String> names;
    private final int size;

    private CaseList(byte[][] chunks, int[][] starts, List<String> names, int size) {
        this.chunks = chunks;
        this.starts = starts;
        this.names = names;
        this.size = size;
    }

    /** {@code cases} itself when it is a case list, else a case list of its cases. */
    public static CaseList copyOf(List<TestCase> cases) {
        if (cases instanceof CaseList list) {
            return list;
        }
        Builder builder = new Builder();
        cases.forEach(builder::add);
        return builder.build();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public @Nullable TestCase get(int index) {
        Objects.checkIndex(index, size);
        int chunk = index / CASES_PER_CHUNK;
        return new CaseBytes.Reader(chunks[chunk], starts[chunk][index % CASES_PER_CHUNK], names).testCase();
    }

    /** Adds cases one by one; {@link #build} once. Not thread-safe. */
    public static final class Builder {
        private final List<byte[]> chunks = new ArrayList<>();
        private final List<int[]> starts = new ArrayList<>();
        private final CaseBytes.Writer encoder = new CaseBytes.Writer();
        private int[] chunkStarts = new int[CASES_PER_CHUNK + 1];
        private int inChunk;
        private int size;

        public Builder add(@Nullable TestCase testCase) {
            chunkStarts[inChunk] = encoder.length();
            encoder.write(testCase);
            inChunk++;
            size++;
            if (inChunk == CASES_PER_CHUNK) {
                seal();
            }
            return this;
        }

        public int size() {
            return size;
        }

        /** The case added at {@code index}, as {@link CaseList#get} will give it. */
        public @Nullable TestCase get(int index) {
            Objects.checkIndex(index, size);
            int chunk = index / CASES_PER_CHUNK;
            int at = index % CASES_PER_CHUNK;
            return chunk < chunks.size()
                    ? new CaseBytes.Reader(chunks.get(chunk), starts.get(chunk)[at], encoder.names()).testCase()
                    : new CaseBytes.Reader(encoder.buffer(), chunkStarts[at], encoder.names()).testCase();
        }

        public CaseList build() {
            if (inChunk > 0) {
                seal();
            }
            return new CaseList(chunks.toArray(byte[][]::new), starts.toArray(int[][]::new),
                    List.copyOf(encoder.names()), size);
        }

        private void seal() {
            chunkStarts[inChunk] = encoder.length();
            chunks.add(encoder.take());
            starts.add(inChunk == CASES_PER_CHUNK ? chunkStarts : Arrays.copyOf(chunkStarts, inChunk + 1));
            chunkStarts = new int[CASES_PER_CHUNK + 1];
            inChunk = 0;
        }
    }
}
