package org.hazardwatch.routes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hazardwatch.quality}: the data-quality filter between adapters and storage (requirement H2). */
@ObjectClassDefinition(pid = "org.hazardwatch.quality", name = "HazardWatch data quality", description = "Rules that mark implausible readings BAD")
public @interface DataQualityConfig {

    @AttributeDefinition(description = "Largest plausible change per second, as a fraction of the instrument's span; "
            + "a faster change is a spike", min = "0.001", max = "100")
    double spike_fraction_per_second() default 0.5;

    @AttributeDefinition(description = "Minutes an exactly unchanged value is believed before it counts as frozen; 0 disables",
            min = "0", max = "100000")
    int frozen_minutes() default 120;

    @AttributeDefinition(description = "Seconds a timestamp may be ahead of this node's clock", min = "0", max = "86400")
    int max_future_seconds() default 300;

    @AttributeDefinition(description = "Hours a timestamp may be behind this node's clock (readings buffered through an "
            + "outage included)", min = "1", max = "8760")
    int max_past_hours() default 72;
}
