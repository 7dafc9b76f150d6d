import { reactive } from 'vue'

// The session itself is the HttpOnly cookie HW_SESSION that the server set at login (the page cannot read it). What the
// page keeps, in sessionStorage (gone when the tab is closed), is only what it needs to show and to send: the user
// name, display name, end of the session, the CSRF token sent with every changing call, and whether the password must
// be changed first. Never a bearer token.
const KEY = 'hazardwatch.session'

const FIELDS = ['username', 'displayName', 'expiresAt', 'csrfToken', 'mustChangePassword']

function read() {
  try {
    const raw = window.sessionStorage.getItem(KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw)
    // An entry of the former bearer-token transport (or a damaged one) is dropped: log in again.
    if (!parsed || typeof parsed.username !== 'string' || typeof parsed.csrfToken !== 'string' || 'token' in parsed) {
      window.sessionStorage.removeItem(KEY)
      return null
    }
    return parsed
  } catch {
    return null
  }
}

const initial = read()

export const session = reactive({
  username: initial ? initial.username : null,
  displayName: initial ? initial.displayName || null : null,
  expiresAt: initial ? initial.expiresAt || null : null,
  csrfToken: initial ? initial.csrfToken : null,
  mustChangePassword: initial ? !!initial.mustChangePassword : false
})

function persist() {
  try {
    const stored = Object.fromEntries(FIELDS.map((f) => [f, session[f]]))
    window.sessionStorage.setItem(KEY, JSON.stringify(stored))
  } catch {
    // Keep the in-memory session only.
  }
}

/**
 * Keeps the answer of POST /api/auth/login, or of GET /api/auth/me when a tab takes over the cookie session (see
 * restoreSession in me.js); any `token` in it is ignored: the web app uses the cookie.
 */
export function saveSession({ username, displayName, expiresAt, csrfToken, mustChangePassword }) {
  session.username = username || null
  session.displayName = displayName || null
  session.expiresAt = expiresAt || null
  session.csrfToken = csrfToken || null
  session.mustChangePassword = !!mustChangePassword
  persist()
}

/** Updates some fields of the current session (e.g. from GET /api/auth/me); no-op when logged out. */
export function updateSession(fields) {
  if (!session.username) return
  for (const f of FIELDS) {
    if (f === 'username' || f === 'csrfToken') continue
    if (fields && Object.prototype.hasOwnProperty.call(fields, f) && fields[f] !== undefined) {
      session[f] = f === 'mustChangePassword' ? !!fields[f] : fields[f]
    }
  }
  persist()
}

const clearedListeners = new Set()

/** Registers a callback run whenever the session is cleared (e.g. to forget the loaded profile). */
export function onSessionCleared(listener) {
  clearedListeners.add(listener)
  return () => clearedListeners.delete(listener)
}

export function clearSession() {
  session.username = null
  session.displayName = null
  session.expiresAt = null
  session.csrfToken = null
  session.mustChangePassword = false
  try {
    window.sessionStorage.removeItem(KEY)
  } catch {
    // ignore
  }
  for (const listener of clearedListeners) {
    try {
      listener()
    } catch {
      // one listener must not keep the others from running
    }
  }
}

/** Whether the page believes it is logged in (the server may still answer 401, e.g. after an idle timeout). */
export function isAuthenticated() {
  if (!session.username || !session.csrfToken) return false
  if (session.expiresAt) {
    const expires = Date.parse(session.expiresAt)
    if (Number.isFinite(expires) && expires <= Date.now()) {
      clearSession()
      return false
    }
  }
  return true
}
