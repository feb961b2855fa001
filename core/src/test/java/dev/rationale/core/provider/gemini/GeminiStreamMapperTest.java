// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiStreamMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();


    private GeminiStreamMapper mapper = new GeminiStreamMapper(1);

    private List<CompletionEvent> feed(String... chunks) {
        List<CompletionEvent> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.addAll(mapper.onData(chunk.replace('\'', '"')));
        }
        return events;
    }

    private static ScoredToken token(String text, double logprob, TokenAlternative... top) {
        return new ScoredToken(text, List.of(), logprob, List.of(top));
    }

    @Test
    void textChunksThenFinishReasonAndUsageOnTheLastChunk() {
        List<CompletionEvent> events = feed(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'Par'}]},'index':0}],"
                        + "'usageMetadata':{'promptTokenCount':12,'totalTokenCount':12}}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'is'}]},'finishReason':'STOP'}],"
                        + "'usageMetadata':{'promptTokenCount':12,'candidatesTokenCount':2,'totalTokenCount':14},"
                        + "'modelVersion':'gemini-2.5-flash'}");

        assertThat(events).containsExactly(new TextDelta(0, "Par"), new TextDelta(0, "is"),
                new UsageReported(new Usage(12, 2, null)), new SampleFinished(0, FinishReason.STOP));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void thoughtPartsBecomeReasoningAndThoughtTokensCountAsCompletion() {
        List<CompletionEvent> events = feed(
                "{'candidates':[{'content':{'role':'model','parts':[{'text':'The user wants','thought':true}]}}]}",
                "{'candidates':[{'content':{'role':'model','parts':[{'text':' a capital.','thought':true},"
                        + "{'text':'Paris','thoughtSignature':'CiQB'}]},'finishReason':'STOP'}],"
                        + "'usageMetadata':{'promptTokenCount':12,'candidatesTokenCount':1,'thoughtsTokenCount':96,"
                        + "'totalTokenCount':109}}");

        assertThat(events).containsExactly(new ReasoningDelta(0, "The user wants"),
                new ReasoningDelta(0, " a capital."), new TextDelta(0, "Paris"),
                new UsageReported(new Usage(12, 97, 96)), new SampleFinished(0, FinishReason.STOP));
    }

    @Test
    void theCachedShareOfThePromptIsCountedApart() {
        List<CompletionEvent> events = feed("{'candidates':[{'content':{'parts':[{'text':'Paris'}]},"
                + "'finishReason':'STOP'}],'usageMetadata':{'promptTokenCount':4200,'cachedContentTokenCount':4096,"
                + "'candidatesTokenCount':1,'totalTokenCount':4201}}");

        assertThat(events).contains(new UsageReported(new Usage(4200, 1, null, 4096)));
    }

    @Test
    void logprobsBecomeScoredTokensWithTopCandidatesMostLikelyFirst() {
        List<CompletionEvent> events = feed("{'candidates':[{'content':{'parts':[{'text':'Paris is'}]},"
                + "'logprobsResult':{'topCandidates':["
                + "{'candidates':[{'token':'Paris','tokenId':12345,'logProbability':-0.01},"
                + "{'token':'Lyon','tokenId':23456,'logProbability':-5.3}]},"
                + "{'candidates':[{'token':' was','logProbability':-0.7},{'token':' has','logProbability':-0.9}]}],"
                + "'chosenCandidates':[{'token':'Paris','tokenId':12345,'logProbability':-0.01},"
                + "{'token':' is','logProbability':-2.5}],'logProbabilitySum':-2.51}}]}");

        assertThat(events).containsExactly(new TextDelta(0, "Paris is"), new TokensScored(0, List.of(
                token("Paris", -0.01, new TokenAlternative("Paris", -0.01), new TokenAlternative("Lyon", -5.3)),
                token(" is", -2.5, new TokenAlternative(" was", -0.7), new TokenAlternative(" has", -0.9)))));
    }

    @Test
    void logProbabilityLeftOutByProto3MeansCertain() {
        List<CompletionEvent> events = feed("{'candidates':[{'logprobsResult':{"
                + "'topCandidates':[{'candidates':[{'token':'.'},{'token':'!','logProbability':-9.5}]}],"
                + "'chosenCandidates':[{'token':'.'}]}}]}");

        assertThat(events).containsExactly(new TokensScored(0, List.of(
                token(".", 0.0, new TokenAlternative(".", 0.0), new TokenAlternative("!", -9.5)))));
    }

    @Test
    void unsortedTopCandidatesAreSortedMostLikelyFirst() {
        List<CompletionEvent> events = feed("{'candidates':[{'logprobsResult':{"
                + "'topCandidates':[{'candidates':[{'token':'b','logProbability':-3},"
                + "{'token':'a','logProbability':-1}]}],'chosenCandidates':[{'token':'b','logProbability':-3}]}}]}");

        assertThat(((TokensScored) events.getFirst()).tokens().getFirst().top())
                .containsExactly(new TokenAlternative("a", -1.0), new TokenAlternative("b", -3.0));
    }

    @Test
    void twoCandidatesMapToTwoSamplesAndFinishOnlyWhenBothHaveEnded() {
        mapper = new GeminiStreamMapper(2);

        List<CompletionEvent> first = feed("{'candidates':["
                + "{'content':{'role':'model','parts':[{'text':'Paris'}]},'finishReason':'STOP'},"
                + "{'content':{'role':'model','parts':[{'text':'It is'}]},'index':1}],"
                + "'usageMetadata':{'promptTokenCount':12,'candidatesTokenCount':3}}");
        boolean finishedAfterFirst = mapper.finished();
        List<CompletionEvent> second = feed("{'candidates':[{'content':{'role':'model','parts':[{'text':' Paris'}]},"
                + "'finishReason':'MAX_TOKENS','index':1}],"
                + "'usageMetadata':{'promptTokenCount':12,'candidatesTokenCount':4}}");

        assertThat(first).containsExactly(new TextDelta(0, "Paris"), new TextDelta(1, "It is"),
                new SampleFinished(0, FinishReason.STOP));
        assertThat(finishedAfterFirst).isFalse();
        assertThat(second).containsExactly(new TextDelta(1, " Paris"), new UsageReported(new Usage(12, 4, null)),
                new SampleFinished(1, FinishReason.LENGTH));
        assertThat(mapper.finished()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "STOP, STOP",
        "MAX_TOKENS, LENGTH",
        "SAFETY, CONTENT_FILTER",
        "RECITATION, CONTENT_FILTER",
        "BLOCKLIST, CONTENT_FILTER",
        "PROHIBITED_CONTENT, CONTENT_FILTER",
        "SPII, CONTENT_FILTER",
        "LANGUAGE, OTHER",
        "MALFORMED_FUNCTION_CALL, OTHER",
        "OTHER, OTHER",
        "SOMETHING_NEW, OTHER"
    })
    void finishReasonsMapToOurs(String wire, FinishReason expected) {
        List<CompletionEvent> events = feed("{'candidates':[{'finishReason':'" + wire + "'}]}");

        assertThat(events).containsExactly(new SampleFinished(0, expected));
    }

    @Test
    void usageIsSentOnceWithTheLastValuesSeen() {
        List<CompletionEvent> events = feed(
                "{'candidates':[{'content':{'parts':[{'text':'a'}]}}],'usageMetadata':{'promptTokenCount':5}}",
                "{'candidates':[{'content':{'parts':[{'text':'b'}]}}],"
                        + "'usageMetadata':{'promptTokenCount':5,'candidatesTokenCount':2}}",
                "{'candidates':[{'finishReason':'STOP'}],'usageMetadata':{'promptTokenCount':5,"
                        + "'candidatesTokenCount':3}}",
                "{'usageMetadata':{'promptTokenCount':5,'candidatesTokenCount':3}}");

        assertThat(events).filteredOn(UsageReported.class::isInstance)
                .containsExactly(new UsageReported(new Usage(5, 3, null)));
    }

    @Test
    void usageArrivingAfterTheLastFinishReasonIsStillSent() {
        List<CompletionEvent> events = feed("{'candidates':[{'finishReason':'STOP'}]}",
                "{'usageMetadata':{'promptTokenCount':5,'candidatesTokenCount':3}}");

        assertThat(events).containsExactly(new SampleFinished(0, FinishReason.STOP),
                new UsageReported(new Usage(5, 3, null)));
    }

    @Test
    void blockedPromptEndsEverySampleAsFilteredWithANotice() {
        mapper = new GeminiStreamMapper(2);

        List<CompletionEvent> events = feed("{'promptFeedback':{'blockReason':'SAFETY'},"
                + "'usageMetadata':{'promptTokenCount':8,'totalTokenCount':8}}");

        assertThat(events).containsExactly(new Notice("Gemini blocked the prompt (SAFETY)"),
                new UsageReported(new Usage(8, null, null)), new SampleFinished(0, FinishReason.CONTENT_FILTER),
                new SampleFinished(1, FinishReason.CONTENT_FILTER));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void errorObjectThrowsMappedException() {
        String chunk = "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"37s\"}]}}";

        assertThatThrownBy(() -> mapper.onData(chunk)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage())
                    .isEqualTo("Gemini HTTP 429 RESOURCE_EXHAUSTED: Resource has been exhausted (retry in 37s)");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_ARGUMENT, INVALID_REQUEST",
        "400, FAILED_PRECONDITION, INVALID_REQUEST",
        "401, UNAUTHENTICATED, AUTHENTICATION",
        "403, PERMISSION_DENIED, AUTHENTICATION",
        "404, NOT_FOUND, MODEL_NOT_FOUND",
        "429, RESOURCE_EXHAUSTED, RATE_LIMITED",
        "500, INTERNAL, SERVER_ERROR",
        "503, UNAVAILABLE, SERVER_ERROR",
        "504, DEADLINE_EXCEEDED, TIMEOUT",
        "503, '', SERVER_ERROR",
        "404, '', MODEL_NOT_FOUND"
    })
    void errorStatusesMapToKinds(int code, String status, Kind expected) {
        String chunk = "{\"error\":{\"code\":" + code + ",\"message\":\"m\",\"status\":\"" + status + "\"}}";

        assertThatThrownBy(() -> mapper.onData(chunk))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(expected));
    }

    @Test
    void invalidKeyIsAnAuthenticationFailureAndArrayWrappedBodiesAreRead() throws JsonProcessingException {
        String body = "[{'error':{'code':400,'message':'API key not valid.','status':'INVALID_ARGUMENT',"
                + "'details':[{'@type':'type.googleapis.com/google.rpc.ErrorInfo','reason':'API_KEY_INVALID'}]}}]";
        ProviderException e = GeminiErrors.fromBody(JSON.readTree(body.replace('\'', '"')), null);

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).isEqualTo("Gemini HTTP 400 INVALID_ARGUMENT: API key not valid.");
    }

    @Test
    void eofBeforeAFinishReasonLeavesTheStreamUnfinished() {
        List<CompletionEvent> events = feed("{'candidates':[{'content':{'parts':[{'text':'Par'}]}}],"
                + "'usageMetadata':{'promptTokenCount':12}}");

        assertThat(events).containsExactly(new TextDelta(0, "Par"));
        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void contentAfterACandidateFinishedIsIgnored() {
        List<CompletionEvent> events = feed("{'candidates':[{'finishReason':'STOP'}]}",
                "{'candidates':[{'content':{'parts':[{'text':'late'}]},'finishReason':'STOP'}]}");

        assertThat(events).containsExactly(new SampleFinished(0, FinishReason.STOP));
    }

    @Test
    void dataThatIsNotAJsonObjectIsMalformed() {
        assertThatThrownBy(() -> mapper.onData("{\"candidates\":")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_REPLY));
        assertThatThrownBy(() -> mapper.onData("[DONE]")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_REPLY));
    }
}
