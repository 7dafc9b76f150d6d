/** Data exchange between the levels: node certificates, enrolment and the security centre (requirement I3). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.exchange;
