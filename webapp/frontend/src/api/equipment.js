// Equipment under periodic inspection (设备检验, requirement E2; EquipmentResource). Visible to the enterprise itself
// and its chemical park's management only (a nationwide administrator too); regulators of a county, city, province or
// the nation get empty answers. equipment:view reads; equipment:edit and being the enterprise's own people keep it.
// Every call goes through request() of http.js (session cookie, CSRF header on POST, errors as ApiError).
import { request } from './http.js'
import { uploadContentType } from '../utils/files.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * The pieces, soonest due first: [{id, uscc, enterpriseName, parkCode, tag, name, kind, hazardSourceCode,
 * registrationCode, intervalMonths, nextDue, retired, state}] (no records). Filters: uscc, kind, state (default: all
 * but RETIRED), limit.
 */
export function getEquipmentList({ uscc, kind, state, limit = 500 } = {}) {
  return request('/equipment', { query: { uscc, kind, state, limit } })
}

/** {total, ok, due, overdue, outOfService} (retired pieces not counted). */
export function getEquipmentSummary() {
  return request('/equipment/summary')
}

/**
 * Registers a piece {uscc, tag, name, kind, hazardSourceCode?, registrationCode?, intervalMonths? (at most the rule's),
 * firstDue? (YYYY-MM-DD, default today)}: 201 with it. Refusals: 400 VALIDATION (tag DUPLICATE / INVALID,
 * intervalMonths LONGER_THAN_RULE, …), 403 for anyone but the enterprise's own people.
 */
export function registerEquipment(body) {
  return request('/equipment', { method: 'POST', body })
}

/** One piece with its inspection records, newest first. */
export function getEquipment(id) {
  return request(`/equipment/${enc(id)}`)
}

/** Takes a piece out of the inspection plan with the reason (409 when retired already). */
export function retireEquipment(id, reason) {
  return request(`/equipment/${enc(id)}/retire`, { method: 'POST', body: { reason } })
}

/**
 * Records an inspection {inspectedOn, agency, result PASS|CONDITIONAL|FAIL, certificateNumber?, validUntil?, note
 * (required for a FAIL)}; resolves to the piece with the new record and its next due date.
 */
export function recordEquipmentInspection(id, body) {
  return request(`/equipment/${enc(id)}/inspections`, { method: 'POST', body, timeout: 60000 })
}

/**
 * Attaches the certificate of a record (once): the file's raw bytes with its own Content-Type and ?fileName=;
 * resolves to the record with certificateFileName and certificateSha256. 409 when it has one already.
 */
export function uploadCertificate(id, inspectionId, file, { timeout = 120000 } = {}) {
  return request(`/equipment/${enc(id)}/inspections/${enc(inspectionId)}/certificate`, {
    method: 'POST',
    query: { fileName: file.name },
    raw: file,
    contentType: uploadContentType(file),
    timeout
  })
}

/** The bytes of a record's certificate: resolves to {blob, fileName, contentType}. */
export function getCertificate(id, inspectionId) {
  return request(`/equipment/${enc(id)}/inspections/${enc(inspectionId)}/certificate`, { responseType: 'blob', timeout: 120000 })
}
