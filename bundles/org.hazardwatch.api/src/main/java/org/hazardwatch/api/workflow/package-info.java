/**
 * Explicit state machines of the safety management workflows (requirement E1-E4, F1-F3): which action leads from which
 * state to which, and which role may take it.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.workflow;
