package org.hazardwatch.api.security;

/** A department of an organisation (e.g. 危化品监管科, 生产安全部). */
public record Department(Long id, long organisationId, String name) {
}
