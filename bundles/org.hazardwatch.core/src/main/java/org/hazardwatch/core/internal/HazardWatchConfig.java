package org.hazardwatch.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Node-wide settings, PID {@code org.hazardwatch} ({@code etc/org.hazardwatch.cfg}). */
@ObjectClassDefinition(name = "HazardWatch node", description = "Node-wide HazardWatch settings")
public @interface HazardWatchConfig {

    @AttributeDefinition(description = "Administrative level of this node: enterprise, county, park, city, province or "
            + "national. Picks the edition. The environment variable HAZARDWATCH_LEVEL overrides it.")
    String level() default "county";

    @AttributeDefinition(description = "Run the built-in simulated tank farm (OPC UA server on loopback) and connect "
            + "to it. The environment variable HAZARDWATCH_SIMULATOR overrides it.")
    boolean simulator() default true;

    @AttributeDefinition(description = "Size of the generated demo registry (enterprises with hazard sources across "
            + "several provinces) loaded on first start of a node that runs the simulator; 0 for none. The environment "
            + "variable HAZARDWATCH_DEMO_ENTERPRISES overrides it.", min = "0", max = "100000")
    int demo_enterprises() default 300;

    @AttributeDefinition(description = "Seed of the demo registry: the same seed gives the same data")
    long demo_seed() default 2026;

    @AttributeDefinition(description = "Monitoring point catalogue (CSV); empty means etc/hazardwatch/points.csv")
    String points_file() default "";

    @AttributeDefinition(description = "Login session lifetime in minutes", min = "5", max = "10080")
    int session_ttl_minutes() default 480;
}
