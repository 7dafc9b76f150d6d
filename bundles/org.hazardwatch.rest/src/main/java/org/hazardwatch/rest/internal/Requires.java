package org.hazardwatch.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hazardwatch.api.security.Permission;

/**
 * The permissions a resource method needs (any one of them). On a class it is the default of its methods. A method
 * with neither its own nor its class's annotation is refused: forgetting one fails closed. {@link #value()} empty
 * means any logged-in user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {
    Permission[] value();
}
