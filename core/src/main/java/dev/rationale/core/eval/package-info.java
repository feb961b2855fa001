// SPDX-License-Identifier: Apache-2.0
/**
 * Evaluating a task: every chosen variant against every model target on every test case, {@code samples}
 * completions each, graded against the expected answers and summed up with confidence intervals.
 * <ul>
 *   <li>{@link dev.rationale.core.eval.EvalPlan} says what to run; {@link dev.rationale.core.eval.CompletionKey}
 *       names one completion of it;</li>
 *   <li>{@link dev.rationale.core.eval.EvaluationRunner} runs a plan with a concurrency limit per endpoint and
 *       appends each finished completion to a {@link dev.rationale.core.eval.ResultsFile}, from which a killed or
 *       cancelled run resumes;</li>
 *   <li>{@link dev.rationale.core.eval.EvaluationSession} is one evaluation from start to end as the app and the
 *       command line both run it (results file, history run, runner), with its progress in an
 *       {@link dev.rationale.core.eval.EvalTally}; {@link dev.rationale.core.eval.CaseSelection} picks its cases
 *       and {@link dev.rationale.core.eval.ShotSweep} makes the variants of a k-shot sweep;</li>
 *   <li>{@link dev.rationale.core.eval.MajorityVote} turns a case's samples into one verdict (self-consistency);
 *       {@link dev.rationale.core.eval.EvalReport} sums cases up per variant and target: accuracy with a
 *       {@link dev.rationale.core.eval.WilsonInterval}, agreement, answer probability,
 *       {@link dev.rationale.core.eval.CalibrationBins}, {@link dev.rationale.core.eval.LatencyStats} and tokens;
 *       a {@link dev.rationale.core.eval.ReportTally} sums the same figures up as completions finish, into an
 *       {@link dev.rationale.core.eval.EvalSummary}, in memory that does not grow with the run, and a
 *       {@link dev.rationale.core.eval.CasePage} reads a run's cases back a page at a time, through an index of
 *       where each page's lines are ({@link dev.rationale.core.eval.CasePages}).</li>
 * </ul>
 * The metrics are pure functions of the recorded completions, so a report read back from a results file is the
 * same as the one the run printed.
 */
@NullMarked
package dev.rationale.core.eval;

import org.jspecify.annotations.NullMarked;
