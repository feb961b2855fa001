// SPDX-License-Identifier: Apache-2.0
/**
 * Mustache templates, knowing nothing of prompt sets: {@link dev.rationale.core.template.MustacheTemplates}
 * fills them and {@link dev.rationale.core.template.TemplateVariables} lists the names they use. Both the
 * validator and the renderer stand on this package.
 */
@NullMarked
package dev.rationale.core.template;

import org.jspecify.annotations.NullMarked;
