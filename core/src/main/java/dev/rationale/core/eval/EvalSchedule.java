// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.scoring.ChoiceScorer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order an evaluation sends its requests in: one {@link Lane} per endpoint, each working through its phases
 * one after another with up to {@code limit} requests in flight. A local endpoint has one phase per target (one
 * model loaded at a time), a remote one a single phase with all its targets. Within a phase the jobs go case by
 * case, so a run stopped early has whole cases rather than one variant's; they are made as the lane takes them, so
 * a million planned completions cost no list of a million jobs.
 */
final class EvalSchedule {

    /**
     * One endpoint's work.
     *
     * @param phases each phase's completion jobs, made as they are taken; take them once
     * @param scoring the likelihood jobs after each phase, one list per phase
     * @param scorer how the endpoint scores options; null when it cannot
     */
    record Lane(Endpoint endpoint, CompletionProvider provider, int limit, List<Iterator<CompletionJob>> phases,
            List<List<ScoringJob>> scoring, @Nullable ChoiceScorer scorer) {
    }

    private EvalSchedule() {
    }

    /**
     * The lanes for the completions of {@code plan} not in {@code done}.
     *
     * @param done the completions not to ask, by {@link PlanSlots#slot}
     * @param providers the provider for each endpoint; its capabilities decide whether a case's samples go in one
     *     request
     */
    static List<Lane> lanes(EvalPlan plan, BitSet done, Set<CompletionKey.CaseKey> scored,
            Function<Endpoint, CompletionProvider> providers, EvalOptions options) {
        Map<Endpoint, List<EvalTarget>> byEndpoint = new LinkedHashMap<>();
        for (EvalTarget target : plan.targets()) {
            byEndpoint.computeIfAbsent(target.endpoint(), e -> new ArrayList<>()).add(target);
        }
        List<Lane> lanes = new ArrayList<>();
        PlanSlots slots = PlanSlots.of(plan);
        byEndpoint.forEach((endpoint, targets) -> {
            CompletionProvider provider = providers.apply(endpoint);
            boolean together = provider.capabilities().multipleSamples();
            ChoiceScorer scorer = plan.isMultipleChoice() ? ChoiceScorer.of(provider).orElse(null) : null;
            List<Iterator<CompletionJob>> phases = new ArrayList<>();
            List<List<ScoringJob>> scoring = new ArrayList<>();
            List<List<EvalTarget>> groups = ConcurrencyLimits.isLocal(endpoint)
                    ? targets.stream().map(List::of).toList() : List.of(targets);
            for (List<EvalTarget> group : groups) {
                phases.add(new Jobs(plan, slots, group, done, together));
                scoring.add(scorer == null ? List.of() : scoringJobs(plan, group, scored));
            }
            lanes.add(new Lane(endpoint, provider, ConcurrencyLimits.limitFor(provider, endpoint,
                    options.concurrency()), phases, scoring, scorer));
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

    /** A phase's completion jobs, case by case, made a case at a time. */
    private static final class Jobs implements Iterator<CompletionJob> {
        private final EvalPlan plan;
        private final PlanSlots slots;
        private final List<EvalTarget> targets;
        private final BitSet done;
        private final boolean samplesTogether;
        private final GenerationSettings[][] settings;
        private final Deque<CompletionJob> ready = new ArrayDeque<>();
        private int nextCase;

        Jobs(EvalPlan plan, PlanSlots slots, List<EvalTarget> targets, BitSet done, boolean samplesTogether) {
            this.plan = plan;
            this.slots = slots;
            this.targets = targets;
            this.done = done;
            this.samplesTogether = samplesTogether;
            // Computed once per variant and target, shared by their jobs.
            this.settings = new GenerationSettings[targets.size()][plan.variants().size()];
            for (int t = 0; t < targets.size(); t++) {
                for (int v = 0; v < plan.variants().size(); v++) {
                    settings[t][v] = plan.settings(plan.variants().get(v), targets.get(t));
                }
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && nextCase < plan.cases().size()) {
                addCase(nextCase++);
            }
            return !ready.isEmpty();
        }

        @Override
        public CompletionJob next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.remove();
        }

        private void addCase(int c) {
            TestCase testCase = plan.cases().get(c);
            String caseId = plan.caseId(c);
            for (int t = 0; t < targets.size(); t++) {
                EvalTarget target = targets.get(t);
                int targetIndex = plan.targets().indexOf(target);
                for (int v = 0; v < plan.variants().size(); v++) {
                    Variant variant = plan.variants().get(v);
                    int cell = slots.cell(targetIndex, v);
                    List<Integer> missing = new ArrayList<>();
                    int samples = plan.samplesOf(variant);
                    for (int s = 0; s < samples; s++) {
                        if (!done.get(slots.slot(c, cell, s))) {
                            missing.add(s);
                        }
                    }
                    if (missing.isEmpty()) {
                        continue;
                    }
                    if (samplesTogether || missing.size() == 1 && samples == 1) {
                        ready.add(new CompletionJob(variant, target, caseId, testCase, missing, settings[t][v], false));
                    } else {
                        for (int s : missing) {
                            ready.add(new CompletionJob(variant, target, caseId, testCase, List.of(s), settings[t][v],
                                    true));
                        }
                    }
                }
            }
        }
    }
}
