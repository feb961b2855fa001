// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Canned bodies of a {@code /v1/messages} stream: named events, each an {@code event:} line, a {@code data:} line
 * and a blank line. Payloads are written with single quotes for readability; they become double quotes.
 */
final class AnthropicSse {

    private AnthropicSse() {
    }

    /** One named event. */
    static String event(String name, String payload) {
        return "event: " + name + "\ndata: " + payload.replace('\'', '"') + "\n\n";
    }

    static String messageStart(int inputTokens) {
        return event("message_start", "{'type':'message_start','message':{'id':'msg_01','type':'message',"
                + "'role':'assistant','model':'claude-sonnet-4-5','content':[],'stop_reason':null,"
                + "'usage':{'input_tokens':" + inputTokens + ",'output_tokens':1}}}");
    }

    static String thinkingBlockStart(int index) {
        return event("content_block_start", "{'type':'content_block_start','index':" + index
                + ",'content_block':{'type':'thinking','thinking':'','signature':''}}");
    }

    static String textBlockStart(int index) {
        return event("content_block_start", "{'type':'content_block_start','index':" + index
                + ",'content_block':{'type':'text','text':''}}");
    }

    static String thinkingDelta(int index, String thinking) {
        return event("content_block_delta", "{'type':'content_block_delta','index':" + index
                + ",'delta':{'type':'thinking_delta','thinking':'" + thinking + "'}}");
    }

    static String signatureDelta(int index, String signature) {
        return event("content_block_delta", "{'type':'content_block_delta','index':" + index
                + ",'delta':{'type':'signature_delta','signature':'" + signature + "'}}");
    }

    static String textDelta(int index, String text) {
        return event("content_block_delta", "{'type':'content_block_delta','index':" + index
                + ",'delta':{'type':'text_delta','text':'" + text + "'}}");
    }

    static String blockStop(int index) {
        return event("content_block_stop", "{'type':'content_block_stop','index':" + index + "}");
    }

    static String ping() {
        return event("ping", "{'type':'ping'}");
    }

    static String messageDelta(String stopReason, int outputTokens) {
        return event("message_delta", "{'type':'message_delta','delta':{'stop_reason':'" + stopReason
                + "','stop_sequence':null},'usage':{'output_tokens':" + outputTokens + "}}");
    }

    static String messageStop() {
        return event("message_stop", "{'type':'message_stop'}");
    }

    /** A whole reply of one text block, {@code text}, ending {@code end_turn}. */
    static String textReply(String text) {
        return messageStart(10) + textBlockStart(0) + textDelta(0, text) + blockStop(0) + messageDelta("end_turn", 3)
                + messageStop();
    }

    static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    /**
     * {@code delivered}, then a long comment in the middle of which the server applies {@code effect} (MockWebServer
     * triggers body effects halfway through the body), then text the client must never see.
     */
    static MockResponse breakingAfter(String delivered, SocketEffect effect) {
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + textDelta(0, "NEVER") + messageStop())
                .onResponseBody(effect).build();
    }

    /** A JSON error body as the API sends it with a non-2xx status. */
    static String errorBody(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
    }
}
