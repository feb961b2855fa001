// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a completion row keeps in its {@code body} column, packed before it is compressed: the request as JSON,
 * the answer and reasoning texts, the scored tokens as binary arrays, usage and timings. Strings are UTF-8 with an
 * int length, numbers are fixed-width; nulls are bits in a presence byte. Compression then removes what this
 * layout repeats.
 */
final class CompletionBody {
    private static final int FORMAT = 1;
    private static final int NO_BYTES = 0;
    private static final int TEXT_BYTES = 1;
    private static final int RAW_BYTES = 2;

    /** The parts of a completion the body holds. */
    record Parts(String requestJson, String text, String reasoning, List<ScoredToken> tokens, @Nullable Usage usage,
            @Nullable Timings timings) {
    }

    private CompletionBody() {
    }

    static byte[] pack(Parts parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + parts.text().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeString(out, parts.requestJson());
            writeString(out, parts.text());
            writeString(out, parts.reasoning());
            writeUsage(out, parts.usage());
            writeTimings(out, parts.timings());
            out.writeInt(parts.tokens().size());
            for (ScoredToken token : parts.tokens()) {
                writeToken(out, token);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Parts unpack(byte[] packed) {
        Cursor in = new Cursor(packed, packed.length);
        String request = in.string();
        Result result = result(in);
        return new Parts(request, result.text(), result.reasoning(), result.tokens(), result.usage(),
                result.timings());
    }

    /** What a table of results needs from a body: all but the request. */
    record Result(String text, String reasoning, List<ScoredToken> tokens, @Nullable Usage usage,
            @Nullable Timings timings) {
    }

    /**
     * The body in the first {@code length} bytes of {@code packed} without its request, which is skipped unread:
     * the request is most of a body and the costliest part to turn into strings.
     */
    static Result unpackResult(byte[] packed, int length) {
        Cursor in = new Cursor(packed, length);
        in.skipString();
        return result(in);
    }

    /**
     * As {@link #unpackResult}, or null without reading the texts when the body has no scored tokens: a pass over
     * a run for its grades needs the texts only to weigh a scored answer.
     */
    static @Nullable Result unpackScored(byte[] packed, int length) {
        Cursor in = new Cursor(packed, length);
        in.skipString();
        int texts = in.position();
        in.skipString();
        in.skipString();
        skipPresent(in, Integer.BYTES);
        skipPresent(in, Double.BYTES);
        if (in.count() == 0) {
            return null;
        }
        in.moveTo(texts);
        return result(in);
    }

    // Usage or timings unread: a presence byte, then the values whose bits are set.
    private static void skipPresent(Cursor in, int width) {
        int mask = in.unsignedByte();
        in.skip(Integer.bitCount(mask & ~1) * width);
    }

    private static Result result(Cursor in) {
        String text = in.string();
        String reasoning = in.string();
        Usage usage = readUsage(in);
        Timings timings = readTimings(in);
        int count = in.count();
        List<ScoredToken> tokens = count == 0 ? List.of() : new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(readToken(in));
        }
        return new Result(text, reasoning, tokens, usage, timings);
    }

    private static void writeUsage(DataOutputStream out, @Nullable Usage usage) throws IOException {
        if (usage == null) {
            out.writeByte(0);
            return;
        }
        // The cached count came later: its bit is the fourth, so bodies written before it read as before.
        Integer[] values = {usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens(),
            usage.cachedTokens()};
        out.writeByte(1 | presence(values));
        for (Integer value : values) {
            if (value != null) {
                out.writeInt(value);
            }
        }
    }

    private static @Nullable Usage readUsage(Cursor in) {
        int mask = in.unsignedByte();
        if (mask == 0) {
            return null;
        }
        Integer[] values = new Integer[4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (mask & 2 << i) == 0 ? null : in.integer();
        }
        return new Usage(values[0], values[1], values[2], values[3]);
    }

    private static void writeTimings(DataOutputStream out, @Nullable Timings timings) throws IOException {
        if (timings == null) {
            out.writeByte(0);
            return;
        }
        Double[] values = {timings.firstTokenMillis(), timings.totalMillis(), timings.thinkingMillis()};
        out.writeByte(1 | presence(values));
        for (Double value : values) {
            if (value != null) {
                out.writeDouble(value);
            }
        }
    }

    private static @Nullable Timings readTimings(Cursor in) {
        int mask = in.unsignedByte();
        if (mask == 0) {
            return null;
        }
        Double[] values = new Double[3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (mask & 2 << i) == 0 ? null : in.decimal();
        }
        return new Timings(values[0], values[1], values[2]);
    }

    // Bit i + 1 is set when value i is present; bit 0 says the whole is.
    private static int presence(Object[] values) {
        int mask = 0;
        for (int i = 0; i < values.length; i++) {
            mask |= values[i] == null ? 0 : 2 << i;
        }
        return mask;
    }

    private static void writeToken(DataOutputStream out, ScoredToken token) throws IOException {
        writeString(out, token.text());
        writeLogprob(out, token.logprob());
        byte[] raw = new byte[token.bytes().size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (int) token.bytes().get(i);
        }
        // The bytes of most tokens are their text's UTF-8, not worth repeating; a token holding part of a
        // character keeps its own.
        if (raw.length == 0) {
            out.writeByte(NO_BYTES);
        } else if (Arrays.equals(raw, token.text().getBytes(StandardCharsets.UTF_8))) {
            out.writeByte(TEXT_BYTES);
        } else {
            out.writeByte(RAW_BYTES);
            out.writeInt(raw.length);
            out.write(raw);
        }
        out.writeInt(token.top().size());
        for (TokenAlternative alternative : token.top()) {
            writeString(out, alternative.text());
            writeLogprob(out, alternative.logprob());
        }
    }

    private static ScoredToken readToken(Cursor in) {
        String text = in.string();
        Double logprob = readLogprob(in);
        byte[] raw = switch (in.unsignedByte()) {
            case NO_BYTES -> new byte[0];
            case TEXT_BYTES -> text.getBytes(StandardCharsets.UTF_8);
            default -> in.bytes(in.count());
        };
        List<Integer> bytes = new ArrayList<>(raw.length);
        for (byte b : raw) {
            bytes.add(b & 0xFF);
        }
        int alternatives = in.count();
        List<TokenAlternative> top = new ArrayList<>(alternatives);
        for (int i = 0; i < alternatives; i++) {
            top.add(new TokenAlternative(in.string(), readLogprob(in)));
        }
        return new ScoredToken(text, bytes, logprob, top);
    }

    private static void writeLogprob(DataOutputStream out, @Nullable Double logprob) throws IOException {
        out.writeBoolean(logprob != null);
        if (logprob != null) {
            out.writeDouble(logprob);
        }
    }

    private static @Nullable Double readLogprob(Cursor in) {
        return in.unsignedByte() != 0 ? in.decimal() : null;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * Reads what {@link DataOutputStream} wrote (big-endian numbers, strings as an int length and UTF-8) straight
     * from the array: no stream, no copy of the body.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int at;

        Cursor(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
            if (end == 0 || bytes[0] != FORMAT) {
                throw new HistoryException("the history holds a completion in an unknown format ("
                        + (end == 0 ? "empty" : bytes[0] & 0xFF) + ")");
            }
            this.at = 1;
        }

        int unsignedByte() {
            need(1);
            return bytes[at++] & 0xFF;
        }

        int integer() {
            need(4);
            int value = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                    | bytes[at + 3] & 0xFF;
            at += 4;
            return value;
        }

        /** A length or a count, which cannot be negative. */
        int count() {
            int value = integer();
            if (value < 0) {
                throw cutShort();
            }
            return value;
        }

        double decimal() {
            long high = integer() & 0xFFFFFFFFL;
            long low = integer() & 0xFFFFFFFFL;
            return Double.longBitsToDouble(high << 32 | low);
        }

        String string() {
            int length = count();
            need(length);
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        void skipString() {
            skip(count());
        }

        void skip(int length) {
            need(length);
            at += length;
        }

        int position() {
            return at;
        }

        void moveTo(int position) {
            at = position;
        }

        byte[] bytes(int length) {
            need(length);
            byte[] copy = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return copy;
        }

        private void need(int length) {
            if (length > end - at) {
                throw cutShort();
            }
        }

        private static HistoryException cutShort() {
            return new HistoryException("the history holds a completion that cannot be read: it is cut short");
        }
    }
}
