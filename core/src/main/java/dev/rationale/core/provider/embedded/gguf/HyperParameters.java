// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the model's hyper-parameters ({@code <architecture>.*} keys) where a crafted value would reach an assert
 * in llama.cpp or ggml: floats finite, epsilons and the rope base above 0, counts within llama.cpp's limits (a
 * block count of 1 to 512, at most 1,024 experts), heads that split evenly between query and key/value, the expert
 * counts llama.cpp asserts on, a rope scaling type it knows. The bounds on sizes are far above any real model;
 * they stop a value that would make llama.cpp allocate without end. A key of the wrong type is left to llama.cpp,
 * which refuses it with an error, not an abort.
 */
final class HyperParameters {
    private static final Set<String> ROPE_SCALING = Set.of("none", "linear", "yarn", "longrope");
    private static final List<Bound> BOUNDS = List.of(
            new Bound("context_length", 1, 1L << 28), new Bound("embedding_length", 1, 1L << 20),
            new Bound("block_count", 1, 512), new Bound("feed_forward_length", 0, 1L << 22),
            new Bound("attention.head_count", 0, 1L << 14), new Bound("attention.head_count_kv", 0, 1L << 14),
            new Bound("attention.key_length", 1, 1L << 16), new Bound("attention.value_length", 1, 1L << 16),
            new Bound("rope.dimension_count", 0, 1L << 16), new Bound("expert_count", 0, 1024),
            new Bound("expert_used_count", 0, 1024), new Bound("expert_group_count", 0, 1024),
            new Bound("expert_group_used_count", 0, 1024), new Bound("nextn_predict_layers", 0, 512),
            new Bound("vocab_size", 1, TokenVocabulary.MAX_TOKENS));

    private final GgufInput in;
    private final Map<String, MetadataEntry> entries;
    private final String prefix;

    private record Bound(String name, long min, long max) {
    }

    private HyperParameters(GgufInput in, Map<String, MetadataEntry> entries, String architecture) {
        this.in = in;
        this.entries = entries;
        this.prefix = architecture + ".";
    }

    /** Checks the hyper-parameters of the architecture the file names; without one, llama.cpp refuses the file. */
    static void check(GgufInput in, Map<String, MetadataEntry> entries) {
        MetadataEntry architecture = entries.get("general.architecture");
        if (architecture != null && architecture.value() instanceof String name) {
            HyperParameters parameters = new HyperParameters(in, entries, name);
            parameters.floats();
            parameters.bounds();
            parameters.layers();
            parameters.heads();
            parameters.experts();
            parameters.ropeScaling();
        }
    }

    private void floats() {
        for (MetadataEntry entry : entries.values()) {
            GgufType kind = entry.type() == GgufType.ARRAY ? entry.elementType() : entry.type();
            if (!entry.key().startsWith(prefix) || kind == null || !kind.isFloat()) {
                continue;
            }
            boolean positive = isEpsilon(entry.key()) || entry.key().equals(prefix + "rope.freq_base");
            for (Number number : entry.asNumbers()) {
                double value = number.doubleValue();
                if (!Double.isFinite(value) || positive && value <= 0) {
                    throw fail(entry, "is " + value + "; it must be a finite number" + (positive ? " above 0" : ""));
                }
            }
        }
    }

    private void bounds() {
        for (Bound bound : BOUNDS) {
            Optional<MetadataEntry> found = integral(bound.name());
            if (found.isEmpty()) {
                continue;
            }
            for (Number number : found.get().asNumbers()) {
                long value = number.longValue();
                if (value < bound.min() || value > bound.max()) {
                    throw fail(found.get(), "is " + value + "; llama.cpp takes " + bound.min() + " to " + bound.max());
                }
            }
        }
    }

    private void layers() {
        Optional<MetadataEntry> nextn = integral("nextn_predict_layers");
        long blocks = at(numbers("block_count"), 0);
        if (nextn.isPresent() && at(nextn.get().asNumbers(), 0) > blocks) {
            throw fail(nextn.get(), "is " + at(nextn.get().asNumbers(), 0) + ", more than the " + blocks
                    + " blocks; llama.cpp asserts against that");
        }
    }

    private void heads() {
        List<Number> heads = numbers("attention.head_count");
        Optional<MetadataEntry> kv = integral("attention.head_count_kv");
        List<Number> kvHeads = kv.map(MetadataEntry::asNumbers).orElse(heads);
        for (int layer = 0; layer < Math.max(heads.size(), kvHeads.size()); layer++) {
            long query = at(heads, layer);
            long keyValue = at(kvHeads, layer);
            if (kv.isPresent() && query > 0 && keyValue > 0 && query % keyValue != 0) {
                throw fail(kv.get(), "gives " + keyValue + " key/value heads for " + query + " query heads"
                        + (kvHeads.size() > 1 ? " in layer " + layer : "") + "; the query heads must split evenly");
            }
        }
        Optional<MetadataEntry> headCount = integral("attention.head_count");
        long embedding = at(numbers("embedding_length"), 0);
        if (headCount.isPresent() && heads.size() == 1 && integral("attention.key_length").isEmpty()
                && at(heads, 0) > 0 && embedding > 0 && embedding % at(heads, 0) != 0) {
            throw fail(headCount.get(), "is " + at(heads, 0) + ", which does not divide the embedding length "
                    + embedding + " into whole heads");
        }
    }

    private void experts() {
        long experts = at(numbers("expert_count"), 0);
        long used = numbers("expert_used_count").stream().mapToLong(Number::longValue).max().orElse(0);
        long groups = at(numbers("expert_group_count"), 0);
        long groupsUsed = at(numbers("expert_group_used_count"), 0);
        String problem = null;
        if (used > experts) {
            problem = "uses " + used + " experts of " + experts;
        } else if (experts > 0 && used == 0) {
            problem = "has " + experts + " experts but uses none";
        } else if (experts > 0 ? groups >= experts : groups != 0) {
            problem = "has " + groups + " expert groups for " + experts + " experts";
        } else if (groups > 1 && (experts % groups != 0 || groupsUsed < 1 || groupsUsed >= groups)) {
            problem = "has " + groups + " expert groups, of which it uses " + groupsUsed + ", for " + experts
                    + " experts";
        }
        if (problem != null) {
            MetadataEntry where = integral("expert_count").or(() -> integral("expert_used_count"))
                    .or(() -> integral("expert_group_count")).orElseThrow();
            throw fail(where, problem + ", which llama.cpp asserts against");
        }
    }

    private void ropeScaling() {
        MetadataEntry entry = entries.get(prefix + "rope.scaling.type");
        if (entry != null && entry.type() == GgufType.STRING
                && !(entry.value() instanceof String name && ROPE_SCALING.contains(name))) {
            String shown = entry.value() instanceof String name ? FileText.quoted(name) : "a long string";
            throw fail(entry, "is " + shown + "; llama.cpp knows " + String.join(", ", ROPE_SCALING.stream()
                    .sorted().toList()));
        }
    }

    private Optional<MetadataEntry> integral(String name) {
        return Optional.ofNullable(entries.get(prefix + name)).filter(MetadataEntry::isIntegral);
    }

    private List<Number> numbers(String name) {
        return integral(name).map(MetadataEntry::asNumbers).orElse(List.of());
    }

    private static long at(List<Number> numbers, int index) {
        if (numbers.isEmpty()) {
            return 0;
        }
        return numbers.get(Math.min(index, numbers.size() - 1)).longValue();
    }

    private static boolean isEpsilon(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.contains("epsilon") || last.equals("eps") || last.endsWith("_eps");
    }

    private GgufFormatException fail(MetadataEntry entry, String problem) {
        return in.fail(entry.location(), entry.offset(), problem);
    }
}
