// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/** Finds line breaks in a stream without buffering more than a line's limit; shared by the stream readers. */
final class StreamLines {

    private StreamLines() {
    }

    /**
     * The index of the next of {@code breaks} in {@code source}, reading as needed; -1 at the end of the stream.
     * Reads only what has arrived plus one more byte at a time, so a line that is complete returns at once.
     *
     * @throws ProviderException MALFORMED_REPLY once {@code maxBytes} bytes have come without a break
     */
    static long indexOfBreak(BufferedSource source, ByteString breaks, long maxBytes) throws IOException {
        long scanned = 0;
        while (true) {
            Buffer buffer = source.getBuffer();
            long at = buffer.indexOfElement(breaks, scanned);
            if (at >= 0) {
                if (at > maxBytes) {
                    throw tooLong("a line", maxBytes);
                }
                return at;
            }
            scanned = buffer.size();
            if (scanned > maxBytes) {
                throw tooLong("a line", maxBytes);
            }
            if (!source.request(scanned + 1)) {
                return -1;
            }
        }
    }

    /** @param what "a line" or "an event" */
    static ProviderException tooLong(String what, long maxBytes) {
        String size = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes";
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                "the stream has " + what + " longer than " + size + "; it was not read further");
    }
}
