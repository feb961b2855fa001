// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.ProviderKind;

/** What a run built by hand in a test is of: no prompt set, one case. */
public final class Subjects {
    private Subjects() {
    }

    /** A run of {@code model} on an OpenAI-compatible endpoint named "test". */
    public static RunSpec.Subject of(String model) {
        return new RunSpec.Subject(null, "task", "variant", "case", new RunTarget("test", ProviderKind.OPENAI, model),
                GenerationSettings.NONE);
    }
}
