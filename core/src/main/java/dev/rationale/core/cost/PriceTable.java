// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Prices per provider and model: the table shipped with Rationale, with the user's {@code prices.json} (in the
 * configuration folder, then in the workspace's {@code .rationale} folder) merged over it model by model. Immutable
 * and thread-safe.
 *
 * <p>A price is looked up under the endpoint's own name first (so a vLLM or OpenRouter endpoint can be priced by
 * naming it), then under the provider its kind speaks for. A model matches its exact name, else the longest listed
 * name it extends by a date or a {@code -latest}/{@code -preview} tail ({@code claude-haiku-5-5-20261007}), else
 * the provider's {@code *} entry. Nothing else matches: a price that may be wrong is worse than none.
 */
public final class PriceTable {
    public static final String FILE_NAME = "prices.json";
    private static final int VERSION = 1;
    private static final double DEFAULT_CONFIRM_ABOVE = 1.0;
    private static final String WILDCARD = "*";
    private static final Pattern TAIL = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest|preview.*)");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, Map<String, ModelPrice>> providers;
    private final String checked;
    private final double confirmAbove;

    private PriceTable(Map<String, Map<String, ModelPrice>> providers, String checked, double confirmAbove) {
        this.providers = providers;
        this.checked = checked;
        this.confirmAbove = confirmAbove;
    }

    /** The table shipped in this build. */
    public static PriceTable shipped() {
        try (InputStream in = Objects.requireNonNull(PriceTable.class.getResourceAsStream(FILE_NAME), FILE_NAME)) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "shipped table");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shipped table with the user's overrides: {@code prices.json} in the configuration folder, then in the
     * workspace's own folder.
     *
     * @param workspaceFolder the workspace's hidden folder ({@code .rationale}, where its history is); null when
     *     there is no workspace
     * @throws RationaleException naming the file and line when an override is broken
     */
    public static PriceTable forUser(@Nullable Path workspaceFolder) {
        PriceTable table = shipped().overriddenBy(EndpointStore.userConfigDirectory().resolve(FILE_NAME));
        return workspaceFolder == null ? table : table.overriddenBy(workspaceFolder.resolve(FILE_NAME));
    }

    /**
     * This table with the prices of {@code file} over it; this table itself when the file does not exist.
     *
     * @throws RationaleException naming the file and line when the file is broken
     */
    public PriceTable overriddenBy(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return this;
        } catch (IOException e) {
            throw new RationaleException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return merge(parse(text, file.toString()));
    }

    /**
     * The table a price file's text describes.
     *
     * @param origin names the file in messages and in each price's source
     * @throws RationaleException in one line naming the origin, the line and the problem
     */
    static PriceTable parse(String text, String origin) {
        PriceFile file;
        try {
            file = JSON.readValue(text, PriceFile.class);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RationaleException(origin + ":" + line + ": " + e.getOriginalMessage().lines().findFirst()
                    .orElse("not a price file"));
        }
        if (file == null) {
            throw new RationaleException(origin + ": empty; a price file is a JSON object");
        }
        if (file.version() != null && file.version() > VERSION) {
            throw new RationaleException(origin + ": written for a newer Rationale (version " + file.version() + ")");
        }
        if (file.currency() != null && !file.currency().equals("USD")) {
            throw new RationaleException(origin + ": prices must be in USD, not " + file.currency());
        }
        if (file.confirmAbove() != null && !(file.confirmAbove() >= 0)) {
            throw new RationaleException(origin + ": confirmAbove must be 0 or more, got " + file.confirmAbove());
        }
        String source = file.checked() == null ? origin : origin + ", checked " + file.checked();
        Map<String, Map<String, ModelPrice>> providers = new LinkedHashMap<>();
        Map<String, PriceFile.Provider> listed = file.providers() == null ? Map.of() : file.providers();
        listed.forEach((name, provider) -> providers.put(key(name), models(origin, name, provider, source)));
        return new PriceTable(providers, file.checked() == null ? "" : file.checked(),
                file.confirmAbove() == null ? -1 : file.confirmAbove());
    }

    private static Map<String, ModelPrice> models(String origin, String providerName, PriceFile.@Nullable Provider p,
            String source) {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        if (p == null || p.models() == null) {
            return models;
        }
        double providerDiscount = share(origin, providerName, p.batchDiscount());
        p.models().forEach((name, m) -> {
            if (m == null) {
                throw new RationaleException(origin + ": " + providerName + "/" + name + " has no prices");
            }
            String what = providerName + "/" + name;
            requirePrice(origin, what, "input", m.input());
            requirePrice(origin, what, "output", m.output());
            requirePrice(origin, what, "cachedInput", m.cachedInput());
            requirePrice(origin, what, "reasoning", m.reasoning());
            double discount = m.batchDiscount() == null ? providerDiscount : share(origin, what, m.batchDiscount());
            models.put(key(name), ModelPrice.of(providerName, name, m.input(), m.cachedInput(), m.output(),
                    m.reasoning(), discount, m.note(), source));
        });
        return models;
    }

    private static void requirePrice(String origin, String what, String field, @Nullable Double value) {
        if (value != null && !(value >= 0 && value < 1e6)) {
            throw new RationaleException(origin + ": " + what + " " + field + " must be 0 or more, got " + value);
        }
    }

    private static double share(String origin, String what, @Nullable Double discount) {
        if (discount == null) {
            return 0;
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw new RationaleException(origin + ": " + what + " batchDiscount must be between 0 and 1, got "
                    + discount);
        }
        return discount;
    }

    /** This table with {@code over}'s models replacing or adding to its own, model by model. */
    PriceTable merge(PriceTable over) {
        Map<String, Map<String, ModelPrice>> merged = new LinkedHashMap<>();
        providers.forEach((name, models) -> merged.put(name, new LinkedHashMap<>(models)));
        over.providers.forEach((name, models) -> merged.computeIfAbsent(name, n -> new LinkedHashMap<>())
                .putAll(models));
        return new PriceTable(merged, checked, over.confirmAbove >= 0 ? over.confirmAbove : confirmAbove);
    }

    /**
     * The price of {@code model} on an endpoint.
     *
     * @param endpoint the endpoint's name, looked up first
     * @param kind the endpoint's protocol, for the provider to look under next
     */
    public Optional<ModelPrice> find(String endpoint, ProviderKind kind, String model) {
        Optional<ModelPrice> own = find(providers.get(key(endpoint)), model);
        return own.isPresent() ? own : find(providers.get(provider(kind)), model);
    }

    private static Optional<ModelPrice> find(@Nullable Map<String, ModelPrice> models, String model) {
        if (models == null) {
            return Optional.empty();
        }
        String wanted = key(model.startsWith("models/") ? model.substring("models/".length()) : model);
        ModelPrice exact = models.get(wanted);
        if (exact != null) {
            return Optional.of(exact);
        }
        ModelPrice best = null;
        for (Map.Entry<String, ModelPrice> entry : models.entrySet()) {
            String name = entry.getKey();
            if (wanted.startsWith(name) && TAIL.matcher(wanted.substring(name.length())).matches()
                    && (best == null || name.length() > best.model().length())) {
                best = entry.getValue();
            }
        }
        return Optional.ofNullable(best != null ? best : models.get(WILDCARD));
    }

    /** The provider a kind's prices are listed under. */
    static String provider(ProviderKind kind) {
        return switch (kind) {
            case OPENAI, OPENAI_TEXT -> "openai";
            default -> kind.id();
        };
    }

    /** The day the shipped prices were last checked (yyyy-mm-dd). */
    public String checked() {
        return checked;
    }

    /** Above this many dollars an evaluation's estimate asks before it starts. */
    public double confirmAbove() {
        return confirmAbove >= 0 ? confirmAbove : DEFAULT_CONFIRM_ABOVE;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
