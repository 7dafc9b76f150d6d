/**
 * Regulator analytics (requirements A1-A5, B1-B5): hazard sources by grade, accident type and potential death toll for a
 * region with drill-down, their year-over-year trend from the registry's history, and the accident register's numbers.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.analytics;
