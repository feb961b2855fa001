// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.TokenAlternative;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How tokens are shown: alternatives' texts and tokens' bytes as the provider API carries them. */
final class TokenTexts {

    private TokenTexts() {
    }

    /**
     * The text of an alternative, which stands alone (no neighbours complete it): its UTF-8 text, a control
     * token's name such as {@code </s>}, or for bytes that are no complete character their SentencePiece names,
     * e.g. {@code <0xE2>}.
     */
    static String alternative(LlamaModel model, int token) {
        byte[] bytes = model.displayBytes(token);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder names = new StringBuilder();
            for (byte b : bytes) {
                names.append(String.format("<0x%02X>", b & 0xFF));
            }
            return names.toString();
        }
    }

    /** The {@code k} most likely tokens of {@code distribution} as alternatives, most likely first. */
    static List<TokenAlternative> alternatives(LlamaModel model, TokenDistribution distribution, int[] ids) {
        List<TokenAlternative> top = new ArrayList<>(ids.length);
        for (int id : ids) {
            top.add(new TokenAlternative(alternative(model, id), distribution.logprob(id)));
        }
        return top;
    }

    /** Bytes as the API carries them: each 0..255. */
    static List<Integer> unsigned(byte[] bytes) {
        List<Integer> values = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            values.add(b & 0xFF);
        }
        return values;
    }

    static List<Integer> boxed(int[] ids) {
        List<Integer> values = new ArrayList<>(ids.length);
        for (int id : ids) {
            values.add(id);
        }
        return values;
    }
}
