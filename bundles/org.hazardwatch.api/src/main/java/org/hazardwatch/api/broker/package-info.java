/** The node's embedded message broker, as other bundles see it. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.broker;
