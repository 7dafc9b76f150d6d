// Administration API of the web app: organisations and departments, accounts, roles and permissions, and the audit
// log (docs/security-api-draft.md). Every call goes through request() of http.js (session cookie, CSRF header, errors
// as ApiError with the server's body {status, message, code?, fieldErrors?}). The signed-in user (GET /api/auth/me)
// and the password policy are in auth.js.
import { request } from './http.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

// ---- organisations -------------------------------------------------------------------------------------------

/**
 * Organisations visible to the caller, parents before children: [{id, parentId, name, level:
 * NATIONAL|PROVINCE|CITY|COUNTY|PARK|ENTERPRISE, regionCode, regionName, enterpriseUscc, enterpriseName,
 * departments: [{id, organisationId, name}], userCount, createdAt}].
 */
export function getOrganisations() {
  return request('/organisations')
}

/**
 * Creates an organisation {parentId, name, level, regionCode, enterpriseUscc} (201, the organisation). Refusals: 400
 * with fieldErrors (level not allowed under the parent, region outside the parent's, unknown enterprise, ...).
 */
export function createOrganisation(body) {
  return request('/organisations', { method: 'POST', body })
}

/** Renames an organisation (level, region and enterprise are fixed once created). */
export function renameOrganisation(id, name) {
  return request(`/organisations/${enc(id)}`, { method: 'PUT', body: { name } })
}

/** Deletes an organisation (204); 409 {message} while it has users, departments or children. */
export function deleteOrganisation(id) {
  return request(`/organisations/${enc(id)}`, { method: 'DELETE' })
}

/** Adds a department {name} to an organisation (201, the department). */
export function createDepartment(organisationId, name) {
  return request(`/organisations/${enc(organisationId)}/departments`, { method: 'POST', body: { name } })
}

/** Deletes a department (204); 409 while users belong to it. */
export function deleteDepartment(organisationId, departmentId) {
  return request(`/organisations/${enc(organisationId)}/departments/${enc(departmentId)}`, { method: 'DELETE' })
}

// ---- accounts ------------------------------------------------------------------------------------------------

/**
 * One page of accounts: {total, page, size, items: [Account]}; page is 0-based. Account = {username, displayName,
 * organisationId, organisationName, level, departmentId, departmentName, phone, email, enabled, roles: [{id, code,
 * name, permissions}], totpEnabled, mustChangePassword, lockedUntil, failedLogins, lastLoginAt, lastLoginIp, createdAt}.
 */
export function getUsers({ organisationId, text, page = 0, size = 20 } = {}) {
  return request('/users', { query: { organisationId, text, page, size } })
}

export function getUser(username) {
  return request(`/users/${enc(username)}`)
}

/**
 * Creates an account {username, displayName, organisationId, departmentId, phone, email, enabled, roleIds, password}
 * (201). The password is one-time: the user must change it at the first login.
 */
export function createUser(body) {
  return request('/users', { method: 'POST', body })
}

/** Changes an account {displayName, organisationId, departmentId, phone, email, enabled, roleIds}. */
export function updateUser(username, body) {
  return request(`/users/${enc(username)}`, { method: 'PUT', body })
}

/** Ends a lockout and clears the failure count. */
export function unlockUser(username) {
  return request(`/users/${enc(username)}/unlock`, { method: 'POST' })
}

/** Sets a one-time password (the user must change it) and ends the user's sessions. */
export function resetUserPassword(username, password) {
  return request(`/users/${enc(username)}/password`, { method: 'POST', body: { password } })
}

/** Ends every session of a user. */
export function endUserSessions(username) {
  return request(`/users/${enc(username)}/logout`, { method: 'POST' })
}

/** Turns a user's second factor off (lost phone); they may enrol again. */
export function resetUserTotp(username) {
  return request(`/users/${enc(username)}/totp-reset`, { method: 'POST' })
}

// ---- roles ---------------------------------------------------------------------------------------------------

/** Roles: [{id, code (null for custom roles), name, description, permissions: ['alarm:view', ...], userCount}]. */
export function getRoles() {
  return request('/roles')
}

/** Every permission: [{code, area, action}]. */
export function getPermissions() {
  return request('/roles/permissions')
}

/** Creates a custom role {name, description, permissions} (201). 400 for a permission the caller lacks. */
export function createRole(body) {
  return request('/roles', { method: 'POST', body })
}

export function updateRole(id, body) {
  return request(`/roles/${enc(id)}`, { method: 'PUT', body })
}

/** Deletes a custom role (204); 409 for built-in roles and roles in use. */
export function deleteRole(id) {
  return request(`/roles/${enc(id)}`, { method: 'DELETE' })
}

// ---- audit log -----------------------------------------------------------------------------------------------

function isoOf(value) {
  return value instanceof Date ? value.toISOString() : value || undefined
}

/** The filters of the audit search (and of its export) as query parameters. */
function auditQuery({ from, to, actor, action, targetType, outcome, text } = {}) {
  return {
    from: isoOf(from),
    to: isoOf(to),
    actor: actor || undefined,
    action: action || undefined,
    targetType: targetType || undefined,
    outcome: outcome || undefined,
    text: text || undefined
  }
}

/**
 * One page of audit entries, newest first: {total, page, size, items: [{seq, at, actor, organisation, actorRegion,
 * clientIp, action, targetType, targetId, outcome: OK|DENIED|FAILED, before, after (JSON strings or null), detail,
 * prevHash, hash}]}.
 */
export function getAuditEntries({ page = 0, size = 50, ...filters } = {}) {
  return request('/audit', { query: { ...auditQuery(filters), page, size }, timeout: 30000 })
}

/** CSV of the entries matching the filters (needs audit:export): resolves to {blob, fileName, contentType}. */
export function exportAudit(filters = {}) {
  return request('/audit/export', { query: auditQuery(filters), responseType: 'blob', timeout: 120000 })
}

/**
 * Re-computes the whole chain: {intact, checked, headSeq, brokenAt, problem: CHANGED|MISSING|HEAD_MISMATCH|null,
 * detail, verifiedAt}.
 */
export function verifyAudit() {
  return request('/audit/verify', { method: 'POST', timeout: 300000 })
}
