/** Live events (alarm transitions, new values) pushed to web clients. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.live;
