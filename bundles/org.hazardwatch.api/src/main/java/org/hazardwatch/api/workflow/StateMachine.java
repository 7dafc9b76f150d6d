package org.hazardwatch.api.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A workflow's states, actions and roles: each transition names the state it starts from, the action, the state it
 * leads to and the roles that may take it. Immutable and thread-safe once built.
 *
 * @param <S> the states
 * @param <A> the actions
 * @param <R> the roles a person can have towards a record (e.g. issuer, assignee)
 */
public final class StateMachine<S extends Enum<S>, A extends Enum<A>, R extends Enum<R>> {

    /** One allowed transition. */
    public record Transition<S, A, R>(S from, A action, S to, Set<R> roles) {
    }

    private final String name;
    private final List<Transition<S, A, R>> transitions;

    private StateMachine(String name, List<Transition<S, A, R>> transitions) {
        this.name = name;
        this.transitions = Collections.unmodifiableList(new ArrayList<>(transitions));
    }

    public static <S extends Enum<S>, A extends Enum<A>, R extends Enum<R>> Builder<S, A, R> named(String name) {
        return new Builder<>(name);
    }

    public String name() {
        return name;
    }

    public List<Transition<S, A, R>> transitions() {
        return transitions;
    }

    /**
     * The state {@code action} leads to from {@code from} for someone with {@code roles}.
     *
     * @throws WorkflowException {@link WorkflowException#INVALID_TRANSITION} when the action is not possible from that
     *         state, {@link WorkflowException#NOT_ALLOWED} when it is but none of the roles may take it
     */
    public S next(S from, A action, Set<R> roles) {
        boolean possible = false;
        for (Transition<S, A, R> t : transitions) {
            if (t.from() == from && t.action() == action) {
                possible = true;
                if (!Collections.disjoint(t.roles(), roles)) {
                    return t.to();
                }
            }
        }
        if (!possible) {
            throw new WorkflowException(WorkflowException.INVALID_TRANSITION, name + ": " + action + " is not possible from " + from
                    + " (possible: " + possibleFrom(from) + ")");
        }
        throw new WorkflowException(WorkflowException.NOT_ALLOWED, name + ": " + action + " from " + from + " is for " + rolesFor(from, action)
                + ", not for " + (roles.isEmpty() ? "someone without a role in it" : roles));
    }

    /** The actions someone with {@code roles} can take from {@code from}, in the order they were defined. */
    public List<A> actions(S from, Set<R> roles) {
        List<A> actions = new ArrayList<>();
        for (Transition<S, A, R> t : transitions) {
            if (t.from() == from && !Collections.disjoint(t.roles(), roles) && !actions.contains(t.action())) {
                actions.add(t.action());
            }
        }
        return actions;
    }

    private List<A> possibleFrom(S from) {
        List<A> actions = new ArrayList<>();
        transitions.stream().filter(t -> t.from() == from && !actions.contains(t.action())).forEach(t -> actions.add(t.action()));
        return actions;
    }

    private Set<R> rolesFor(S from, A action) {
        Set<R> roles = new java.util.LinkedHashSet<>();
        transitions.stream().filter(t -> t.from() == from && t.action() == action).forEach(t -> roles.addAll(t.roles()));
        return roles;
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>, R extends Enum<R>> {
        private final String name;
        private final List<Transition<S, A, R>> transitions = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Allows {@code action} from each of {@code from} to {@code to}, for the given roles. */
        @SafeVarargs
        public final Builder<S, A, R> allow(Set<S> from, A action, S to, R... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("a transition needs at least one role");
            }
            Set<R> allowed = EnumSet.of(roles[0], roles);
            for (S state : from) {
                for (Transition<S, A, R> t : transitions) {
                    if (t.from() == state && t.action() == action && t.to() != to) {
                        throw new IllegalArgumentException(action + " from " + state + " leads to both " + t.to() + " and " + to);
                    }
                }
                transitions.add(new Transition<>(state, action, to, allowed));
            }
            return this;
        }

        public StateMachine<S, A, R> build() {
            return new StateMachine<>(name, transitions);
        }
    }
}
