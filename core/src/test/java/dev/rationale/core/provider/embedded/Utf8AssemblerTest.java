// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class Utf8AssemblerTest {

    @Test
    void bytesWaitUntilTheirCharacterIsComplete() {
        Utf8Assembler utf8 = new Utf8Assembler();

        assertThat(utf8.push(new byte[] {'a', (byte) 0xC3})).isEqualTo("a");
        assertThat(utf8.pending()).isTrue();
        assertThat(utf8.push(new byte[] {(byte) 0xA9, 'b'})).isEqualTo("éb");
        assertThat(utf8.pending()).isFalse();
    }

    @Test
    void bytesThatCanNeverFormACharacterBecomeReplacementCharactersAtOnce() {
        Utf8Assembler utf8 = new Utf8Assembler();

        assertThat(utf8.push(new byte[] {(byte) 0x80})).isEqualTo("\uFFFD");
        assertThat(utf8.push(new byte[] {(byte) 0xE2, 'x'})).isEqualTo("\uFFFDx");
        assertThat(utf8.push(new byte[] {(byte) 0xFF})).isEqualTo("\uFFFD");
    }

    @Test
    void theIncompleteTailCountsOnlyBytesMoreBytesCouldComplete() {
        assertThat(Utf8Assembler.incompleteTail(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x90})).isEqualTo(3);
        assertThat(Utf8Assembler.incompleteTail(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x90, (byte) 0xB6}))
                .isZero();
        assertThat(Utf8Assembler.incompleteTail(new byte[] {'a'})).isZero();
        assertThat(Utf8Assembler.incompleteTail(new byte[0])).isZero();
    }
}
