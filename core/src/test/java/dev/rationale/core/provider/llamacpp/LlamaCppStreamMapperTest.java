// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlamaCppStreamMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOP_EOS = "{\"content\":\"\",\"stop\":true,\"model\":\"qwen3-8b\","
            + "\"tokens_predicted\":2,\"tokens_evaluated\":9,\"stop_type\":\"eos\",\"stopping_word\":\"\","
            + "\"truncated\":false,"
            + "\"timings\":{\"prompt_n\":9,\"predicted_n\":2,\"cache_n\":0}}";

    private LlamaCppStreamMapper mapper = new LlamaCppStreamMapper(5);

    private List<CompletionEvent> feed(String... payloads) {
        List<CompletionEvent> events = new ArrayList<>();
        for (String payload : payloads) {
            try {
                events.addAll(mapper.onData(JSON.readTree(payload)));
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }

    private List<ScoredToken> scored(List<CompletionEvent> events) {
        return events.stream().filter(TokensScored.class::isInstance)
                .flatMap(e -> ((TokensScored) e).tokens().stream()).toList();
    }

    @Test
    void contentBecomesTextDeltasAndTheStopEventEndsTheSample() {
        List<CompletionEvent> events = feed("{\"index\":0,\"content\":\" \",\"tokens\":[220],\"stop\":false}",
                "{\"index\":0,\"content\":\"4\",\"tokens\":[19],\"stop\":false}", STOP_EOS);

        assertThat(events).containsExactly(new TextDelta(0, " "), new TextDelta(0, "4"),
                new UsageReported(new Usage(9, 2, null)), new SampleFinished(0, FinishReason.STOP));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void newerProbabilitiesBecomeScoredTokensWithAlternativesMostLikelyFirst() {
        List<CompletionEvent> events = feed("{\"content\":\" 4\",\"stop\":false,\"completion_probabilities\":["
                + "{\"id\":19,\"token\":\" 4\",\"bytes\":[32,52],\"logprob\":-0.31,\"top_logprobs\":["
                + "{\"id\":220,\"token\":\" \",\"bytes\":[32],\"logprob\":-1.4},"
                + "{\"id\":19,\"token\":\" 4\",\"bytes\":[32,52],\"logprob\":-0.31}]}]}");

        assertThat(events).containsExactly(new TextDelta(0, " 4"), new TokensScored(0, List.of(
                new ScoredToken(" 4", List.of(32, 52), -0.31,
                        List.of(new TokenAlternative(" 4", -0.31), new TokenAlternative(" ", -1.4))))));
    }

    @Test
    void chosenTokenMissingFromItsAlternativesKeepsItsOwnLogprob() {
        List<ScoredToken> tokens = scored(feed("{\"content\":\"z\",\"completion_probabilities\":["
                + "{\"id\":89,\"token\":\"z\",\"bytes\":[122],\"logprob\":-7.5,\"top_logprobs\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"logprob\":-0.1}]}]}"));

        assertThat(tokens).containsExactly(
                new ScoredToken("z", List.of(122), -7.5, List.of(new TokenAlternative("a", -0.1))));
    }

    @Test
    void alternativesAreTrimmedToWhatWasAskedFor() {
        mapper = new LlamaCppStreamMapper(0);

        List<ScoredToken> tokens = scored(feed("{\"content\":\"a\",\"completion_probabilities\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"logprob\":-0.1,\"top_logprobs\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"logprob\":-0.1}]}]}"));

        assertThat(tokens).containsExactly(new ScoredToken("a", List.of(97), -0.1, List.of()));
    }

    @Test
    void mostNegativeFloatPlaceholderBecomesUnknown() {
        List<ScoredToken> tokens = scored(feed("{\"content\":\"q\",\"completion_probabilities\":["
                + "{\"id\":80,\"token\":\"q\",\"bytes\":[113],\"logprob\":-3.4028234663852886e+38,\"top_logprobs\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"logprob\":0.0},"
                + "{\"id\":80,\"token\":\"q\",\"bytes\":[113],\"logprob\":-3.4028234663852886e+38}]}]}"));

        assertThat(tokens).containsExactly(new ScoredToken("q", List.of(113), null,
                List.of(new TokenAlternative("a", 0.0), new TokenAlternative("q", null))));
    }

    @Test
    void partialUtf8TokenKeepsItsCutTextAndExactBytes() {
        // "é" is C3 A9 split over two tokens; the server cuts the incomplete tail off "token", leaving "".
        List<CompletionEvent> events = feed(
                "{\"content\":\"\",\"completion_probabilities\":[{\"id\":1,\"token\":\"\",\"bytes\":[195],"
                        + "\"logprob\":-0.5,\"top_logprobs\":[]}]}",
                "{\"content\":\"é\",\"completion_probabilities\":[{\"id\":2,\"token\":\"é\",\"bytes\":[169],"
                        + "\"logprob\":-0.01,\"top_logprobs\":[]}]}");

        assertThat(scored(events)).containsExactly(new ScoredToken("", List.of(195), -0.5, List.of()),
                new ScoredToken("é", List.of(169), -0.01, List.of()));
        assertThat(events).filteredOn(TextDelta.class::isInstance).containsExactly(new TextDelta(0, "é"));
    }

    @Test
    void olderProbabilitiesAreConvertedToLogsAndZeroBecomesUnknown() {
        List<ScoredToken> tokens = scored(feed("{\"content\":\" 4\",\"stop\":false,\"completion_probabilities\":["
                + "{\"content\":\" 4\",\"probs\":[{\"tok_str\":\" 4\",\"prob\":0.5},{\"tok_str\":\" four\",\"prob\":0},"
                + "{\"tok_str\":\" 5\",\"prob\":0.25}]}]}"));

        assertThat(tokens).hasSize(1);
        ScoredToken token = tokens.get(0);
        assertThat(token.text()).isEqualTo(" 4");
        assertThat(token.bytes()).isEmpty();
        assertThat(token.logprob()).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(token.top()).extracting(TokenAlternative::text).containsExactly(" 4", " 5", " four");
        assertThat(token.top().get(1).logprob()).isCloseTo(Math.log(0.25), within(1e-12));
        assertThat(token.top().get(2).logprob()).isNull();
    }

    @Test
    void olderChosenTokenMissingFromItsAlternativesHasUnknownLogprob() {
        List<ScoredToken> tokens = scored(feed("{\"content\":\"z\",\"completion_probabilities\":["
                + "{\"content\":\"z\",\"probs\":[{\"tok_str\":\"a\",\"prob\":0.9}]}]}"));

        assertThat(tokens.get(0).logprob()).isNull();
        assertThat(tokens.get(0).top()).extracting(TokenAlternative::text).containsExactly("a");
    }

    @Test
    void postSamplingShapeIsConvertedToLogsToo() {
        List<ScoredToken> tokens = scored(feed("{\"content\":\"a\",\"completion_probabilities\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"prob\":1.0,\"top_probs\":["
                + "{\"id\":64,\"token\":\"a\",\"bytes\":[97],\"prob\":1.0},"
                + "{\"id\":65,\"token\":\"b\",\"prob\":0.0}]}]}"));

        assertThat(tokens).containsExactly(new ScoredToken("a", List.of(97), 0.0,
                List.of(new TokenAlternative("a", 0.0), new TokenAlternative("b", null))));
    }

    @Test
    void probabilitiesRepeatedOnTheFinalEventAreNotScoredTwice() {
        String token = "{\"content\":\" 4\",\"probs\":[{\"tok_str\":\" 4\",\"prob\":0.93}]}";
        List<CompletionEvent> events = feed("{\"content\":\" 4\",\"stop\":false,\"completion_probabilities\":[" + token
                + "]}", "{\"content\":\"\",\"stop\":true,\"stopped_eos\":true,\"tokens_predicted\":1,"
                + "\"tokens_evaluated\":5,\"completion_probabilities\":[" + token + "]}");

        assertThat(scored(events)).hasSize(1);
        assertThat(events).last().isEqualTo(new SampleFinished(0, FinishReason.STOP));
    }

    @ParameterizedTest
    @CsvSource({"eos, STOP", "word, STOP_SEQUENCE", "limit, LENGTH", "none, OTHER"})
    void stopTypeMapsToFinishReason(String stopType, FinishReason expected) {
        List<CompletionEvent> events = feed("{\"content\":\"\",\"stop\":true,\"stop_type\":\"" + stopType
                + "\"}");

        assertThat(events).last().isEqualTo(new SampleFinished(0, expected));
    }

    @ParameterizedTest
    @CsvSource({"stopped_eos, STOP", "stopped_word, STOP_SEQUENCE", "stopped_limit, LENGTH"})
    void olderStopFlagsMapToFinishReason(String flag, FinishReason expected) {
        List<CompletionEvent> events = feed("{\"content\":\"\",\"stop\":true,\"" + flag + "\":true,"
                + "\"tokens_predicted\":3,\"tokens_evaluated\":4}");

        assertThat(events).containsExactly(new UsageReported(new Usage(4, 3, null)), new SampleFinished(0, expected));
    }

    @Test
    void errorPayloadThrowsServerErrorWithTheServersMessage() {
        feed("{\"content\":\" 4\",\"stop\":false}");

        assertThatThrownBy(() -> feed("{\"error\":{\"code\":500,\"message\":\"context shift is disabled\","
                + "\"type\":\"server_error\"}}")).isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
                    assertThat(e.getMessage()).isEqualTo("llama.cpp: context shift is disabled");
                });
        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void errorFromAnOlderErrorFieldReadsATextToo() {
        assertThat(LlamaCppStreamMapper.error(TextNode.valueOf("slot unavailable")).getMessage())
                .isEqualTo("llama.cpp: slot unavailable");
    }

    @Test
    void streamEndingBeforeTheStopEventIsNotFinished() {
        feed("{\"content\":\" \",\"stop\":false}", "{\"content\":\"4\",\"stop\":false}");

        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void malformedBytesAreAMalformedReply() {
        assertThatThrownBy(() -> feed("{\"completion_probabilities\":[{\"token\":\"a\",\"bytes\":\"YQ==\","
                + "\"logprob\":-1}]}")).isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
    }
}
