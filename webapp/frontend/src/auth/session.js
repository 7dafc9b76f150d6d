import { reactive } from 'vue'

// The bearer token lives in sessionStorage: it is gone when the tab is closed.
const KEY = 'hazardwatch.session'

function read() {
  try {
    const raw = window.sessionStorage.getItem(KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw)
    return parsed && typeof parsed.token === 'string' ? parsed : null
  } catch {
    return null
  }
}

const initial = read()

export const session = reactive({
  token: initial ? initial.token : null,
  username: initial ? initial.username : null,
  expiresAt: initial ? initial.expiresAt : null
})

export function saveSession({ token, username, expiresAt }) {
  session.token = token
  session.username = username || null
  session.expiresAt = expiresAt || null
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ token, username, expiresAt }))
  } catch {
    // Keep the in-memory session only.
  }
}

export function clearSession() {
  session.token = null
  session.username = null
  session.expiresAt = null
  try {
    window.sessionStorage.removeItem(KEY)
  } catch {
    // ignore
  }
}

export function isAuthenticated() {
  if (!session.token) return false
  if (session.expiresAt) {
    const expires = Date.parse(session.expiresAt)
    if (Number.isFinite(expires) && expires <= Date.now()) {
      clearSession()
      return false
    }
  }
  return true
}
