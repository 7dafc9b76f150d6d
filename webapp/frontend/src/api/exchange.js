// The security centre of the national node (requirement I3): its SM2 certificate authority, the enrolment tokens, the
// certificates it issued and the nodes with their heartbeats (ExchangeResource). Every call goes through request() of
// http.js (session cookie, CSRF header on POST, errors as ApiError with the server's body {status, message, code?,
// fieldErrors?}). A node that does not run the security centre answers every call 503 with a JSON error (see
// isCentreUnavailable in utils/exchange.js). The administration calls need exchange:administer and national scope
// (403 otherwise).
import { request } from './http.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * The authority certificate, PEM (application/x-pem-file, so fetched as a blob: asking for JSON would be refused).
 * Resolves to the PEM text.
 */
export async function getAuthorityPem() {
  const file = await request('/exchange/authority', { responseType: 'blob' })
  return file.blob.text()
}

/** The revocation list, DER signed SM3withSM2 (application/pkix-crl): resolves to {blob, fileName, contentType}. */
export function getRevocationList() {
  return request('/exchange/crl', { responseType: 'blob', timeout: 60000 })
}

/**
 * Nodes and collectors holding a certificate: [{organisationCode, role, certificateSerial, certificateNotAfter,
 * lastSeen, address, online}] (online: a heartbeat within the last 3 minutes).
 */
export function getExchangeNodes() {
  return request('/exchange/nodes')
}

/**
 * Certificates, newest first, of one organisation when given: [{serial (lower-case hex), organisationCode, role,
 * subject, notBefore, notAfter, status: ACTIVE|REVOKED|EXPIRED, revokedAt, revocationReason, issuedAt, issuedBy, pem}].
 */
export function getExchangeCertificates({ organisation } = {}) {
  return request('/exchange/certificates', { query: { organisation: organisation || undefined } })
}

/** Revokes a certificate (the certificate as it is now); 404 for an unknown serial, 409 when it was revoked already. */
export function revokeCertificate(serial, reason) {
  return request(`/exchange/certificates/${enc(serial)}/revoke`, { method: 'POST', body: { reason } })
}

/**
 * Enrolment tokens, newest first: [{id, organisationCode, role, expiresAt, createdBy, createdAt, usedAt,
 * certificateSerial}] (the token values themselves are never listed).
 */
export function getEnrolmentTokens() {
  return request('/exchange/tokens')
}

/**
 * Creates a one-time enrolment token {organisationCode, role, hours (1-720)} (201): {token, details: EnrolmentToken}.
 * `token` is shown this once. Refusals: 400 with fieldErrors (organisationCode, role, hours or validity).
 */
export function createEnrolmentToken(body) {
  return request('/exchange/tokens', { method: 'POST', body })
}
