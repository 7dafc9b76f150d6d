// Registration and cancellation of major hazard sources (重大危险源登记/注销, requirements F1-F3; RegistrationsResource).
// An enterprise applies (a draft, its documents, 提交); the county returns it, accepts it, registers it and sends the
// notice (a PDF the server generates, kept as a NOTICE document). Every call goes through request() of http.js (session
// cookie, CSRF header on POST / DELETE, errors as ApiError with the server's body {status, message, code?,
// fieldErrors?}). registration:view for reading, registration:apply for applying and the documents,
// registration:register for the county's steps; the server says per case which steps are the caller's (`actions`).
import { request } from './http.js'
import { uploadContentType } from '../utils/files.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * One page of applications in the caller's scope, newest first: {items: [case without documents and events], total,
 * page, size}. Filters: kind REGISTRATION|CANCELLATION, status, region (code), enterpriseId, hazardSourceId, from / to
 * (ISO instants bounding the creation time); page is 0-based.
 */
export function getRegistrations({ kind, status, region, enterpriseId, hazardSourceId, from, to, page = 0, size = 20 } = {}) {
  return request('/registrations', { query: { kind, status, region, enterpriseId, hazardSourceId, from, to, page, size } })
}

/** The applications awaiting the caller's step, oldest first: [case]. */
export function getRegistrationTodo() {
  return request('/registrations/todo')
}

/**
 * Counts over the applications created between from and to (ISO instants, both optional): {byStatus: {REGISTRATION:
 * {DRAFT: n, …}, CANCELLATION: {…}}, registeredByGrade: {'1'…'4', none}, byRegion: [{regionCode, regionName, registered,
 * cancelled, pending}], byMonth: [{month: 'YYYY-MM', submitted, registered, cancelled}]}.
 */
export function getRegistrationStatistics({ from, to } = {}) {
  return request('/registrations/statistics', { query: { from, to } })
}

/**
 * Registered sources whose periodic safety re-assessment (every 3 years) falls due within withinDays days, or is
 * overdue: [{registrationId, registrationNumber, hazardSourceId, hazardSourceCode, hazardSourceName, enterpriseName,
 * uscc, regionCode, due: 'YYYY-MM-DD', overdue}].
 */
export function getDueReassessments({ withinDays = 90 } = {}) {
  return request('/registrations/due-reassessments', { query: { withinDays } })
}

/**
 * Starts an application as a draft {kind, hazardSourceId, reason (cancellations only), statement}: 201 with the case.
 * Refusals: 400 VALIDATION with fieldErrors (kind, hazardSourceId, reason, statement), 403 for a source out of scope.
 */
export function createRegistration(body) {
  return request('/registrations', { method: 'POST', body })
}

/** One case with its documents, events (the timeline), actions and missingDocuments. */
export function getRegistration(id) {
  return request(`/registrations/${enc(id)}`)
}

/**
 * Adds a document of a type to a draft or returned case: the file's raw bytes with its own Content-Type and
 * ?type=&fileName= (201 with the document {id, type, fileName, contentType, size, sha256, uploadedAt, uploadedBy}).
 */
export function uploadRegistrationDocument(id, type, file, { timeout = 120000 } = {}) {
  return request(`/registrations/${enc(id)}/documents`, {
    method: 'POST',
    query: { type, fileName: file.name },
    raw: file,
    contentType: uploadContentType(file),
    timeout
  })
}

/** The bytes of a document: resolves to {blob, fileName, contentType}. */
export function getRegistrationDocument(id, documentId) {
  return request(`/registrations/${enc(id)}/documents/${enc(documentId)}`, { responseType: 'blob', timeout: 120000 })
}

/** Removes a document from a draft or returned case (204). */
export function deleteRegistrationDocument(id, documentId) {
  return request(`/registrations/${enc(id)}/documents/${enc(documentId)}`, { method: 'DELETE' })
}

/**
 * Takes a step: action SUBMIT, WITHDRAW, RETURN, ACCEPT, REGISTER or NOTIFY, body {note, registrationNumber} (the
 * note is the reason of a RETURN, required there; the number only for REGISTER, null to have one assigned). Resolves
 * to the case as it is now. Refusals: 400 VALIDATION (documents missing for SUBMIT, no reason for RETURN, a number
 * already given), 409 CONFLICT when the step is not possible (any more) or not the caller's.
 */
export function actOnRegistration(id, action, body = {}) {
  return request(`/registrations/${enc(id)}/actions/${enc(String(action).toUpperCase())}`, { method: 'POST', body, timeout: 60000 })
}
