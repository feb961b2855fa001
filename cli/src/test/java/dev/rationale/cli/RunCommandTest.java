// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    private static final Path MODEL = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
            .resolve("stories260K.gguf");
    /** The 64-token greedy continuation of "Once upon a time" that the models' README gives. */
    private static final String REFERENCE_64 = ", there was a little girl named Lily. She loved to play outside in"
            + " the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily's"
            + " mom said";
    private static final String FIRST_48 = ", there was a little girl named Lily. She loved to play outside in the"
            + " park. One day, she saw a big, red ball. She wanted to play with it,";

    @Test
    void runJsonOnTheEmbeddedEngineGivesScoredTokens() throws Exception {
        CliRun run = CliRun.of("run", "--provider", "embedded", "--model", MODEL.toString(),
                "--prompt-file", writePrompt("Once upon a time").toString(), "--max-tokens", "5",
                "--temperature", "0", "--top-logprobs", "3", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("finishReason").asText()).isEqualTo("length");
        assertThat(json.get("tokens")).hasSize(5);
        JsonNode first = json.get("tokens").get(0);
        assertThat(first.get("top")).hasSize(3);
        assertThat(first.get("logprob").asDouble()).isEqualTo(first.get("top").get(0).get("logprob").asDouble());
        StringBuilder joined = new StringBuilder();
        json.get("tokens").forEach(t -> joined.append(t.get("text").asText()));
        assertThat(joined.toString()).isEqualTo(json.get("text").asText());
        assertThat(json.get("usage").get("completionTokens").asInt()).isEqualTo(5);
    }

    @Test
    void aPlainPromptReachesABaseModelAsRawTextAndGivesTheReferenceGreedyContinuation() {
        CliRun run = CliRun.of("run", "--provider", "embedded", "--model", MODEL.toString(),
                "--prompt", "Once upon a time", "--temperature", "0", "--max-tokens", "48");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // The first 48 of the 64 greedy tokens in ../shared/models/README.md.
        assertThat(run.out()).isEqualTo(FIRST_48 + System.lineSeparator());
        assertThat(REFERENCE_64).startsWith(FIRST_48);
        // A plain prompt sent as raw text is sent as written: nothing to note.
        assertThat(run.err()).isEmpty();
    }

    @Test
    void chatOnABaseModelIsBadInputWithTheReasonAndTheFixOnOneLine() {
        CliRun run = CliRun.of("run", "--provider", "embedded", "--model", MODEL.toString(),
                "--prompt", "Once upon a time", "--max-tokens", "4", "--chat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly("rationale: stories260K.gguf has no chat template"
                + " (a base model), so it cannot take chat messages; leave out --chat to send raw text, or pick a"
                + " model with a chat template");
    }

    @Test
    void textAndChatTogetherAreAUsageError() {
        CliRun run = CliRun.of("run", "--provider", "embedded", "--model", MODEL.toString(),
                "--prompt", "Once upon a time", "--text", "--chat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected only one match").contains("{--text} and [--text | --chat]={--chat}");
    }

    @Test
    void anUnreachableServerIsOneLineAndExitThree() {
        CliRun run = CliRun.of("run", "--provider", "openai-text", "--base-url", "http://127.0.0.1:9/v1",
                "--model", "m", "--prompt", "hi");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("rationale: ").contains("cannot reach").doesNotContain("at dev.");
    }

    private static Path writePrompt(String text) throws Exception {
        Path file = java.nio.file.Files.createTempFile("prompt", ".txt");
        java.nio.file.Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file;
    }
}
