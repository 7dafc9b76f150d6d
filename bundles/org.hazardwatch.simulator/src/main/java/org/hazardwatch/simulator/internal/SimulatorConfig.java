package org.hazardwatch.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hazardwatch.simulator}. */
@ObjectClassDefinition(name = "HazardWatch simulated tank farm")
public @interface SimulatorConfig {

    @AttributeDefinition(description = "Address the OPC UA server binds to (keep it on loopback)")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(description = "OPC UA TCP port", min = "1", max = "65535")
    int port() default 4840;

    @AttributeDefinition(description = "Modbus TCP port of the simulated gas-detection controller", min = "1", max = "65535")
    int modbus_port() default 5020;

    @AttributeDefinition(description = "Endpoint path")
    String path() default "/hazardwatch";

    @AttributeDefinition(description = "User name the server accepts besides anonymous logins (for trying a secured "
            + "Basic256Sha256 connection with login); empty: anonymous only")
    String username() default "";

    @AttributeDefinition(description = "Password of that user", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Value update period in ms", min = "50")
    long tick_ms() default 500;

    @AttributeDefinition(description = "Average seconds between random process excursions past an alarm limit; 0 disables them")
    double excursion_every_seconds() default 600;

    @AttributeDefinition(description = "Random seed, for repeatable runs")
    long seed() default 20181101L;
}
