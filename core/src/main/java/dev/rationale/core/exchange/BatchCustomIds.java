// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.eval.CompletionKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code custom_id} of a batch request: {@code SLUG-HASH-SAMPLE}, e.g. {@code add_cot_c12-3fa2b1c4d5-0}.
 * At most {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_-]}, the strictest limit the batch APIs set
 * (Anthropic's pattern; OpenAI's is looser), however long the ids in the set.
 *
 * <p>The hash (first 40 bits of SHA-256 over the set's name, task, variant, case and sample) is what maps an output
 * line back: the importer recomputes the id of every completion the set can have and matches whole ids. The slug
 * (task, variant and case, cut to fit) and the sample number are there for people reading the file.
 */
public final class BatchCustomIds {
    static final int MAX_LENGTH = 64;
    /** Hex digits of the hash: 40 bits. */
    static final int HASH_HEX = 10;

    private BatchCustomIds() {
    }

    /** The id of the completion {@code key} of the set named {@code setName} (empty for a set without a name). */
    public static String of(String setName, CompletionKey key) {
        String hash = hash(setName, key);
        String sample = String.valueOf(key.sample());
        int room = MAX_LENGTH - hash.length() - sample.length() - 2;
        String slug = slug(key.task() + "_" + key.variant() + "_" + key.testCase());
        return slug.substring(0, Math.min(room, slug.length())) + "-" + hash + "-" + sample;
    }

    /**
     * The hash of a custom id, as a number: what {@link BatchIds} looks ids up by before it compares them whole;
     * -1 when {@code customId} has no hash where ours have it.
     */
    static long hash(String customId) {
        int sample = customId.lastIndexOf('-');
        int hash = sample < 0 ? -1 : customId.lastIndexOf('-', sample - 1);
        if (hash < 0 || sample - hash - 1 != HASH_HEX) {
            return -1;
        }
        try {
            return Long.parseLong(customId, hash + 1, sample, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String hash(String setName, CompletionKey key) {
        String joined = String.join("\u0000", setName, key.task(), key.variant(), key.testCase(),
                String.valueOf(key.sample()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
