package org.hazardwatch.api.registration;

import java.util.EnumSet;
import java.util.Set;

/** The documents of an application; which are required depends on its kind and reason. */
public enum DocumentType {
    /** 重大危险源辨识与分级报告. */
    IDENTIFICATION_REPORT("重大危险源辨识与分级报告"),
    /** 安全评估报告 (or 安全评价报告). */
    SAFETY_EVALUATION("安全评估报告"),
    /** 监测监控系统及安全措施说明. */
    MONITORING_MEASURES("监测监控系统及安全措施说明"),
    /** 事故应急预案. */
    EMERGENCY_PLAN("事故应急预案"),
    /** 安全管理制度及安全操作规程. */
    MANAGEMENT_RULES("安全管理制度及操作规程"),
    /** 注销证明材料 (shut-down or demolition records, the enterprise's closure). */
    CANCELLATION_EVIDENCE("注销证明材料"),
    /** Anything else the enterprise adds. */
    OTHER("其他材料"),
    /** The notice the registrar's node generates (never uploaded). */
    NOTICE("通知书");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** The name in Chinese, as notices, timelines and notifications print it. */
    public String label() {
        return label;
    }

    /** The documents an application must carry before it can be submitted. */
    public static Set<DocumentType> requiredFor(RegistrationKind kind, CancellationReason reason) {
        if (kind == RegistrationKind.REGISTRATION) {
            return EnumSet.of(IDENTIFICATION_REPORT, SAFETY_EVALUATION, MONITORING_MEASURES, EMERGENCY_PLAN, MANAGEMENT_RULES);
        }
        return reason == CancellationReason.NO_LONGER_MAJOR ? EnumSet.of(IDENTIFICATION_REPORT) : EnumSet.of(CANCELLATION_EVIDENCE);
    }

    /** Whether an applicant may upload this type. */
    public boolean uploadable() {
        return this != NOTICE;
    }
}
