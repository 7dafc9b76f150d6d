package org.hazardwatch.core.internal.security;

import static org.hazardwatch.api.security.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hazardwatch.api.security.Permission;

/**
 * The roles every node has. They follow 三员分立 (GB/T 22239 level 3): the system administrator does not read the
 * audit log, the auditor changes nothing. Their permissions are re-applied at every start, so a product update that
 * adds a permission reaches them.
 */
final class BuiltInRoles {

    record Definition(String code, String name, String description, Set<Permission> permissions) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("SYSTEM_ADMIN", "系统管理员", "Accounts, organisations, roles, adapters and every business function; not the audit log",
                    EnumSet.complementOf(EnumSet.of(AUDIT_VIEW, AUDIT_EXPORT))),
            new Definition("AUDITOR", "安全审计员", "Reads, verifies and exports the audit log; changes nothing",
                    EnumSet.of(AUDIT_VIEW, AUDIT_EXPORT)),
            new Definition("REGULATOR", "监管人员", "Regulator staff: sees monitoring, alarms, disposals, warnings and the registry "
                    + "of the region; asks for authorised access to a county's live data",
                    EnumSet.of(MONITORING_VIEW, ALARM_VIEW, DISPOSAL_VIEW, WARNING_VIEW, REGISTRY_VIEW, REGISTRY_EXPORT, ACCESS_REQUEST,
                            TASK_VIEW, TASK_REPORT, REGISTRATION_VIEW, DANGER_VIEW, EQUIPMENT_VIEW, ACCIDENT_VIEW, ANALYTICS_VIEW)),
            new Definition("REGULATOR_LEAD", "监管负责人", "Regulator lead: as 监管人员, plus alarm thresholds of the region's "
                    + "enterprises, registry changes and approvals, and deciding authorised-access requests",
                    EnumSet.of(MONITORING_VIEW, ALARM_VIEW, ALARM_CONFIGURE, DISPOSAL_VIEW, WARNING_VIEW, REGISTRY_VIEW, REGISTRY_EDIT,
                            REGISTRY_APPROVE, REGISTRY_EXPORT, ACCESS_REQUEST, ACCESS_APPROVE, TASK_VIEW, TASK_ISSUE, TASK_REPORT,
                            REGISTRATION_VIEW, REGISTRATION_REGISTER, DANGER_VIEW, DANGER_RECTIFY, DANGER_SUPERVISE,
                            EQUIPMENT_VIEW, ACCIDENT_VIEW, ACCIDENT_EDIT, ANALYTICS_VIEW)),
            new Definition("ENTERPRISE_SAFETY", "企业安全管理员", "Enterprise safety manager: monitoring, acknowledging and "
                    + "disposing of alarms, emergency plans, the enterprise's registry data",
                    EnumSet.of(MONITORING_VIEW, ALARM_VIEW, ALARM_ACKNOWLEDGE, DISPOSAL_VIEW, DISPOSAL_DISPOSE, PLAN_EDIT, WARNING_VIEW,
                            REGISTRY_VIEW, TASK_VIEW, TASK_REPORT, REGISTRATION_VIEW, REGISTRATION_APPLY,
                            DANGER_VIEW, DANGER_RECTIFY, EQUIPMENT_VIEW, EQUIPMENT_EDIT, ACCIDENT_VIEW, ACCIDENT_EDIT,
                            ANALYTICS_VIEW)),
            new Definition("ENTERPRISE_OPERATOR", "企业值班员", "Control-room operator: monitoring and acknowledging alarms",
                    EnumSet.of(MONITORING_VIEW, ALARM_VIEW, ALARM_ACKNOWLEDGE, DISPOSAL_VIEW, WARNING_VIEW)));

    private BuiltInRoles() {
    }
}
