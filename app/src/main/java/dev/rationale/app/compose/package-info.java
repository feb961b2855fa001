// SPDX-License-Identifier: Apache-2.0
/**
 * The Compose screen: edit a task's instruction template, exemplars, variant and test-case inputs, and watch the
 * exact prompt they render to, with its token count. {@link dev.rationale.app.compose.ComposeViewModel} holds the
 * state and writes every edit through to the open {@link dev.rationale.app.workspace.PromptSetDocument};
 * {@link dev.rationale.app.compose.ComposeView} builds the nodes. The preview and the template highlighting are
 * computed off the FX thread once typing pauses, and only the latest result is shown.
 */
@NullMarked
package dev.rationale.app.compose;

import org.jspecify.annotations.NullMarked;
