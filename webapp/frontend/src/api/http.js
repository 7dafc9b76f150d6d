import { session, clearSession } from '../auth/session.js'

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

let unauthorizedHandler = null

/** Registers the callback run when an authenticated call answers 401 (session is already cleared). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
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
 *   With responseType 'blob' a successful call resolves to {blob, fileName, contentType}; failures are parsed as
 *   JSON as usual.
 */
export async function request(
  path,
  { method = 'GET', query, body, raw, contentType, responseType = 'json', auth = true, timeout = DEFAULT_TIMEOUT_MS } = {}
) {
  const headers = { Accept: responseType === 'blob' ? '*/*' : 'application/json' }
  if (raw !== undefined) headers['Content-Type'] = contentType || 'application/octet-stream'
  else if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (auth && session.token) headers.Authorization = `Bearer ${session.token}`

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
    if (response.status === 401 && auth) {
      clearSession()
      if (unauthorizedHandler) unauthorizedHandler()
    }
    throw new ApiError(message || '', response.status, data)
  }
  return data
}

/**
 * Opens a streaming GET (server-sent events) with the bearer token, which EventSource cannot send. Resolves to the
 * Response once its headers arrived (read response.body yourself); rejects with ApiError as request() does, after the
 * same 401 handling. Aborting `signal` rejects with the AbortError of fetch.
 */
export async function openStream(path, { query, signal } = {}) {
  const headers = { Accept: 'text/event-stream' }
  if (session.token) headers.Authorization = `Bearer ${session.token}`
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
    if (response.status === 401) {
      clearSession()
      if (unauthorizedHandler) unauthorizedHandler()
    }
    throw new ApiError(message || '', response.status, data)
  }
  return response
}

/** Human-readable, localized description of an error (t = vue-i18n translate function). */
export function describeError(err, t) {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('common.networkError')
    if (err.status === -1) return t('common.timeout')
    if (err.message) return err.message
    return t('common.httpError', { status: err.status })
  }
  return err?.message || String(err)
}
