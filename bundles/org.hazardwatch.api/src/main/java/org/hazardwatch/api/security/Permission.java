package org.hazardwatch.api.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a role allows: an action on an area of the product. Pages and menu entries open for a user who holds their
 * {@link Action#VIEW} permission; the other actions guard the buttons and the API calls behind them.
 */
public enum Permission {
    MONITORING_VIEW("monitoring:view", Area.MONITORING, Action.VIEW),
    /** Live parameters of every county in scope without an authorised request (node operators, break-glass). */
    MONITORING_LIVE_ALL("monitoring:live-all", Area.MONITORING, Action.ADMINISTER),
    ALARM_VIEW("alarm:view", Area.ALARM, Action.VIEW),
    ALARM_ACKNOWLEDGE("alarm:acknowledge", Area.ALARM, Action.ACKNOWLEDGE),
    /** Alarm thresholds and definitions of points (D1: set by the county or park for its enterprises). */
    ALARM_CONFIGURE("alarm:configure", Area.ALARM, Action.EDIT),
    DISPOSAL_VIEW("disposal:view", Area.DISPOSAL, Action.VIEW),
    DISPOSAL_DISPOSE("disposal:dispose", Area.DISPOSAL, Action.DISPOSE),
    PLAN_EDIT("plan:edit", Area.DISPOSAL, Action.EDIT),
    WARNING_VIEW("warning:view", Area.WARNING, Action.VIEW),
    REGISTRY_VIEW("registry:view", Area.REGISTRY, Action.VIEW),
    REGISTRY_EDIT("registry:edit", Area.REGISTRY, Action.EDIT),
    REGISTRY_APPROVE("registry:approve", Area.REGISTRY, Action.APPROVE),
    REGISTRY_EXPORT("registry:export", Area.REGISTRY, Action.EXPORT),
    ADAPTER_ADMINISTER("adapter:administer", Area.SYSTEM, Action.ADMINISTER),
    USER_ADMINISTER("user:administer", Area.SYSTEM, Action.ADMINISTER),
    /** The security centre: enrolment tokens, node certificates and their revocation, the node registry (I3). */
    EXCHANGE_ADMINISTER("exchange:administer", Area.SYSTEM, Action.ADMINISTER),
    AUDIT_VIEW("audit:view", Area.AUDIT, Action.VIEW),
    AUDIT_EXPORT("audit:export", Area.AUDIT, Action.EXPORT),
    ACCESS_REQUEST("access:request", Area.ACCESS, Action.REQUEST),
    ACCESS_APPROVE("access:approve", Area.ACCESS, Action.APPROVE),
    /** Tasks issued to or by the person's organisation (E4). */
    TASK_VIEW("task:view", Area.TASK, Action.VIEW),
    /** Issuing tasks to subordinate organisations, deciding on their reports. */
    TASK_ISSUE("task:issue", Area.TASK, Action.APPROVE),
    /** Receiving and reporting on tasks issued to the person's organisation. */
    TASK_REPORT("task:report", Area.TASK, Action.EDIT),
    /** Registration and cancellation applications of major hazard sources in scope, and their statistics (F1-F3). */
    REGISTRATION_VIEW("registration:view", Area.REGISTRATION, Action.VIEW),
    /** Applying for the registration or cancellation of the enterprise's hazard sources (the enterprise). */
    REGISTRATION_APPLY("registration:apply", Area.REGISTRATION, Action.REQUEST),
    /** Reviewing, registering and notifying applications (the county or park). */
    REGISTRATION_REGISTER("registration:register", Area.REGISTRATION, Action.APPROVE),
    /** Hidden dangers, investigations and governance projects in scope (E1). */
    DANGER_VIEW("hidden-danger:view", Area.DANGER, Action.VIEW),
    /** Recording hidden dangers, investigating, rectifying and reporting (the enterprise; also inspectors). */
    DANGER_RECTIFY("hidden-danger:rectify", Area.DANGER, Action.EDIT),
    /** Rectification notices, acceptance of major hidden dangers, supervision investigations (the county or park). */
    DANGER_SUPERVISE("hidden-danger:supervise", Area.DANGER, Action.APPROVE),
    /** Equipment under periodic inspection and its certificates (E2): the enterprise's own, or its park's. */
    EQUIPMENT_VIEW("equipment:view", Area.EQUIPMENT, Action.VIEW),
    /** Registering equipment, recording inspections and their certificates (the enterprise). */
    EQUIPMENT_EDIT("equipment:edit", Area.EQUIPMENT, Action.EDIT),
    /** The accident register of enterprises in scope (A5, B5). */
    ACCIDENT_VIEW("accident:view", Area.ACCIDENT, Action.VIEW),
    /** Recording, importing, correcting and voiding accidents (regulators in scope; an enterprise its own). */
    ACCIDENT_EDIT("accident:edit", Area.ACCIDENT, Action.EDIT),
    /** Statistics and analysis of hazard sources, alarms and accidents of the scope (A1-A5, B1-B5), the one map (J1). */
    ANALYTICS_VIEW("analytics:view", Area.ANALYTICS, Action.VIEW);

    public enum Area {
        MONITORING,
        ALARM,
        DISPOSAL,
        WARNING,
        REGISTRY,
        SYSTEM,
        AUDIT,
        ACCESS,
        TASK,
        REGISTRATION,
        DANGER,
        EQUIPMENT,
        ACCIDENT,
        ANALYTICS
    }

    public enum Action {
        VIEW,
        EDIT,
        APPROVE,
        ACKNOWLEDGE,
        DISPOSE,
        EXPORT,
        REQUEST,
        ADMINISTER
    }

    private final String code;
    private final Area area;
    private final Action action;

    Permission(String code, Area area, Action action) {
        this.code = code;
        this.area = area;
        this.action = action;
    }

    public String code() {
        return code;
    }

    public Area area() {
        return area;
    }

    public Action action() {
        return action;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
