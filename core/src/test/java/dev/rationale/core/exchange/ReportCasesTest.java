// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ReportCasesTest {
    private static final RunTarget TARGET = new RunTarget("local", ProviderKind.OPENAI, "m");

    // Case i is wrong when wrong(i); every third of the wrong ones failed instead, and one in five has a correct
    // second sample beside its wrong one.
    private static Map<String, List<Verdict>> cases(int count, java.util.function.IntPredicate wrong) {
        Map<String, List<Verdict>> cases = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Verdict bad = i % 3 == 0 ? Verdict.FAILED : i % 3 == 1 ? Verdict.WRONG : Verdict.NO_ANSWER;
            List<Verdict> grades = wrong.test(i) ? (i % 5 == 0 ? List.of(Verdict.CORRECT, bad) : List.of(bad))
                    : List.of(i % 7 == 0 ? Verdict.UNGRADED : Verdict.CORRECT);
            cases.put("case-" + i, grades);
        }
        return cases;
    }

    @Test
    void everyWrongOrFailedCaseUpToTheLimitThenAReproducibleSampleOfTheRestInTheRunsOrder() {
        Map<String, List<Verdict>> cases = cases(1_000, i -> i % 10 < 7);

        ReportCases.Selection selection = choose(cases, 42);

        List<String> wrongInOrder = cases.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(v -> v != Verdict.CORRECT && v != Verdict.UNGRADED))
                .map(Map.Entry::getKey).toList();
        assertThat(selection.wrongOrFailed()).isEqualTo(700);
        assertThat(selection.others()).isEqualTo(300);
        assertThat(names(cases, selection.wrongFirst())).isEqualTo(wrongInOrder.subList(0, 500));
        assertThat(names(cases, selection.sample())).hasSize(100).doesNotHaveDuplicates()
                .allMatch(id -> !wrongInOrder.contains(id))
                .isSortedAccordingTo((a, b) -> Integer.compare(index(a), index(b)));
        assertThat(selection.complete()).isFalse();
        assertThat(choose(cases, 42).sample()).as("the same seed, the same sample")
                .isEqualTo(selection.sample());
        assertThat(choose(cases, 43).sample()).as("another seed, another sample")
                .isNotEqualTo(selection.sample());
    }

    @Test
    void aSmallRunShowsEveryCase() {
        Map<String, List<Verdict>> cases = cases(40, i -> i % 4 == 0);

        ReportCases.Selection selection = choose(cases, 7);

        assertThat(selection.complete()).isTrue();
        assertThat(selection.wrongFirst()).hasSize(10);
        assertThat(selection.sample()).hasSize(30);
    }

    @Test
    void aLargeRunsPageSaysWhatItLeavesOutAndStaysUnderFiveMegabytes() {
        String runId = "20261207-040000-abcd";
        List<StoredCompletion> completions = new ArrayList<>();
        // 2,000 cases, half wrong, each answer 400 scored tokens: all of them would make a page of about 60 MB.
        List<ScoredToken> tokens = new ArrayList<>();
        for (int t = 0; t < 400; t++) {
            tokens.add(new ScoredToken(" tok" + t, List.of(), -0.2 * (t % 9), List.of()));
        }
        for (int i = 0; i < 2_000; i++) {
            Verdict grade = i % 2 == 0 ? Verdict.WRONG : Verdict.CORRECT;
            completions.add(new StoredCompletion(i + 1, new CompletionRecord(
                    new RunCompletionKey(runId, "cot", TARGET, "case-" + i, 0),
                    CompletionRequest.of("m", new RenderedPrompt.Text("Q" + i)), "text", "", tokens,
                    grade == Verdict.CORRECT ? "4" : "5", "4", grade, null, null, null, null, Instant.EPOCH)));
        }
        Run run = Run.started(runId, RunKind.EVALUATION, Instant.EPOCH, null, "Sums", "sums", List.of("cot"),
                List.of(TARGET), GenerationSettings.NONE, 2_000);
        RunSnapshot snapshot = new RunSnapshot(run, List.of(), completions, AnswerFormat.DEFAULT, List.of());

        String html = HtmlRunReport.render(snapshot);

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(5_000_000);
        Document page = Jsoup.parse(html);
        int shown = page.select("section.case").size();
        assertThat(shown).isBetween(50, 600);
        assertThat(page.select("p.meta").eachText()).anyMatch(line -> line.startsWith("Showing " + shown
                + " of 2,000 cases: ") && line.contains("of the 1,000 with a wrong, unanswered or failed completion")
                && line.contains("rationale report " + runId + " --format csv"));
        assertThat(page.select("section.case h3").eachText()).first().asString().startsWith("Case case-0 ");
    }

    private static ReportCases.Selection choose(Map<String, List<Verdict>> cases, long seed) {
        List<String> ids = new ArrayList<>(cases.keySet());
        return ReportCases.choose(ids.size(), i -> cases.get(ids.get(i)).stream().anyMatch(ReportCases::worthReading),
                seed, 500, 100);
    }

    private static List<String> names(Map<String, List<Verdict>> cases, List<Integer> indices) {
        List<String> ids = new ArrayList<>(cases.keySet());
        return indices.stream().map(ids::get).toList();
    }

    private static int index(String caseId) {
        return Integer.parseInt(caseId.substring("case-".length()));
    }
}
