/** Early warning (requirement D2): trend predictions, hazard source warnings and enterprise risk levels. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.warning;
