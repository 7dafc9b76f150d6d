/** What local systems (DCS, SIS, gas controllers, safety management software) hand to a node and fetch from it (I1). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.integration;
