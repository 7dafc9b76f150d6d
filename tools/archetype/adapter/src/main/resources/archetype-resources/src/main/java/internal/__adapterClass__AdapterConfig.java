package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Factory PID {@code org.hazardwatch.adapter.${adapterType}}; one instance per {@code etc/org.hazardwatch.adapter.${adapterType}-<name>.cfg}. */
@ObjectClassDefinition(name = "HazardWatch ${adapterType} adapter", description = "Polls a ${adapterType} device's readings")
public @interface ${adapterClass}AdapterConfig {

    @AttributeDefinition(description = "Instance name; defaults to the part after the dash in the file name")
    String name() default "";

    @AttributeDefinition(description = "The device's status page (http or https), answering GET with tag=value lines")
    String url() default "";

    @AttributeDefinition(description = "Tag mapping file: CSV 'pointId,tag'")
    String mapping_file() default "";

    @AttributeDefinition(description = "Poll period in ms", min = "100")
    long poll_interval_ms() default 1000;

    @AttributeDefinition(description = "How long to wait for the device, in ms", min = "100")
    long request_timeout_ms() default 2000;
}
