// SPDX-License-Identifier: Apache-2.0
/**
 * Running generated code against a case's tests: a {@link dev.rationale.core.grading.code.CodeSandbox} runs a
 * child process in a scratch folder with a time, memory, process and output limit, no network where the operating
 * system can block it, and an empty environment, using the best isolation the machine offers
 * ({@link dev.rationale.core.grading.code.SandboxIsolation}); {@link dev.rationale.core.grading.code.PythonTestRun}
 * runs Python tests through it, and {@link dev.rationale.core.grading.code.CodeTestGrader} grades answers by the
 * share of tests passed. Nothing runs unless the workspace allows it
 * ({@link dev.rationale.core.grading.code.CodeExecutionConsent}). Everything here blocks on a child process.
 */
@NullMarked
package dev.rationale.core.grading.code;

import org.jspecify.annotations.NullMarked;
