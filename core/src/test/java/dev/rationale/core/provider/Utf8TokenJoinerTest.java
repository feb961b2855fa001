// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8TokenJoinerTest {

    private final Utf8TokenJoiner joiner = new Utf8TokenJoiner();

    @Test
    void givesWholeTokensTheirOwnText() {
        assertThat(joiner.next(List.of(32, 80, 97, 114, 105, 115), "?")).isEqualTo(" Paris");
        assertThat(joiner.hasCarriedBytes()).isFalse();
    }

    @Test
    void givesASplitCharacterToTheTokenThatCompletesIt() {
        // "é" is C3 A9; "🎉" is F0 9F 8E 89.
        assertThat(joiner.next(List.of(0x43, 0x61, 0x66, 0xC3), "Caf\uFFFD")).isEqualTo("Caf");
        assertThat(joiner.hasCarriedBytes()).isTrue();
        assertThat(joiner.next(List.of(0xA9, 0x20, 0xF0, 0x9F), "\uFFFD")).isEqualTo("é ");
        assertThat(joiner.next(List.of(0x8E), "")).isEmpty();
        assertThat(joiner.next(List.of(0x89, 0x21), "\uFFFD!")).isEqualTo("🎉!");
        assertThat(joiner.hasCarriedBytes()).isFalse();
    }

    @Test
    void usesTheSentTextWhenNoBytesCame() {
        assertThat(joiner.next(List.of(), " hello")).isEqualTo(" hello");
    }

    @Test
    void turnsCarriedBytesIntoAReplacementWhenATokenWithoutBytesFollows() {
        joiner.next(List.of(0xE6, 0x97), "");

        assertThat(joiner.next(List.of(), "x")).isEqualTo("\uFFFDx");
    }

    @Test
    void decodesMalformedBytesAsReplacementCharacters() {
        assertThat(joiner.next(List.of(0xFF, 0x41), "")).isEqualTo("\uFFFDA");
    }

    @Test
    void keepsTheBytesOfAJoinedTokenExact() {
        ScoredToken half = new ScoredToken("\uFFFD", List.of(0xE6, 0x97), -0.5, List.of());

        ScoredToken joined = joiner.join(half);

        assertThat(joined.text()).isEmpty();
        assertThat(joined.bytes()).containsExactly(0xE6, 0x97);
        assertThat(joined.logprob()).isEqualTo(-0.5);
        assertThat(joiner.join(new ScoredToken("\uFFFD", List.of(0xA5), -0.1, List.of())).text()).isEqualTo("日");
    }

    @Test
    void rendersAStandaloneTokenFromWholeBytesOrElseItsSentText() {
        assertThat(Utf8TokenJoiner.textOf(List.of(0xC3, 0xA9), "?")).isEqualTo("é");
        assertThat(Utf8TokenJoiner.textOf(List.of(0xC3), "\uFFFD")).isEqualTo("\uFFFD");
        assertThat(Utf8TokenJoiner.textOf(List.of(), "plain")).isEqualTo("plain");
    }
}
