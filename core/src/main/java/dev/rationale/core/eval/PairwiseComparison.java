// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.judge.JudgeCall;
import dev.rationale.core.grading.judge.PairVerdict;
import dev.rationale.core.grading.judge.PairwiseJudge;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.PairVerdictRecord;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Two variants of one run compared by a pairwise judge: each case's answers of the same target and sample, judged
 * in both orders ({@link PairwiseJudge}), the verdicts kept in the history beside the two completions, and the
 * wins, losses, ties and inconsistent pairs counted. A pair where either answer failed is left out.
 */
public final class PairwiseComparison {

    /**
     * The judge's verdict on one pair.
     *
     * @param key where the first variant's completion sits (its variant is the first's)
     * @param judge the endpoint and model that judged, {@code endpoint/model}
     */
    public record Judged(RunCompletionKey key, String judge, PairVerdict verdict) {
    }

    /**
     * The comparison's counts and its pairs, in the run's grid order.
     *
     * @param firstWins pairs both orders gave to the first variant
     * @param secondWins pairs both orders gave to the second
     * @param ties pairs both orders called a tie, and inconsistent ones
     * @param inconsistent of the ties, the pairs whose verdict changed with the order (position bias)
     * @param unjudged pairs without a verdict (a failed request, a reply naming no winner)
     */
    public record Summary(String runId, String first, String second, int firstWins, int secondWins, int ties,
            int inconsistent, int unjudged, List<Judged> pairs) {
    }

    /** Where a target's judge comes from: its call, and how to name it. */
    public interface JudgeSource {
        /**
         * @throws dev.rationale.core.RationaleException when the target has no judge, saying why
         */
        JudgeCall call(RunTarget target);

        String name(RunTarget target, JudgeCall call);
    }

    private final HistoryStore store;
    private final Clock clock;

    public PairwiseComparison(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Judges the pairs of {@code first} and {@code second} in run {@code runId} and keeps each verdict in the history.
     * The question a judge reads is the case's input as the task renders it for the first variant, without exemplars;
     * without the task (or the case in it) it is the last user turn of the first answer's prompt as sent.
     *
     * @param task the run's task, read from its prompt set; null when it cannot be read
     * @param criteria what makes an answer better; null for the built-in criteria
     * @throws InterruptedException when cancelled while a judge answers
     */
    public Summary compare(String runId, String first, String second, @Nullable Task task,
            @Nullable String criteria, JudgeSource judges) throws InterruptedException {
        List<StoredCompletion[]> pairs = pairs(store.completionsOfRun(runId), first, second);
        PairwiseJudge judge = new PairwiseJudge(criteria);
        Map<String, TestCase> cases = task == null ? Map.of() : casesById(task);
        Variant variant = task == null ? null
                : task.variants().stream().filter(v -> first.equals(v.id())).findFirst().orElse(null);
        List<Judged> judged = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Judged>> running = new ArrayList<>();
            for (StoredCompletion[] pair : pairs) {
                String question = question(task, variant, cases.get(pair[0].record().key().caseId()), pair[0]);
                running.add(threads.submit(() -> judge(judges, judge, question, pair)));
            }
            for (int i = 0; i < running.size(); i++) {
                Judged one = outcome(running.get(i));
                judged.add(one);
                keep(pairs.get(i), one);
            }
        }
        return summary(runId, first, second, judged);
    }

    private static Judged judge(JudgeSource judges, PairwiseJudge judge, String question, StoredCompletion[] pair)
            throws InterruptedException {
        RunTarget target = pair[0].record().key().target();
        JudgeCall call = judges.call(target);
        PairVerdict verdict = judge.judge(call, question, pair[0].record().text(), pair[1].record().text(),
                pair[0].record().expected());
        return new Judged(pair[0].record().key(), judges.name(target, call), verdict);
    }

    private static Judged outcome(Future<Judged> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void keep(StoredCompletion[] pair, Judged one) {
        PairVerdict verdict = one.verdict();
        store.recordPairVerdict(new PairVerdictRecord(pair[0].id(), pair[1].id(), one.judge(),
                verdict.outcome().id(), verdict.inconsistent(), verdict.note(), verdict.asShown().prompt(),
                verdict.asShown().reply(), verdict.swapped().prompt(), verdict.swapped().reply(), clock.instant()));
    }

    /** The answered completions of {@code first} and {@code second} that share target, case and sample. */
    static List<StoredCompletion[]> pairs(List<StoredCompletion> completions, String first, String second) {
        Map<List<Object>, StoredCompletion> seconds = new HashMap<>();
        for (StoredCompletion c : completions) {
            if (c.record().key().variant().equals(second) && answered(c)) {
                seconds.put(position(c.record().key()), c);
            }
        }
        List<StoredCompletion[]> pairs = new ArrayList<>();
        for (StoredCompletion c : completions) {
            StoredCompletion other = seconds.get(position(c.record().key()));
            if (c.record().key().variant().equals(first) && answered(c) && other != null) {
                pairs.add(new StoredCompletion[] {c, other});
            }
        }
        return pairs;
    }

    private static boolean answered(StoredCompletion c) {
        return c.record().grade() != Verdict.FAILED;
    }

    private static List<Object> position(RunCompletionKey key) {
        return List.of(key.target(), key.caseId(), key.sample());
    }

    private static Map<String, TestCase> casesById(Task task) {
        Map<String, TestCase> byId = new HashMap<>();
        for (int i = 0; i < task.cases().size(); i++) {
            byId.put(EvalPlan.caseId(task.cases(), i), task.cases().get(i));
        }
        return byId;
    }

    private static String question(@Nullable Task task, @Nullable Variant variant, @Nullable TestCase testCase,
            StoredCompletion answer) {
        if (task != null && variant != null && testCase != null) {
            return PromptRenderer.draft(task, variant, testCase).asked();
        }
        return switch (answer.record().request().prompt()) {
            case RenderedPrompt.Chat chat -> lastUserTurn(chat.messages()).orElse("");
            case RenderedPrompt.Text text -> text.prompt();
        };
    }

    private static Optional<String> lastUserTurn(List<ChatMessage> messages) {
        return messages.reversed().stream().filter(m -> m.role() == ChatRole.USER).map(ChatMessage::content)
                .findFirst();
    }

    private static Summary summary(String runId, String first, String second, List<Judged> judged) {
        int firstWins = 0;
        int secondWins = 0;
        int ties = 0;
        int inconsistent = 0;
        int unjudged = 0;
        for (Judged one : judged) {
            switch (one.verdict().outcome()) {
                case FIRST -> firstWins++;
                case SECOND -> secondWins++;
                case TIE -> ties++;
                case UNJUDGED -> unjudged++;
            }
            if (one.verdict().inconsistent()) {
                inconsistent++;
            }
        }
        return new Summary(runId, first, second, firstWins, secondWins, ties, inconsistent, unjudged, judged);
    }
}
