// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void appendsPathsToTheBaseKeepingAProxyPrefix() {
        assertThat(BaseUrl.of("http://localhost:11434").resolve("/api/chat"))
                .hasToString("http://localhost:11434/api/chat");
        assertThat(BaseUrl.of("https://gateway.example/ollama/").resolve("/api/tags"))
                .hasToString("https://gateway.example/ollama/api/tags");
        assertThat(BaseUrl.of(" https://host/v1beta ").resolve("/models/m:streamGenerateContent?alt=sse").toString())
                .isEqualTo("https://host/v1beta/models/m:streamGenerateContent?alt=sse");
    }

    @Test
    void refusesWhatIsNotAnHttpUrlOrARelativePath() {
        assertThatThrownBy(() -> BaseUrl.of("localhost:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.of("http://h").resolve("api/chat"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathResolvedAgainGivesTheSameUrlAndManyPathsStillResolve() {
        BaseUrl base = BaseUrl.of("http://127.0.0.1:8080/v1");

        assertThat(base.resolve("/chat/completions")).isSameAs(base.resolve("/chat/completions"))
                .hasToString("http://127.0.0.1:8080/v1/chat/completions");
        for (int i = 0; i < 100; i++) {
            assertThat(base.resolve("/models/m" + i)).hasToString("http://127.0.0.1:8080/v1/models/m" + i);
            assertThat(base.resolve("/models/m" + i)).hasToString("http://127.0.0.1:8080/v1/models/m" + i);
        }
        assertThatThrownBy(() -> base.resolve("chat")).isInstanceOf(IllegalArgumentException.class);
    }
}
