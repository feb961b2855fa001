// SPDX-License-Identifier: Apache-2.0
/**
 * Turning a variant and a test case into the exact prompt that is sent: chat messages or one raw string.
 * {@link dev.rationale.core.render.PromptRenderer} lays the prompt out as the format document describes,
 * and {@link dev.rationale.core.render.ExemplarPicker} chooses the shots; the {@code {{variables}}} are filled
 * by {@link dev.rationale.core.template.MustacheTemplates}.
 */
@NullMarked
package dev.rationale.core.render;

import org.jspecify.annotations.NullMarked;
