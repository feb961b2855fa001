// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
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

class OllamaStreamMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OllamaStreamMapper mapper = new OllamaStreamMapper();

    private List<CompletionEvent> feed(String... lines) {
        List<CompletionEvent> events = new ArrayList<>();
        for (String line : lines) {
            try {
                events.addAll(mapper.onLine(JSON.readTree(line)));
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }

    @Test
    void generateStreamBecomesTextDeltasThenUsageAndFinish() {
        List<CompletionEvent> events = feed(
                "{\"model\":\"qwen3:8b\",\"created_at\":\"2026-01-05T10:00:00Z\",\"response\":\" 4\",\"done\":false}",
                "{\"model\":\"qwen3:8b\",\"response\":\".\",\"done\":false}",
                "{\"model\":\"qwen3:8b\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2],"
                        + "\"total_duration\":5000000,\"prompt_eval_count\":9,\"prompt_eval_duration\":100,"
                        + "\"eval_count\":2,\"eval_duration\":200}");

        assertThat(events).containsExactly(new TextDelta(0, " 4"), new TextDelta(0, "."),
                new UsageReported(new Usage(9, 2, null)), new SampleFinished(0, FinishReason.STOP));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void chatStreamSplitsThinkingFromContent() {
        List<CompletionEvent> events = feed(
                "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Two plus two\"},\"done\":false}",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\" is four.\"},\"done\":false}",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"done\":false}",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                        + "\"prompt_eval_count\":12,\"eval_count\":7}");

        assertThat(events).containsExactly(new ReasoningDelta(0, "Two plus two"), new ReasoningDelta(0, " is four."),
                new TextDelta(0, "4"), new UsageReported(new Usage(12, 7, null)),
                new SampleFinished(0, FinishReason.STOP));
    }

    @Test
    void generateThinkingFieldBecomesReasoningBeforeTheAnswerOfTheSameLine() {
        List<CompletionEvent> events = feed("{\"response\":\"4\",\"thinking\":\"sum\",\"done\":false}");

        assertThat(events).containsExactly(new ReasoningDelta(0, "sum"), new TextDelta(0, "4"));
    }

    @Test
    void topLevelLogprobsBecomeScoredTokensWithAlternativesMostLikelyFirst() {
        List<CompletionEvent> events = feed("{\"message\":{\"role\":\"assistant\",\"content\":\" 4\"},"
                + "\"logprobs\":[{\"token\":\" 4\",\"logprob\":-0.02,\"bytes\":[32,52],\"top_logprobs\":["
                + "{\"token\":\" Four\",\"logprob\":-4.1,\"bytes\":[32,70,111,117,114]},"
                + "{\"token\":\" 4\",\"logprob\":-0.02,\"bytes\":[32,52]}]}],\"done\":false}");

        assertThat(events).containsExactly(new TextDelta(0, " 4"), new TokensScored(0, List.of(
                new ScoredToken(" 4", List.of(32, 52), -0.02,
                        List.of(new TokenAlternative(" 4", -0.02), new TokenAlternative(" Four", -4.1))))));
    }

    @Test
    void severalTokensOnOneLineStayInOrder() {
        List<CompletionEvent> events = feed("{\"response\":\"ab\",\"logprobs\":["
                + "{\"token\":\"a\",\"logprob\":-0.1,\"bytes\":[97],\"top_logprobs\":[]},"
                + "{\"token\":\"b\",\"logprob\":-0.2,\"bytes\":[98]}],\"done\":false}");

        TokensScored scored = (TokensScored) events.get(1);
        assertThat(scored.tokens()).extracting(ScoredToken::text).containsExactly("a", "b");
        assertThat(scored.tokens()).allSatisfy(token -> assertThat(token.top()).isEmpty());
    }

    @Test
    void partialUtf8TokenKeepsItsReplacementTextAndExactBytes() {
        // "é" is C3 A9; Ollama sends each half as its own token with a U+FFFD text.
        List<CompletionEvent> events = feed(
                "{\"response\":\"\uFFFD\",\"logprobs\":[{\"token\":\"\uFFFD\",\"logprob\":-0.5,\"bytes\":[195]}],"
                        + "\"done\":false}",
                "{\"response\":\"\uFFFD\",\"logprobs\":[{\"token\":\"\uFFFD\",\"logprob\":-0.01,\"bytes\":[169]}],"
                        + "\"done\":false}");

        assertThat(events).filteredOn(TokensScored.class::isInstance).map(e -> ((TokensScored) e).tokens().get(0))
                .containsExactly(new ScoredToken("\uFFFD", List.of(195), -0.5, List.of()),
                        new ScoredToken("\uFFFD", List.of(169), -0.01, List.of()));
    }

    @Test
    void tokenWithoutBytesHasNoBytes() {
        List<CompletionEvent> events = feed("{\"response\":\"x\",\"logprobs\":[{\"token\":\"x\",\"logprob\":-1.0}]}");

        assertThat(((TokensScored) events.get(1)).tokens().get(0).bytes()).isEmpty();
    }

    @Test
    void byteOutsideZeroTo255IsAMalformedReply() {
        assertThatThrownBy(() -> feed("{\"logprobs\":[{\"token\":\"x\",\"logprob\":-1.0,\"bytes\":[256]}]}"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
    }

    @ParameterizedTest
    @CsvSource({"stop, STOP", "length, LENGTH", "load, OTHER", "unload, OTHER"})
    void doneReasonMapsToFinishReason(String doneReason, FinishReason expected) {
        List<CompletionEvent> events = feed("{\"response\":\"\",\"done\":true,\"done_reason\":\"" + doneReason + "\"}");

        assertThat(events).last().isEqualTo(new SampleFinished(0, expected));
    }

    @Test
    void doneWithoutReasonOrCountsStillFinishes() {
        List<CompletionEvent> events = feed("{\"response\":\"\",\"done\":true}");

        assertThat(events).containsExactly(new UsageReported(new Usage(null, null, null)),
                new SampleFinished(0, FinishReason.OTHER));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void errorLineThrowsServerErrorNamingOllama() {
        feed("{\"response\":\" 4\",\"done\":false}");

        assertThatThrownBy(() -> feed("{\"error\":\"an error was encountered while running the model\"}"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Ollama: an error was encountered while running the model");
                });
        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void streamEndingBeforeDoneIsNotFinished() {
        feed("{\"response\":\" 4\",\"done\":false}", "{\"response\":\".\",\"done\":false}");

        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void emptyLinesProduceNoEvents() {
        assertThat(feed("{\"model\":\"m\",\"response\":\"\",\"done\":false}",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":false}")).isEmpty();
    }

    @Test
    void lineThatIsNotAnObjectIsAMalformedReply() {
        assertThatThrownBy(() -> feed("[1,2]")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY));
    }
}
