// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pools as the endpoints file gives them: what is resolved, and the one line each bad pool is refused with. */
class EndpointPoolsTest {
    private static final Endpoint GPU1 = server("gpu1", ProviderKind.OPENAI, "llama-8b");
    private static final Endpoint GPU2 = server("gpu2", ProviderKind.OPENAI, "llama-8b");
    private static final Endpoint QWEN = server("qwen", ProviderKind.OPENAI, "qwen-7b");
    private static final Endpoint BOX = server("box", ProviderKind.OLLAMA, "llama-8b");
    private static final Endpoint BARE = server("bare", ProviderKind.OPENAI, null);
    private static final Endpoint CLAUDE = server("claude", ProviderKind.ANTHROPIC, "llama-8b");
    private static final Endpoint LOOP = Endpoint.pool("loop", List.of(new PoolMember("lab", 4)));

    @TempDir
    Path dir;

    private static Endpoint server(String name, ProviderKind kind, String model) {
        return new Endpoint(name, kind, "http://" + name + ":8000/v1", model, null);
    }

    private static Endpoint pool(PoolMember... members) {
        return Endpoint.pool("lab", List.of(members));
    }

    @Test
    void aPoolResolvesToItsMembersTheirModelAndTheSumOfTheirConcurrency() {
        Endpoint lab = pool(new PoolMember("gpu1", 16), new PoolMember("gpu2", 8));

        EndpointPools.Resolved resolved = EndpointPools.resolve(lab, List.of(GPU1, GPU2, lab));

        assertThat(resolved.model()).isEqualTo("llama-8b");
        assertThat(resolved.kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(resolved.members()).extracting(m -> m.endpoint().name()).containsExactly("gpu1", "gpu2");
        assertThat(resolved.capacity()).isEqualTo(24);
    }

    /** The message's start after {@code pool "lab" }; the whole of it is one line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown     | gpu1:4,gpu9:4   | names "gpu9", but there is no endpoint of that name
            twice       | gpu1:4,gpu1:4   | names "gpu1" twice
            model       | gpu1:4,qwen:4   | mixes models: "gpu1" serves llama-8b, "qwen" serves qwen-7b
            no model    | bare:4          | has "bare", which names no model; give each member the model it serves
            kind        | gpu1:4,claude:4 | has "claude" (anthropic) as a member; members must be llamacpp, ollama,
            protocols   | gpu1:4,box:4    | mixes protocols: "gpu1" is openai, "box" is ollama
            cycle       | gpu1:4,loop:4   | is in a cycle: lab -> loop -> lab
            self        | lab:4           | is in a cycle: lab -> lab
            concurrency | gpu1:0          | gives "gpu1" concurrency 0; give the requests it takes at once, 1 or more
            missing     | gpu1:           | gives "gpu1" no concurrency; give the requests it takes at once
            empty       | ''              | has no members; name the endpoints it spreads requests over
            """)
    void aBadPoolIsRefusedWithOneLineNamingTheFault(String fault, String members, String message) {
        List<PoolMember> list = new ArrayList<>();
        for (String member : members.split(",")) {
            if (!member.isBlank()) {
                String[] parts = member.split(":", -1);
                list.add(new PoolMember(parts[0], parts[1].isEmpty() ? null : Integer.valueOf(parts[1])));
            }
        }
        Endpoint lab = Endpoint.pool("lab", list);

        assertThatThrownBy(() -> EndpointPools.resolve(lab, List.of(GPU1, GPU2, QWEN, BOX, BARE, CLAUDE, LOOP, lab)))
                .isInstanceOf(RationaleException.class).hasMessageStartingWith("pool \"lab\" " + message)
                .message().doesNotContain("\n");
    }

    @Test
    void aPoolWhoseOwnModelDiffersFromItsMembersIsRefused() {
        Endpoint lab = new Endpoint("lab", ProviderKind.POOL, null, "qwen-7b", null,
                List.of(new PoolMember("gpu1", 4)));

        assertThatThrownBy(() -> EndpointPools.resolve(lab, List.of(GPU1, lab)))
                .hasMessage("pool \"lab\" names the model qwen-7b, but its members serve llama-8b");
    }

    @Test
    void aPoolIsWrittenAndReadBackAsTheIssueSpellsIt() throws Exception {
        Path file = dir.resolve("endpoints.json");
        Files.writeString(file, """
                {"version": 1, "endpoints": [
                  {"name": "gpu1", "kind": "openai", "baseUrl": "http://gpu1:8000/v1", "model": "llama-8b"},
                  {"name": "gpu2", "kind": "openai", "baseUrl": "http://gpu2:8000/v1", "model": "llama-8b"},
                  {"name": "lab", "kind": "pool", "members": [{"endpoint": "gpu1", "concurrency": 16},
                    {"endpoint": "gpu2", "concurrency": 16}]}
                ]}
                """);
        EndpointStore store = new EndpointStore(file);

        Endpoint lab = store.find("lab").orElseThrow();

        assertThat(lab.kind()).isEqualTo(ProviderKind.POOL);
        assertThat(lab.poolMembers()).containsExactly(new PoolMember("gpu1", 16), new PoolMember("gpu2", 16));
        store.save(store.load());
        assertThat(store.load()).contains(lab);
        assertThat(Files.readString(file)).contains("\"members\" : [ {").doesNotContain("\"baseUrl\" : null");
        assertThat(GPU1.poolMembers()).isEmpty();
    }
}
