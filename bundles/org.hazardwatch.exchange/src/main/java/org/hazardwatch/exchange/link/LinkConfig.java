package org.hazardwatch.exchange.link;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The exchange link to the parent node, PID {@code org.hazardwatch.exchange.link} (etc/org.hazardwatch.exchange.link.cfg). */
@ObjectClassDefinition(pid = "org.hazardwatch.exchange.link", name = "HazardWatch exchange link",
        description = "Where this node sends its data up, and how it keeps it while the link is down")
public @interface LinkConfig {

    @AttributeDefinition(description = "The parent node's broker, e.g. tcp://county.example:61616; empty at the national node "
            + "(or a node that sends nothing up)")
    String parent_broker_url() default "";

    @AttributeDefinition(description = "The parent node's organisation code (its certificate's CN, e.g. the county's region code)")
    String parent_organisation() default "";

    @AttributeDefinition(description = "Samples are sent up in batches of at most this many seconds")
    int samples_batch_seconds() default 5;

    @AttributeDefinition(description = "... and at most this many samples")
    int samples_batch_max() default 20000;

    @AttributeDefinition(description = "Largest backlog kept while the parent is unreachable, in MB")
    int backlog_max_mb() default 2048;

    @AttributeDefinition(description = "What a full backlog does: drop-oldest-samples or refuse-new-samples (alarms, points and "
            + "command answers are always kept)")
    String backlog_when_full() default "drop-oldest-samples";

    @AttributeDefinition(description = "Backlog messages sent per second once the link is back; live data goes first")
    int backlog_pace_per_second() default 20;

    @AttributeDefinition(description = "A regulator node relays up the first sample of each such interval of a point, in seconds "
            + "(0: every sample its children sent)")
    int relay_samples_interval_seconds() default 0;

    @AttributeDefinition(description = "... and any sample that moved more than this percentage of the point's span since the last "
            + "one relayed (0: none)")
    double relay_samples_deadband_percent() default 0;

    @AttributeDefinition(description = "Days the message log is kept")
    int message_log_days() default 30;
}
