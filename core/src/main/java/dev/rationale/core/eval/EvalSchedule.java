// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.scoring.ChoiceScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order an evaluation sends its requests in: one {@link Lane} per endpoint, each working through its phases
 * one after another with up to {@code limit} requests in flight. A local endpoint has one phase per target (one
 * model loaded at a time), a remote one a single phase with all its targets. Within a phase the jobs go case by
 * case, so a run stopped early has whole cases rather than one variant's.
 */
final class EvalSchedule {

    /**
     * One endpoint's work.
     *
     * @param scoring the likelihood jobs after each phase, one list per phase
     * @param scorer how the endpoint scores options; null when it cannot
     */
    record Lane(Endpoint endpoint, CompletionProvider provider, int limit, List<List<CompletionJob>> phases,
            List<List<ScoringJob>> scoring, @Nullable ChoiceScorer scorer) {
    }

    private EvalSchedule() {
    }

    /**
     * The lanes for the completions of {@code plan} not in {@code done}.
     *
     * @param providers the provider for each endpoint; its capabilities decide whether a case's samples go in one
     *     request
     */
    static List<Lane> lanes(EvalPlan plan, Set<CompletionKey> done, Set<CompletionKey.CaseKey> scored,
            Function<Endpoint, CompletionProvider> providers, EvalOptions options) {
        Map<Endpoint, List<EvalTarget>> byEndpoint = new LinkedHashMap<>();
        for (EvalTarget target : plan.targets()) {
            byEndpoint.computeIfAbsent(target.endpoint(), e -> new ArrayList<>()).add(target);
        }
        List<Lane> lanes = new ArrayList<>();
        byEndpoint.forEach((endpoint, targets) -> {
            CompletionProvider provider = providers.apply(endpoint);
            boolean together = provider.capabilities().multipleSamples();
            ChoiceScorer scorer = plan.isMultipleChoice() ? ChoiceScorer.of(provider).orElse(null) : null;
            List<List<CompletionJob>> phases = new ArrayList<>();
            List<List<ScoringJob>> scoring = new ArrayList<>();
            List<List<EvalTarget>> groups = ConcurrencyLimits.isLocal(endpoint)
                    ? targets.stream().map(List::of).toList() : List.of(targets);
            for (List<EvalTarget> group : groups) {
                phases.add(jobs(plan, group, done, together));
                scoring.add(scorer == null ? List.of() : scoringJobs(plan, group, scored));
            }
            lanes.add(new Lane(endpoint, provider, ConcurrencyLimits.limitFor(endpoint, options.concurrency()),
                    phases, scoring, scorer));
        });
        return lanes;
    }

    private static List<ScoringJob> scoringJobs(EvalPlan plan, List<EvalTarget> targets,
            Set<CompletionKey.CaseKey> scored) {
        List<ScoringJob> jobs = new ArrayList<>();
        for (int c = 0; c < plan.cases().size(); c++) {
            ChoiceQuestion question = plan.question(c);
            if (question.isEmpty()) {
                continue;
            }
            for (EvalTarget target : targets) {
                for (Variant variant : plan.variants()) {
                    ScoringJob job = new ScoringJob(variant, target, plan.caseId(c), plan.cases().get(c), question);
                    if (!scored.contains(job.key())) {
                        jobs.add(job);
                    }
                }
            }
        }
        return jobs;
    }

    private static List<CompletionJob> jobs(EvalPlan plan, List<EvalTarget> targets, Set<CompletionKey> done,
            boolean samplesTogether) {
        List<CompletionJob> jobs = new ArrayList<>();
        for (int c = 0; c < plan.cases().size(); c++) {
            TestCase testCase = plan.cases().get(c);
            String caseId = plan.caseId(c);
            for (EvalTarget target : targets) {
                for (Variant variant : plan.variants()) {
                    List<Integer> missing = new ArrayList<>();
                    int samples = plan.samplesOf(variant);
                    for (int s = 0; s < samples; s++) {
                        CompletionKey key = new CompletionKey(plan.taskId(), String.valueOf(variant.id()), target.id(),
                                caseId, s);
                        if (!done.contains(key)) {
                            missing.add(s);
                        }
                    }
                    if (missing.isEmpty()) {
                        continue;
                    }
                    var settings = plan.settings(variant, target);
                    if (samplesTogether || missing.size() == 1 && samples == 1) {
                        jobs.add(new CompletionJob(variant, target, caseId, testCase, missing, settings, false));
                    } else {
                        for (int s : missing) {
                            jobs.add(new CompletionJob(variant, target, caseId, testCase, List.of(s), settings, true));
                        }
                    }
                }
            }
        }
        return jobs;
    }
}
