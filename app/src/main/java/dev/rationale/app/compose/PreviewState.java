// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

/** Where the preview stands; the view styles the preview by it. */
public enum PreviewState {
    /** Nothing to preview: the prompt set has no task. */
    EMPTY,
    /** An edit came in; the shown prompt is about to be replaced. */
    UPDATING,
    /** The shown prompt is the one the current edits render to. */
    READY,
    /** The current edits do not render; the preview shows why. */
    FAILED
}
