// SPDX-License-Identifier: Apache-2.0
/**
 * The open prompt set as a document (content, file, unsaved edits) and the workspace sidebar: the prompt sets in the
 * workspace folder and the recent files, kept in the config folder; and where the sample sets are found on a first
 * start.
 */
@NullMarked
package dev.rationale.app.workspace;

import org.jspecify.annotations.NullMarked;
