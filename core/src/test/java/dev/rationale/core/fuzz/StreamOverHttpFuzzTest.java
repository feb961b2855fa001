// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import dev.rationale.core.provider.CompletionProvider;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A smaller sample of {@link StreamFuzzTest}'s mutated streams, sent end to end over a socket by MockWebServer,
 * so that chunked transfer, the real response body and its Content-Type header take part too.
 */
class StreamOverHttpFuzzTest {
    private static final double WEIGHT = 0.05;
    private static final MockWebServer SERVER = new MockWebServer();

    @BeforeAll
    static void start() throws IOException {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @ParameterizedTest
    @MethodSource("dev.rationale.core.fuzz.StreamFuzzTest#cases")
    void aMutatedStreamOverHttpCompletesOrFailsInPlainWords(StreamCase stream) {
        String base = SERVER.url("/v1").toString();
        Fuzz.check(stream.name() + " stream over HTTP", WEIGHT, random -> {
            byte[] body = random.nextBoolean() ? Mutations.mutate(stream.body(), random, 8)
                    : StreamCase.join(StreamMutations.mutate(stream.blocks(), random, 4));
            MockResponse.Builder response = new MockResponse.Builder();
            if (random.nextInt(5) > 0) {
                response.setHeader("Content-Type", random.nextInt(4) == 0 ? "text/plain" : stream.contentType());
            }
            if (random.nextBoolean()) {
                response.chunkedBody(new Buffer().write(body), 1 + random.nextInt(64));
            } else {
                response.body(new Buffer().write(body));
            }
            SERVER.enqueue(response.build());
            CompletionProvider provider = stream.provider(base);
            StreamOutcome.run(provider, stream.request(), stream.name());
        });
    }
}
