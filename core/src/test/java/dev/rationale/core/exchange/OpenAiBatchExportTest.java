// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAiBatchExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> export(PromptSet set, OpenAiOptions.TokenLimit limit) throws Exception {
        StringWriter out = new StringWriter();
        Task task = set.tasks().getFirst();
        int count = OpenAiBatchExport.write(set, task, task.variants(), ExchangeFixtures.MODEL, limit, out).lines();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(count);
        return lines;
    }

    @Test
    void oneLinePerVariantCaseAndSampleWithUniqueShortIds() throws Exception {
        List<JsonNode> lines = export(ExchangeFixtures.set(), OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS);

        // 3 cases x (one-shot: 1 sample + cot-vote: 2 samples)
        assertThat(lines).hasSize(9);
        Set<String> ids = new HashSet<>();
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().containsExactly("custom_id", "method", "url", "body");
            assertThat(line.get("method").asText()).isEqualTo("POST");
            assertThat(line.get("url").asText()).isEqualTo("/v1/chat/completions");
            String id = line.get("custom_id").asText();
            assertThat(id).matches("[A-Za-z0-9_-]{1,64}");
            ids.add(id);
        }
        assertThat(ids).hasSize(9);
        assertThat(lines.getFirst().get("custom_id").asText()).startsWith("sums_one-shot_c1-").endsWith("-0");
    }

    @Test
    void aBodyIsTheChatRequestAnEvaluationSendsWithoutStreaming() throws Exception {
        PromptSet set = ExchangeFixtures.set();
        List<JsonNode> lines = export(set, OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS);
        Task task = set.tasks().getFirst();

        JsonNode oneShot = lines.getFirst().get("body");
        assertThat(oneShot.get("model").asText()).isEqualTo(ExchangeFixtures.MODEL);
        assertThat(messages(oneShot)).isEqualTo(((RenderedPrompt.Chat) PromptRenderer.render(task,
                ExchangeFixtures.oneShot(), task.cases().getFirst())).messages());
        assertThat(oneShot.get("messages").get(0).get("content").asText()).startsWith("You add numbers.");
        assertThat(oneShot.get("messages").get(1).get("content").asText()).isEqualTo("Q: What is 1 + 1?");
        // Set defaults, then the target's max tokens, then the variant's top logprobs.
        assertThat(oneShot.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(oneShot.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(oneShot.get("max_completion_tokens").asInt()).isEqualTo(128);
        assertThat(oneShot.has("max_tokens")).isFalse();
        assertThat(oneShot.get("seed").asLong()).isEqualTo(11);
        assertThat(oneShot.get("logprobs").asBoolean()).isTrue();
        assertThat(oneShot.get("top_logprobs").asInt()).isEqualTo(3);
        assertThat(oneShot.get("stream").asBoolean()).isFalse();
        assertThat(oneShot.has("stream_options")).isFalse();
        assertThat(oneShot.has("n")).isFalse();
    }

    @Test
    void samplesGoInSeparateLinesWithTheSeedsAnEvaluationGivesThem() throws Exception {
        List<JsonNode> lines = export(ExchangeFixtures.set(), OpenAiOptions.TokenLimit.MAX_TOKENS);

        JsonNode first = lines.get(1).get("body");
        JsonNode second = lines.get(2).get("body");
        assertThat(lines.get(1).get("custom_id").asText()).startsWith("sums_cot-vote_c1-").endsWith("-0");
        assertThat(lines.get(2).get("custom_id").asText()).startsWith("sums_cot-vote_c1-").endsWith("-1");
        assertThat(messages(first)).isEqualTo(messages(second));
        assertThat(messages(first).getLast().content()).isEqualTo("Q: What is 2 + 3?\n\nLet's think step by step.");
        assertThat(first.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(first.get("seed").asLong()).isEqualTo(11);
        assertThat(second.get("seed").asLong()).isEqualTo(12);
        assertThat(first.get("max_tokens").asInt()).isEqualTo(128);
        assertThat(first.has("max_completion_tokens")).isFalse();
        // Asked as an evaluation asks: the chosen tokens' probabilities, no alternatives.
        assertThat(first.get("logprobs").asBoolean()).isTrue();
        assertThat(first.has("top_logprobs")).isFalse();
    }

    @Test
    void longIdsAreCutToSixtyFourCharactersAndStayDistinct() throws Exception {
        String longName = "a-case-whose-identifier-is-far-longer-than-any-batch-api-would-take-";
        Task task = new Task("task-with-a-long-name", null, null,
                new PromptTemplate(null, "{{question}}", null, null, null), null, List.of(),
                List.of(new TestCase(longName + "1", Map.of("question", "1?"), "1"),
                        new TestCase(longName + "2", Map.of("question", "2?"), "2")),
                List.of(Variant.named("v").withShape(PromptShape.CHAT)));
        PromptSet set = PromptSet.of("long", List.of(task));

        List<JsonNode> lines = export(set, OpenAiOptions.TokenLimit.MAX_TOKENS);

        assertThat(lines).extracting(l -> l.get("custom_id").asText())
                .allSatisfy(id -> assertThat(id).hasSize(64).matches("[A-Za-z0-9_-]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void rawTextVariantsAreExportedAsMultiTurnChatSinceTheChatEndpointTakesMessagesOnly() throws Exception {
        PromptSet set = ExchangeFixtures.set();
        Task task = set.tasks().getFirst();
        Variant text = Variant.named("text").withShape(PromptShape.TEXT);
        StringWriter out = new StringWriter();

        OpenAiBatchExport.Written written = OpenAiBatchExport.write(set, task, List.of(text,
                ExchangeFixtures.oneShot()), "m", OpenAiOptions.TokenLimit.MAX_TOKENS, out);

        assertThat(written.lines()).isEqualTo(6);
        assertThat(written.skipped()).isEmpty();
        JsonNode first = JSON.readTree(out.toString().split("\n")[0]);
        assertThat(first.get("custom_id").asText()).startsWith("sums_text_c1-");
        // No prefilled reply on OpenAI's chat endpoint: the exemplar as a user and an assistant turn, the case last.
        assertThat(messages(first.get("body"))).isEqualTo(List.of(ChatMessage.user("Q: What is 1 + 1?"),
                ChatMessage.assistant("The answer is 2."), ChatMessage.user("Q: What is 2 + 3?")));
        StringWriter alone = new StringWriter();
        assertThat(OpenAiBatchExport.write(set, task, List.of(text), "m", OpenAiOptions.TokenLimit.MAX_TOKENS,
                alone).lines()).isEqualTo(3);
    }

    @Test
    void casesWithChoicesAreSentAndItIsListedThatTheirChoicesAreNotScored() {
        PromptSet set = ExchangeFixtures.withChoices();
        Task task = set.tasks().getFirst();
        StringWriter out = new StringWriter();

        OpenAiBatchExport.Written written = OpenAiBatchExport.write(set, task, List.of(ExchangeFixtures.oneShot()),
                "m", OpenAiOptions.TokenLimit.MAX_TOKENS, out);

        assertThat(written.lines()).isEqualTo(3);
        assertThat(written.skipped()).containsExactly("the choices of 1 case are not scored by likelihood; a batch"
                + " is graded by its completions only");
    }

    private static List<ChatMessage> messages(JsonNode body) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            String content = m.get("content").asText();
            messages.add(switch (m.get("role").asText()) {
                case "system" -> ChatMessage.system(content);
                case "assistant" -> ChatMessage.assistant(content);
                default -> ChatMessage.user(content);
            });
        }
        return messages;
    }
}
