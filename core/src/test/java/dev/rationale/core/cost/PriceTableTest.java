// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped price table, looking prices up, and the user's override merged over it. */
class PriceTableTest {
    private final PriceTable shipped = PriceTable.shipped();

    @TempDir
    Path dir;

    @Test
    void theShippedTableSaysWhenItWasCheckedAndPricesTheHostedModels() {
        assertThat(shipped.checked()).matches("\\d{4}-\\d{2}-\\d{2}");
        ModelPrice gpt = shipped.find("openai", ProviderKind.OPENAI, "gpt-4o").orElseThrow();
        assertThat(gpt.input()).isEqualTo(2.50);
        assertThat(gpt.cachedInput()).isEqualTo(1.25);
        assertThat(gpt.output()).isEqualTo(10.00);
        assertThat(gpt.reasoning()).as("thinking is billed as output").isEqualTo(10.00);
        assertThat(gpt.batchDiscount()).isEqualTo(0.5);
        assertThat(gpt.source()).contains("checked " + shipped.checked());
        assertThat(shipped.find("claude", ProviderKind.ANTHROPIC, "claude-opus-5-5")).isPresent();
        assertThat(shipped.find("google", ProviderKind.GEMINI, "gemini-2.5-flash")).isPresent();
    }

    @Test
    void aModelWithoutACachedPriceBillsCachedTokensAsInput() {
        ModelPrice pro = shipped.find("openai", ProviderKind.OPENAI, "gpt-5.5-pro").orElseThrow();
        assertThat(pro.cachedInput()).isEqualTo(pro.input());
    }

    @Test
    void datedSnapshotsAndGeminiResourceNamesFindTheirModel() {
        assertThat(shipped.find("o", ProviderKind.OPENAI, "gpt-4o-2024-08-06").orElseThrow().model())
                .isEqualTo("gpt-4o");
        assertThat(shipped.find("o", ProviderKind.OPENAI, "gpt-4o-mini-2024-07-18").orElseThrow().model())
                .isEqualTo("gpt-4o-mini");
        assertThat(shipped.find("a", ProviderKind.ANTHROPIC, "claude-haiku-4-5-20251001").orElseThrow().model())
                .isEqualTo("claude-haiku-4-5");
        assertThat(shipped.find("g", ProviderKind.GEMINI, "models/gemini-2.5-pro").orElseThrow().model())
                .isEqualTo("gemini-2.5-pro");
        assertThat(shipped.find("o", ProviderKind.OPENAI_TEXT, "GPT-4o").orElseThrow().model()).isEqualTo("gpt-4o");
    }

    @Test
    void aNameThatOnlyBeginsLikeAListedModelHasNoPrice() {
        // A different model, not a snapshot: a guessed price would be worse than none.
        assertThat(shipped.find("o", ProviderKind.OPENAI, "gpt-4o-audio")).isEmpty();
        assertThat(shipped.find("vllm", ProviderKind.OPENAI, "Qwen/Qwen3-8B")).isEmpty();
    }

    @Test
    void modelsOnLocalEnginesAreFree() {
        assertThat(shipped.find("home", ProviderKind.OLLAMA, "llama3.2").orElseThrow().isFree()).isTrue();
        assertThat(shipped.find("box", ProviderKind.LLAMACPP, "anything").orElseThrow().isFree()).isTrue();
        assertThat(shipped.find("local", ProviderKind.EMBEDDED, "stories260K.gguf").orElseThrow().isFree()).isTrue();
    }

    @Test
    void anOverrideReplacesModelsAddsEndpointsAndKeepsTheRest() throws Exception {
        Path file = write("""
                {"confirmAbove": 5,
                 "providers": {
                   "openai": {"batchDiscount": 0.5, "models": {"gpt-4o": {"input": 2.0, "output": 8.0}}},
                   "lab-vllm": {"models": {"*": {"input": 0, "output": 0}}},
                   "router": {"batchDiscount": 0, "models": {"qwen3-8b": {"input": 0.05, "output": 0.2}}}}}
                """);

        PriceTable table = shipped.overriddenBy(file);

        ModelPrice gpt = table.find("openai", ProviderKind.OPENAI, "gpt-4o").orElseThrow();
        assertThat(gpt.input()).isEqualTo(2.0);
        assertThat(gpt.cachedInput()).isEqualTo(2.0);
        assertThat(gpt.source()).isEqualTo(file.toString());
        assertThat(table.find("openai", ProviderKind.OPENAI, "gpt-4o-mini").orElseThrow().input()).isEqualTo(0.15);
        assertThat(table.find("lab-vllm", ProviderKind.OPENAI, "Qwen/Qwen3-8B").orElseThrow().isFree()).isTrue();
        assertThat(table.find("router", ProviderKind.OPENAI, "qwen3-8b").orElseThrow().output()).isEqualTo(0.2);
        assertThat(table.confirmAbove()).isEqualTo(5);
        assertThat(table.checked()).isEqualTo(shipped.checked());
        assertThat(shipped.confirmAbove()).isEqualTo(1.0);
    }

    @Test
    void aMissingOverrideLeavesTheTableAsItIs() {
        PriceTable table = shipped.overriddenBy(dir.resolve("absent.json"));
        assertThat(table.find("o", ProviderKind.OPENAI, "gpt-4o")).isEqualTo(
                shipped.find("o", ProviderKind.OPENAI, "gpt-4o"));
    }

    @Test
    void aBrokenOverrideIsRefusedInOneLineNamingTheFileAndLine() throws Exception {
        Path file = write("{\n  \"providers\": {\n    \"openai\": {\"models\": {\"gpt-4o\": {\"input\": 2.0,}}}\n}}");
        assertThatThrownBy(() -> shipped.overriddenBy(file))
                .isInstanceOf(RationaleException.class)
                .hasMessageStartingWith(file + ":3: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void overridesWithWrongFieldsOrValuesAreRefusedByName() throws Exception {
        assertRefused("{\"providers\": {\"openai\": {\"models\": {\"gpt-4o\": {\"input\": -1, \"output\": 1}}}}}",
                "openai/gpt-4o input must be 0 or more, got -1.0");
        assertRefused("{\"providers\": {\"openai\": {\"models\": {\"gpt-4o\": {\"output\": 1}}}}}",
                "Missing required creator property 'input'");
        assertRefused("{\"providers\": {\"openai\": {\"batchDiscount\": 50, \"models\": {}}}}",
                "openai batchDiscount must be between 0 and 1, got 50.0");
        assertRefused("{\"providers\": {\"openai\": {\"models\": {\"gpt-4o\": {\"input\": 1, \"output\": 1, "
                + "\"outptu\": 2}}}}}", "Unrecognized field \"outptu\"");
        assertRefused("{\"currency\": \"EUR\"}", "prices must be in USD, not EUR");
        assertRefused("{\"confirmAbove\": -3}", "confirmAbove must be 0 or more");
        assertRefused("[1, 2]", "Cannot deserialize");
    }

    private void assertRefused(String text, String reason) throws Exception {
        Path file = write(text);
        assertThatThrownBy(() -> shipped.overriddenBy(file))
                .isInstanceOf(RationaleException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "prices", ".json"), text);
    }
}
