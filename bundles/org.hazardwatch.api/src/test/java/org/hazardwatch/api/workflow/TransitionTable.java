package org.hazardwatch.api.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a machine against its transitions written out independently ("FROM ACTION ROLE" -> TO): every action from
 * every status for every role passes exactly when listed, and each refusal has the right code (INVALID_TRANSITION
 * when no role may take it from there, NOT_ALLOWED when another role may).
 */
public final class TransitionTable {

    private TransitionTable() {
    }

    /** Returns how many (status, action, role) combinations were refused. */
    public static <S extends Enum<S>, A extends Enum<A>, R extends Enum<R>> int assertExactly(StateMachine<S, A, R> machine, Map<String, S> allowed,
            Class<S> states, Class<A> actions, Class<R> roles) {
        int passed = 0;
        int refused = 0;
        for (S from : states.getEnumConstants()) {
            for (A action : actions.getEnumConstants()) {
                boolean possible = allowed.keySet().stream().anyMatch(k -> k.startsWith(from + " " + action + " "));
                for (R role : roles.getEnumConstants()) {
                    String key = from + " " + action + " " + role;
                    S expected = allowed.get(key);
                    if (expected != null) {
                        assertEquals(expected, machine.next(from, action, EnumSet.of(role)), key);
                        passed++;
                    } else {
                        WorkflowException e = assertThrows(WorkflowException.class, () -> machine.next(from, action, EnumSet.of(role)), key);
                        assertEquals(possible ? WorkflowException.NOT_ALLOWED : WorkflowException.INVALID_TRANSITION, e.code(), key + ": " + e.getMessage());
                        refused++;
                    }
                }
                WorkflowException nobody = assertThrows(WorkflowException.class, () -> machine.next(from, action, Set.of()));
                assertEquals(possible ? WorkflowException.NOT_ALLOWED : WorkflowException.INVALID_TRANSITION, nobody.code());
            }
        }
        assertEquals(allowed.size(), passed, "every listed transition passed");
        return refused;
    }
}
