// The accident register (事故登记; AccidentsResource): accidents of the enterprises in the caller's scope, entered by
// hand, imported from an .xlsx (also years before the system) or replicated up from the levels below (read-only where
// they arrive). accident:view reads; accident:edit records, corrects, voids and imports (an enterprise's people only
// their own enterprise's). Every call goes through request() of http.js (session cookie, CSRF header on POST / PUT,
// errors as ApiError with the server's body {status, message, code?, fieldErrors?}).
import { request } from './http.js'

const TRANSFER_TIMEOUT_MS = 120000

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * One page of accidents, newest first: {total, page, size, items: [Accident]}. Filters: region (a region or park code:
 * its subtree), from / to (dates, China time, to inclusive), kind, uscc, q (text in the enterprise's name or the
 * description), includeVoided ('true': also the records voided as entered in error); page from 0, size 1-500.
 */
export function getAccidents({ region, from, to, kind, uscc, q, includeVoided, page = 0, size = 20 } = {}) {
  return request('/accidents', { query: { region, from, to, kind, uscc, q, includeVoided, page, size } })
}

/** One accident (404 when it is not in the caller's scope). */
export function getAccident(id) {
  return request(`/accidents/${enc(id)}`)
}

/**
 * Registers an accident (AccidentInput): 201 with it. Refusals: 400 VALIDATION with fieldErrors (occurredAt DUPLICATE
 * for the same enterprise, minute and type; uscc UNKNOWN for an enterprise outside the scope; …), 403 without
 * accident:edit.
 */
export function recordAccident(body) {
  return request('/accidents', { method: 'POST', body })
}

/** Corrects a record entered at this node: 200 with it; 400 NOT_LOCAL (from a lower node) or VOIDED on field id. */
export function updateAccident(id, body) {
  return request(`/accidents/${enc(id)}`, { method: 'PUT', body })
}

/** Voids a record entered in error, with the reason (kept, left out of every statistic): 200 with it. */
export function voidAccident(id, reason) {
  return request(`/accidents/${enc(id)}/void`, { method: 'POST', body: { reason } })
}

/**
 * Imports an .xlsx (its raw bytes): every row is checked first. Resolves to the AccidentImportResult {dryRun, rows,
 * created, duplicates, errors: []} (dryRun: checked only); a file with any row error is refused with ApiError 422
 * whose body is the result with every row error ({row, error: {field, code, message}}), nothing imported. 400 for a
 * file that is no .xlsx or has no sheet 事故 / accidents, 413 beyond 20 MB.
 */
export function importAccidents(file, { dryRun = false } = {}) {
  return request('/accidents/import', {
    method: 'POST',
    query: { dryRun: dryRun ? 'true' : 'false' },
    raw: file,
    contentType: 'application/octet-stream',
    timeout: TRANSFER_TIMEOUT_MS
  })
}

/** The import template (.xlsx, with a sheet explaining the columns): resolves to {blob, fileName, contentType}. */
export function getAccidentTemplate() {
  return request('/accidents/template', { responseType: 'blob', timeout: TRANSFER_TIMEOUT_MS })
}

/** The accidents the filters select (no voided ones) as .xlsx in the import's columns: {blob, fileName, contentType}. */
export function exportAccidents({ region, from, to, kind, uscc, q } = {}) {
  return request('/accidents/export', { query: { region, from, to, kind, uscc, q }, responseType: 'blob', timeout: TRANSFER_TIMEOUT_MS })
}

/**
 * The alarms of the accident's enterprise in the hours before it (AccidentPrecursors, B5): {accidentId, windowHours,
 * total, process, instrument, byKind, byPointType, longestLeadMinutes, shortestLeadMinutes, alarms: [{alarmId, pointId,
 * pointName, pointType, hazardSourceCode, sameHazardSource, kind, category, raisedAt, leadMinutes}]}. hours 1-720.
 */
export function getPrecedingAlarms(id, hours = 72) {
  return request(`/accidents/${enc(id)}/preceding-alarms`, { query: { hours } })
}
