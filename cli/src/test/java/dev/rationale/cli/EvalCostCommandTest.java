// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code rationale eval} says a run costs: the cost column and total from the reported usage, the estimate of
 * {@code --dry-run} (nothing sent), the refusal above the limit without {@code --yes}, the workspace's
 * {@code prices.json}, and {@code history show}'s cost. The mock server reports 7 prompt and 5 completion tokens
 * a request; gpt-4o is priced at $2.50 in and $10 out per million.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvalCostCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double PER_REQUEST = (7 * 2.50 + 5 * 10.0) / 1e6;
    // Five prompts "Q: What is i + 3?" of 17 characters (5 tokens each, estimated), 512 output tokens assumed each.
    private static final double ESTIMATE = (25 * 2.50 + 5 * 512 * 10.0) / 1e6;
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private Path set;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new SumServer(0));
        server.start();
        set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun eval(String model, String... more) {
        String[] args = {"eval", set.toString(), "--provider", "openai", "--base-url", server.url("/v1").toString(),
            "--model", model, "--variant", "direct", "--out", dir.resolve("out.jsonl").toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void theTableAndJsonGiveEachCellsCostFromTheReportedUsage() throws Exception {
        CliRun table = eval("gpt-4o");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).endsWith("cost");
        assertThat(table.out()).contains("$0.00034").contains("cost: $0.00034 from the reported usage at the prices"
                + " checked ");

        CliRun json = eval("gpt-4o", "--json", "--no-history");
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("cells").get(0).get("cost").asDouble()).isCloseTo(5 * PER_REQUEST, within(1e-12));
        assertThat(root.get("cells").get(0).get("cachedTokens").asLong()).isZero();
        assertThat(root.get("cost").get("total").asDouble()).isCloseTo(5 * PER_REQUEST, within(1e-12));
        assertThat(root.get("cost").get("pricesChecked").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(root.get("cost").get("unpriced")).isEmpty();
    }

    @Test
    void aModelWithoutAPriceShowsADashAndIsNamed() throws Exception {
        CliRun run = eval("m1", "--json", "--no-history");
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("cells").get(0).get("cost").isNull()).isTrue();
        assertThat(root.get("cost").get("unpriced").get(0).asText()).isEqualTo("m1");
        assertThat(eval("m1", "--no-history").out()).contains("no price for m1");
    }

    @Test
    void dryRunPrintsTheEstimateAndSendsNothing() throws Exception {
        CliRun text = eval("gpt-4o", "--dry-run");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Estimate: 5 requests, 5 completions, 25 prompt tokens, up to 2,560 output")
                .contains("estimated, 4 characters a token").contains("assumed 512 a completion")
                .contains("Cost: about $0.03").contains("nothing was sent");

        CliRun json = eval("gpt-4o", "--dry-run", "--json");
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("requests").asLong()).isEqualTo(5);
        assertThat(root.get("cost").asDouble()).isCloseTo(ESTIMATE, within(1e-12));
        assertThat(root.get("confirmAbove").asDouble()).isEqualTo(1.0);
        assertThat(root.get("targets").get(0).get("promptCounted").asText()).isEqualTo("estimated");
        assertThat(root.get("targets").get(0).get("outputBasis").asText()).isEqualTo("assumed");

        assertThat(server.getRequestCount()).isZero();
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void aRunAboveTheLimitIsRefusedInOneLineUntilYes() {
        CliRun refused = eval("gpt-4o", "--max-cost", "0.01");
        assertThat(refused.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(refused.err().strip()).doesNotContain("\n")
                .isEqualTo("rationale: the estimate is about $0.03 for 5 requests, above the $0.01 limit; add --yes"
                        + " to run it (or raise --max-cost, or confirmAbove in prices.json; --dry-run shows the"
                        + " figures)");
        assertThat(server.getRequestCount()).isZero();

        CliRun confirmed = eval("gpt-4o", "--max-cost", "0.01", "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void theWorkspacesPricesAndLimitOverrideTheShippedOnes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve(".rationale"));
        Files.writeString(folder.resolve("prices.json"), "{\"confirmAbove\": 0.001, \"providers\": {\"openai\":"
                + " {\"models\": {\"m1\": {\"input\": 1000, \"output\": 0}}}}}");

        CliRun refused = eval("m1");
        assertThat(refused.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        // 25 estimated prompt tokens at $1,000 a million.
        assertThat(refused.err()).contains("about $0.03 for 5 requests, above the $0.0010 limit");

        JsonNode root = JSON.readTree(eval("m1", "--yes", "--json", "--no-history").out());
        assertThat(root.get("cost").get("total").asDouble()).isCloseTo(35 * 1000 / 1e6, within(1e-12));
    }

    @Test
    void aBrokenPricesFileIsRefusedInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve(".rationale"));
        Path prices = Files.writeString(folder.resolve("prices.json"), "{\"providers\": {\"openai\": 3}}");

        CliRun run = eval("gpt-4o");

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).startsWith("rationale: " + prices + ":1: ").doesNotContain("\n");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void historyShowGivesTheCostOfEachCellFromTheTokensItKept() throws Exception {
        CliRun evaluated = eval("gpt-4o");
        String runId = evaluated.out().lines().filter(l -> l.startsWith("history: run ")).findFirst().orElseThrow()
                .split(" ")[2];

        CliRun shown = CliRun.of("history", "show", runId, "--workspace", dir.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("COST").contains("$0.00034")
                .contains("cost: $0.00034 from the reported usage");

        JsonNode root = JSON.readTree(CliRun.of("history", "show", runId, "--workspace", dir.toString(), "--json")
                .out());
        JsonNode cell = root.get("cells").get(0);
        assertThat(cell.get("tokens").get("live").get("prompt").asLong()).isEqualTo(35);
        assertThat(cell.get("tokens").get("live").get("completion").asLong()).isEqualTo(25);
        assertThat(cell.get("cost").asDouble()).isCloseTo(5 * PER_REQUEST, within(1e-12));
        assertThat(root.get("cost").get("total").asDouble()).isCloseTo(5 * PER_REQUEST, within(1e-12));
    }
}
