/**
 * The accident register (事故登记, requirements A5 and B5): accidents at enterprises with their consequences, entered by
 * hand, imported from Excel (also for years before the system existed) and replicated up the levels.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.accident;
