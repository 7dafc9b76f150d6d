/** Identifiers of registered enterprises, such as the unified social credit code (GB 32100-2015). */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.registry;
