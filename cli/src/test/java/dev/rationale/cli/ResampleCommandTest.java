// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResampleCommandTest {
    private static final String MODEL = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
            .resolve("stories260K.gguf").toString();

    @Test
    void resampleJsonGivesTheOriginalAnswerThePointAndTheDistribution() throws Exception {
        CliRun run = CliRun.of("resample", "--provider", "embedded", "--model", MODEL, "--prompt", "Once upon a time",
                "--max-tokens", "20", "--temperature", "0", "--at-token", "5", "--samples", "6", "--seed", "11",
                "--extract", "regex", "--pattern", "named (\\w+)", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("original").get("answer").asText()).isEqualTo("Lily");
        assertThat(json.get("route").asText()).isEqualTo("engine");
        assertThat(json.get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(json.get("samples").asInt()).isEqualTo(6);
        JsonNode point = json.get("points").get(0);
        assertThat(point.get("label").asText()).isEqualTo("token 5");
        assertThat(point.get("position").asInt()).isEqualTo(4);
        assertThat(point.get("before").asText()).isEqualTo(", there was a");
        assertThat(point.get("answers")).hasSize(6);
        int counted = point.get("missing").asInt();
        for (JsonNode vote : point.get("distribution")) {
            counted += vote.get("count").asInt();
        }
        assertThat(counted).isEqualTo(6);
        assertThat(point.get("keptShare").asDouble()).isEqualTo(point.get("kept").asInt() / 6.0);
    }

    @Test
    void perStepPrintsOneRowPerStepWithTheShareThatKeptTheAnswer() {
        CliRun run = CliRun.of("resample", "--provider", "embedded", "--model", MODEL, "--prompt", "Once upon a time",
                "--max-tokens", "40", "--temperature", "0", "--per-step", "--samples", "3", "--seed", "5",
                "--extract", "last-number");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Original answer: (none found)");
        assertThat(run.out()).contains("3 continuations per point at temperature 1.00 (engine)")
                .contains("point   kept  share").contains("step 1  3/3   100 %");
    }

    @Test
    void aTokenOutsideTheAnswerIsBadInputNamingHowManyThereAre() {
        CliRun run = CliRun.of("resample", "--provider", "embedded", "--model", MODEL, "--prompt", "Once upon a time",
                "--max-tokens", "4", "--at-token", "9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the answer has 4 tokens; --at-token 9 is not one of them");
    }

    @Test
    void aPointIsRequired() {
        CliRun run = CliRun.of("resample", "--provider", "embedded", "--model", MODEL, "--prompt", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--at-token").contains("--per-step");
    }
}
