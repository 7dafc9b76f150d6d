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

// ---- exchange links (requirement I4): the links to the parent and the children, their message log, and the commands
// sent down. The links and the log need exchange:administer (any scope), the commands alarm:configure. A node that
// does not run the exchange links (feature hazardwatch-exchange) answers the links and the log 503 with a JSON error.

/**
 * This node's organisation code in the exchange (null before it enrolled) and its links: {organisationCode, links:
 * [{neighbour, role: parent|child, address, connected, backlogMessages, backlogBytes, outboxMessages, lastSent,
 * lastReceived, sent, received, rejected, dropped, lastError, downSince}]}.
 */
export function getExchangeLinks() {
  return request('/exchange/links')
}

/**
 * The message log, newest first: [{id, loggedAt, direction: OUT|IN, neighbour, messageId, type, seq, created, status:
 * QUEUED|SENT|BACKLOG|ACCEPTED|DUPLICATE|REJECTED|DROPPED, reason, sizeBytes, items}]. Older entries: before = the
 * smallest id shown. limit 1-1000 (the server's default 100).
 */
export function getExchangeMessages({ neighbour, direction, status, type, before, limit } = {}) {
  return request('/exchange/messages', {
    query: {
      neighbour: neighbour || undefined,
      direction: direction || undefined,
      status: status || undefined,
      type: type || undefined,
      before: before ?? undefined,
      limit: limit ?? undefined
    }
  })
}

/**
 * Commands sent down from or through this node, newest first (those of enterprises in the caller's scope): [{id, type,
 * enterpriseCode, pointId, body (the command as a JSON string), requestedBy, requestedAt, status: SENT|APPLIED|REFUSED,
 * detail, answeredAt}]. limit 1-500 (default 100).
 */
export function getExchangeCommands({ limit } = {}) {
  return request('/exchange/commands', { query: { limit: limit ?? undefined } })
}

/**
 * Sends a threshold change for a point of an enterprise below this node (202): the command as getExchangeCommands
 * lists it, status SENT. body {pointId, limits: {lowLow?, low?, high?, highHigh?} (a number sets, null removes),
 * reason}. Refusals: 400 {code: 'VALIDATION', fieldErrors: [{field: pointId|limits|limits.<name>|reason|node, code,
 * message}]}; 503 when the exchange links do not run.
 */
export function sendThresholdChange(body) {
  return request('/exchange/commands/threshold', { method: 'POST', body, timeout: 30000 })
}

// ---- live queries (requirement C3, 远程实时调阅): an upper level reads an enterprise's current values on demand from
// the node below that reads its instruments. monitoring:view, and the caller must see the enterprise's live data (own
// region, a granted access request, or monitoring:live-all); 403 otherwise.

/**
 * Sends a live query (202): the query as liveQueries lists it (type 'live-query', status SENT, pointId null, body the
 * query as a JSON string). body {enterprise (USCC), pointIds? (qualified "<USCC>:<id>", at most 100, none = all),
 * reason (at most 500)}. Refusals: 400 {code: 'VALIDATION', fieldErrors: [{field: enterprise|pointIds|pointIds[i]|
 * reason|node, code: required|REQUIRED|unreachable|too-many|foreign|too-long|not-enrolled, message}]}; 403 (code
 * FORBIDDEN) when the caller may not see the enterprise's live data; 503 when the exchange links do not run.
 */
export function sendLiveQuery(body) {
  return request('/exchange/queries/live', { method: 'POST', body, timeout: 30000 })
}

/**
 * Live queries sent from or through this node that the caller may see live, newest first, without their results
 * (result null): [{id, type, enterpriseCode, pointId, body, requestedBy, requestedAt, status: SENT|ANSWERED|REFUSED,
 * detail, answeredAt, result}]. limit 1-500 (default 50).
 */
export function liveQueries({ limit } = {}) {
  return request('/exchange/queries', { query: { limit: limit ?? undefined } })
}

/**
 * One live query with its result once ANSWERED: a JSON string {enterprise, readAt, values: [{pointId, name, type, unit,
 * value, quality, timestamp}]} (see parseLiveQueryResult in utils/liveQuery.js). 404 when unknown or not a live query,
 * 403 when the caller may not see the enterprise's live data.
 */
export function liveQuery(id) {
  return request(`/exchange/queries/${enc(id)}`)
}

/**
 * The certificate directory (public): one certificate by serial ({serial, organisationCode, role, status, notAfter,
 * pem}; 404 when unknown), or the certificates of an organisation (an array). Answered by the node that runs the
 * security centre (503 elsewhere).
 */
export function getDirectory({ serial, organisation } = {}) {
  return request('/exchange/directory', {
    auth: false,
    query: { serial: serial || undefined, organisation: serial ? undefined : organisation || undefined }
  })
}
