// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(packed))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new HistoryException("the history holds a completion in an unknown format (" + format + ")");
            }
            String request = readString(in);
            String text = readString(in);
            String reasoning = readString(in);
            Usage usage = readUsage(in);
            Timings timings = readTimings(in);
            int count = in.readInt();
            List<ScoredToken> tokens = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tokens.add(readToken(in));
            }
            return new Parts(request, text, reasoning, tokens, usage, timings);
        } catch (IOException e) {
            throw new HistoryException("the history holds a completion that cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeUsage(DataOutputStream out, @Nullable Usage usage) throws IOException {
        if (usage == null) {
            out.writeByte(0);
            return;
        }
        Integer[] values = {usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens()};
        out.writeByte(1 | presence(values));
        for (Integer value : values) {
            if (value != null) {
                out.writeInt(value);
            }
        }
    }

    private static @Nullable Usage readUsage(DataInputStream in) throws IOException {
        int mask = in.readUnsignedByte();
        if (mask == 0) {
            return null;
        }
        Integer[] values = new Integer[3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (mask & 2 << i) == 0 ? null : in.readInt();
        }
        return new Usage(values[0], values[1], values[2]);
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

    private static @Nullable Timings readTimings(DataInputStream in) throws IOException {
        int mask = in.readUnsignedByte();
        if (mask == 0) {
            return null;
        }
        Double[] values = new Double[3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (mask & 2 << i) == 0 ? null : in.readDouble();
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

    private static ScoredToken readToken(DataInputStream in) throws IOException {
        String text = readString(in);
        Double logprob = readLogprob(in);
        byte[] raw = switch (in.readUnsignedByte()) {
            case NO_BYTES -> new byte[0];
            case TEXT_BYTES -> text.getBytes(StandardCharsets.UTF_8);
            default -> in.readNBytes(in.readInt());
        };
        List<Integer> bytes = new ArrayList<>(raw.length);
        for (byte b : raw) {
            bytes.add(b & 0xFF);
        }
        int alternatives = in.readInt();
        List<TokenAlternative> top = new ArrayList<>(alternatives);
        for (int i = 0; i < alternatives; i++) {
            top.add(new TokenAlternative(readString(in), readLogprob(in)));
        }
        return new ScoredToken(text, bytes, logprob, top);
    }

    private static void writeLogprob(DataOutputStream out, @Nullable Double logprob) throws IOException {
        out.writeBoolean(logprob != null);
        if (logprob != null) {
            out.writeDouble(logprob);
        }
    }

    private static @Nullable Double readLogprob(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new IOException("a string is cut short");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
