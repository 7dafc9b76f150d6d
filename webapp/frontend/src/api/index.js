import { request, ApiError } from './http.js'

export function login(username, password) {
  return request('/auth/login', { method: 'POST', body: { username, password }, auth: false })
}

export function logout() {
  return request('/auth/logout', { method: 'POST', timeout: 5000 })
}

/**
 * Changes the signed-in user's password. 204 on success (the server then ends every session of the user);
 * refusals come as ApiError with body {status, code, message}: 403 CURRENT_PASSWORD_WRONG,
 * 400 PASSWORD_TOO_SHORT / PASSWORD_CONTAINS_USERNAME / PASSWORD_UNCHANGED.
 */
export function changePassword(currentPassword, newPassword) {
  return request('/auth/password', { method: 'POST', body: { currentPassword, newPassword } })
}

/** Health is public; a DOWN/DEGRADED status may come with a 503 whose body is still a health report. */
export async function getHealth() {
  try {
    return await request('/health', { auth: false, timeout: 8000 })
  } catch (err) {
    if (err instanceof ApiError && err.body && typeof err.body === 'object' && err.body.status) {
      return err.body
    }
    throw err
  }
}

export function getPoints() {
  return request('/points')
}

export function getPointHistory(pointId, from, to) {
  return request(`/points/${encodeURIComponent(pointId)}/history`, {
    query: { from: from.toISOString(), to: to.toISOString() },
    timeout: 30000
  })
}

export function getAlarms({ state, pointId, limit } = {}) {
  return request('/alarms', { query: { state, pointId, limit } })
}

/**
 * GB 18218 identification and grading of a major hazard source (POST /api/grading/gb18218).
 * Refusals come as ApiError with status 400 and body {status, code, message}; message starts with
 * "substances[N]" when a single entry is at fault.
 * @param {{edition: string, exposedPeople: number, substances: object[]}} body
 */
export function gradeGb18218(body) {
  return request('/grading/gb18218', { method: 'POST', body, timeout: 30000 })
}

// ---- enterprise registry -------------------------------------------------------------------------------

/**
 * Children of a region (the provinces when parentCode is absent):
 * [{code, name, level: PROVINCE|CITY|COUNTY|PARK, parentCode, enterpriseCount, hasChildren}].
 */
export function getRegions(parentCode) {
  return request('/regions', { query: { parent: parentCode } })
}

/** One region with its path from the province down: {code, name, level, parentCode, path: [{code, name}]}. */
export function getRegion(code) {
  return request(`/regions/${encodeURIComponent(code)}`)
}

/**
 * One page of the enterprises registered in a region's subtree (all regions when region is absent),
 * optionally filtered by name or USCC: {total, page, size, items}. page is 0-based.
 */
export function getEnterprises({ region, q, page = 0, size = 20 } = {}) {
  return request('/enterprises', { query: { region, q, page, size } })
}

export function getEnterprise(id) {
  return request(`/enterprises/${encodeURIComponent(id)}`)
}

/**
 * Registers an enterprise (201 with the stored enterprise). Refusals: ApiError 400 with body
 * {status, code: 'VALIDATION', message, fieldErrors: [{field, code, message}]}.
 */
export function createEnterprise(body) {
  return request('/enterprises', { method: 'POST', body })
}

/** Replaces an enterprise's fields (200 with the stored enterprise); refusals as for createEnterprise. */
export function updateEnterprise(id, body) {
  return request(`/enterprises/${encodeURIComponent(id)}`, { method: 'PUT', body })
}
