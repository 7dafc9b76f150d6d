import { request } from './http.js'

// ---- authentication, the signed-in user and their sessions (docs/security-api-draft.md, "Transport") ----------

/**
 * Logs in with the session cookie (HttpOnly HW_SESSION, set by the server; cookie: true keeps any bearer token out of
 * the answer): {username, displayName, expiresAt, csrfToken, mustChangePassword}. Refusals come as ApiError: 401
 * {code: BAD_CREDENTIALS | TOTP_REQUIRED | TOTP_WRONG | ACCOUNT_DISABLED}, 423 {code: ACCOUNT_LOCKED, lockedUntil}.
 * totp: the 6-digit code, sent once the server asked for it (TOTP_REQUIRED).
 */
export function login(username, password, totp) {
  const body = { username, password, cookie: true }
  if (totp) body.totp = totp
  return request('/auth/login', { method: 'POST', body, auth: false })
}

/** Ends this session (204; the server clears the cookie). */
export function logout() {
  return request('/auth/logout', { method: 'POST', timeout: 5000 })
}

/** Ends every session of the signed-in user, this one included (204). */
export function logoutAll() {
  return request('/auth/logout-all', { method: 'POST', timeout: 10000 })
}

/**
 * Changes the signed-in user's password. 204 on success (the server then ends every session of the user);
 * refusals come as ApiError 400/403 with body {status, code, message}, code one of CURRENT_PASSWORD_WRONG,
 * PASSWORD_TOO_SHORT, PASSWORD_TOO_SIMPLE, PASSWORD_COMMON, PASSWORD_CONTAINS_USERNAME, PASSWORD_UNCHANGED.
 */
export function changePassword(currentPassword, newPassword) {
  return request('/auth/password', { method: 'POST', body: { currentPassword, newPassword } })
}

/**
 * The signed-in user: {username, displayName, organisation: {id, name, level, regionCode, regionName,
 * enterpriseUscc}, department: {id, name}|null, roles: [{id, code, name}], permissions: ['alarm:view', ...],
 * scope: {kind: ALL|REGION|PARK|ENTERPRISE, code}, liveGrants: ['370281'], totpEnabled, mustChangePassword, expiresAt,
 * csrfToken} (csrfToken: the one of the session whose cookie came along).
 * silent: a probe of the cookie without a session of this tab (see restoreSession in auth/me.js): its 401 does not end a
 * session nor lead to the "session expired" notice.
 */
export function getMe({ silent = false } = {}) {
  return request('/auth/me', silent ? { auth: false, timeout: 8000 } : {})
}

let policyCache = null

/** Password and session policy (public): {minLength, minClasses, maxFailures, lockMinutes, sessionMinutes, idleMinutes}; once per page load. */
export function getPasswordPolicy() {
  if (!policyCache) {
    policyCache = request('/auth/policy', { auth: false, timeout: 8000 }).catch((err) => {
      policyCache = null
      throw err
    })
  }
  return policyCache
}

/** Sessions of the signed-in user: [{id, createdAt, lastSeenAt, expiresAt, clientIp, userAgent, current}]. */
export function getSessions() {
  return request('/auth/sessions')
}

/** Starts TOTP enrolment: {secret, otpauthUri}; the second factor is on only after confirmTotp. */
export function setupTotp() {
  return request('/auth/totp/setup', { method: 'POST' })
}

/** Confirms the enrolment with a code of the authenticator app: 204, or ApiError 400 {code: TOTP_WRONG}. */
export function confirmTotp(code) {
  return request('/auth/totp/confirm', { method: 'POST', body: { code } })
}

/** Turns the second factor off with a current code: 204, or ApiError 400 {code: TOTP_WRONG}. */
export function disableTotp(code) {
  return request('/auth/totp/disable', { method: 'POST', body: { code } })
}
