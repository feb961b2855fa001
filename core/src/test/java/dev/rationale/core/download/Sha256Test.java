// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sha256Test {
    private static final String HASH = "0123456789abcdef".repeat(4);

    private static Response answer(String header, String value) {
        return new Response.Builder().request(new Request.Builder().url("https://example.org/f.gguf").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK").header(header, value).build();
    }

    @Test
    void normalizesCaseAndSpaces() {
        assertThat(Sha256.normalize("  " + HASH.toUpperCase() + "\n")).isEqualTo(HASH);
    }

    @Test
    void refusesWhatIsNotSixtyFourHexDigits() {
        assertThatThrownBy(() -> Sha256.normalize(HASH.substring(1) + "g"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"X-Linked-Etag", "ETag"})
    void aQuotedOrBareHashInEitherHeaderIsStated(String header) {
        assertThat(Sha256.statedBy(answer(header, "\"" + HASH.toUpperCase() + "\""))).isEqualTo(HASH);
        assertThat(Sha256.statedBy(answer(header, HASH))).isEqualTo(HASH);
    }

    @ParameterizedTest
    @CsvSource({"'W/\"" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + "\"'",
        "'\"d41d8cd98f00b204e9800998ecf8427e\"'", "'\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"'", "'\"\"'"})
    void weakTagsAndOtherDigestsStateNothing(String etag) {
        assertThat(Sha256.statedBy(answer("ETag", etag))).isNull();
    }
}
