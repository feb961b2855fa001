// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.core.analysis.AtK;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import dev.rationale.core.history.RunCosts;
import dev.rationale.core.provider.Usage;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected run's figures per cell, pass@k, maj@k and cons@k included, as the History tab lists them. */
class HistoryViewModelCellsTest {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final RunTarget SMALL = new RunTarget("local", ProviderKind.OLLAMA, "small");
    private static final RunTarget LARGE = new RunTarget("local", ProviderKind.OLLAMA, "large");

    @TempDir
    Path dir;

    private HistoryViewModel viewModel;

    @BeforeEach
    void create() {
        viewModel = new HistoryViewModel(() -> dir, Runnable::run, Runnable::run, new ScriptedDialogs(),
                new RecordingRerunHost(new Endpoint("local", ProviderKind.OLLAMA, "http://127.0.0.1:9/", null,
                        null)));
    }

    @Test
    void pickingARunListsItsCellsWithTheFiguresOfEveryPowerOfTwoSamples() {
        // small: case 0 right, wrong, right, right; case 1 wrong four times. large: one sample per case, one right.
        List<CompletionRecord> records = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            records.add(completion(SMALL, 0, s, s == 1 ? Verdict.WRONG : Verdict.CORRECT));
            records.add(completion(SMALL, 1, s, Verdict.WRONG));
        }
        records.add(completion(LARGE, 0, 0, Verdict.CORRECT));
        records.add(completion(LARGE, 1, 0, Verdict.WRONG));
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordRun(Run.started("r1", RunKind.EVALUATION, START, null, "Arithmetic", "arithmetic",
                    List.of("cot"), List.of(SMALL, LARGE), GenerationSettings.NONE, 10)
                    .ended(RunStatus.COMPLETED, START.plusSeconds(1)), records);
        }
        viewModel.refresh();
        assertThat(viewModel.getCells()).isEmpty();

        viewModel.select(List.of(viewModel.getRuns().getFirst()));

        assertThat(viewModel.getCells()).extracting(cell -> cell.target().model()).containsExactly("small", "large");
        CellTally small = viewModel.getCells().getFirst();
        assertThat(small.atK()).extracting(AtK::k).containsExactly(1, 2, 4);
        // pass@1 = (3/4 + 0) / 2; pass@2 = (1 - C(1,2)/C(4,2) + 0) / 2 = 1/2; at k = 4 case 0's majority is right.
        assertThat(small.atK().getFirst().pass()).isCloseTo(0.375, within(1e-9));
        assertThat(small.atK().get(1).pass()).isCloseTo(0.5, within(1e-9));
        AtK four = small.atK().getLast();
        assertThat(List.of(four.pass(), four.maj(), four.cons())).containsExactly(0.5, 0.5, 0.5);
        assertThat(viewModel.getCells().getLast().atK()).extracting(AtK::k).containsExactly(1);

        viewModel.select(List.of());
        assertThat(viewModel.getCells()).isEmpty();
    }

    @Test
    void eachCellCostsTheTokensTheHistoryKeptAtTheWorkspacesPrices() throws Exception {
        RunTarget gpt = new RunTarget("hosted", ProviderKind.OPENAI, "gpt-4o");
        RunTarget local = new RunTarget("local", ProviderKind.OLLAMA, "small");
        List<CompletionRecord> records = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            records.add(withUsage(completion(gpt, c, 0, Verdict.CORRECT), new Usage(100, 20, null, 40)));
            records.add(withUsage(completion(local, c, 0, Verdict.CORRECT), new Usage(100, 20, null)));
        }
        // The workspace prices gpt-4o its own way: $1 in, $0.50 cached, $2 out per million.
        Files.writeString(Files.createDirectories(dir.resolve(".rationale")).resolve("prices.json"),
                "{\"providers\": {\"openai\": {\"models\": {\"gpt-4o\": {\"input\": 1, \"cachedInput\": 0.5,"
                        + " \"output\": 2}}}}}");
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.recordRun(Run.started("r1", RunKind.EVALUATION, START, null, "Arithmetic", "arithmetic",
                    List.of("cot"), List.of(gpt, local), GenerationSettings.NONE, 6)
                    .ended(RunStatus.COMPLETED, START.plusSeconds(1)), records);
        }
        viewModel.refresh();

        viewModel.select(List.of(viewModel.getRuns().getFirst()));

        // Three requests of 60 fresh x $1 + 40 cached x $0.50 + 20 out x $2 = 120 millionths each.
        RunCosts costs = viewModel.costsProperty().get();
        assertThat(viewModel.getCells()).extracting(costs::costText).containsExactly("$0.00036", "$0");
        assertThat(viewModel.costTotalProperty().get()).startsWith("Cost: $0.00036 from the reported usage");
    }

    private static CompletionRecord withUsage(CompletionRecord r, Usage usage) {
        return new CompletionRecord(r.key(), r.request(), r.text(), r.reasoning(), r.tokens(), r.extracted(),
                r.expected(), r.grade(), r.failure(), r.finishReason(), usage, r.timings(), r.createdAt());
    }

    private static CompletionRecord completion(RunTarget target, int index, int sample, Verdict grade) {
        return new CompletionRecord(new RunCompletionKey("r1", "cot", target, "case-" + index, sample),
                CompletionRequest.of(target.model(), new RenderedPrompt.Text("Q" + index)), "so 4", "", List.of(),
                grade == Verdict.CORRECT ? "4" : "5", "4", grade, null, null, null, null, START);
    }
}
