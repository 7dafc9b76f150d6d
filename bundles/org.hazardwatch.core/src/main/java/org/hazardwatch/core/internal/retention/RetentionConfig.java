package org.hazardwatch.core.internal.retention;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.hazardwatch.retention.cfg}: how long samples, aggregates and alarms are kept. */
@ObjectClassDefinition(pid = "org.hazardwatch.retention", name = "HazardWatch retention",
        description = "How long raw samples, minute and hour aggregates and alarms are kept (at least 30 days)")
public @interface RetentionConfig {

    @AttributeDefinition(description = "Days raw samples are kept (at least 30, the rule for electronic records)")
    int raw_sample_days() default 30;

    @AttributeDefinition(description = "Days minute aggregates are kept")
    int minute_days() default 180;

    @AttributeDefinition(description = "Days hour aggregates are kept")
    int hour_days() default 3650;

    @AttributeDefinition(description = "Days alarms that are over are kept (at least 30)")
    int alarm_days() default 1095;

    @AttributeDefinition(description = "Minutes between retention runs")
    int interval_minutes() default 10;
}
