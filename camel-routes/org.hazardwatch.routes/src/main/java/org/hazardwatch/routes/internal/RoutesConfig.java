package org.hazardwatch.routes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.hazardwatch.routes}. */
@ObjectClassDefinition(name = "HazardWatch route files")
public @interface RoutesConfig {

    @AttributeDefinition(description = "Watched folder of route files (*.yaml, *.yml, *.xml); empty means <karaf.base>/routes")
    String directory() default "";

    @AttributeDefinition(description = "How often the folder is checked for new, changed and deleted files, in ms", min = "200")
    long scan_interval_ms() default 1000;
}
