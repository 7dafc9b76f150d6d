package org.hazardwatch.api.danger;

/** What kind of hidden danger it is (after the usual checklists of chemical enterprises). */
public enum DangerCategory {
    /** 设备设施 (vessels, pipes, valves, instruments). */
    EQUIPMENT,
    /** 工艺 (process control, interlocks, operating limits). */
    PROCESS,
    /** 电气 (electrical, explosion protection, lightning). */
    ELECTRICAL,
    /** 消防 (fire fighting and detection). */
    FIRE,
    /** 储存 (storage, tank farms, warehouses). */
    STORAGE,
    /** 安全管理 (rules, training, permits, records). */
    MANAGEMENT,
    /** 作业 (hot work, confined spaces and other special operations). */
    OPERATION,
    /** 其他. */
    OTHER
}
