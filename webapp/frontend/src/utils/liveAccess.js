import { computed } from 'vue'
import { can, me } from '../auth/me.js'

// Authorised upper-level access (C3): users of city, province and national organisations see a county's live
// parameters (current values, history, trends, the live stream, the values of a hazard source's points) only under an
// active grant for it, or with monitoring:live-all. The server enforces it (empty point list, 404 for a point); the
// monitoring pages use this to explain an empty page instead of looking broken.

/** Organisation levels whose users need a grant for live data (OrgLevel.needsGrantForLive on the server). */
export const GRANT_LEVELS = ['CITY', 'PROVINCE', 'NATIONAL']

/** Whether the signed-in user reaches live data only through grants (false while the profile is not loaded). */
export const liveGrantNeeded = computed(() => {
  const profile = me.profile
  if (!profile) return false
  return GRANT_LEVELS.includes(profile.organisation?.level) && !can('monitoring:live-all')
})

/** Region or park codes of the user's active grants (GET /api/auth/me liveGrants). */
export const liveGrants = computed(() =>
  Array.isArray(me.profile?.liveGrants) ? me.profile.liveGrants.filter((code) => typeof code === 'string' && code) : []
)

/** Whether one of the grants opens a region (a county grant opens the region codes below it, as on the server). */
export function grantCovers(grants, regionCode) {
  if (!regionCode || !Array.isArray(grants)) return false
  const code = String(regionCode)
  return grants.some((granted) => code === granted || code.startsWith(granted))
}

/** Whether a point as the server lists it carries live data (the server leaves value, quality and time out when hidden). */
export function hasLiveData(point) {
  if (!point) return false
  return (
    (point.value !== null && point.value !== undefined) ||
    !!point.quality ||
    !!point.timestamp ||
    !!point.alarmState
  )
}
