// The wall screen of the monitoring centre (监控大屏; analytics:view): the figures of the caller's scope (the map's
// markers come from the one map's GET /api/map/markers, api/map.js). Every call goes through request() of http.js
// (session cookie, errors as ApiError).
import { request } from './http.js'

/**
 * The figures of the caller's scope (Dashboard): {area {code ('' for the country), name, kind}, generatedAt,
 * enterprises, hazardSources {total, byGrade {1..4}}, alarmsToday and alarmsThisHour {process, instrument},
 * activeAlarms, todayByHour [{hour, process, instrument}] (China time, up to the current hour), warnings {predictions,
 * byRiskLevel {RED, ORANGE, YELLOW, BLUE}}, worstEnterprises [{uscc, name, regionCode, riskLevel, score,
 * activeAlarms}] (at most 10, worst first), accidentsThisYear {count, deaths, injuries}, monitoring {points, online}}.
 */
export function getDashboard() {
  return request('/dashboard', { timeout: 15000 })
}
