// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.endpoints.EndpointsViewModel.TestState;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsViewModelTest {
    private static final String KEY = "test-key-not-real";
    private static final OkHttpClient HTTP = HttpClients.create();

    @TempDir
    private Path dir;
    private final MockWebServer server = new MockWebServer();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AtomicInteger saves = new AtomicInteger();
    private InMemorySecrets secrets = new InMemorySecrets(true);
    private EndpointStore store;
    private EndpointsViewModel viewModel;
    private EndpointForm form;

    @BeforeEach
    void start() throws IOException {
        server.start();
        store = new EndpointStore(dir.resolve("config").resolve("endpoints.json"));
        open();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void open() {
        viewModel = new EndpointsViewModel(store, secrets, Map.of("MY_KEY", KEY)::get, HTTP, dir.resolve("models"),
                dialogs, saves::incrementAndGet, Runnable::run, Runnable::run);
        form = viewModel.getForm();
        viewModel.load();
    }

    private String serverBase() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private void fill(String name, ProviderKind kind, String baseUrl) {
        form.nameProperty().set(name);
        form.kindProperty().set(kind);
        form.baseUrlProperty().set(baseUrl);
    }

    @Test
    void addsAnEndpointWritesTheStoreAndTellsTheCaller() {
        assertThat(viewModel.getEndpoints()).isEmpty();
        form.nameProperty().set("local");
        form.kindProperty().set(ProviderKind.OLLAMA);
        form.modelProperty().set("llama3.2:1b");

        viewModel.save();

        Endpoint saved = new Endpoint("local", ProviderKind.OLLAMA, "http://localhost:11434", "llama3.2:1b", null);
        assertThat(store.load()).containsExactly(saved);
        assertThat(viewModel.getEndpoints()).containsExactly(saved);
        assertThat(viewModel.selectedProperty().get()).isEqualTo(saved);
        assertThat(form.originalProperty().get()).isEqualTo(saved);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Saved “local”.");
        assertThat(viewModel.statusIsErrorProperty().get()).isFalse();
        assertThat(saves).hasValue(1);
    }

    @Test
    void editsAnEndpointInPlaceAndKeepsTheOrder() {
        Endpoint first = new Endpoint("first", ProviderKind.OLLAMA, "http://localhost:11434", null, null);
        Endpoint second = new Endpoint("second", ProviderKind.LLAMACPP, "http://localhost:8080", null, null);
        store.save(List.of(first, second));
        open();
        assertThat(form.originalProperty().get()).isEqualTo(first);

        form.nameProperty().set("renamed");
        form.baseUrlProperty().set("http://gpu-box:11434");
        viewModel.save();

        assertThat(store.load()).containsExactly(
                new Endpoint("renamed", ProviderKind.OLLAMA, "http://gpu-box:11434", null, null), second);
        assertThat(saves).hasValue(1);
    }

    @Test
    void changingTheKindFillsItsDefaultOnlyWhereTheUserTypedNothingOfTheirOwn() {
        viewModel.newEndpoint();
        assertThat(form.baseUrlProperty().get()).isEqualTo("https://api.openai.com/v1");

        form.kindProperty().set(ProviderKind.OLLAMA);
        assertThat(form.baseUrlProperty().get()).isEqualTo("http://localhost:11434");

        form.baseUrlProperty().set("http://gpu-box:11434");
        form.kindProperty().set(ProviderKind.LLAMACPP);
        assertThat(form.baseUrlProperty().get()).isEqualTo("http://gpu-box:11434");

        form.baseUrlProperty().set("");
        form.kindProperty().set(ProviderKind.EMBEDDED);
        assertThat(form.baseUrlProperty().get()).isEqualTo(dir.resolve("models").toString());

        form.kindProperty().set(ProviderKind.ANTHROPIC);
        assertThat(form.baseUrlProperty().get()).isEqualTo("https://api.anthropic.com");
    }

    @Test
    void validationMessagesAppearInlineAndBlockSaving() {
        store.save(List.of(new Endpoint("taken", ProviderKind.OLLAMA, null, null, null)));
        open();
        viewModel.newEndpoint();

        assertThat(form.nameErrorProperty().get()).isEqualTo("Give the endpoint a name.");
        form.nameProperty().set("taken");
        assertThat(form.nameErrorProperty().get()).isEqualTo("Another endpoint is already called “taken”.");
        form.nameProperty().set("Embedded engine");
        assertThat(form.nameErrorProperty().get()).contains("built-in endpoint");
        form.nameProperty().set("fresh");
        assertThat(form.nameErrorProperty().get()).isEmpty();

        form.baseUrlProperty().set("localhost:11434");
        assertThat(form.baseUrlErrorProperty().get()).startsWith("Not a URL");
        assertThat(form.isValid()).isFalse();
        viewModel.save();
        assertThat(store.load()).extracting(Endpoint::name).containsExactly("taken");
        assertThat(saves).hasValue(0);

        form.baseUrlProperty().set("http://localhost:11434");
        form.keySourceProperty().set(KeySource.ENVIRONMENT);
        assertThat(form.envVariableProperty().get()).isEqualTo("OPENAI_API_KEY");
        form.envVariableProperty().set("1ST-KEY");
        assertThat(form.keyErrorProperty().get()).contains("letters, digits and _");
        form.envVariableProperty().set("MY_KEY");
        assertThat(form.isValid()).isTrue();
    }

    @Test
    void anEndpointKeepsItsOwnNameWhenEdited() {
        store.save(List.of(new Endpoint("mine", ProviderKind.OLLAMA, null, null, null)));
        open();

        assertThat(form.nameErrorProperty().get()).isEmpty();
        assertThat(form.isValid()).isTrue();
    }

    @Test
    void aTypedKeyGoesToTheKeychainAndNeverIntoTheEndpointsFile() throws IOException {
        fill("hosted", ProviderKind.OPENAI, "https://api.example.test/v1");
        form.keySourceProperty().set(KeySource.KEYCHAIN);
        assertThat(form.keyErrorProperty().get()).isEqualTo("Type the key to store it in the keychain.");
        form.typedKeyProperty().set(KEY);

        viewModel.save();

        assertThat(secrets.entries()).containsExactly(Map.entry("endpoint:hosted", KEY));
        assertThat(store.load().getFirst().key()).isEqualTo(KeyReference.keychainEntry("endpoint:hosted"));
        String file = Files.readString(store.file());
        assertThat(file).doesNotContain(KEY).contains("\"keychain\" : \"endpoint:hosted\"");
        assertThat(form.typedKeyProperty().get()).isEmpty();
        assertThat(form.keyHintProperty().get()).contains("A key is stored in the keychain");
        assertThat(form.isValid()).isTrue();
    }

    @Test
    void withoutAWritableKeychainOnlyTheEnvironmentIsOffered() {
        secrets = new InMemorySecrets(false);
        open();
        fill("hosted", ProviderKind.OPENAI, "https://api.example.test/v1");

        form.keySourceProperty().set(KeySource.KEYCHAIN);
        form.typedKeyProperty().set(KEY);

        assertThat(form.isKeychainWritable()).isFalse();
        assertThat(form.keyErrorProperty().get()).contains("no OS keychain on this machine")
                .contains("environment variable");
        assertThat(form.isValid()).isFalse();
        viewModel.save();
        assertThat(store.file()).doesNotExist();

        form.keySourceProperty().set(KeySource.ENVIRONMENT);
        viewModel.save();
        assertThat(store.load().getFirst().key()).isEqualTo(KeyReference.environment("OPENAI_API_KEY"));
    }

    @Test
    void testListsTheModelsOfAnOllamaServerAndItsCapabilities() throws Exception {
        server.enqueue(json(200, "{\"models\":[" + tag("llama3.2:1b") + "," + tag("qwen2.5:0.5b") + ","
                + tag("smollm2:135m") + "," + tag("gemma3:1b") + "," + tag("phi4-mini") + "," + tag("mistral:7b")
                + "," + tag("tinyllama") + "]}"));
        fill("local", ProviderKind.OLLAMA, serverBase());

        viewModel.test();

        assertThat(viewModel.testStateProperty().get()).isEqualTo(TestState.PASSED);
        assertThat(viewModel.testSummaryProperty().get()).isEqualTo(
                "7 models: llama3.2:1b, qwen2.5:0.5b, smollm2:135m, gemma3:1b, phi4-mini and 2 more");
        assertThat(viewModel.getTestModels()).hasSize(7).startsWith("llama3.2:1b");
        assertThat(viewModel.getCapabilities()).contains(
                new CapabilityRow("Token probabilities", true, "up to 20 alternatives per token"),
                new CapabilityRow("Chat messages", true, ""),
                new CapabilityRow("Branching", false, "continue from any chosen token"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tags");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void testUsesAKeyTypedButNotSavedAndShowsA401InOneLine() throws Exception {
        server.enqueue(json(401, "{\"error\":\"unauthorized: bad token\"}"));
        fill("guarded", ProviderKind.OLLAMA, serverBase());
        form.keySourceProperty().set(KeySource.KEYCHAIN);
        form.typedKeyProperty().set(KEY);

        viewModel.test();

        assertThat(viewModel.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(viewModel.testSummaryProperty().get()).contains("401").contains("unauthorized")
                .doesNotContain("\n").doesNotContain(KEY);
        assertThat(viewModel.getTestModels()).isEmpty();
        assertThat(viewModel.getCapabilities()).isNotEmpty();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(secrets.entries()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void testReadsAKeyFromTheNamedEnvironmentVariable() throws Exception {
        server.enqueue(json(200, "{\"models\":[]}"));
        fill("env", ProviderKind.OLLAMA, serverBase());
        form.keySourceProperty().set(KeySource.ENVIRONMENT);
        form.envVariableProperty().set("MY_KEY");

        viewModel.test();

        assertThat(viewModel.testSummaryProperty().get()).isEqualTo("Connected; it lists no models.");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void anUnreachableServerIsAFailedTestWithTheReason() {
        fill("nowhere", ProviderKind.LLAMACPP, serverBase());
        server.close();

        viewModel.test();

        assertThat(viewModel.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(viewModel.testSummaryProperty().get()).contains("cannot reach the server");
    }

    @Test
    void removeAsksFirstAndWritesTheStore() {
        store.save(List.of(new Endpoint("a", ProviderKind.OLLAMA, null, null, null),
                new Endpoint("b", ProviderKind.LLAMACPP, null, null, KeyReference.keychainEntry("endpoint:b"))));
        open();
        viewModel.selectedProperty().set(viewModel.getEndpoints().get(1));

        dialogs.answerConfirm(false);
        viewModel.remove();
        assertThat(store.load()).hasSize(2);

        dialogs.answerConfirm(true);
        viewModel.remove();
        assertThat(store.load()).extracting(Endpoint::name).containsExactly("a");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("a");
        assertThat(dialogs.asked()).containsExactly("Remove endpoint", "Remove endpoint");
        assertThat(saves).hasValue(1);
    }

    @Test
    void theEmbeddedKindTakesAFolderOrAGgufFileInsteadOfAUrl() {
        Path gguf = dir.resolve("elsewhere").resolve("tiny.gguf");
        fill("offline", ProviderKind.EMBEDDED, "");
        assertThat(form.baseUrlErrorProperty().get()).contains("folder");
        assertThat(form.keyApplies()).isFalse();

        dialogs.answerFile(gguf);
        viewModel.chooseModelFile();
        viewModel.save();

        assertThat(store.load()).containsExactly(new Endpoint("offline", ProviderKind.EMBEDDED,
                gguf.getParent().toString(), "tiny.gguf", null));
    }

    @Test
    void anUnreadableEndpointsFileIsNeverOverwritten() throws IOException {
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{ not json");
        open();

        assertThat(viewModel.storeReadableProperty().get()).isFalse();
        assertThat(viewModel.statusIsErrorProperty().get()).isTrue();
        assertThat(viewModel.statusProperty().get()).startsWith("Cannot read the endpoints");
        fill("new", ProviderKind.OLLAMA, "http://localhost:11434");
        viewModel.save();
        assertThat(Files.readString(store.file())).isEqualTo("{ not json");
    }

    private static String tag(String name) {
        return "{\"name\":\"" + name + "\",\"model\":\"" + name + "\",\"details\":{\"parameter_size\":\"1B\"}}";
    }
}
