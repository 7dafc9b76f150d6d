package org.hazardwatch.api.auth;

/** A pending second factor: the base32 secret and the otpauth:// URI authenticator apps read from a QR code. */
public record TotpEnrolment(String secret, String otpauthUri) {
}
