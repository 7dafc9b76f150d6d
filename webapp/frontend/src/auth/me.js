import { computed, reactive } from 'vue'
import { getMe } from '../api/auth.js'
import { ApiError, endSession } from '../api/http.js'
import { isAuthenticated, onSessionCleared, saveSession, session, updateSession } from './session.js'

/**
 * The signed-in user as GET /api/auth/me describes them (organisation, roles, permissions, data scope, live grants),
 * loaded once after login and kept for the tab. The menu, the router guard and the action buttons ask can(); the
 * server stays the authority (it refuses with 403 whatever the page shows).
 */
export const me = reactive({
  /** The answer of GET /api/auth/me, or null before it arrived. */
  profile: null,
  loading: false,
  /** The failure of the last load (ApiError), or null. */
  error: null
})

let pending = null
let generation = 0

/**
 * Loads the profile (once; force: again, e.g. after enrolling TOTP). Resolves to the profile; rejects with the
 * ApiError of the call (401 has then already ended the session).
 */
export function loadMe({ force = false } = {}) {
  if (!force && me.profile) return Promise.resolve(me.profile)
  if (pending && !force) return pending
  const gen = ++generation
  me.loading = true
  const call = getMe()
    .then((profile) => {
      if (gen !== generation) return me.profile
      if (profile && profile.username && session.username && profile.username !== session.username) {
        // The cookie belongs to another login made in this browser meanwhile (cookies are shared by the tabs, this
        // tab's CSRF token is not): this tab's session is over. (A session taken over by restoreSession has the user
        // name of /me itself, so this only catches a later login of another user in another tab.)
        endSession()
        throw new ApiError('session replaced by another login', 401, { status: 401, code: 'SESSION_REPLACED' })
      }
      me.profile = profile && typeof profile === 'object' ? profile : null
      me.error = null
      if (me.profile) {
        updateSession({
          displayName: me.profile.displayName || session.displayName,
          expiresAt: me.profile.expiresAt || session.expiresAt,
          mustChangePassword: !!me.profile.mustChangePassword
        })
      }
      return me.profile
    })
    .catch((err) => {
      if (gen === generation) me.error = err
      throw err
    })
    .finally(() => {
      if (gen === generation) {
        me.loading = false
        pending = null
      }
    })
  pending = call
  return call
}

let restoreAttempt = null

/**
 * Takes over the session of the HttpOnly cookie when this tab starts without one of its own (a link opened in a new
 * tab: the cookie is shared by the tabs, sessionStorage is not). Decided once per page load, on the first call: a tab
 * that starts with a session asks nothing, and a tab whose session ended later is not logged in again here (the cookie
 * may be another user's by then). Otherwise GET /api/auth/me is asked once, silently: 200 with username and csrfToken
 * becomes this tab's session and profile; 401 (no cookie, session over) or any other failure leaves the tab logged out
 * without any notice. Never rejects; check isAuthenticated() afterwards.
 */
export function restoreSession() {
  if (restoreAttempt) return restoreAttempt
  if (isAuthenticated()) {
    restoreAttempt = Promise.resolve()
    return restoreAttempt
  }
  restoreAttempt = getMe({ silent: true })
    .then((profile) => {
      const usable = profile && typeof profile === 'object' && typeof profile.username === 'string' && profile.username &&
        typeof profile.csrfToken === 'string' && profile.csrfToken
      // Nothing to take over, or the tab got a session meanwhile.
      if (!usable || isAuthenticated()) return
      saveSession({
        username: profile.username,
        displayName: profile.displayName,
        expiresAt: profile.expiresAt,
        csrfToken: profile.csrfToken,
        mustChangePassword: profile.mustChangePassword
      })
      // The answer is the profile too: loadMe() need not ask again.
      clearMe()
      me.profile = profile
    })
    .catch(() => {
      // Logged out, as on a first visit.
    })
  return restoreAttempt
}

/** Forgets the profile (logout, session over, another user logging in). */
export function clearMe() {
  generation++
  pending = null
  me.profile = null
  me.error = null
  me.loading = false
}

onSessionCleared(clearMe)

const permissionSet = computed(() => new Set(Array.isArray(me.profile?.permissions) ? me.profile.permissions : []))

/**
 * Whether the signed-in user holds a permission ('alarm:view'); an array means any of them; empty / absent means
 * nothing is required. False while the profile is not loaded.
 */
export function can(permission) {
  if (permission === undefined || permission === null || permission === '') return true
  if (Array.isArray(permission)) return permission.length === 0 || permission.some((p) => permissionSet.value.has(p))
  return permissionSet.value.has(permission)
}

/** Whether the profile has been loaded (can() answers for real). */
export const meLoaded = computed(() => !!me.profile)
