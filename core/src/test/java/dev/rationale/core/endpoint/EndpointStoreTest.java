// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointStoreTest {
    @TempDir
    Path dir;

    private static final Endpoint OPENAI = new Endpoint("openai", ProviderKind.OPENAI, null, "gpt-4o-mini",
            new KeyReference("openai", "OPENAI_API_KEY"));
    private static final Endpoint OLLAMA = new Endpoint("local", ProviderKind.OLLAMA, "http://localhost:11434",
            "qwen3:0.6b", null);

    @Test
    void aMissingFileMeansNoEndpoints() {
        assertThat(new EndpointStore(dir.resolve("endpoints.json")).load()).isEmpty();
    }

    @Test
    void savedEndpointsLoadBackInOrder() {
        EndpointStore store = new EndpointStore(dir.resolve("sub").resolve("endpoints.json"));

        store.save(List.of(OPENAI, OLLAMA));

        assertThat(store.load()).containsExactly(OPENAI, OLLAMA);
        assertThat(store.find("local")).contains(OLLAMA);
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void putReplacesAnEndpointOfTheSameName() {
        EndpointStore store = new EndpointStore(dir.resolve("endpoints.json"));
        store.save(List.of(OPENAI, OLLAMA));
        Endpoint moved = new Endpoint("local", ProviderKind.OLLAMA, "http://gpu-box:11434", null, null);

        store.put(moved);

        assertThat(store.load()).containsExactly(OPENAI, moved);
    }

    @Test
    void theFileHoldsWhereTheKeyIsNeverTheKey() throws Exception {
        Path file = dir.resolve("endpoints.json");
        new EndpointStore(file).save(List.of(OPENAI));

        String text = Files.readString(file);

        assertThat(text).contains("\"env\" : \"OPENAI_API_KEY\"").contains("\"keychain\" : \"openai\"")
                .doesNotContain("sk-").endsWith("}\n");
    }

    @Test
    void brokenFilesAreClearErrors() throws Exception {
        Path file = dir.resolve("endpoints.json");
        EndpointStore store = new EndpointStore(file);

        Files.writeString(file,
                "{\"version\": 1, \"endpoints\": [{\"name\": \"x\", \"kind\": \"openai\", \"apiKey\": \"k\"}]}");
        assertThatThrownBy(store::load).isInstanceOf(RationaleException.class).hasMessageContaining("apiKey");

        Files.writeString(file, "{\"version\": 2}");
        assertThatThrownBy(store::load).hasMessageContaining("newer Rationale");

        Files.writeString(file,
                "{\"endpoints\": [{\"name\": \"a\", \"kind\": \"ollama\"},"
                        + " {\"name\": \"a\", \"kind\": \"llamacpp\"}]}");
        assertThatThrownBy(store::load).hasMessageContaining("two endpoints are called \"a\"");

        Files.writeString(file, "{\"endpoints\": [{\"name\": \"a\", \"kind\": \"telepathy\"}]}");
        assertThatThrownBy(store::load).hasMessageContaining("telepathy");
    }

    @Test
    void configFolderFollowsThePlatformAndTheOverride() {
        Path home = Path.of("/home/ada");

        assertThat(EndpointStore.configDirectory(Map.of("RATIONALE_CONFIG_DIR", "/tmp/r")::get, "Linux", home))
                .isEqualTo(Path.of("/tmp/r"));
        assertThat(EndpointStore.configDirectory(Map.<String, String>of()::get, "Linux", home))
                .isEqualTo(Path.of("/home/ada/.config/rationale"));
        assertThat(EndpointStore.configDirectory(Map.of("XDG_CONFIG_HOME", "/xdg")::get, "Linux", home))
                .isEqualTo(Path.of("/xdg/rationale"));
        assertThat(EndpointStore.configDirectory(Map.<String, String>of()::get, "Mac OS X", home))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Rationale"));
    }

    @Test
    void defaultKeysFollowTheVendorsOwnVariables() {
        assertThat(new Endpoint("a", ProviderKind.ANTHROPIC, null, null, null).effectiveKey())
                .isEqualTo(KeyReference.environment("ANTHROPIC_API_KEY"));
        assertThat(new Endpoint("o", ProviderKind.OPENAI, null, null, null).effectiveKey())
                .isEqualTo(KeyReference.environment("OPENAI_API_KEY"));
        assertThat(new Endpoint("v", ProviderKind.OPENAI, "http://localhost:8000/v1", null, null).effectiveKey())
                .isEqualTo(KeyReference.NONE);
        assertThat(new Endpoint("l", ProviderKind.OLLAMA, null, null, null).effectiveBaseUrl())
                .isEqualTo("http://localhost:11434");
    }
}
