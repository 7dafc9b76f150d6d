@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.routes;
