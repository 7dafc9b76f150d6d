package org.hazardwatch.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes an audit entry for each call of the method: who, from where, the action, the target (the path parameter
 * {@link #idParam()}), the outcome (HTTP status), the state before (when the method recorded it with
 * {@link AuditTrail#before}) and after (the answer, or what was sent). Every method that changes something or exports
 * data carries it; a test checks that.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** Action code, e.g. {@code alarm.acknowledge}. */
    String value();

    /** Target type, e.g. {@code alarm}. */
    String target();

    /** Path parameter holding the target's id. */
    String idParam() default "id";
}
