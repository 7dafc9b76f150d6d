// Regulator analytics (统计分析; AnalyticsResource, analytics:view): the major hazard sources of a region as the registry
// stood on a day, by grade, accident type and potential death toll, with the parts one level down, year by year, and
// both as a workbook; the alarms of a region over whole months (by month, season, hour, point type, industry and part
// one level down), one instrument's alarms, and that as a workbook; how accidents followed alarms (B5), and that as a
// workbook. A region outside the caller's scope is refused (403). Every call goes through request() of http.js (session
// cookie, errors as ApiError).
import { request } from './http.js'

/**
 * The analysis of a region (HazardAnalysis): {regionCode ('' for the country), regionName, childLevel (PROVINCE, CITY,
 * COUNTY, ENTERPRISE, or null for an enterprise), asOf, total: AnalysisCell, children: [AnalysisCell]}. region: 37,
 * 3702, 370281, a park or an enterprise's USCC (the caller's scope when absent); asOf: a day (China time, default
 * today); industry: a GB/T 4754 code prefix.
 */
export function getHazardAnalysis({ region, asOf, industry } = {}) {
  return request('/analytics/hazard-sources', { query: { region, asOf, industry }, timeout: 60000 })
}

/** Year by year, oldest first: [HazardAnalysisYear]; from / to default to the last ten years. */
export function getHazardTrend({ region, from, to, industry } = {}) {
  return request('/analytics/hazard-sources/trend', { query: { region, from, to, industry }, timeout: 60000 })
}

/** The analysis and the trend as an .xlsx workbook: resolves to {blob, fileName, contentType}. */
export function exportHazardAnalysis({ region, asOf, from, to, industry } = {}) {
  return request('/analytics/hazard-sources/export', { query: { region, asOf, from, to, industry }, responseType: 'blob', timeout: 120000 })
}

// ---- alarm analysis (报警分析, B1-B4) -----------------------------------------------------------------------------------

/**
 * The alarms of a region over whole months (AlarmAnalysis): {regionCode, regionName, childLevel, from, to, total,
 * byCategory {PROCESS, INSTRUMENT}, byPointType, byMonth, byMonthOfYear, bySeason, byHour (null with an industry),
 * children, industries: [AlarmAnalysisPart], live {at, today, thisHour, todayProcess, todayInstrument, byPointType},
 * upTo}. region as above; from / to: months yyyy-MM (default the last twelve); industry: a GB/T 4754 code prefix;
 * pointType: LEVEL, TEMPERATURE, … (or the national code).
 */
export function getAlarmAnalysis({ region, from, to, industry, pointType } = {}) {
  return request('/analytics/alarms', { query: { region, from, to, industry, pointType }, timeout: 60000 })
}

/** Only today and this hour (AlarmLive {at, today, thisHour, todayProcess, todayInstrument, byPointType}), for the 30 s refresh. */
export function getAlarmLive({ region, industry, pointType } = {}) {
  return request('/analytics/alarms/live', { query: { region, industry, pointType }, timeout: 30000 })
}

/** One instrument's alarms over whole months (AlarmDeviceAnalysis): by kind, month of the year, season and hour; 404 when unknown or not seen. */
export function getAlarmDeviceAnalysis(pointId, { from, to } = {}) {
  return request(`/analytics/alarms/points/${encodeURIComponent(pointId)}`, { query: { from, to }, timeout: 60000 })
}

/** The alarm analysis as an .xlsx workbook: resolves to {blob, fileName, contentType}. */
export function exportAlarmAnalysis({ region, from, to, industry, pointType } = {}) {
  return request('/analytics/alarms/export', { query: { region, from, to, industry, pointType }, responseType: 'blob', timeout: 120000 })
}

/**
 * The monthly report (监测预警月报) of a region as PDF (MonthlyReport): region as above (the caller's scope when empty);
 * month yyyy-MM (default the last month).
 */
export function downloadMonthlyReport({ region, month } = {}) {
  return request('/analytics/monthly-report', { query: { region, month }, responseType: 'blob', timeout: 120000 })
}

// ---- alarm-to-accident relation (事故关联分析, B5) ------------------------------------------------------------------------

/**
 * How the accidents of a region followed its alarms over whole months (AccidentRelations): {area {code, name, kind},
 * from, to, windowHours, accidents, accidentsWithAlarms, alarms, per1000 (accidents per 1,000 alarms; null without
 * alarms), byKind, byPointType, byIndustry, byRegion: [{key, name, accidents, alarms, per1000}], patterns
 * {transactions, accidentTransactions, baseRate, minAccidents, rules: [{items, accidents, windows, support,
 * confidence, lift}]}}. region as above; from / to: months yyyy-MM; industry: a GB/T 4754 code prefix; hours: the
 * window before an accident in which its alarms are looked for (1-720, default 24).
 */
export function getAccidentRelations({ region, from, to, industry, hours } = {}) {
  return request('/analytics/accident-relations', { query: { region, from, to, industry, hours }, timeout: 60000 })
}

/** The relation as an .xlsx workbook: resolves to {blob, fileName, contentType}. */
export function exportAccidentRelations({ region, from, to, industry, hours } = {}) {
  return request('/analytics/accident-relations/export', { query: { region, from, to, industry, hours }, responseType: 'blob', timeout: 120000 })
}
