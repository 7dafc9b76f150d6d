/**
 * Registration and cancellation of major hazard sources (requirements F1-F3): the enterprise applies with its required
 * documents, the county or park reviews, registers with a registration number and notifies with a notice PDF.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.registration;
