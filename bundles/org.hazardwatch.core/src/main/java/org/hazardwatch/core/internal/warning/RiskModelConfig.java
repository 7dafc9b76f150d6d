package org.hazardwatch.core.internal.warning;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The risk model's settings ({@code etc/org.hazardwatch.risk.cfg}); see docs/alarms.md for what they mean. */
@ObjectClassDefinition(pid = "org.hazardwatch.risk", name = "HazardWatch risk model",
        description = "What raises a hazard source's and an enterprise's risk level (red, orange, yellow, blue)")
public @interface RiskModelConfig {

    @AttributeDefinition(description = "Points per active high-high or low-low process alarm")
    double alarm_critical() default 40;

    @AttributeDefinition(description = "Points per other active process alarm of high priority")
    double alarm_high() default 25;

    @AttributeDefinition(description = "Points per active process alarm of medium priority")
    double alarm_medium() default 12;

    @AttributeDefinition(description = "Points per active process alarm of low priority")
    double alarm_low() default 5;

    @AttributeDefinition(description = "Extra points per active alarm unacknowledged for longer than unacknowledged.minutes")
    double alarm_unacknowledged() default 10;

    @AttributeDefinition(description = "Points per trend reaching a high-high or low-low limit within the horizon")
    double prediction_critical() default 20;

    @AttributeDefinition(description = "Points per trend reaching a high or low limit within the horizon")
    double prediction() default 10;

    @AttributeDefinition(description = "Points per active instrument fault")
    double fault() default 5;

    @AttributeDefinition(description = "Score multipliers of grade 1, 2, 3, 4 hazard sources and of ungraded ones, comma-separated")
    String grade_multipliers() default "1.5,1.3,1.15,1.0,1.0";

    @AttributeDefinition(description = "Score from which the level is red")
    double level_red() default 60;

    @AttributeDefinition(description = "Score from which the level is orange")
    double level_orange() default 35;

    @AttributeDefinition(description = "Score from which the level is yellow (below: blue)")
    double level_yellow() default 15;

    @AttributeDefinition(description = "How far ahead, in minutes, trend predictions count")
    int horizon_minutes() default 30;

    @AttributeDefinition(description = "After how many minutes an unacknowledged alarm is overdue")
    int unacknowledged_minutes() default 10;
}
