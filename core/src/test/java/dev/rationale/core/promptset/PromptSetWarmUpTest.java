// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptSetWarmUpTest {

    @Test
    void theWarmUpSetIsAValidSetThatReachesEveryPartOfTheReader() {
        // An invalid warm-up set would only exercise the error path and leave the deserializers unbuilt.
        PromptSet set = PromptSetFiles.fromJson(PromptSetFiles.WARM_UP_SET, "warm-up");

        Task task = set.tasks().getFirst();
        assertThat(task.variants()).hasSize(2);
        assertThat(task.exemplars()).hasSize(1);
        assertThat(task.cases()).hasSize(1);
    }
}
