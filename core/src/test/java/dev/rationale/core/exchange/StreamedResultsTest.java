// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredGrade;
import dev.rationale.core.history.StoredResult;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run larger than the read-ahead's batches, with answers that need CSV quoting, scored and unscored tokens,
 * failures and missing values: what the streamed reports write (read a row at a time, by positions and cells) is
 * what they write from the run read whole, and so is the HTML report.
 */
class StreamedResultsTest {
    private static final String RUN = "20260105-100000-stream";
    private static final RunTarget TARGET = new RunTarget("local", ProviderKind.OPENAI, "qwen");
    private static final RunTarget OTHER = new RunTarget("other, \"quoted\"", ProviderKind.OLLAMA, "llama");
    // Values around what CSV must quote: separators, quotes, line breaks, spaces at the ends, '#', non-ASCII, long.
    private static final List<String> ANSWERS = List.of("42", "4,2", "say \"42\"", "line\nbreak", " 42 ", "#42",
            "quarante-deux ü 四十二", "", "a much longer answer than twenty-four characters", "tab\there", "x\r\ny");

    @TempDir
    Path dir;

    @BeforeEach
    void record() {
        try (HistoryStore store = HistoryStore.open(dir)) {
            store.startRun(Run.started(RUN, RunKind.EVALUATION, Instant.parse("2026-01-05T10:00:00Z"), null,
                    null, "sums", List.of("plain", "cot"), List.of(TARGET, OTHER), GenerationSettings.NONE, 0));
            List<CompletionRecord> completions = new ArrayList<>();
            for (int i = 0; i < 1_300; i++) {
                completions.add(completion(i));
            }
            store.recordAll(completions);
            store.finishRun(RUN, RunStatus.COMPLETED, Instant.parse("2026-01-05T10:05:00Z"));
        }
    }

    @Test
    void theStreamedCsvAndJsonlAreThoseOfTheRunReadWhole() {
        StringWriter wholeCsv = new StringWriter();
        StringWriter wholeJsonl = new StringWriter();
        StringWriter streamedCsv = new StringWriter();
        StringWriter streamedJsonl = new StringWriter();

        try (HistoryStore store = HistoryStore.open(dir)) {
            RunSnapshot snapshot = RunSnapshot.read(store, RUN).orElseThrow();
            RunResultsExport.writeCsv(snapshot, wholeCsv);
            RunResultsExport.writeJsonl(snapshot, wholeJsonl);
            StreamedRun run = StreamedRun.open(store, RUN).orElseThrow();
            assertThat(RunResultsExport.writeCsv(run, streamedCsv)).isEqualTo(1_300);
            assertThat(RunResultsExport.writeJsonl(run, streamedJsonl)).isEqualTo(1_300);
        }

        assertThat(streamedCsv.toString()).isEqualTo(wholeCsv.toString()).contains("\"4,2\"", "\"line\nbreak\"");
        assertThat(streamedJsonl.toString()).isEqualTo(wholeJsonl.toString());
        assertThat(streamedJsonl.toString().lines()).hasSize(1_300);
    }

    @Test
    void theStreamedHtmlReportIsThatOfTheRunReadWhole() {
        try (HistoryStore store = HistoryStore.open(dir)) {
            String whole = HtmlRunReport.render(RunSnapshot.read(store, RUN).orElseThrow());
            String streamed = HtmlRunReport.render(StreamedRun.open(store, RUN).orElseThrow(), PriceTable.shipped());

            assertThat(streamed).isEqualTo(whole).contains("<h2>Calibration</h2>", "Against plain");
        }
    }

    @Test
    void theGradesPassReadsTheTextsOfScoredCompletionsOnly() {
        try (HistoryStore store = HistoryStore.open(dir)) {
            List<StoredResult> results = new ArrayList<>();
            List<StoredGrade> grades = new ArrayList<>();
            store.forEachResult(RUN, results::add);
            store.forEachGrade(RUN, grades::add);

            assertThat(grades).hasSameSizeAs(results).hasSize(1_300);
            for (int i = 0; i < results.size(); i++) {
                StoredResult result = results.get(i);
                StoredGrade grade = grades.get(i);
                assertThat(grade.id()).isEqualTo(result.row().id());
                assertThat(grade.key()).isEqualTo(result.row().key());
                assertThat(grade.grade()).isEqualTo(result.row().grade());
                assertThat(grade.failed()).isEqualTo(result.row().failure() != null);
                if (result.tokens().isEmpty()) {
                    assertThat(grade.scored()).isNull();
                } else {
                    assertThat(grade.scored()).isEqualTo(new CompletionResult.Sample(result.text(),
                            result.reasoning(), result.tokens(), result.row().finishReason()));
                }
            }
            assertThat(grades).anyMatch(g -> g.scored() == null).anyMatch(g -> g.scored() != null);
        }
    }

    /** Completion {@code i}: two variants on two targets, cases of three samples, every ninth failed. */
    static CompletionRecord completion(int i) {
        String variant = i % 2 == 0 ? "plain" : "cot";
        RunTarget target = i % 4 < 2 ? TARGET : OTHER;
        int sample = i / 4 % 3;
        String caseId = "case-" + i / 12;
        boolean failed = i % 9 == 4;
        String answer = ANSWERS.get(i % ANSWERS.size());
        Verdict grade = failed ? Verdict.FAILED : switch (i % 5) {
            case 0 -> Verdict.WRONG;
            case 1 -> Verdict.NO_ANSWER;
            case 2 -> Verdict.UNGRADED;
            default -> Verdict.CORRECT;
        };
        List<ScoredToken> tokens = i % 3 == 0 ? List.of() : List.of(
                new ScoredToken("The answer is ", List.of(), -0.05 * (i % 7), List.of()),
                new ScoredToken(answer, List.of(), -0.3 * (i % 4), List.of(new TokenAlternative("41", -2.5))));
        RenderedPrompt prompt = new RenderedPrompt.Chat(List.of(ChatMessage.user("What is " + i + "?")));
        return new CompletionRecord(new RunCompletionKey(RUN, variant, target, caseId, sample),
                CompletionRequest.of(target.model(), prompt), failed ? "" : "The answer is " + answer,
                i % 6 == 0 ? "thinking " + i : "", failed ? List.of() : tokens,
                failed || grade == Verdict.NO_ANSWER ? null : answer, i % 10 == 0 ? null : "42", grade,
                failed ? "HTTP 500, \"overloaded\"" : null, failed ? null : FinishReason.values()[i % 6],
                i % 8 == 0 ? null : new Usage(30 + i % 5, i % 7 == 0 ? null : 9, null),
                i % 5 == 0 ? null : new Timings(2.5, 11.25 + i, null), Instant.ofEpochMilli(1_700_000_000_000L + i));
    }
}
