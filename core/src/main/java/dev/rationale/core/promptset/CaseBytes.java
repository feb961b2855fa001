// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The byte form of the cases of a {@link CaseList}: a byte saying whether the case is there, its id, its inputs
 * (each name as its number in a table of names, or written out), its expected answer and its choices. Numbers are
 * written seven bits a byte; a string as its length and kind, then its bytes.
 */
final class CaseBytes {
    private CaseBytes() {
    }

    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // By hand: the charset's encoder would replace a lone surrogate.
    static byte[] utf16(String text) {
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) (text.charAt(i) >>> 8);
            bytes[2 * i + 1] = (byte) text.charAt(i);
        }
        return bytes;
    }

    static String fromUtf8(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    static String fromUtf16(byte[] bytes, int offset, int length) {
        char[] chars = new char[length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((bytes[offset + 2 * i] & 0xFF) << 8 | bytes[offset + 2 * i + 1] & 0xFF);
        }
        return new String(chars);
    }

    /** Writes cases into a growing array, and input names into a table of their own. */
    static final class Writer {
        // Past this many distinct input names (a set whose cases each use their own) the rest are written out.
        private static final int MOST_NAMES = 4096;

        private final Map<String, Integer> nameNumbers = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private byte[] bytes = new byte[4096];
        private int length;

        int length() {
            return length;
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, length);
            length = 0;
            return taken;
        }

        /** The names so far, by number; grows as cases are written. */
        List<String> names() {
            return names;
        }

        /** The array cases are being written into, valid up to {@link #length}. */
        byte[] buffer() {
            return bytes;
        }

        void write(@Nullable TestCase testCase) {
            if (testCase == null) {
                writeByte(0);
                return;
            }
            writeByte(1);
            writeString(testCase.id());
            writeNumber(testCase.inputs().size());
            testCase.inputs().forEach((name, value) -> {
                writeName(name);
                writeString(value);
            });
            writeString(testCase.expected());
            writeNumber(testCase.choices().size());
            for (Choice choice : testCase.choices()) {
                writeChoice(choice);
            }
        }

        private void writeChoice(@Nullable Choice choice) {
            if (choice == null) {
                writeByte(0);
                return;
            }
            writeByte(choice.score() == null ? 1 : 2);
            writeString(choice.text());
            if (choice.score() != null) {
                long bits = Double.doubleToRawLongBits(choice.score());
                for (int shift = 56; shift >= 0; shift -= 8) {
                    writeByte((int) (bits >>> shift));
                }
            }
        }

        // 0 for a name written out after it, else its number in the table plus 1.
        private void writeName(@Nullable String name) {
            Integer number = name == null ? null : nameNumbers.get(name);
            if (number == null && name != null && nameNumbers.size() < MOST_NAMES) {
                number = names.size();
                nameNumbers.put(name, number);
                names.add(name);
            }
            if (number != null) {
                writeNumber(number + 1);
            } else {
                writeNumber(0);
                writeString(name);
            }
        }

        // 0 for null, else (length in bytes << 1 | 1 for UTF-16) + 1, then the bytes.
        private void writeString(@Nullable String text) {
            if (text == null) {
                writeNumber(0);
                return;
            }
            boolean utf8 = isWellFormed(text);
            byte[] encoded = utf8 ? utf8(text) : utf16(text);
            writeNumber(((long) encoded.length << 1 | (utf8 ? 0 : 1)) + 1);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, length, encoded.length);
            length += encoded.length;
        }

        // Seven bits a byte, low first; the high bit says another byte follows.
        private void writeNumber(long number) {
            long rest = number;
            while (rest >= 0x80) {
                writeByte((int) (rest & 0x7F | 0x80));
                rest >>>= 7;
            }
            writeByte((int) rest);
        }

        private void writeByte(int value) {
            ensure(1);
            bytes[length++] = (byte) value;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads one case back from where it starts in its chunk. */
    static final class Reader {
        private final byte[] bytes;
        private final List<String> names;
        private int position;

        Reader(byte[] bytes, int start, List<String> names) {
            this.bytes = bytes;
            this.position = start;
            this.names = names;
        }

        @Nullable TestCase testCase() {
            if (bytes[position++] == 0) {
                return null;
            }
            String id = readString();
            int inputCount = (int) readNumber();
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int i = 0; i < inputCount; i++) {
                String name = readName();
                inputs.put(name, readString());
            }
            String expected = readString();
            int choiceCount = (int) readNumber();
            List<Choice> choices = new ArrayList<>(choiceCount);
            for (int i = 0; i < choiceCount; i++) {
                choices.add(readChoice());
            }
            return new TestCase(id, inputs, expected, choices);
        }

        private @Nullable Choice readChoice() {
            int kind = bytes[position++];
            if (kind == 0) {
                return null;
            }
            String text = readString();
            Double score = null;
            if (kind == 2) {
                long bits = 0;
                for (int i = 0; i < Long.BYTES; i++) {
                    bits = bits << 8 | bytes[position++] & 0xFF;
                }
                score = Double.longBitsToDouble(bits);
            }
            return new Choice(text, score);
        }

        private @Nullable String readName() {
            int number = (int) readNumber();
            return number == 0 ? readString() : names.get(number - 1);
        }

        private @Nullable String readString() {
            long header = readNumber();
            if (header == 0) {
                return null;
            }
            int byteLength = (int) (header - 1 >>> 1);
            boolean utf16 = (header - 1 & 1) == 1;
            String text = utf16 ? fromUtf16(bytes, position, byteLength)
                    : fromUtf8(bytes, position, byteLength);
            position += byteLength;
            return text;
        }

        private long readNumber() {
            long number = 0;
            int shift = 0;
            while (true) {
                int next = bytes[position++];
                number |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    return number;
                }
                shift += 7;
            }
        }
    }
}
