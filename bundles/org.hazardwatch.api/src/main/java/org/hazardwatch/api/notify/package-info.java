/**
 * Notifications of what awaits people (requirement 9.5): an SPI for gateways (e-mail, SMS, a government messaging
 * platform) that a bundle registers as a service. The product ships a logging one; nothing is sent outside by default.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.notify;
