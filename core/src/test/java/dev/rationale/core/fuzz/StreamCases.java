// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static dev.rationale.core.fuzz.StreamCase.data;
import static dev.rationale.core.fuzz.StreamCase.line;
import static dev.rationale.core.fuzz.StreamCase.named;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.gemini.GeminiProvider;
import dev.rationale.core.provider.llamacpp.LlamaCppProvider;
import dev.rationale.core.provider.ollama.OllamaProvider;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/**
 * The valid streams the fuzz properties start from, one per streaming protocol, as provider-protocols.md shows
 * them: with logprobs and reasoning where the protocol has them, an in-band end, usage. Payloads are written with
 * single quotes and become double quotes.
 */
final class StreamCases {
    private static final String SSE = "text/event-stream";
    private static final OpenAiOptions OPENAI = OpenAiOptions.defaults().withName("OpenAI");
    private static final RenderedPrompt.Chat CHAT = new RenderedPrompt.Chat(List.of(ChatMessage.user("2+2?")));
    private static final RenderedPrompt.Text TEXT = new RenderedPrompt.Text("Q: 2+2?\nA:");

    private StreamCases() {
    }

    static List<StreamCase> all() {
        return List.of(openAiChat(), openAiText(), anthropic(), gemini(), ollama(), llamaCpp());
    }

    static StreamCase openAiChat() {
        return new StreamCase("OpenAI", (client, base) -> new OpenAiChatProvider(client, base, OPENAI),
                CompletionRequest.of("m", CHAT).withLogprobs(2), SSE, List.of(
                data(q("{'id':'c1','choices':[{'index':0,'delta':{'role':'assistant','content':''},"
                        + "'finish_reason':null}]}")),
                data(q("{'choices':[{'index':0,'delta':{'content':'Caf'},'logprobs':{'content':[{'token':'Caf',"
                        + "'logprob':-0.1,'bytes':[67,97,102],'top_logprobs':[{'token':'Ca','logprob':-3.0,"
                        + "'bytes':[67,97]},{'token':'Caf','logprob':-0.1,'bytes':[67,97,102]}]}]}}]}")),
                data(q("{'choices':[{'index':0,'delta':{'reasoning_content':'hm','content':'\u00e9'},"
                        + "'logprobs':{'content':[{'token':'\\ufffd','logprob':-0.2,'bytes':[195],"
                        + "'top_logprobs':[]},{'token':'\\ufffd','logprob':-9999.0,'bytes':[169],"
                        + "'top_logprobs':[{'token':'x','logprob':-1.5,'bytes':null}]}]}}]}")),
                data(q("{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}")),
                data(q("{'choices':[],'usage':{'prompt_tokens':9,'completion_tokens':3,"
                        + "'completion_tokens_details':{'reasoning_tokens':0}}}")),
                data("[DONE]")), 1);
    }

    static StreamCase openAiText() {
        return new StreamCase("OpenAI", (client, base) -> new OpenAiTextProvider(client, base, OPENAI),
                CompletionRequest.of("m", TEXT).withLogprobs(2), SSE, List.of(
                data(q("{'choices':[{'index':0,'text':' <think>4','logprobs':{'tokens':[' <think>4'],"
                        + "'token_logprobs':[-0.01],'top_logprobs':[{' <think>4':-0.01,' 5':-5.2}],"
                        + "'text_offset':[11]},'finish_reason':null}]}")),
                data(q("{'choices':[{'index':0,'text':'</think> 4','logprobs':{'tokens':['bytes:\\\\xe2\\\\x80',"
                        + "'</think> 4'],'token_logprobs':[null,-0.02],'top_logprobs':[null,{'x':-0.3}],"
                        + "'text_offset':[20,21]},'finish_reason':null}]}")),
                data(q("{'choices':[{'index':0,'text':'','finish_reason':'length','stop_reason':null}]}")),
                data(q("{'choices':[],'usage':{'prompt_tokens':3,'completion_tokens':2}}")),
                data("[DONE]")), 1);
    }

    static StreamCase anthropic() {
        return new StreamCase("Anthropic", (client, base) -> new AnthropicProvider(client, base),
                CompletionRequest.of("claude", CHAT), SSE, List.of(
                named("message_start", q("{'type':'message_start','message':{'id':'msg_01','content':[],"
                        + "'stop_reason':null,'usage':{'input_tokens':18,'output_tokens':1}}}")),
                named("content_block_start", q("{'type':'content_block_start','index':0,"
                        + "'content_block':{'type':'thinking','thinking':'','signature':''}}")),
                named("content_block_delta", q("{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'thinking_delta','thinking':'17*23 = '}}")),
                named("content_block_delta", q("{'type':'content_block_delta','index':0,"
                        + "'delta':{'type':'signature_delta','signature':'EqQB'}}")),
                named("content_block_stop", q("{'type':'content_block_stop','index':0}")),
                named("ping", q("{'type':'ping'}")),
                named("content_block_start", q("{'type':'content_block_start','index':1,"
                        + "'content_block':{'type':'text','text':''}}")),
                named("content_block_delta", q("{'type':'content_block_delta','index':1,"
                        + "'delta':{'type':'text_delta','text':'391'}}")),
                named("content_block_stop", q("{'type':'content_block_stop','index':1}")),
                named("message_delta", q("{'type':'message_delta','delta':{'stop_reason':'end_turn',"
                        + "'stop_sequence':null},'usage':{'output_tokens':212}}")),
                named("message_stop", q("{'type':'message_stop'}"))), 7);
    }

    static StreamCase gemini() {
        return new StreamCase("Gemini", (client, base) -> new GeminiProvider(client, base),
                CompletionRequest.of("gemini-2.5-flash", CHAT).withLogprobs(2), SSE, List.of(
                data(q("{'candidates':[{'content':{'role':'model','parts':[{'text':'The user wants',"
                        + "'thought':true}]},'index':0}]}")),
                data(q("{'candidates':[{'content':{'role':'model','parts':[{'text':'Par'}]},'logprobsResult':"
                        + "{'topCandidates':[{'candidates':[{'token':'Par','logProbability':-0.01},"
                        + "{'token':'Ly','logProbability':-5.3}]}],'chosenCandidates':[{'token':'Par',"
                        + "'logProbability':-0.01}]}}]}")),
                data(q("{'candidates':[{'content':{'role':'model','parts':[{'text':'is'}]},"
                        + "'finishReason':'STOP','index':0}],'usageMetadata':{'promptTokenCount':12,"
                        + "'candidatesTokenCount':2,'thoughtsTokenCount':5},'modelVersion':'gemini-2.5-flash'}"))),
                1);
    }

    static StreamCase ollama() {
        return new StreamCase("Ollama", (client, base) -> new OllamaProvider(client, base),
                CompletionRequest.of("qwen3:8b", CHAT).withLogprobs(2), "application/x-ndjson", List.of(
                line(q("{'model':'qwen3:8b','message':{'role':'assistant','content':'','thinking':'hm'},"
                        + "'done':false}")),
                line(q("{'model':'qwen3:8b','message':{'role':'assistant','content':' 4'},'logprobs':[{'token':"
                        + "' 4','logprob':-0.02,'bytes':[32,52],'top_logprobs':[{'token':' 4','logprob':-0.02,"
                        + "'bytes':[32,52]},{'token':' Four','logprob':-4.1}]}],'done':false}")),
                line(q("{'model':'qwen3:8b','message':{'role':'assistant','content':''},'done':true,"
                        + "'done_reason':'stop','prompt_eval_count':9,'eval_count':2}"))), 1);
    }

    static StreamCase llamaCpp() {
        return new StreamCase("llama.cpp", (client, base) -> new LlamaCppProvider(client, base),
                CompletionRequest.of("m", TEXT).withLogprobs(2), SSE, List.of(
                data(q("{'index':0,'content':' 4','tokens':[220],'stop':false,'completion_probabilities':"
                        + "[{'id':220,'token':' 4','bytes':[32,52],'logprob':-0.31,'top_logprobs':[{'id':220,"
                        + "'token':' 4','bytes':[32,52],'logprob':-0.31},{'id':19,'token':'5','bytes':[53],"
                        + "'logprob':-3.4e38}]}]}")),
                data(q("{'content':' is','stop':false,'completion_probabilities':[{'content':' is','probs':"
                        + "[{'tok_str':' is','prob':0.93},{'tok_str':' was','prob':0.0}]}]}")),
                data(q("{'index':0,'content':'','stop':true,'model':'m','tokens_predicted':2,"
                        + "'tokens_evaluated':9,'stop_type':'eos','timings':{'prompt_n':9}}"))), 0);
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
