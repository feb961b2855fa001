// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.eval.PairwiseComparison;
import dev.rationale.core.exchange.RunSnapshot;
import dev.rationale.core.grading.judge.JudgeCall;
import dev.rationale.core.grading.judge.Judges;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rationale history pairwise}: two variants of a stored run compared by a judge model, case by case. A
 * subcommand of {@code history} because it reads the run's completions there and keeps each verdict there beside
 * the two completions it judged; the run names its prompt set and task, where the questions and criteria are.
 */
@Command(
        name = "pairwise",
        mixinStandardHelpOptions = true,
        versionProvider = RationaleCommand.Version.class,
        description = {"Compare two variants of a run with a judge model: for each case, target and sample both"
                + " answered, the judge picks the better answer twice, with the order swapped. A pair counts for a"
                + " variant only when both orders name it; when they disagree it is a tie, counted as inconsistent"
                + " (position bias). Prints the wins, losses, ties and inconsistent pairs, then each pair.",
            "Each verdict, with both judge requests and replies, is kept in the history beside the two"
                    + " completions.",
            "The judge is --judge-endpoint/--judge-model, else the task's judge (a task graded by \"judge\"), else"
                    + " each target's own endpoint and model.",
            "Exit 2 when the workspace lacks the run, the run lacks a variant, or the judge endpoint is unknown."})
final class HistoryPairwiseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "A run's id, as 'history list' prints it.")
    private String runId;

    @Option(names = "--variants", paramLabel = "A,B", split = ",", required = true,
            description = "The two variants to compare; the first is shown as answer A first.")
    private List<String> variants = new ArrayList<>();

    @Option(names = "--prompt-set", paramLabel = "FILE",
            description = "The run's prompt set, where it is not where the run found it.")
    private @Nullable Path promptSet;

    @Mixin
    private JudgeOptions judgeOptions;

    @Option(names = "--judge-provider", paramLabel = "KIND", description = "A judge endpoint not in the endpoints"
            + " file: openai, openai-text, ollama, llamacpp, anthropic, gemini or embedded (with --judge-base-url"
            + " and --judge-model).")
    private @Nullable String judgeProvider;

    @Option(names = "--judge-base-url", paramLabel = "URL", description = "The --judge-provider's base URL"
            + " (default: the kind's usual one).")
    private @Nullable String judgeBaseUrl;


    @Option(names = "--criteria", paramLabel = "TEXT",
            description = "What makes an answer better (default: the task judge's criteria, else the built-in).")
    private @Nullable String criteria;

    @Option(names = "--json", description = "Print one JSON object: {run, first, second, firstWins, secondWins,"
            + " ties, inconsistent, unjudged, pairs}.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (variants.size() != 2 || variants.get(0).equals(variants.get(1))) {
            throw new RationaleException("--variants names two different variants, e.g. --variants direct,cot");
        }
        if (!HistoryStore.exists(workspace.folder())) {
            return HistoryCommand.noRun(spec, workspace.folder(), runId);
        }
        try (HistoryStore store = HistoryStore.open(workspace.folder())) {
            Optional<Run> run = store.run(runId);
            if (run.isEmpty()) {
                return HistoryCommand.noRun(spec, workspace.folder(), runId);
            }
            for (String variant : variants) {
                if (!run.get().variants().contains(variant)) {
                    throw new RationaleException("run " + runId + " has no variant \"" + variant + "\" (it ran: "
                            + String.join(", ", run.get().variants()) + ")");
                }
            }
            @Nullable Task task = task(run.get());
            AnswerFormat format = task == null ? AnswerFormat.DEFAULT : task.effectiveAnswer();
            JudgeSpec judgeSpec = format.effectiveCompare() == CompareRule.JUDGE ? format.effectiveJudge()
                    : JudgeSpec.DEFAULT;
            List<Endpoint> endpoints = new ArrayList<>(EndpointStore.user().load());
            String judgeName = judgeOptions.endpoint;
            if (judgeProvider != null) {
                Endpoint given = given(judgeProvider);
                endpoints.addFirst(given);
                judgeName = given.name();
            }
            try (ProviderCache providers = new ProviderCache(EndpointOptions.providers(null))) {
                Judges judges = judgeOptions.judges(providers::get, endpoints, judgeName);
                PairwiseComparison.JudgeSource source = source(judges, judgeSpec, endpoints);
                // Every target's judge is found before anything is sent, so a missing one is refused at once.
                run.get().targets().forEach(source::call);
                PairwiseComparison.Summary summary = new PairwiseComparison(store, Clock.systemUTC()).compare(runId,
                        variants.get(0), variants.get(1), task, criteria != null ? criteria : judgeSpec.criteria(),
                        source);
                print(summary);
            }
        }
        return 0;
    }

    private PairwiseComparison.JudgeSource source(Judges judges, JudgeSpec judgeSpec, List<Endpoint> endpoints) {
        return new PairwiseComparison.JudgeSource() {
            @Override
            public JudgeCall call(RunTarget target) {
                return judges.call(judgeSpec, evaluated(target, endpoints), target.model());
            }

            @Override
            public String name(RunTarget target, JudgeCall call) {
                String named = judges.endpointName(judgeSpec);
                return (named != null ? named : target.endpoint()) + "/" + call.model();
            }
        };
    }

    private Endpoint given(String kind) {
        ProviderKind parsed = ProviderKind.parse(kind).filter(k -> k != ProviderKind.POOL).orElseThrow(
                () -> new RationaleException("unknown --judge-provider \"" + kind + "\""));
        return new Endpoint(parsed.id(), parsed, judgeBaseUrl, judgeOptions.model, null);
    }

    // The target's endpoint as the user keeps it; one given on the command line (--provider) has its kind's URL.
    private static Endpoint evaluated(RunTarget target, List<Endpoint> endpoints) {
        return endpoints.stream().filter(e -> e.name().equals(target.endpoint())).findFirst()
                .orElseGet(() -> new Endpoint(target.endpoint(), target.kind(), null, target.model(), null));
    }

    // The run's prompt set as given, else beside the workspace; without it the questions come from the prompts sent.
    private @Nullable Task task(Run run) {
        Path file = promptSet != null ? promptSet : RunSnapshot.promptSetFile(run, workspace.folder()).orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("rationale: the run's prompt set was not found; each question is"
                    + " the last user turn of the prompt sent");
            return null;
        }
        PromptSet set = PromptSetFiles.load(file);
        return run.task() == null ? set.tasks().getFirst() : set.task(run.task()).orElse(null);
    }

    private void print(PairwiseComparison.Summary summary) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(HistoryJson.write(PairwiseJson.of(summary)));
            out.flush();
            return;
        }
        out.println("Run " + summary.runId() + ": " + summary.first() + " vs " + summary.second()
                + ", each pair judged in both orders");
        out.println(summary.first() + " wins " + summary.firstWins() + ", " + summary.second() + " wins "
                + summary.secondWins() + ", ties " + summary.ties() + " (" + summary.inconsistent()
                + " inconsistent: the verdict changed with the order), unjudged " + summary.unjudged());
        TextTable table = new TextTable("case", "target", "sample", "verdict", "judge", "note");
        for (PairwiseComparison.Judged pair : summary.pairs()) {
            table.row(pair.key().caseId(), pair.key().target().model(), String.valueOf(pair.key().sample()),
                    PairwiseJson.verdict(summary, pair), pair.judge(), oneLine(pair.verdict().note()));
        }
        table.print(out);
        out.flush();
    }

    private static String oneLine(String note) {
        String line = note.replaceAll("\\s+", " ").strip();
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }
}
