// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalProgressTest {

    @Test
    void theLineCountsCasesScoredByLikelihoodOnceThereAreAny() {
        PromptSet set = PromptSetFiles.load(Path.of("../sample-prompts/arithmetic.rationale.json"));
        Task task = set.tasks().getFirst();
        EvalPlan plan = new EvalPlan(set, task, List.of(task.variants().getFirst()), List.of(EvalTarget.of(
                new Endpoint("local", ProviderKind.OLLAMA, "http://127.0.0.1:9/", null, null), "m")),
                task.cases().subList(0, 2), 1);
        StringWriter out = new StringWriter();
        EvalTally tally = EvalTally.of(plan, List.of());
        EvalProgress progress = new EvalProgress(new PrintWriter(out), tally);

        assertThat(progress.line().strip()).isEqualTo("0/2 done, 0 correct, 0 failed");

        LikelihoodRecord score = new LikelihoodRecord("arithmetic", "zero-shot", "m", "c01", "local", "m",
                LikelihoodRecord.Status.SCORED, List.of("A"), "A", true, "A", true, List.of(), null, null);
        tally.scored(score);
        progress.scored(score);
        tally.scored(score);
        progress.scored(score);

        assertThat(progress.line().strip()).isEqualTo("0/2 done, 0 correct, 0 failed, 2 scored by likelihood");
        assertThat(out.toString()).endsWith(progress.line());
    }

    @Test
    void aLoweredLimitGetsALineOfItsOwnAboveTheProgress() {
        PromptSet set = PromptSetFiles.load(Path.of("../sample-prompts/arithmetic.rationale.json"));
        Task task = set.tasks().getFirst();
        EvalPlan plan = new EvalPlan(set, task, List.of(task.variants().getFirst()), List.of(EvalTarget.of(
                new Endpoint("local", ProviderKind.OLLAMA, "http://127.0.0.1:9/", null, null), "m")),
                task.cases().subList(0, 2), 1);
        StringWriter out = new StringWriter();
        EvalProgress progress = EvalProgress.drawn(new PrintWriter(out), EvalTally.of(plan, List.of()), null);

        progress.limitLowered("local", 8, 7);

        // Split on line feeds only: the progress line is redrawn after a carriage return.
        List<String> lines = List.of(out.toString().split("\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst().stripTrailing())
                .endsWith("\rendpoint \"local\": 429 Too Many Requests; concurrency 8 -> 7");
        assertThat(lines.getLast()).isEqualTo("\r" + progress.line());
    }
}
