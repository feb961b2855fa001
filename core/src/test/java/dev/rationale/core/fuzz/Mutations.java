// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a valid input, the way a fuzzer finds the inputs a hand-written test misses: flip,
 * delete, duplicate, insert interesting bytes, truncate, splice in a piece of another valid input.
 */
public final class Mutations {
    private static final List<byte[]> INTERESTING = List.of(
            new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0},
            "\n".getBytes(), "\r\n".getBytes(), "\"".getBytes(), ",".getBytes(), "{".getBytes(), "}".getBytes(),
            "[".getBytes(), "]".getBytes(), ":".getBytes(), "- ".getBytes(), "null".getBytes(), "-1".getBytes(),
            "1e999".getBytes(), "NaN".getBytes(), "{{#a}}".getBytes(), "{{/a}}".getBytes(), "&a".getBytes(),
            "*a".getBytes(), "!!binary".getBytes(), "\\u0000".getBytes(), "\uFEFF".getBytes());

    private Mutations() {
    }

    /** {@code original} with one to {@code maxEdits} random edits. */
    public static byte[] mutate(byte[] original, SplittableRandom random, int maxEdits) {
        byte[] data = original;
        int edits = 1 + random.nextInt(maxEdits);
        for (int i = 0; i < edits; i++) {
            data = edit(data, random);
        }
        return data;
    }

    private static byte[] edit(byte[] data, SplittableRandom random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        return switch (random.nextInt(6)) {
            case 0 -> {
                if (data.length == 0) {
                    yield data;
                }
                byte[] copy = data.clone();
                int index = Math.min(at, data.length - 1);
                copy[index] = (byte) (copy[index] ^ (1 << random.nextInt(8)));
                yield copy;
            }
            case 1 -> splice(data, at, Math.min(data.length, at + 1 + random.nextInt(16)), new byte[0]);
            case 2 -> splice(data, at, at, INTERESTING.get(random.nextInt(INTERESTING.size())));
            case 3 -> java.util.Arrays.copyOf(data, at);
            case 4 -> {
                int end = Math.min(data.length, at + 1 + random.nextInt(64));
                yield splice(data, at, at, java.util.Arrays.copyOfRange(data, at, end));
            }
            default -> {
                byte[] random3 = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < random3.length; i++) {
                    random3[i] = (byte) random.nextInt(256);
                }
                yield splice(data, at, at, random3);
            }
        };
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, from);
        out.write(insert, 0, insert.length);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }
}
