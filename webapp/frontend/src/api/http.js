import { session, clearSession, updateSession } from '../auth/session.js'

export const API_BASE = (import.meta.env.VITE_API_BASE || '/api').replace(/\/+$/, '')
const DEFAULT_TIMEOUT_MS = 15000

/** Error thrown for any failed API call. status 0 = network failure, -1 = timeout. */
export class ApiError extends Error {
  constructor(message, status, body) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.body = body
  }
}

/** Header carrying the CSRF token of the session (the login's csrfToken) on every call that changes something. */
export const CSRF_HEADER = 'X-CSRF-Token'
const CHANGING_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

let unauthorizedHandler = null
let passwordChangeHandler = null

/**
 * Registers the callback run when an authenticated call answers 401, or 403 with code CSRF (the session cookie is
 * gone or belongs to another login of this browser); the session is already cleared.
 */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

/** Registers the callback run when a call answers 403 PASSWORD_CHANGE_REQUIRED (session.mustChangePassword is set). */
export function onPasswordChangeRequired(handler) {
  passwordChangeHandler = handler
}

/** The `code` of an ApiError's body, or undefined. */
export function errorCode(err) {
  const body = err && typeof err === 'object' ? err.body : null
  return body && typeof body === 'object' && typeof body.code === 'string' ? body.code : undefined
}

/** Headers every call sends: the CSRF token for changing methods (and when asked, e.g. for the live stream). */
function sessionHeaders(method, { always = false } = {}) {
  const headers = {}
  if (session.csrfToken && (always || CHANGING_METHODS.has(String(method).toUpperCase()))) {
    headers[CSRF_HEADER] = session.csrfToken
  }
  return headers
}

/** Ends the session of this tab as a 401 does (clears it, then runs the onUnauthorized callback). */
export function endSession() {
  clearSession()
  if (unauthorizedHandler) unauthorizedHandler()
}

/** Session-wide reactions to a failed authenticated call: 401 / 403 CSRF end the session, 403 PASSWORD_CHANGE_REQUIRED. */
function handleAuthFailure(status, data) {
  const code = data && typeof data === 'object' && typeof data.code === 'string' ? data.code : undefined
  if (status === 401 || (status === 403 && code === 'CSRF')) {
    endSession()
  } else if (status === 403 && code === 'PASSWORD_CHANGE_REQUIRED') {
    updateSession({ mustChangePassword: true })
    if (passwordChangeHandler) passwordChangeHandler()
  }
}

function buildUrl(path, query) {
  let url = API_BASE + path
  if (query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
    }
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

async function parseBody(response) {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** File name of a Content-Disposition header (filename* first), or ''. */
function fileNameOf(disposition) {
  const text = String(disposition || '')
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(text)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(text)
  return plain ? (plain[2] !== undefined ? plain[2] : plain[1]).trim() : ''
}

/**
 * Performs an API call; JSON in and out unless told otherwise.
 * @param {string} path path below /api, e.g. '/points'
 * @param {{method?: string, query?: object, body?: any, raw?: Blob|ArrayBuffer|Uint8Array, contentType?: string,
 *   responseType?: 'json'|'blob', auth?: boolean, timeout?: number}} options
 *   body is sent as JSON; raw is sent as is with contentType (default application/octet-stream).
 *   The session cookie goes along (same origin); POST/PUT/DELETE/PATCH carry the X-CSRF-Token header, uploads and
 *   downloads included. auth false: a public call (login, health, policy) whose 401 does not end the session.
 *   With responseType 'blob' a successful call resolves to {blob, fileName, contentType}; failures are parsed as
 *   JSON as usual.
 */
export async function request(
  path,
  { method = 'GET', query, body, raw, contentType, responseType = 'json', auth = true, timeout = DEFAULT_TIMEOUT_MS } = {}
) {
  const headers = { Accept: responseType === 'blob' ? '*/*' : 'application/json', ...sessionHeaders(method) }
  if (raw !== undefined) headers['Content-Type'] = contentType || 'application/octet-stream'
  else if (body !== undefined) headers['Content-Type'] = 'application/json'

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeout)

  let response
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: raw !== undefined ? raw : body !== undefined ? JSON.stringify(body) : undefined,
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'same-origin'
    })
  } catch (err) {
    throw timedOut ? new ApiError('timeout', -1, null) : new ApiError(err?.message || 'network', 0, null)
  } finally {
    clearTimeout(timer)
  }

  if (response.ok && responseType === 'blob') {
    try {
      const blob = await response.blob()
      return {
        blob,
        fileName: fileNameOf(response.headers.get('Content-Disposition')),
        contentType: response.headers.get('Content-Type') || ''
      }
    } catch (err) {
      throw new ApiError(err?.message || 'network', 0, null)
    }
  }

  let data
  try {
    data = await parseBody(response)
  } catch {
    data = null
  }

  if (!response.ok) {
    const message = data && typeof data === 'object' && typeof data.message === 'string' && data.message
      ? data.message
      : null
    if (auth) handleAuthFailure(response.status, data)
    throw new ApiError(message || '', response.status, data)
  }
  return data
}

/**
 * Opens a streaming GET (server-sent events) with the session cookie and the CSRF header (which EventSource could not
 * send). Resolves to the Response once its headers arrived (read response.body yourself); rejects with ApiError as
 * request() does, after the same 401 / 403 handling. Aborting `signal` rejects with the AbortError of fetch.
 */
export async function openStream(path, { query, signal } = {}) {
  const headers = { Accept: 'text/event-stream', ...sessionHeaders('GET', { always: true }) }
  let response
  try {
    response = await fetch(buildUrl(path, query), { method: 'GET', headers, signal, cache: 'no-store', credentials: 'same-origin' })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiError(err?.message || 'network', 0, null)
  }
  if (!response.ok) {
    let data = null
    try {
      data = await parseBody(response)
    } catch {
      data = null
    }
    const message = data && typeof data === 'object' && typeof data.message === 'string' && data.message ? data.message : null
    handleAuthFailure(response.status, data)
    throw new ApiError(message || '', response.status, data)
  }
  return response
}

// Session-wide refusal codes shown in the user's language rather than with the server's text.
const AUTH_ERROR_KEYS = {
  FORBIDDEN: 'auth.errors.FORBIDDEN',
  CSRF: 'auth.errors.CSRF',
  PASSWORD_CHANGE_REQUIRED: 'auth.errors.PASSWORD_CHANGE_REQUIRED'
}

/** Human-readable, localized description of an error (t = vue-i18n translate function). */
export function describeError(err, t) {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('common.networkError')
    if (err.status === -1) return t('common.timeout')
    const authKey = err.status === 403 ? AUTH_ERROR_KEYS[errorCode(err)] : undefined
    if (authKey) return t(authKey)
    if (err.message) return err.message
    return t('common.httpError', { status: err.status })
  }
  return err?.message || String(err)
}
