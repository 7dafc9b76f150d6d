import { request } from './http.js'

// ---- authorised access to a county's live data (C3) ----------------------------------------------------------

/**
 * Access requests: the caller's own and those the caller may decide: [{id, requester, requesterOrganisation,
 * regionCode, regionName, reason, hours, status: PENDING|GRANTED|DENIED|REVOKED|EXPIRED, incidentId, decidedBy,
 * decidedAt, decisionNote, requestedAt, validUntil}]. status: one status, or all when absent.
 */
export function getAccessRequests({ status } = {}) {
  return request('/access/requests', { query: { status: status || undefined } })
}

/**
 * Asks for access to a county's (or park's) live data for 1..72 hours (access:request): 201 with the request, GRANTED
 * at once when an incident is declared there. Refusals: 400 with fieldErrors (regionCode, reason, hours).
 */
export function createAccessRequest({ regionCode, reason, hours }) {
  return request('/access/requests', { method: 'POST', body: { regionCode, reason, hours } })
}

function requestPath(id, action) {
  return `/access/requests/${encodeURIComponent(id)}/${action}`
}

/** Grants a pending request (access:approve); hours overrides the hours asked for when given. */
export function approveAccessRequest(id, { hours, note } = {}) {
  const body = { note: note || null }
  if (hours !== undefined && hours !== null && hours !== '') body.hours = hours
  return request(requestPath(id, 'approve'), { method: 'POST', body })
}

/** Refuses a pending request (access:approve). */
export function denyAccessRequest(id, note) {
  return request(requestPath(id, 'deny'), { method: 'POST', body: { note: note || null } })
}

/** Ends a granted access before its time (access:approve). */
export function revokeAccessRequest(id, note) {
  return request(requestPath(id, 'revoke'), { method: 'POST', body: { note: note || null } })
}

/**
 * Declared incidents (accidents under which requests for the region are granted at once): [{id, regionCode,
 * regionName, title, declaredBy, declaredAt, endedBy, endedAt}]. open: only those not ended.
 */
export function getIncidents({ open } = {}) {
  return request('/access/incidents', { query: { open: open ? 'true' : undefined } })
}

/** Declares an incident in a region (access:approve): 201 with the incident; 400 with fieldErrors. */
export function declareIncident({ regionCode, title }) {
  return request('/access/incidents', { method: 'POST', body: { regionCode, title } })
}

/** Ends a declared incident (access:approve). */
export function endIncident(id) {
  return request(`/access/incidents/${encodeURIComponent(id)}/end`, { method: 'POST' })
}
