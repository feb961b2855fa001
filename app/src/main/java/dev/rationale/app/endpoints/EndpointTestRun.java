// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.app.endpoints.EndpointsViewModel.TestState;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.pool.PoolSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Endpoints dialog's "Test": asks an endpoint for its models on the background executor and shows, on the FX
 * executor, the outcome in one line, the models and the kind's capabilities. A result that arrives after a newer
 * test or a reset is dropped. Touch it on the FX thread.
 */
final class EndpointTestRun {

    private final Executor fx;
    private final Executor background;
    private final ReadOnlyObjectWrapper<TestState> state = new ReadOnlyObjectWrapper<>(this, "testState",
            TestState.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "testSummary", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<CapabilityRow> capabilities = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private int run;

    EndpointTestRun(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
    }

    /** Tests {@code endpoint} with providers from {@code factory}, in place of any test still running. */
    void start(Endpoint endpoint, ProviderFactory factory) {
        reset();
        int current = run;
        state.set(TestState.RUNNING);
        summary.set("Asking " + endpoint.effectiveBaseUrl() + " for its models…");
        CompletableFuture.supplyAsync(() -> EndpointCheck.run(factory, endpoint), background)
                .whenCompleteAsync((check, error) -> {
                    if (current == run) {
                        show(error != null
                                ? new EndpointCheck(null, List.of(), EndpointCheck.oneLineOfWork(error)) : check);
                    }
                }, fx);
    }

    /**
     * Tests a pool: asks each of its {@code servers} for its models, all at once, and shows a line per member: its
     * models or why it did not answer, then how it has served this session when {@code live} has it in use.
     */
    void startPool(Endpoint pool, List<Endpoint> servers, ProviderFactory factory, Optional<PoolHealth> live) {
        reset();
        int current = run;
        state.set(TestState.RUNNING);
        summary.set("Asking " + servers.size() + " members for their models…");
        List<CompletableFuture<EndpointCheck>> checks = servers.stream()
                .map(server -> CompletableFuture.supplyAsync(() -> EndpointCheck.run(factory, server), background))
                .toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenCompleteAsync((ignored, error) -> {
            if (current == run) {
                showPool(pool, servers, checks.stream().map(CompletableFuture::join).toList(), live);
            }
        }, fx);
    }

    private void showPool(Endpoint pool, List<Endpoint> servers, List<EndpointCheck> checks,
            Optional<PoolHealth> live) {
        List<String> lines = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < servers.size(); i++) {
            EndpointCheck check = checks.get(i);
            String outcome = check.error() != null ? check.error()
                    : EndpointCheck.summarize(check.models().stream().map(ModelInfo::id).toList());
            answered += check.error() == null ? 1 : 0;
            lines.add(servers.get(i).name() + " (" + servers.get(i).effectiveBaseUrl() + "): " + outcome);
            if (check.error() == null && check.capabilities() != null && capabilities.isEmpty()) {
                capabilities.setAll(CapabilityRow.of(check.capabilities()));
            }
        }
        live.ifPresent(health -> health.members().forEach(m -> lines.add(
                "This session, " + m.endpoint() + ": " + PoolSummary.detail(m))));
        members.setAll(lines);
        state.set(answered == servers.size() ? TestState.PASSED : TestState.FAILED);
        summary.set(answered + " of " + servers.size() + " members of “" + pool.name() + "” answered.");
    }

    private void show(EndpointCheck check) {
        if (check.capabilities() != null) {
            capabilities.setAll(CapabilityRow.of(check.capabilities()));
        }
        List<String> ids = check.models().stream().map(ModelInfo::id).toList();
        models.setAll(ids);
        state.set(check.error() == null ? TestState.PASSED : TestState.FAILED);
        summary.set(check.error() != null ? check.error() : EndpointCheck.summarize(ids));
    }

    /** Forgets the last outcome; a test still running is dropped when it ends. */
    void reset() {
        run++;
        state.set(TestState.IDLE);
        summary.set("");
        models.clear();
        capabilities.clear();
        members.clear();
    }

    ReadOnlyObjectProperty<TestState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ObservableList<String> models() {
        return models;
    }

    ObservableList<CapabilityRow> capabilities() {
        return capabilities;
    }

    /** For a pool: a line per member from the last test, then its health this session if it served. */
    ObservableList<String> members() {
        return members;
    }
}
