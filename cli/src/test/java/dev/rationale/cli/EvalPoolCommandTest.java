// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.cli.bench.EvalVsPeers;
import dev.rationale.cli.bench.FaultServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval --endpoint lab} on a pool from the user's endpoints file, in a process of its own (the file's
 * folder comes from {@code RATIONALE_CONFIG_DIR}): the run uses every member and says how each did; a bad pool is
 * refused with one line before anything is sent.
 */
class EvalPoolCommandTest {
    private static final int CASES = 30;

    @TempDir
    Path dir;

    private record Ran(int exit, String stdout, String stderr) {
    }

    @Test
    void anEvaluationOnAPoolUsesEveryMemberAndReportsEachOfThem() throws Exception {
        List<FaultServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                servers.add(FaultServer.start(5, FaultServer.FaultMix.NONE));
            }
            writeEndpoints(servers.get(0).baseUrl(), servers.get(1).baseUrl(), servers.get(2).baseUrl(), "gpu3");

            Ran ran = eval("--json", "--progress");

            assertThat(ran.exit()).as(ran.stderr()).isZero();
            JsonNode summary = new ObjectMapper().readTree(ran.stdout());
            assertThat(summary.path("completions").asInt()).isEqualTo(2 * CASES);
            assertThat(summary.path("cells")).allSatisfy(cell -> {
                assertThat(cell.path("endpoint").asText()).isEqualTo("lab");
                assertThat(cell.path("correct").asInt()).isEqualTo(CASES);
            });
            assertThat(servers).allSatisfy(server -> assertThat(server.requests()).isPositive());
            assertThat(servers.stream().mapToLong(FaultServer::requests).sum()).isEqualTo(2 * CASES);
            assertThat(ran.stderr()).contains("pool lab:\n  gpu1: serving", "\n  gpu2: serving", "\n  gpu3: serving")
                    .contains("| lab: gpu1 ");
        } finally {
            servers.forEach(FaultServer::close);
        }
    }

    @Test
    void aPoolNamingAnUnknownMemberIsRefusedWithOneLine() throws Exception {
        writeEndpoints("http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1", "gpu9");

        Ran ran = eval();

        assertThat(ran.exit()).isNotZero();
        assertThat(ran.stderr().strip()).isEqualTo(
                "rationale: pool \"lab\" names \"gpu9\", but there is no endpoint of that name");
    }

    private void writeEndpoints(String url1, String url2, String url3, String third) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("endpoints.json"), String.format("""
                {"version": 1, "endpoints": [
                  {"name": "gpu1", "kind": "openai", "baseUrl": "%s", "model": "bench"},
                  {"name": "gpu2", "kind": "openai", "baseUrl": "%s", "model": "bench"},
                  {"name": "gpu3", "kind": "openai", "baseUrl": "%s", "model": "bench"},
                  {"name": "lab", "kind": "pool", "members": [{"endpoint": "gpu1", "concurrency": 4},
                    {"endpoint": "gpu2", "concurrency": 4}, {"endpoint": "%s", "concurrency": 4}]}
                ]}
                """, url1, url2, url3, third));
    }

    private Ran eval(String... more) throws Exception {
        Path set = EvalVsPeers.writeSet(dir.resolve("sums.rationale.json"), CASES);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RationaleCommand.class.getName(), "eval", set.toString(), "--endpoint", "lab", "--no-history"));
        command.addAll(List.of(more));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("RATIONALE_CONFIG_DIR", dir.resolve("config").toString());
        Process child = builder.start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the evaluation ends").isTrue();
        return new Ran(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
