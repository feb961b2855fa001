// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.RationaleException;
import dev.rationale.core.provider.ProviderKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a pool against the endpoints it names and resolves its members. The members must exist, be servers of a
 * kind that can share work ({@link #MEMBER_KINDS}), all of one kind (a request rendered for one must mean the same
 * to the others), and serve one model: what the members' configured {@code model} fields say, since that is what
 * the user told us each server runs; a member without one is refused, as two blanks prove nothing. A pool inside a
 * pool is refused (its members' limits would count twice), and a cycle is named as such.
 *
 * <p>Each refusal is a {@link RationaleException} with one line naming the pool and the member at fault.
 */
public final class EndpointPools {
    /** The kinds a pool may spread requests over: servers that answer the same request the same way. */
    public static final Set<ProviderKind> MEMBER_KINDS =
            Set.of(ProviderKind.OPENAI, ProviderKind.OPENAI_TEXT, ProviderKind.OLLAMA, ProviderKind.LLAMACPP);

    /**
     * A pool with its members looked up.
     *
     * @param model the one model its members serve
     */
    public record Resolved(Endpoint pool, String model, ProviderKind kind, List<Member> members) {

        /** Requests in flight over all members at most. */
        public int capacity() {
            return members.stream().mapToInt(Member::concurrency).sum();
        }
    }

    /** One member: the endpoint and its concurrency. */
    public record Member(Endpoint endpoint, int concurrency) {
    }

    private EndpointPools() {
    }

    /**
     * Resolves {@code pool} against {@code all} (the endpoints file's list).
     *
     * @throws RationaleException with one line naming the fault, when the pool is refused
     */
    public static Resolved resolve(Endpoint pool, List<Endpoint> all) {
        String name = pool.name();
        if (pool.kind() != ProviderKind.POOL) {
            throw new RationaleException("endpoint \"" + name + "\" is not a pool");
        }
        if (pool.poolMembers().isEmpty()) {
            throw refused(name, "has no members; name the endpoints it spreads requests over");
        }
        Map<String, Endpoint> byName = new LinkedHashMap<>();
        all.forEach(e -> byName.putIfAbsent(e.name(), e));
        byName.put(name, pool);
        List<String> cycle = cycle(name, byName, new ArrayList<>());
        if (cycle != null) {
            String where = cycle.getFirst().equals(name) ? "is in" : "leads into";
            throw refused(name, where + " a cycle: " + String.join(" -> ", cycle));
        }
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PoolMember member : pool.poolMembers()) {
            members.add(member(name, member, byName, seen));
        }
        return new Resolved(pool, oneModel(pool, members), oneKind(name, members), List.copyOf(members));
    }

    private static Member member(String pool, PoolMember member, Map<String, Endpoint> byName, Set<String> seen) {
        String memberName = member.endpoint();
        if (memberName == null || memberName.isBlank()) {
            throw refused(pool, "has a member without an endpoint name");
        }
        if (!seen.add(memberName)) {
            throw refused(pool, "names \"" + memberName + "\" twice");
        }
        Endpoint endpoint = byName.get(memberName);
        if (endpoint == null) {
            throw refused(pool, "names \"" + memberName + "\", but there is no endpoint of that name");
        }
        if (endpoint.kind() == ProviderKind.POOL) {
            throw refused(pool, "has the pool \"" + memberName + "\" as a member; a pool's members are servers");
        }
        if (!MEMBER_KINDS.contains(endpoint.kind())) {
            throw refused(pool, "has \"" + memberName + "\" (" + endpoint.kind().id() + ") as a member; members"
                    + " must be " + kindList() + " servers");
        }
        Integer concurrency = member.concurrency();
        if (concurrency == null || concurrency < 1) {
            throw refused(pool, "gives \"" + memberName + "\" " + (concurrency == null ? "no concurrency"
                    : "concurrency " + concurrency) + "; give the requests it takes at once, 1 or more");
        }
        return new Member(endpoint, concurrency);
    }

    private static String oneModel(Endpoint pool, List<Member> members) {
        String model = null;
        String first = null;
        for (Member member : members) {
            String served = member.endpoint().model();
            if (served == null || served.isBlank()) {
                throw refused(pool.name(), "has \"" + member.endpoint().name() + "\", which names no model; give"
                        + " each member the model it serves");
            }
            if (model == null) {
                model = served;
                first = member.endpoint().name();
            } else if (!model.equals(served)) {
                throw refused(pool.name(), "mixes models: \"" + first + "\" serves " + model + ", \""
                        + member.endpoint().name() + "\" serves " + served);
            }
        }
        if (pool.model() != null && !pool.model().isBlank() && !pool.model().equals(model)) {
            throw refused(pool.name(), "names the model " + pool.model() + ", but its members serve " + model);
        }
        return model;
    }

    private static ProviderKind oneKind(String pool, List<Member> members) {
        Member first = members.getFirst();
        for (Member member : members) {
            if (member.endpoint().kind() != first.endpoint().kind()) {
                throw refused(pool, "mixes protocols: \"" + first.endpoint().name() + "\" is "
                        + first.endpoint().kind().id() + ", \"" + member.endpoint().name() + "\" is "
                        + member.endpoint().kind().id());
            }
        }
        return first.endpoint().kind();
    }

    // The path back to a pool already on it, following pool members only; null when there is none.
    private static @Nullable List<String> cycle(String name, Map<String, Endpoint> byName, List<String> path) {
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(name);
            return loop;
        }
        Endpoint endpoint = byName.get(name);
        if (endpoint == null || endpoint.kind() != ProviderKind.POOL) {
            return null;
        }
        path.add(name);
        for (PoolMember member : endpoint.poolMembers()) {
            List<String> found = member.endpoint() == null ? null : cycle(member.endpoint(), byName, path);
            if (found != null) {
                return found;
            }
        }
        path.removeLast();
        return null;
    }

    private static String kindList() {
        return MEMBER_KINDS.stream().map(ProviderKind::id).sorted().collect(Collectors.joining(", "));
    }

    private static RationaleException refused(String pool, String what) {
        return new RationaleException("pool \"" + pool + "\" " + what);
    }
}
