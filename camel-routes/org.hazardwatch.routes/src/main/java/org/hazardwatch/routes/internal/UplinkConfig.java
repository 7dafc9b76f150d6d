package org.hazardwatch.routes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hazardwatch.uplink}: exception reporting, what of the stored samples is forwarded upstream. */
@ObjectClassDefinition(pid = "org.hazardwatch.uplink", name = "HazardWatch upstream exception reporting",
        description = "Which samples are forwarded to the level above; all stay stored on this node")
public @interface UplinkConfig {

    @AttributeDefinition(description = "Deadband in percent of the instrument's engineering span: a value is forwarded "
            + "when it moved further than this from the last forwarded one; 0 forwards every change", min = "0", max = "50")
    double deadband_percent() default 0.5;

    @AttributeDefinition(description = "Seconds a point may go without a forwarded sample (a heartbeat for steady values)",
            min = "1", max = "86400")
    int max_silence_seconds() default 300;
}
