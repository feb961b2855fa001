// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.LockedFx;
import dev.rationale.cli.RationaleCommand;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Evaluate tab and {@code rationale eval --resume} count the same progress after a resume with failed records:
 * both continue copies of one results file against a MockWebServer that refuses some cases.
 */
class EvaluateResumeProgressTest {
    private static final Pattern APP =
            Pattern.compile("(\\d+) of (\\d+) completions · (\\d+) correct · (\\d+) failed");
    private static final Pattern CLI = Pattern.compile("(\\d+)/(\\d+) done, (\\d+) correct, (\\d+) failed");
    private static final String C03 = "96 crayons";
    private static final String C04 = "52 stickers";

    @TempDir
    Path dir;

    private final LockedFx fx = new LockedFx();
    private CannedServer mock;
    private Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        mock = CannedServer.started();
        endpoint = mock.endpoint("openai-text", ProviderKind.OPENAI_TEXT);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void theAppAndTheCommandLineCountTheSameProgressAfterAResumeWithFailedRecords() throws IOException {
        Path appSet = copySet(dir.resolve("app"));
        Path cliSet = copySet(dir.resolve("cli"));
        mock.refused = Set.of(C03, C04);
        evaluateInApp(appSet, false);
        Path results = appSet.resolveSibling("arithmetic.arithmetic.eval.jsonl");
        List<SampleRecord> first = ResultsFile.read(results);
        assertThat(first).extracting(SampleRecord::status).filteredOn(s -> s == Verdict.FAILED).hasSize(2);
        int correctBefore = (int) first.stream().filter(r -> r.status() == Verdict.CORRECT).count();
        Files.copy(results, cliSet.resolveSibling(results.getFileName()));
        // The second time c03 is answered and c04 fails again.
        mock.refused = Set.of(C04);

        List<String> app = evaluateInApp(appSet, true);
        List<String> cli = evaluateInCli(cliSet);

        // Right after the resume: the two answered completions are done; the two failed ones are to be asked again.
        assertThat(counts(CLI, cli.getFirst())).isEqualTo(counts(APP, app.getFirst()))
                .containsExactly(2, 4, correctBefore, 0);
        // At the end: all four are done, c04 failed once more in this session.
        assertThat(counts(CLI, cli.getLast())).isEqualTo(counts(APP, app.getLast()))
                .containsExactly(4, 4, correctBefore, 1);
    }

    private Path copySet(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                folder.resolve("arithmetic.rationale.json"));
    }

    // Every progress text the tab shows, from the start to the end of one evaluation.
    private List<String> evaluateInApp(Path setFile, boolean resume) {
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.tasks().getFirst();
        EvaluateViewModel viewModel = new EvaluateViewModel(mock.providers, dir.resolve("scratch"), fx, Runnable::run,
                Clock.systemUTC());
        List<String> shown = new CopyOnWriteArrayList<>();
        fx.run(() -> {
            viewModel.progressTextProperty().addListener((obs, old, now) -> shown.add(now));
            viewModel.limitProperty().set(4);
            viewModel.start(new EvaluateViewModel.Setup(set, setFile, task,
                    List.of(task.variant("zero-shot").orElseThrow()), endpoint, "mock"), resume);
        });
        fx.waitUntil(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty(), 20,
                () -> viewModel.progressTextProperty().get() + " / " + viewModel.messageProperty().get());
        return shown.stream().filter(text -> !text.isEmpty()).toList();
    }

    // Every progress line the command draws on standard error, from the start to the end of one evaluation.
    private List<String> evaluateInCli(Path setFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RationaleCommand.commandLine(new PrintStream(out), new PrintStream(err)).execute("eval",
                setFile.toString(), "--provider", "openai-text", "--base-url", mock.server.url("/v1").toString(),
                "--model", "mock", "--variant", "zero-shot", "--limit", "4", "--resume", "--progress");
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(drawn).isZero();
        return Arrays.stream(drawn.split("[\r\n]")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<Integer> counts(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return List.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
    }
}
