// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicStreamMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnthropicStreamMapper mapper = new AnthropicStreamMapper();

    /** Feeds {@code event, data} pairs. */
    private List<CompletionEvent> feed(String... eventThenData) {
        List<CompletionEvent> events = new ArrayList<>();
        for (int i = 0; i < eventThenData.length; i += 2) {
            events.addAll(mapper.onEvent(eventThenData[i], eventThenData[i + 1].replace('\'', '"')));
        }
        return events;
    }

    private static String[] stopWith(String stopReason) {
        return new String[] {
            "message_start", "{'type':'message_start','message':{'id':'msg_01','content':[],'stop_reason':null,"
                    + "'usage':{'input_tokens':18,'output_tokens':1}}}",
            "content_block_start", "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}",
            "content_block_delta",
            "{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'391'}}",
            "content_block_stop", "{'type':'content_block_stop','index':0}",
            "message_delta", "{'type':'message_delta','delta':{'stop_reason':'" + stopReason + "',"
                    + "'stop_sequence':null},'usage':{'output_tokens':5}}",
            "message_stop", "{'type':'message_stop'}"};
    }

    @Test
    void thinkingAndTextBlocksBecomeReasoningThenTextThenUsageAndStop() {
        List<CompletionEvent> events = feed(
                "message_start", "{'type':'message_start','message':{'id':'msg_01','content':[],'stop_reason':null,"
                        + "'usage':{'input_tokens':18,'output_tokens':1}}}",
                "content_block_start", "{'type':'content_block_start','index':0,"
                        + "'content_block':{'type':'thinking','thinking':'','signature':''}}",
                "ping", "{'type':'ping'}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'thinking_delta','thinking':'17*23 = '}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'thinking_delta','thinking':'340 + 51'}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'signature_delta','signature':'EqQB'}}",
                "content_block_stop", "{'type':'content_block_stop','index':0}",
                "content_block_start", "{'type':'content_block_start','index':1,"
                        + "'content_block':{'type':'text','text':''}}",
                "content_block_delta", "{'type':'content_block_delta','index':1,"
                        + "'delta':{'type':'text_delta','text':'39'}}",
                "content_block_delta", "{'type':'content_block_delta','index':1,"
                        + "'delta':{'type':'text_delta','text':'1'}}",
                "content_block_stop", "{'type':'content_block_stop','index':1}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},"
                        + "'usage':{'output_tokens':212}}",
                "message_stop", "{'type':'message_stop'}");

        assertThat(events).containsExactly(new ReasoningDelta(0, "17*23 = "), new ReasoningDelta(0, "340 + 51"),
                new TextDelta(0, "39"), new TextDelta(0, "1"), new UsageReported(new Usage(18, 212, null)),
                new SampleFinished(0, FinishReason.STOP));
        assertThat(mapper.finished()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn, STOP",
        "stop_sequence, STOP_SEQUENCE",
        "max_tokens, LENGTH",
        "refusal, CONTENT_FILTER",
        "tool_use, OTHER",
        "pause_turn, OTHER",
        "something_new, OTHER"
    })
    void stopReasonsMapToFinishReasons(String stopReason, FinishReason expected) {
        List<CompletionEvent> events = feed(stopWith(stopReason));

        assertThat(events.getLast()).isEqualTo(new SampleFinished(0, expected));
    }

    @Test
    void cacheReadsAndWritesJoinThePromptCountWithTheReadsAsItsCachedShare() {
        List<CompletionEvent> events = feed(
                "message_start", "{'type':'message_start','message':{'usage':{'input_tokens':18,"
                        + "'cache_creation_input_tokens':100,'cache_read_input_tokens':2000,'output_tokens':1}}}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn'},"
                        + "'usage':{'output_tokens':40}}",
                "message_stop", "{'type':'message_stop'}");

        assertThat(events).contains(new UsageReported(new Usage(2118, 40, null, 2000)));
    }

    @Test
    void usageTakesLatestCumulativeCounts() {
        List<CompletionEvent> events = feed(
                "message_start", "{'type':'message_start','message':{'usage':{'input_tokens':18,'output_tokens':1}}}",
                "message_delta", "{'type':'message_delta','delta':{},'usage':{'output_tokens':40}}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'max_tokens'},"
                        + "'usage':{'input_tokens':20,'output_tokens':64}}",
                "message_stop", "{'type':'message_stop'}");

        assertThat(events).containsExactly(new UsageReported(new Usage(20, 64, null)),
                new SampleFinished(0, FinishReason.LENGTH));
    }

    @Test
    void messageStopWithoutStopReasonFinishesAsOther() {
        List<CompletionEvent> events = feed("message_stop", "{'type':'message_stop'}");

        assertThat(events).containsExactly(new UsageReported(new Usage(null, null, null)),
                new SampleFinished(0, FinishReason.OTHER));
    }

    @Test
    void missingEventNameFallsBackToPayloadType() {
        List<CompletionEvent> events = new ArrayList<>();
        events.addAll(mapper.onEvent(null,
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}"));
        events.addAll(mapper.onEvent("", "{\"type\":\"message_stop\"}"));

        assertThat(events).startsWith(new TextDelta(0, "hi"));
        assertThat(mapper.finished()).isTrue();
    }

    @Test
    void pingsUnknownEventsAndOtherDeltaTypesAreIgnored() {
        List<CompletionEvent> events = feed(
                "ping", "{'type':'ping'}",
                "content_block_start", "{'type':'content_block_start','index':0,"
                        + "'content_block':{'type':'tool_use','id':'t1','name':'calc','input':{}}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'input_json_delta','partial_json':'{\\'a\\''}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'citations_delta','citation':{}}}",
                "content_block_start", "{'type':'content_block_start','index':1,"
                        + "'content_block':{'type':'redacted_thinking','data':'xyz'}}",
                "brand_new_event", "{'type':'brand_new_event','payload':1}");

        assertThat(events).isEmpty();
        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void blockStartCarryingTextPassesItOn() {
        List<CompletionEvent> events = feed("content_block_start",
                "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':'Hel'}}");

        assertThat(events).containsExactly(new TextDelta(0, "Hel"));
    }

    @Test
    void overloadedErrorEventThrowsRetriableServerError() {
        feed("message_start", "{'type':'message_start','message':{'usage':{'input_tokens':3}}}");

        assertThatThrownBy(() -> mapper.onEvent("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.status()).isNull();
                    assertThat(e.getMessage()).isEqualTo("Anthropic: Overloaded (overloaded_error)");
                });
    }

    @ParameterizedTest
    @CsvSource({
        "invalid_request_error, INVALID_REQUEST",
        "authentication_error, AUTHENTICATION",
        "permission_error, AUTHENTICATION",
        "not_found_error, MODEL_NOT_FOUND",
        "request_too_large, INVALID_REQUEST",
        "rate_limit_error, RATE_LIMITED",
        "api_error, SERVER_ERROR",
        "overloaded_error, SERVER_ERROR",
        "timeout_error, TIMEOUT",
        "unheard_of_error, SERVER_ERROR"
    })
    void errorTypesMapToKinds(String type, Kind expected) {
        String data = "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"m\"}}";

        assertThatThrownBy(() -> mapper.onEvent("error", data))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(expected));
    }

    @Test
    void reachedSpendLimitIsNotRetriable() {
        String data = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"limit\","
                + "\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}";

        assertThatThrownBy(() -> mapper.onEvent("error", data))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse());
    }

    @Test
    void httpErrorBodyKeepsItsStatus() {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", "authentication_error").put("message", "invalid x-api-key");

        ProviderException e = AnthropicErrors.fromBody(body, 401);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e.getMessage()).isEqualTo("Anthropic HTTP 401: invalid x-api-key (authentication_error)");
    }

    @Test
    void streamCutBeforeMessageStopIsNotFinished() {
        List<CompletionEvent> events = feed(
                "message_start", "{'type':'message_start','message':{'usage':{'input_tokens':18}}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'text_delta','text':'39'}}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn'},"
                        + "'usage':{'output_tokens':2}}");

        assertThat(events).containsExactly(new TextDelta(0, "39"));
        assertThat(mapper.finished()).isFalse();
    }

    @Test
    void eventsAfterMessageStopAreIgnored() {
        feed(stopWith("end_turn"));

        assertThat(feed("content_block_delta", "{'type':'content_block_delta','index':0,"
                + "'delta':{'type':'text_delta','text':'late'}}")).isEmpty();
    }

    @Test
    void dataThatIsNotAJsonObjectIsMalformed() {
        assertThatThrownBy(() -> mapper.onEvent("message_start", "not json"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_REPLY));
        assertThatThrownBy(() -> mapper.onEvent("message_start", "[1]"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_REPLY));
    }
}
