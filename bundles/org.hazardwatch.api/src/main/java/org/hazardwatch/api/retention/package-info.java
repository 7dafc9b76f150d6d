/** Retention of samples and alarms, with minute and hour aggregates for long-range trends (requirement D3). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.retention;
