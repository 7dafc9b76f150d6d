/** Alarm disposal (requirement E3): from an alarm to verification on site, disposal by an emergency plan, closure. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.disposal;
