package org.hazardwatch.exchange.centre;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Exchange settings, PID {@code org.hazardwatch.exchange}; {@code level} comes from PID {@code org.hazardwatch}. */
@ObjectClassDefinition(pid = "org.hazardwatch.exchange", name = "HazardWatch exchange",
        description = "Data exchange between the levels and the security centre")
public @interface ExchangeConfig {

    @AttributeDefinition(description = "Run the security centre's certificate authority here: auto (at the national node), "
            + "on or off. The environment variable HAZARDWATCH_SECURITY_CENTRE overrides it.")
    String security_centre() default "auto";

    @AttributeDefinition(description = "Name in the authority's certificate, created at the first start")
    String security_centre_name() default "HazardWatch 国家危险化学品安全中心";

    /** The node's level (from etc/org.hazardwatch.cfg). */
    String level() default "county";
}
