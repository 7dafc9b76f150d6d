/**
 * Tasks across the levels (requirement E4): a task issued at any level to chosen subordinate organisations, passed on
 * further down by each receiver, reported back up with progress rolled up, across nodes through the exchange.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.task;
