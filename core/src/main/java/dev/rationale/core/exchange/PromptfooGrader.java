// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JavaScript that grades promptfoo outputs as {@code core/answer} grades completions: the body of a promptfoo
 * {@code javascript} assertion, reading the task's answer format from the assertion's {@code config} and the
 * expected answer from the test's {@code metadata}. A test runs it under Node.js beside the Java grader on the
 * same completions, so the two cannot drift apart unnoticed.
 */
public final class PromptfooGrader {
    private static final String RESOURCE = "promptfoo-grader.js";

    private PromptfooGrader() {
    }

    /** The assertion's source; it contains no Nunjucks tag, because promptfoo renders assertion values first. */
    public static String source() {
        try (InputStream in = PromptfooGrader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the grader " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
