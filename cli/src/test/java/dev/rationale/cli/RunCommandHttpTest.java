// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code rationale run} and {@code rationale models} end to end over HTTP: the command line in-process, each
 * provider's real client, a MockWebServer speaking the provider's wire format. Canned JSON is written with single
 * quotes for readability; they become double quotes, so texts in it avoid apostrophes. The command's own HTTP
 * client retries with real sleeps, so no reply here asks for a wait.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCommandHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NL = System.lineSeparator();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // --- openai: chat completions ---

    @Test
    void openAiChatJsonHasTheTextTheScoredTokensAndASplitCharacterRebuiltFromItsBytes() throws Exception {
        server.enqueue(sse(done(
                "{'id':'c1','object':'chat.completion.chunk','choices':[{'index':0,"
                        + "'delta':{'role':'assistant','content':''},'finish_reason':null}]}",
                chatToken("Caf", "Caf", -0.25, "[67,97,102]", "{'token':'Caf','logprob':-0.25,'bytes':[67,97,102]},"
                        + "{'token':'Ca','logprob':-1.75,'bytes':[67,97]}"),
                // "é" is C3 A9: the server cuts it over two tokens and puts U+FFFD in their texts.
                chatToken("", "\\ufffd", -0.5, "[195]", "{'token':'e','logprob':-1.5,'bytes':[101]},"
                        + "{'token':'\\ufffd','logprob':-0.5,'bytes':[195]}"),
                chatToken("é", "\\ufffd", -0.125, "[169]", "{'token':'\\ufffd','logprob':-0.125,'bytes':[169]},"
                        + "{'token':'!','logprob':-3.0,'bytes':[33]}"),
                "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':12,'completion_tokens':3,'total_tokens':15,"
                        + "'completion_tokens_details':{'reasoning_tokens':0}}}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "gpt-test", "--prompt", "Say café", "--max-tokens", "16", "--temperature", "0",
                "--seed", "7", "--top-logprobs", "2", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("text", "reasoning", "tokens", "finishReason", "usage",
                "timings", "prompt");
        // The prompt as sent: a plain prompt is one user message for a chat backend, with nothing adapted.
        assertThat(json.get("prompt").toString())
                .isEqualTo("{\"shape\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Say café\"}]}");
        assertThat(json.get("text").asText()).isEqualTo("Café");
        assertThat(json.get("reasoning").asText()).isEmpty();
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        JsonNode tokens = json.get("tokens");
        assertThat(tokens).hasSize(3);
        assertThat(texts(tokens)).containsExactly("Caf", "", "é");
        assertThat(tokens.get(0).get("bytes").toString()).isEqualTo("[67,97,102]");
        assertThat(tokens.get(1).get("bytes").toString()).isEqualTo("[195]");
        assertThat(tokens.get(2).get("bytes").toString()).isEqualTo("[169]");
        assertThat(tokens.get(0).get("logprob").asDouble()).isEqualTo(-0.25);
        assertThat(tokens.get(1).get("logprob").asDouble()).isEqualTo(-0.5);
        assertThat(tokens.get(2).get("logprob").asDouble()).isEqualTo(-0.125);
        JsonNode top = tokens.get(0).get("top");
        assertThat(texts(top)).containsExactly("Caf", "Ca");
        assertThat(top.get(0).get("logprob").asDouble()).isEqualTo(-0.25);
        assertThat(top.get(1).get("logprob").asDouble()).isEqualTo(-1.75);
        // Most likely first, whatever order the server sent.
        assertThat(tokens.get(1).get("top").get(0).get("logprob").asDouble()).isEqualTo(-0.5);
        assertThat(tokens.get(2).get("top").get(1).get("text").asText()).isEqualTo("!");
        assertThat(json.get("usage").get("promptTokens").asInt()).isEqualTo(12);
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(3);
        assertThat(json.get("timings").get("totalMillis").isNumber()).isTrue();
        assertThat(json.get("timings").get("firstTokenMillis").isNumber()).isTrue();

        RecordedRequest sent = taken();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        // Not api.openai.com: no key is looked up, none is sent.
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = body(sent);
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Say café\"}]");
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
    }

    @Test
    void withoutJsonTheAnswerStreamsToStdoutAndTheReasoningToStderr() throws Exception {
        server.enqueue(sse(done(
                "{'choices':[{'index':0,'delta':{'reasoning_content':'Greet back.'}}]}",
                "{'choices':[{'index':0,'delta':{'content':'Hello'}}]}",
                "{'choices':[{'index':0,'delta':{'content':', world'}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Hello, world" + NL);
        assertThat(run.err()).isEqualTo("Greet back.");
    }

    // --- openai-text: legacy completions ---

    @Test
    void openAiTextWithEchoGivesThePromptTokensApartAndAnAnswerWithoutThePrompt() throws Exception {
        String prompt = "Q: 2+2?\nA:";
        server.enqueue(sse(done(
                // The echo: the prompt's text and tokens (offsets inside the prompt), the first token unscored.
                "{'choices':[{'index':0,'text':'Q: 2+2?\\nA:','logprobs':{'tokens':['Q:',' 2+2?','\\nA:'],"
                        + "'token_logprobs':[null,-3.5,-1.25],'top_logprobs':[null,{' 2+2?':-3.5},{'\\nA:':-1.25}],"
                        + "'text_offset':[0,2,7]},'finish_reason':null}]}",
                "{'choices':[{'index':0,'text':' 4','logprobs':{'tokens':[' 4'],'token_logprobs':[-0.0625],"
                        + "'top_logprobs':[{' Four':-4.0,' 4':-0.0625}],'text_offset':[10]},'finish_reason':'stop'}]}",
                "{'choices':[],'usage':{'prompt_tokens':5,'completion_tokens':1,'total_tokens':6}}")));

        CliRun run = CliRun.of("run", "--provider", "openai-text", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", prompt, "--max-tokens", "2", "--top-logprobs", "1", "--echo-logprobs",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("text").asText()).isEqualTo(" 4");
        assertThat(json.has("promptTokens")).isTrue();
        JsonNode promptTokens = json.get("promptTokens");
        assertThat(texts(promptTokens)).containsExactly("Q:", " 2+2?", "\nA:");
        assertThat(promptTokens.get(0).get("logprob").isNull()).isTrue();
        assertThat(promptTokens.get(1).get("logprob").asDouble()).isEqualTo(-3.5);
        assertThat(texts(json.get("tokens"))).containsExactly(" 4");
        JsonNode top = json.get("tokens").get(0).get("top");
        assertThat(top).hasSize(1);
        assertThat(top.get(0).get("text").asText()).isEqualTo(" 4");
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        assertThat(json.get("usage").get("promptTokens").asInt()).isEqualTo(5);

        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/completions");
        JsonNode body = body(sent);
        assertThat(body.get("prompt").asText()).isEqualTo(prompt);
        assertThat(body.get("echo").asBoolean()).isTrue();
        assertThat(body.get("logprobs").isInt()).isTrue();
        assertThat(body.get("logprobs").asInt()).isEqualTo(1);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void promptTokensAreLeftOutOfTheJsonWithoutEchoLogprobs() throws Exception {
        server.enqueue(sse(done("{'choices':[{'index':0,'text':' 4','finish_reason':'stop'}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai-text", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Q: 2+2?\nA:", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.has("promptTokens")).isFalse();
        assertThat(json.get("tokens")).isEmpty();
        assertThat(body(taken()).has("echo")).isFalse();
    }

    // --- ollama ---

    @Test
    void ollamaSendsATextVariantRawToGenerateForABaseModelAndSplitsTheThinkBlockOut() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(ollamaShow(BASE_TEMPLATE));
        server.enqueue(ndjson(
                "{'model':'qwen3:0.6b','response':'<think>','done':false}",
                "{'model':'qwen3:0.6b','response':'\\nPriya 14, dad 23.','done':false}",
                "{'model':'qwen3:0.6b','response':' 14 + 23 = 37.\\n</thi','done':false}",
                "{'model':'qwen3:0.6b','response':'nk>\\n\\nThe answer is 37.','done':false}",
                "{'model':'qwen3:0.6b','response':'','done':true,'done_reason':'stop','prompt_eval_count':40,"
                        + "'eval_count':20}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "qwen3:0.6b", "--set", set, "--variant", "zero-shot", "--case", "1",
                "--max-tokens", "64", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("reasoning").asText()).isEqualTo("\nPriya 14, dad 23. 14 + 23 = 37.\n");
        assertThat(json.get("text").asText()).isEqualTo("\n\nThe answer is 37.");
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        assertThat(json.get("usage").get("promptTokens").asInt()).isEqualTo(40);
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(20);
        // Sent as written: no note.
        assertThat(run.err()).isEmpty();

        RecordedRequest show = taken();
        assertThat(show.getUrl().encodedPath()).isEqualTo("/api/show");
        assertThat(body(show).get("model").asText()).isEqualTo("qwen3:0.6b");
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/generate");
        JsonNode body = body(sent);
        assertThat(body.get("raw").asBoolean()).isTrue();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("model").asText()).isEqualTo("qwen3:0.6b");
        assertThat(body.get("options").get("num_predict").asInt()).isEqualTo(64);
        // Byte for byte what `render` shows for the same case.
        assertThat(body.get("prompt").asText()).isEqualTo(rendered(set, "--variant", "zero-shot", "--case", "1")
                .get("prompt").asText());
    }

    @Test
    void aSetsDefaultsAndItsVariantsSettingsApplyUnderTheOptionsGiven() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(ollamaShow(BASE_TEMPLATE));
        server.enqueue(ndjson("{'model':'m','response':'The answer is 4.','done':true,'done_reason':'stop'}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "m", "--set", set, "--variant", "self-consistency", "--seed", "9", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        taken();
        JsonNode options = body(taken()).get("options");
        // The set's defaults (256 tokens, stop at the next question), the variant's temperature, the option's seed.
        assertThat(options.get("num_predict").asInt()).isEqualTo(256);
        assertThat(options.get("stop").toString()).isEqualTo("[\"\\n\\nQ:\"]");
        assertThat(options.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(options.get("seed").asLong()).isEqualTo(9);
    }

    @Test
    void ollamaTakesAPlainPromptAsOneUserMessageOnChatForAModelWithAChatTemplate() throws Exception {
        server.enqueue(ollamaShow(CHAT_TEMPLATE));
        server.enqueue(ndjson(
                "{'message':{'role':'assistant','content':'','thinking':'Simple sum.'},'done':false}",
                "{'message':{'role':'assistant','content':'4'},'done':false}",
                "{'message':{'role':'assistant','content':''},'done':true,'done_reason':'stop',"
                        + "'prompt_eval_count':9,'eval_count':6}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "qwen3:0.6b", "--prompt", "What is 2+2?", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("text").asText()).isEqualTo("4");
        assertThat(json.get("reasoning").asText()).isEqualTo("Simple sum.");
        assertThat(run.err()).isEmpty();

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/show");
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/chat");
        JsonNode body = body(sent);
        assertThat(body.get("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]");
        assertThat(body.has("raw")).isFalse();
    }

    // --- llamacpp ---

    @Test
    void llamaCppCompletionProbabilitiesBecomeTokensInTheJson() throws Exception {
        server.enqueue(llamaCppProps(""));
        server.enqueue(sse(events(
                "{'index':0,'content':'','tokens':[2],'stop':false,'completion_probabilities':[{'id':2,'token':'',"
                        + "'bytes':[195],'logprob':-0.5,'top_logprobs':["
                        + "{'id':4,'token':'a','bytes':[97],'logprob':-4.0},"
                        + "{'id':2,'token':'','bytes':[195],'logprob':-0.5},"
                        + "{'id':3,'token':'e','bytes':[101],'logprob':-1.0}]}]}",
                "{'index':0,'content':'é','tokens':[5],'stop':false,'completion_probabilities':[{'id':5,'token':'',"
                        + "'bytes':[169],'logprob':-0.25,'top_logprobs':[{'id':5,'token':'','bytes':[169],"
                        + "'logprob':-0.25}]}]}",
                "{'index':0,'content':' noir','tokens':[6],'stop':false,'completion_probabilities':[{'id':6,"
                        + "'token':' noir','bytes':[32,110,111,105,114],'logprob':-0.75,'top_logprobs':[{'id':6,"
                        + "'token':' noir','bytes':[32,110,111,105,114],'logprob':-0.75},{'id':7,'token':' au',"
                        + "'bytes':[32,97,117],'logprob':-2.0}]}]}",
                "{'index':0,'content':'','tokens':[],'stop':true,'model':'m','tokens_predicted':3,"
                        + "'tokens_evaluated':4,'stop_type':'limit','truncated':false}")));

        CliRun run = CliRun.of("run", "--provider", "llamacpp", "--base-url", server.url("/").toString(),
                "--model", "m", "--prompt", "Le caf", "--max-tokens", "3", "--seed", "42", "--top-logprobs", "2",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("text").asText()).isEqualTo("é noir");
        JsonNode tokens = json.get("tokens");
        assertThat(texts(tokens)).containsExactly("", "é", " noir");
        assertThat(tokens.get(0).get("bytes").toString()).isEqualTo("[195]");
        assertThat(tokens.get(1).get("bytes").toString()).isEqualTo("[169]");
        assertThat(tokens.get(2).get("logprob").asDouble()).isEqualTo(-0.75);
        JsonNode top = tokens.get(0).get("top");
        assertThat(top).hasSize(2);
        assertThat(top.get(0).get("logprob").asDouble()).isEqualTo(-0.5);
        assertThat(top.get(1).get("text").asText()).isEqualTo("e");
        assertThat(texts(tokens.get(2).get("top"))).containsExactly(" noir", " au");
        assertThat(json.get("finishReason").asText()).isEqualTo("length");
        assertThat(json.get("usage").get("promptTokens").asInt()).isEqualTo(4);
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(3);

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/props");
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/completion");
        JsonNode body = body(sent);
        assertThat(body.get("prompt").asText()).isEqualTo("Le caf");
        assertThat(body.get("n_predict").asInt()).isEqualTo(3);
        assertThat(body.get("n_probs").asInt()).isEqualTo(2);
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("stream").asBoolean()).isTrue();
    }

    @Test
    void aChatVariantGoesToABaseModelOnLlamaCppAsRawTextInItsTextLayoutWithANote() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(llamaCppProps(""));
        server.enqueue(sse(events("{'index':0,'content':' The answer is 5.','stop':true,'stop_type':'eos'}")));

        CliRun run = CliRun.of("run", "--provider", "llamacpp", "--base-url", server.url("/").toString(),
                "--model", "m", "--set", set, "--variant", "chat-cot-8", "--json");

        JsonNode prompt = adapted(run, "sent as raw text in the variant's text layout: m has no chat template");
        assertThat(prompt.get("shape").asText()).isEqualTo("text");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/props");
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/completion");
        // The text layout of a chat variant: its system text, then what the same text variant sends.
        assertThat(body(sent).get("prompt").asText()).isEqualTo(prompt.get("prompt").asText())
                .isEqualTo("You are a careful maths tutor who shows every step of the working.\n\n"
                        + rendered(set, "--variant", "cot-8").get("prompt").asText());
    }

    @Test
    void aChatVariantToLlamaCppWithAChatTemplateIsFormattedByTheServersTemplate() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(llamaCppProps("{% for m in messages %}{{ m.content }}{% endfor %}"));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(quotes("{'prompt':'<formatted>'}")).build());
        server.enqueue(sse(events("{'index':0,'content':'The answer is 5.','stop':true,'stop_type':'eos'}")));

        CliRun run = CliRun.of("run", "--provider", "llamacpp", "--base-url", server.url("/").toString(),
                "--model", "m", "--set", set, "--variant", "chat-cot-8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("The answer is 5." + NL);
        assertThat(oneLine(run.err())).isEqualTo("note: formatted by m's chat template");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/props");
        RecordedRequest apply = taken();
        assertThat(apply.getUrl().encodedPath()).isEqualTo("/apply-template");
        assertThat(body(apply).get("messages")).isEqualTo(rendered(set, "--variant", "chat-cot-8").get("messages"));
        assertThat(body(taken()).get("prompt").asText()).isEqualTo("<formatted>");
    }

    @Test
    void ollamaGivesATextVariantToAModelWithAChatTemplateAsMultiTurnChat() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(ollamaShow(CHAT_TEMPLATE));
        server.enqueue(ndjson("{'message':{'role':'assistant','content':' The answer is 5.'},'done':true,"
                + "'done_reason':'stop'}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "qwen3:0.6b", "--set", set, "--variant", "cot-8", "--json");

        // The instruction, 8 exemplars as turn pairs, the question; the cue opens the reply Ollama continues.
        JsonNode prompt = adapted(run, "sent as 19 chat messages: multi-turn few-shot, the reply starts with \"A:\"");
        taken();
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/chat");
        JsonNode messages = body(sent).get("messages");
        assertThat(messages).isEqualTo(prompt.get("messages")).hasSize(19);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(18).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"A:\"}");
    }

    @Test
    void textForcesRawTextOnAModelWithAChatTemplate() throws Exception {
        server.enqueue(ollamaShow(CHAT_TEMPLATE));
        server.enqueue(ndjson("{'model':'m','response':' sky.','done':true,'done_reason':'stop'}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "m", "--prompt", "Blue as the", "--text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(" sky." + NL);
        taken();
        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/generate");
        assertThat(body(sent).get("prompt").asText()).isEqualTo("Blue as the");
    }

    @Test
    void textOnAChatOnlyBackendIsBadInputWithTheFixAndSendsNothing() {
        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Blue as the", "--text");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(oneLine(run.err())).isEqualTo(
                "rationale: openai takes chat messages only, so raw text cannot be sent; leave out --text");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSingleMessageLayoutSendsATextVariantsWholePromptAsOneUserMessage() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(sse(done("{'choices':[{'index':0,'delta':{'content':'The answer is 5.'},"
                + "'finish_reason':'stop'}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--set", set, "--variant", "cot-8", "--chat-layout", "single-message");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(oneLine(run.err())).isEqualTo("note: sent as 1 chat message: single message");
        JsonNode messages = body(taken()).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).get("content").asText())
                .isEqualTo(rendered(set, "--variant", "cot-8").get("prompt").asText());
    }

    // --- anthropic and gemini ---

    @Test
    void anthropicGetsTheChatVariantAsSystemAndTurnsAndItsThinkingBecomesReasoning() throws Exception {
        String set = CliRun.sample("translation.rationale.json").toString();
        server.enqueue(namedSse(
                "message_start", "{'type':'message_start','message':{'id':'msg_01','type':'message',"
                        + "'role':'assistant','content':[],'model':'claude-test','stop_reason':null,"
                        + "'usage':{'input_tokens':180,'output_tokens':1}}}",
                "content_block_start", "{'type':'content_block_start','index':0,"
                        + "'content_block':{'type':'thinking','thinking':'','signature':''}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'thinking_delta','thinking':'Plural subject, present tense.'}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'signature_delta','signature':'c2lnbmF0dXJl'}}",
                "content_block_stop", "{'type':'content_block_stop','index':0}",
                "ping", "{'type':'ping'}",
                "content_block_start", "{'type':'content_block_start','index':1,"
                        + "'content_block':{'type':'text','text':''}}",
                "content_block_delta", "{'type':'content_block_delta','index':1,"
                        + "'delta':{'type':'text_delta','text':'Les enfants jouent'}}",
                "content_block_delta", "{'type':'content_block_delta','index':1,"
                        + "'delta':{'type':'text_delta','text':' dans le jardin.'}}",
                "content_block_stop", "{'type':'content_block_stop','index':1}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},"
                        + "'usage':{'output_tokens':42}}",
                "message_stop", "{'type':'message_stop'}"));

        CliRun run = CliRun.of("run", "--provider", "anthropic", "--base-url", server.url("/").toString(),
                "--model", "claude-test", "--set", set, "--task", "en-fr", "--variant", "chat-few-shot",
                "--case", "1", "--max-tokens", "256", "--top-logprobs", "3", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("reasoning").asText()).isEqualTo("Plural subject, present tense.");
        assertThat(json.get("text").asText()).isEqualTo("Les enfants jouent dans le jardin.");
        assertThat(json.get("tokens")).isEmpty();
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        assertThat(json.get("usage").get("promptTokens").asInt()).isEqualTo(180);
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(42);
        // Anthropic gives no token probabilities: the run goes on and says so.
        assertThat(texts(json.get("notices")))
                .containsExactly("Anthropic gives no token probabilities; the answer is shown without them");

        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = body(sent);
        assertThat(body.get("model").asText()).isEqualTo("claude-test");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("stream").asBoolean()).isTrue();
        JsonNode messages = rendered(set, "--task", "en-fr", "--variant", "chat-few-shot", "--case", "1")
                .get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("system").asText()).isEqualTo(messages.get(0).get("content").asText());
        ArrayNode turns = JSON.createArrayNode();
        for (int i = 1; i < messages.size(); i++) {
            turns.add(messages.get(i));
        }
        assertThat(body.get("messages")).isEqualTo(turns);
    }

    @Test
    void aTextVariantGoesToAnthropicAsChatWithTheCueStartingThePrefilledReply() throws Exception {
        String set = CliRun.sample("arithmetic.rationale.json").toString();
        server.enqueue(namedSse(
                "message_start", "{'type':'message_start','message':{'id':'msg_02','type':'message',"
                        + "'role':'assistant','content':[],'model':'claude-test','stop_reason':null,"
                        + "'usage':{'input_tokens':30,'output_tokens':1}}}",
                "content_block_start", "{'type':'content_block_start','index':0,"
                        + "'content_block':{'type':'text','text':''}}",
                "content_block_delta", "{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'text_delta','text':' The answer is 37.'}}",
                "content_block_stop", "{'type':'content_block_stop','index':0}",
                "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},"
                        + "'usage':{'output_tokens':6}}",
                "message_stop", "{'type':'message_stop'}"));

        CliRun run = CliRun.of("run", "--provider", "anthropic", "--base-url", server.url("/").toString(),
                "--model", "claude-test", "--set", set, "--variant", "zero-shot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(" The answer is 37." + NL);
        assertThat(run.err()).startsWith("note: sent as 3 chat messages: multi-turn few-shot, the reply starts with"
                + " \"A:\"" + NL);
        JsonNode body = body(taken());
        String question = rendered(set, "--variant", "zero-shot").get("prompt").asText().lines().toList().get(2);
        assertThat(body.get("system").asText()).isEqualTo("Solve each word problem. End with \"The answer is N.\"");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"" + question
                + "\"},{\"role\":\"assistant\",\"content\":\"A:\"}]");
    }

    @Test
    void geminiTakesAPlainPromptAsAUserTurnAndItsThoughtPartsBecomeReasoning() throws Exception {
        server.enqueue(sse(events(
                "{'candidates':[{'content':{'parts':[{'text':'Two and two.','thought':true}],'role':'model'}}]}",
                "{'candidates':[{'content':{'parts':[{'text':'4'}],'role':'model'},'finishReason':'STOP'}],"
                        + "'usageMetadata':{'promptTokenCount':5,'candidatesTokenCount':1,'thoughtsTokenCount':3}}")));

        CliRun run = CliRun.of("run", "--provider", "gemini", "--base-url", server.url("/v1beta").toString(),
                "--model", "gemini-test", "--prompt", "What is 2+2?", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("reasoning").asText()).isEqualTo("Two and two.");
        assertThat(json.get("text").asText()).isEqualTo("4");
        assertThat(json.get("finishReason").asText()).isEqualTo("stop");
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(4);
        assertThat(json.get("usage").get("reasoningTokens").asInt()).isEqualTo(3);

        RecordedRequest sent = taken();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-test:streamGenerateContent");
        assertThat(sent.getUrl().queryParameter("alt")).isEqualTo("sse");
        assertThat(body(sent).get("contents").toString())
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"What is 2+2?\"}]}]");
    }

    // --- failures ---

    @Test
    void aRefusedKeyExitsThreeWithOneLineNamingIt() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body(quotes("{'error':{'message':'Incorrect API key provided.','type':'invalid_request_error',"
                        + "'param':null,'code':'invalid_api_key'}}"))
                .build());

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(oneLine(run.err())).startsWith("rationale: ").contains("HTTP 401")
                .contains("Incorrect API key provided.").doesNotContain("Exception");
        assertThat(run.out()).isBlank();
        // Waiting does not fix a key: no retry.
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void debugAddsTheStackTrace() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build());

        CliRun run = CliRun.of("run", "--debug", "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("rationale: ").contains("HTTP 401").contains("\tat dev.rationale.");
    }

    @Test
    void aStreamCutMidwayExitsThreeAfterPrintingWhatArrived() {
        server.enqueue(breakingAfter(events(
                "{'choices':[{'index':0,'delta':{'content':'The'}}]}",
                "{'choices':[{'index':0,'delta':{'content':' answer'}}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("The answer" + NL);
        assertThat(oneLine(run.err())).startsWith("rationale: ").contains("the stream was cut after 2 tokens");
    }

    @Test
    void aStreamCutMidwayStillPrintsTheJsonOfWhatArrivedWithTheError() throws Exception {
        server.enqueue(breakingAfter(events(
                "{'choices':[{'index':0,'delta':{'content':'The'}}]}",
                "{'choices':[{'index':0,'delta':{'content':' answer'}}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi", "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("text").asText()).isEqualTo("The answer");
        assertThat(json.get("finishReason").isNull()).isTrue();
        assertThat(json.get("error").asText()).contains("the stream was cut after 2 tokens");
        assertThat(oneLine(run.err())).isEqualTo("rationale: " + json.get("error").asText());
    }

    @Test
    void anOllamaStreamEndingBeforeItsDoneLineExitsThree() throws Exception {
        server.enqueue(ollamaShow(CHAT_TEMPLATE));
        server.enqueue(ndjson("{'message':{'role':'assistant','content':'Half'},'done':false}"));

        CliRun run = CliRun.of("run", "--provider", "ollama", "--base-url", server.url("/").toString(),
                "--model", "m", "--prompt", "Hi", "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(run.out()).get("text").asText()).isEqualTo("Half");
        assertThat(oneLine(run.err()))
                .isEqualTo("rationale: Ollama: the stream ended before its \"done\" line after 1 tokens");
    }

    @Test
    void aRateLimitThatAsksForNoWaitIsRetriedAndTheRunSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0")
                .body(quotes("{'error':{'message':'Rate limit reached','type':'requests'}}")).build());
        server.enqueue(sse(done("{'choices':[{'index':0,'delta':{'content':'ok'},'finish_reason':'stop'}]}")));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("ok" + NL);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStreamWithTheWrongContentTypeIsReadWithANoteNamingIt() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                .body(quotes(events("{'choices':[{'index':0,'delta':{'content':'Hi'},'finish_reason':'stop'}]}")
                        + "data: [DONE]\n\n")).build());

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("Hi" + NL);
        assertThat(oneLine(run.err())).isEqualTo("note: openai: the stream came as Content-Type \"text/html\", not "
                + "text/event-stream; it was read as a stream anyway");
    }

    @Test
    void aReplyThatIsNotJsonExitsThreeAsAnUnreadableReply() {
        server.enqueue(sse(events("{'choices':[{'index':0,'delta':{'content':'Hi'}}]}")
                + "data: {'choices': [oops\n\n"));

        CliRun run = CliRun.of("run", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "m", "--prompt", "Hi");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("Hi" + NL);
        // An endpoint given by --provider is named after its kind.
        assertThat(oneLine(run.err())).startsWith("rationale: openai: a stream chunk is not JSON at column 14: ")
                .doesNotContain("Exception");
    }

    // --- models ---

    @Test
    void modelsListsOllamaTagsOnePerLine() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(quotes("{'models':[{'name':'llama3.2:latest','model':'llama3.2:latest','size':2019393189,"
                        + "'details':{'family':'llama','parameter_size':'3.2B','quantization_level':'Q4_K_M'}},"
                        + "{'name':'qwen3:0.6b','model':'qwen3:0.6b','details':{'parameter_size':'751.63M'}}]}"))
                .build());

        CliRun run = CliRun.of("models", "--provider", "ollama", "--base-url", server.url("/").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("llama3.2:latest" + NL + "qwen3:0.6b" + NL);
        RecordedRequest sent = taken();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/tags");
    }

    @Test
    void modelsJsonGivesIdsAndSizes() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(quotes("{'models':[{'name':'llama3.2:latest','details':{'parameter_size':'3.2B'}},"
                        + "{'name':'qwen2.5:7b','details':{}},{'name':'custom','details':{}}]}"))
                .build());

        CliRun run = CliRun.of("models", "--provider", "ollama", "--base-url", server.url("/").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(quotes("["
                + "{'id':'llama3.2:latest','parameters':3200000000,'sizeSource':'REPORTED','contextLength':null},"
                + "{'id':'qwen2.5:7b','parameters':7000000000,'sizeSource':'NAME','contextLength':null},"
                + "{'id':'custom','parameters':null,'sizeSource':null,'contextLength':null}]")));
    }

    // --- helpers ---

    /** An Ollama Modelfile template that only passes the prompt through: a base model. */
    private static final String BASE_TEMPLATE = "{{ .Prompt }}";
    private static final String CHAT_TEMPLATE = "{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}"
            + "<|im_start|>user\n{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n";

    /** Ollama's answer to {@code POST /api/show} for a model with {@code template}. */
    private static MockResponse ollamaShow(String template) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(JSON.createObjectNode().put("template", template).toString()).build();
    }

    /** llama.cpp's answer to {@code GET /props}; an empty template is a base model's. */
    private static MockResponse llamaCppProps(String chatTemplate) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body(JSON.createObjectNode().put("chat_template", chatTemplate).toString()).build();
    }

    /** A chat chunk carrying one token's text and its logprobs. */
    private static String chatToken(String content, String token, double logprob, String bytes, String top) {
        return "{'choices':[{'index':0,'delta':{'content':'" + content + "'},'logprobs':{'content':[{'token':'"
                + token + "','logprob':" + logprob + ",'bytes':" + bytes + ",'top_logprobs':[" + top + "]}]},"
                + "'finish_reason':null}]}";
    }

    private static String quotes(String json) {
        return json.replace('\'', '"');
    }

    /** {@code data:} events for the payloads, each followed by a blank line. */
    private static String events(String... payloads) {
        StringBuilder body = new StringBuilder();
        for (String payload : payloads) {
            body.append("data: ").append(quotes(payload)).append("\n\n");
        }
        return body.toString();
    }

    /** The events, then {@code data: [DONE]}. */
    private static String done(String... payloads) {
        return events(payloads) + "data: [DONE]\n\n";
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(quotes(body)).build();
    }

    /** Anthropic's stream: pairs of event name and payload. */
    private static MockResponse namedSse(String... namesAndPayloads) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndPayloads.length; i += 2) {
            body.append("event: ").append(namesAndPayloads[i]).append('\n')
                    .append("data: ").append(quotes(namesAndPayloads[i + 1])).append("\n\n");
        }
        return sse(body.toString());
    }

    private static MockResponse ndjson(String... lines) {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append(quotes(line)).append('\n');
        }
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson").body(body.toString())
                .build();
    }

    /**
     * {@code delivered}, then a long comment halfway through which the server shuts the connection (MockWebServer
     * applies body effects in the middle of the body), then an event the client must never see.
     */
    private static MockResponse breakingAfter(String delivered) {
        String padding = ": " + "x".repeat(delivered.length() + 400) + "\n\n";
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(delivered + padding + events("{'choices':[{'index':0,'delta':{'content':'NEVER'}}]}"))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private static JsonNode body(RecordedRequest recorded) throws IOException {
        return JSON.readTree(recorded.getBody().utf8());
    }

    /** What {@code rationale render SET ARGS --json} prints, parsed. */
    private static JsonNode rendered(String set, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("render", set));
        command.addAll(List.of(args));
        command.add("--json");
        CliRun run = CliRun.of(command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.isTextual() ? node.asText() : node.get("text").asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The prompt a successful {@code run --json} sent, checked to carry {@code note} as its adaptation, which is
     * also the one line on standard error.
     */
    private static JsonNode adapted(CliRun run, String note) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(oneLine(run.err())).isEqualTo("note: " + note);
        JsonNode prompt = JSON.readTree(run.out()).get("prompt");
        assertThat(prompt.get("adaptation").asText()).isEqualTo(note);
        return prompt;
    }

    /** The text, checked to be exactly one line: no stack trace, no second message. */
    private static String oneLine(String text) {
        assertThat(text.lines().toList()).as(text).hasSize(1);
        assertThat(text).endsWith(NL).doesNotContain("\tat ");
        return text.strip();
    }
}
