package org.hazardwatch.api.hazard;

/** The two kinds of unit GB 18218-2018 identifies hazard sources by (3.4, 3.5). */
public enum UnitKind {
    /** 生产单元: a production installation or facility, bounded by its cut-off valves. */
    PRODUCTION,
    /** 储存单元: storage tanks in one fire dike, or a warehouse bounded by its firewalls. */
    STORAGE
}
