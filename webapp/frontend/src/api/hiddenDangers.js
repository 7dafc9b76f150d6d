// Hidden-danger investigation and governance (隐患排查治理, requirement E1; HiddenDangersResource). Investigations are
// planned and completed; hidden dangers are recorded, arranged (for a major one the county's or park's rectification
// notice), reported with evidence and accepted or rejected; a major one has a governance project. Every call goes
// through request() of http.js (session cookie, CSRF header on POST, errors as ApiError with the server's body
// {status, message, code?, fieldErrors?}). hidden-danger:view reads; the enterprise's part needs hidden-danger:rectify,
// the supervisor's hidden-danger:supervise; the server says per hidden danger which steps are the caller's (`actions`).
import { request } from './http.js'
import { uploadContentType } from '../utils/files.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * One page of hidden dangers in the caller's scope, newest change first: {items: [hidden danger without attachments
 * and events], total, page, size}. Filters: status, level, uscc, region (code prefix or park code), overdue (true: past
 * the deadline and not yet reported), inspectionId; page is 0-based, size at most 200.
 */
export function getHiddenDangers({ status, level, uscc, region, overdue, inspectionId, page = 0, size = 20 } = {}) {
  return request('/hidden-dangers', { query: { status, level, uscc, region, overdue: overdue ? 'true' : undefined, inspectionId, page, size } })
}

/** The hidden dangers awaiting the caller's step, the overdue ones first: [hidden danger]. */
export function getHiddenDangerTodo() {
  return request('/hidden-dangers/todo')
}

/**
 * {openByLevel: {GENERAL, MAJOR}, openByCategory: {EQUIPMENT, …}, overdue, closed (in the period), byRegion:
 * [{regionCode, open, major, overdue, closed}]}; from / to (ISO instants) bound the closing time, by default the
 * month up to the end of today.
 */
export function getHiddenDangerStatistics({ from, to } = {}) {
  return request('/hidden-dangers/statistics', { query: { from, to } })
}

/**
 * Records a hidden danger as found {uscc, hazardSourceCode?, inspectionId?, level, category, location, description}:
 * 201 with it (FOUND). Refusals: 400 VALIDATION with fieldErrors, 403 without rectify or supervise.
 */
export function recordHiddenDanger(body) {
  return request('/hidden-dangers', { method: 'POST', body })
}

/** One hidden danger with its attachments, governance project, events (the timeline) and actions. */
export function getHiddenDanger(id) {
  return request(`/hidden-dangers/${enc(id)}`)
}

/**
 * Takes a step: ASSIGN {responsible, deadline, noticeNumber (required for a major one), note}, REPORT {note},
 * ACCEPT {note?}, REJECT {note}. Resolves to the hidden danger as it is now. Refusals: 400 VALIDATION (e.g.
 * attachments EVIDENCE_REQUIRED, governance NOT_COMPLETE, deadline IN_PAST), 409 CONFLICT (not possible from the
 * status, not the caller's, or it moved meanwhile).
 */
export function actOnHiddenDanger(id, action, body = {}) {
  return request(`/hidden-dangers/${enc(id)}/actions/${enc(String(action).toUpperCase())}`, { method: 'POST', body, timeout: 60000 })
}

/** Sets the governance project of a major hidden danger {measures, funds (万元), responsible, deadline}. */
export function saveGovernance(id, body) {
  return request(`/hidden-dangers/${enc(id)}/governance`, { method: 'POST', body })
}

/** Records the governance project's progress {percent (0-100, only forward), note}. */
export function saveGovernanceProgress(id, { percent, note = null }) {
  return request(`/hidden-dangers/${enc(id)}/governance/progress`, { method: 'POST', body: { percent, note } })
}

/**
 * Adds a file of a stage (FINDING, EVIDENCE, OTHER): its raw bytes with its own Content-Type and ?stage=&fileName=
 * (201 with {id, stage, fileName, contentType, size, sha256, uploadedAt, uploadedBy}). 409 once closed, or evidence
 * while awaiting acceptance.
 */
export function uploadDangerAttachment(id, stage, file, { timeout = 120000 } = {}) {
  return request(`/hidden-dangers/${enc(id)}/attachments`, {
    method: 'POST',
    query: { stage, fileName: file.name },
    raw: file,
    contentType: uploadContentType(file),
    timeout
  })
}

/** The bytes of an attachment: resolves to {blob, fileName, contentType}. */
export function getDangerAttachment(id, attachmentId) {
  return request(`/hidden-dangers/${enc(id)}/attachments/${enc(attachmentId)}`, { responseType: 'blob', timeout: 120000 })
}

/**
 * Investigations in the caller's scope, latest planned first: [{id, uscc, enterpriseName, regionCode, kind, title,
 * checklist, inspector, plannedAt, status, doneAt, result, dangerCount, createdBy, createdAt}].
 */
export function getInspections({ uscc, status, limit = 200 } = {}) {
  return request('/hidden-dangers/inspections', { query: { uscc, status, limit } })
}

/** Plans an investigation {uscc, kind SELF|SUPERVISION, title, checklist: [line], inspector, plannedAt}: 201. */
export function planInspection(body) {
  return request('/hidden-dangers/inspections', { method: 'POST', body })
}

/** Marks an investigation done with its result (409 when done already). */
export function completeInspection(id, result) {
  return request(`/hidden-dangers/inspections/${enc(id)}/complete`, { method: 'POST', body: { result } })
}
