// The one map (一张图, J1; OneMapResource, analytics:view): the enterprises of an area of the caller's scope with where
// they are, their most severe grade and their live state, and the card of one of them. An area outside the caller's
// scope is refused (403), an unknown enterprise answers 404. Every call goes through request() of http.js (session
// cookie, errors as ApiError). The boundaries are static files of the app (public/geo/), not API calls.
import { request } from './http.js'

/**
 * The markers of an area (OneMap.Markers): {area: {code ('' for the country), name, kind (NATION, PROVINCE, CITY,
 * COUNTY, PARK, ENTERPRISE)}, generatedAt, markers: [{uscc, name, regionCode, parkCode, industryCode, industryGroup,
 * longitude, latitude, grade (1-4, 1 = 一级, or null), hazardSources, state (ALARM, WARNING, FAULT, NORMAL, UNMONITORED),
 * activeAlarms, riskLevel}], unplaced (enterprises without coordinates), counts: {byGrade: {"1": n, …}, byState:
 * {ALARM: n, …}}}. region: 37, 370000, 3702, 370281, a park or a USCC (the caller's scope when absent); grade: 1-4,
 * several comma separated; industry: an industry group or a GB/T 4754 code prefix; state: states, comma separated. The
 * page asks without filters and filters the markers itself.
 */
export function getMapMarkers({ region, grade, industry, state } = {}) {
  const list = (v) => (Array.isArray(v) ? v.join(',') : v)
  return request('/map/markers', { query: { region, grade: list(grade), industry, state: list(state) }, timeout: 60000 })
}

/**
 * The card of an enterprise (OneMap.Card): {uscc, name, regionCode, regionName, parkCode, parkName, industryCode,
 * industryName, industryGroup, address, longitude, latitude, contactName, contactPhone, state, riskLevel, riskScore,
 * hazardSources: [{id, code, name, grade, status, riskLevel}], activeAlarms: [{id, pointId, pointName, pointType, kind,
 * priority, value, unit, raisedAt}] (at most 20, newest first), alarmsToday, accidents}; 404 when unknown or outside
 * the caller's scope.
 */
export function getMapEnterprise(uscc) {
  return request(`/map/enterprises/${encodeURIComponent(uscc)}`, { timeout: 30000 })
}
