package org.hazardwatch.broker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hazardwatch.broker}. */
@ObjectClassDefinition(name = "HazardWatch embedded broker")
public @interface BrokerConfig {

    @AttributeDefinition(description = "Broker name; in-VM clients connect with vm://<name>")
    String name() default "hazardwatch";

    @AttributeDefinition(description = "OpenWire listener for other nodes and tools; empty for none. Loopback by default.")
    String openwire_url() default "tcp://127.0.0.1:61616";

    @AttributeDefinition(description = "Keep messages on disk (KahaDB under data/activemq) so nothing queued is lost on restart")
    boolean persistent() default true;

    @AttributeDefinition(description = "Disk the persistent store may use, in MiB")
    long store_limit_mb() default 4096;

    @AttributeDefinition(description = "Memory for in-flight messages, in MiB")
    long memory_limit_mb() default 64;
}
