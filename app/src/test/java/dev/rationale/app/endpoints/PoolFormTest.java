// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a pool in the Endpoints view model: offering the saved servers, checking the pool, saving and testing. */
class PoolFormTest {
    @TempDir
    private Path dir;
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger saves = new AtomicInteger();
    private EndpointStore store;
    private EndpointsViewModel viewModel;
    private EndpointForm form;

    @BeforeEach
    void start() throws Exception {
        server.start();
        String url = server.url("/v1").toString();
        store = new EndpointStore(dir.resolve("endpoints.json"));
        store.save(List.of(new Endpoint("gpu1", ProviderKind.OPENAI, url, "llama-8b", null),
                new Endpoint("gpu2", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", "llama-8b", null),
                new Endpoint("qwen", ProviderKind.OPENAI, url, "qwen-7b", null),
                new Endpoint("claude", ProviderKind.ANTHROPIC, null, "llama-8b", null)));
        PoolHealth live = new PoolHealth() {
            @Override
            public String name() {
                return "lab";
            }

            @Override
            public int capacity() {
                return 24;
            }

            @Override
            public List<MemberHealth> members() {
                return List.of(new MemberHealth("gpu2", MemberHealth.State.OUT, 8, 8, 0, 3, 5, 0, 0, "refused",
                        Duration.ofMillis(1600)));
            }
        };
        viewModel = new EndpointsViewModel(store, new InMemorySecrets(true), name -> null, HttpClients.create(),
                dir.resolve("models"), new ScriptedDialogs(), saves::incrementAndGet, Runnable::run, Runnable::run,
                name -> name.equals("lab") ? Optional.of(live) : Optional.empty());
        form = viewModel.getForm();
        viewModel.load();
        viewModel.newEndpoint();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PoolMemberChoice choice(String name) {
        return form.getPoolMembers().stream().filter(c -> c.getEndpoint().name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void aNewPoolIsOfferedTheSavedServersOfKindsThatCanShareWork() {
        form.nameProperty().set("lab");
        form.kindProperty().set(ProviderKind.POOL);

        assertThat(form.getPoolMembers()).extracting(PoolMemberChoice::label)
                .containsExactly("gpu1 · openai · llama-8b", "gpu2 · openai · llama-8b", "qwen · openai · qwen-7b");
        assertThat(form.getPoolMembers()).noneMatch(c -> c.chosenProperty().get());
        assertThat(form.poolErrorProperty().get())
                .isEqualTo("pool \"lab\" has no members; name the endpoints it spreads requests over");
        assertThat(form.isValid()).isFalse();
    }

    @Test
    void tickingAMemberOfAnotherModelIsRefusedInlineAndTheRightOnesSave() {
        form.nameProperty().set("lab");
        form.kindProperty().set(ProviderKind.POOL);
        choice("gpu1").chosenProperty().set(true);
        choice("qwen").chosenProperty().set(true);

        assertThat(form.poolErrorProperty().get())
                .isEqualTo("pool \"lab\" mixes models: \"gpu1\" serves llama-8b, \"qwen\" serves qwen-7b");
        viewModel.save();
        assertThat(saves).hasValue(0);

        choice("qwen").chosenProperty().set(false);
        choice("gpu2").chosenProperty().set(true);
        choice("gpu1").concurrencyProperty().set(16);
        assertThat(form.isValid()).isTrue();
        viewModel.save();

        assertThat(saves).hasValue(1);
        assertThat(store.find("lab")).contains(Endpoint.pool("lab",
                List.of(new PoolMember("gpu1", 16), new PoolMember("gpu2", PoolMemberChoice.DEFAULT_CONCURRENCY))));
        // Reopened, the pool's members come first, ticked, with their concurrency.
        viewModel.selectedProperty().set(store.find("lab").orElseThrow());
        assertThat(form.getPoolMembers().subList(0, 2)).allMatch(c -> c.chosenProperty().get());
        assertThat(choice("gpu1").concurrencyProperty().get()).isEqualTo(16);
        assertThat(choice("qwen").chosenProperty().get()).isFalse();
    }

    @Test
    void testingAPoolAsksEachMemberAndShowsHowItServedThisSession() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":[{\"id\":\"llama-8b\",\"object\":\"model\"}]}").build());
        form.nameProperty().set("lab");
        form.kindProperty().set(ProviderKind.POOL);
        choice("gpu1").chosenProperty().set(true);
        choice("gpu2").chosenProperty().set(true);

        viewModel.test();

        assertThat(viewModel.testStateProperty().get()).isEqualTo(EndpointsViewModel.TestState.FAILED);
        assertThat(viewModel.testSummaryProperty().get()).isEqualTo("1 of 2 members of “lab” answered.");
        assertThat(viewModel.getPoolMembers()).hasSize(3);
        assertThat(viewModel.getPoolMembers().get(0)).endsWith(": 1 model: llama-8b").startsWith("gpu1 (");
        assertThat(viewModel.getPoolMembers().get(1)).startsWith("gpu2 (http://127.0.0.1:9/v1): ")
                .contains("cannot reach");
        assertThat(viewModel.getPoolMembers().get(2)).isEqualTo("This session, gpu2: out after failing, probed"
                + " again in 1.6 s; 3 answered, 5 failed, 0 answered 429; last error: refused");
    }
}
