// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over every streaming protocol's reader, fed through the real provider without a socket
 * ({@link CannedHttp}): a mutated stream ends as a completion or a {@link dev.rationale.core.provider
 * .ProviderException} in plain words, never another exception; parsing time is linear in the stream's length.
 */
class StreamFuzzTest {
    /** Never resolved: {@link CannedHttp} answers before a connection is made. */
    private static final String CANNED_BASE = "http://canned.invalid/v1";

    static List<StreamCase> cases() {
        return StreamCases.all();
    }

    private static CompletionResult feed(StreamCase stream, byte[] body, String contentType)
            throws InterruptedException {
        CompletionProvider provider = stream.provider(CANNED_BASE);
        CannedHttp.serve(body, contentType);
        return StreamOutcome.run(provider, stream.request(), stream.name());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theRecordedStreamCompletes(StreamCase stream) throws Exception {
        CompletionResult result = feed(stream, stream.body(), stream.contentType());
        assertThat(result.failure()).as("failure").isNull();
        assertThat(result.first().text()).isNotEmpty();
        assertThat(result.notices()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aStreamWithMutatedBytesCompletesOrFailsInPlainWords(StreamCase stream) {
        byte[] valid = stream.body();
        Fuzz.check(stream.name() + " stream bytes", random ->
                feed(stream, Mutations.mutate(valid, random, 8), stream.contentType()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aStreamWithMutatedEventsCompletesOrFailsInPlainWords(StreamCase stream) {
        Fuzz.check(stream.name() + " stream events", random -> feed(stream,
                StreamCase.join(StreamMutations.mutate(stream.blocks(), random, 4)), contentType(stream, random)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parsingTimeIsLinearInTheStreamsLength(StreamCase stream) {
        Scaling.assertLinear(stream.name() + " stream", 200, n -> StreamCase.join(stream.withLength(n)), body -> {
            try {
                CompletionResult result = feed(stream, body, stream.contentType());
                assertThat(result.failure()).isNull();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Mostly the right type; sometimes a wrong one or none, which must only add a notice. */
    private static String contentType(StreamCase stream, SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> "text/html; charset=utf-8";
            case 1 -> "application/json";
            default -> stream.contentType();
        };
    }
}
