/**
 * Organisations, people, roles, permissions with a data scope, authorised upper-level access and the tamper-evident
 * audit log (requirements G1, G2, G4, C3).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.security;
