package org.hazardwatch.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Password, lockout, session and access settings, PID {@code org.hazardwatch.security}. */
@ObjectClassDefinition(pid = "org.hazardwatch.security", name = "HazardWatch security",
        description = "Password policy, lockout, sessions, second factor and authorised access")
public @interface SecurityConfig {

    @AttributeDefinition(description = "Shortest password accepted", min = "8", max = "128")
    int password_min_length() default 10;

    @AttributeDefinition(description = "How many of lower case, upper case, digits and symbols a password needs",
            min = "1", max = "4")
    int password_min_classes() default 3;

    @AttributeDefinition(description = "Failed logins in a row that lock an account", min = "3", max = "100")
    int lockout_max_failures() default 5;

    @AttributeDefinition(description = "How long a lockout lasts, minutes", min = "1", max = "1440")
    int lockout_minutes() default 15;

    @AttributeDefinition(description = "A session ends after this many idle minutes; 0: only its lifetime ends it",
            min = "0", max = "1440")
    int session_idle_minutes() default 30;

    @AttributeDefinition(description = "Issuer shown by authenticator apps for the second factor")
    String totp_issuer() default "HazardWatch";

    @AttributeDefinition(description = "Name of the national root organisation created at first start")
    String root_organisation_name() default "国家危险化学品监测预警中心";
}
