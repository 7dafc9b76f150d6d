/** Storage services, backed by the configured DataSource (H2 by default, PostgreSQL in production). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.store;
