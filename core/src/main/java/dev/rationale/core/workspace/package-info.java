// SPDX-License-Identifier: Apache-2.0
/**
 * What the desktop app remembers between sessions about the user's files: the workspace folder and recently
 * opened prompt sets ({@link dev.rationale.core.workspace.WorkspaceState}), the prompt-set files in a folder
 * ({@link dev.rationale.core.workspace.PromptSetFolder}), and the recovery copy of unsaved edits
 * ({@link dev.rationale.core.workspace.RecoveryFile}). All of it blocks on disk I/O.
 */
@NullMarked
package dev.rationale.core.workspace;

import org.jspecify.annotations.NullMarked;
