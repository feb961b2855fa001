// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import java.util.Arrays;

/**
 * Where each token of a heat map starts and ends in its text, to find the token under a character. Appending is
 * amortised constant time; lookup is a binary search. Not thread-safe.
 */
final class TokenOffsets {

    private int[] ends = new int[256];
    private int count;

    void clear() {
        count = 0;
    }

    /** Adds a token of {@code length} characters after the last one. */
    void add(int length) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count] = end() + length;
        count++;
    }

    int size() {
        return count;
    }

    /** The end of the last token: the text's length. */
    int end() {
        return count == 0 ? 0 : ends[count - 1];
    }

    int start(int token) {
        return token == 0 ? 0 : ends[token - 1];
    }

    int end(int token) {
        return ends[token];
    }

    /**
     * The token holding character {@code offset}, or -1 when the offset lies past the last token. An empty token
     * (one whose bytes completed no character) holds nothing, so the token after it is found.
     */
    int tokenAt(int offset) {
        if (offset < 0 || offset >= end()) {
            return -1;
        }
        int low = 0;
        int high = count - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
