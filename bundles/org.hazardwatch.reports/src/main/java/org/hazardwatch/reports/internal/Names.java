package org.hazardwatch.reports.internal;

import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;

/** Chinese names of the codes printed in reports (the same terms as the web app's zh-CN texts). */
final class Names {

    private Names() {
    }

    static String kind(AlarmKind kind) {
        return switch (kind) {
            case LOW_LOW -> "低低报";
            case LOW -> "低报";
            case HIGH -> "高报";
            case HIGH_HIGH -> "高高报";
            case RATE_OF_CHANGE -> "变化率报警";
            case FAULT -> "仪表故障";
        };
    }

    static String pointType(String type) {
        return switch (type) {
            case "LEVEL" -> "液位";
            case "TEMPERATURE" -> "温度";
            case "PRESSURE" -> "压力";
            case "FLOW" -> "流量";
            case "COMBUSTIBLE_GAS" -> "可燃气体";
            case "TOXIC_GAS" -> "有毒气体";
            case "OTHER" -> "其他";
            default -> type;
        };
    }

    /** "COMBUSTIBLE_GAS/HIGH_HIGH" → "可燃气体·高高报". */
    static String alarmItem(String item) {
        int slash = item.indexOf('/');
        if (slash < 0) {
            return item;
        }
        return pointType(item.substring(0, slash)) + "·" + kind(item.substring(slash + 1));
    }

    /** An alarm kind by name; one a newer lower node sent is shown as sent. */
    static String kind(String name) {
        try {
            return kind(AlarmKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    static String priority(AlarmPriority priority) {
        return switch (priority) {
            case HIGH -> "高";
            case MEDIUM -> "中";
            case LOW -> "低";
        };
    }

    static String status(DisposalStatus status) {
        return switch (status) {
            case VIEWED -> "已查看";
            case VERIFYING -> "现场核实";
            case DISPOSING -> "按预案处置";
            case CLOSED -> "已关闭";
        };
    }

    static String planLevel(EmergencyPlan.PlanLevel level) {
        return switch (level) {
            case COMPREHENSIVE -> "综合应急预案";
            case SPECIAL -> "专项应急预案";
            case ON_SITE -> "现场处置方案";
        };
    }

    static String event(AlarmEventType type) {
        return switch (type) {
            case ACTIVATED -> "报警触发";
            case RETURNED -> "报警恢复";
            case ACKNOWLEDGED -> "报警确认";
            case SHELVED -> "报警搁置";
            case UNSHELVED -> "取消搁置";
            case SUPPRESSED -> "设计抑制";
            case UNSUPPRESSED -> "解除抑制";
            case OUT_OF_SERVICE -> "停用";
        };
    }
}
