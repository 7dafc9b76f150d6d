// 监控大屏 / Wall screen of the monitoring centre (requirement item 7): the figures of GET /api/dashboard read again every
// 15 s and the map's markers every 30 s. These helpers normalise the answer, count the changes since the last read
// (KPI deltas), fill today's hours, format the numbers and the clock, and build the ECharts options (dark, readable
// from afar; updated in place, so a refresh never blanks a chart).
// Pure (they import only the colour tables of the other pages): tested with `node --test src/utils/dashboard.test.js`.
import { GRADE_COLORS } from './analytics.js'
import { RISK_COLORS, RISK_LEVELS } from './risk.js'

/** How often the figures and the map's markers are read again, in ms; how soon a failed read is tried again. */
export const DASHBOARD_REFRESH_MS = 15000
export const MARKERS_REFRESH_MS = 30000
export const RETRY_MS = 5000

/** Grades of the hazard sources, the highest first (the keys of hazardSources.byGrade). */
export const GRADES = ['1', '2', '3', '4']
export { RISK_LEVELS }

/** The most enterprises the worst list shows. */
export const WORST_MAX = 10

/** The KPI tiles, in the order they are shown. */
export const KPI_KEYS = ['enterprises', 'hazardSources', 'alarmsToday', 'alarmsThisHour', 'activeAlarms', 'predictions', 'accidents', 'online']

/** Alarm categories of today's chart and their colours (the alarm analysis's). */
export const CATEGORY_COLORS = { process: '#ff5c5c', instrument: '#f5a623' }

// Colours of the dark screen.
const TEXT = '#c8d6ea'
const MUTED = '#7f93b2'
const LINE = 'rgba(120, 150, 200, 0.18)'

function count(value) {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0
}

function object(value) {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/** A count with thousands separators ("34,567"). */
export function formatCount(value) {
  return String(count(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** The share of online points in percent with one decimal; null when there are no points. */
export function onlineRate(points, online) {
  const p = count(points)
  if (!p) return null
  return Math.round((Math.min(count(online), p) / p) * 1000) / 10
}

/** A percentage as shown ("98.3%"); '—' when there is none. */
export function formatRate(value) {
  return value === null || value === undefined || !Number.isFinite(Number(value)) ? '—' : `${Number(value)}%`
}

/** The worst enterprises, at most WORST_MAX, in the server's order (worst first): [{rank, uscc, name, regionCode, riskLevel, score, activeAlarms}]. */
export function worstRows(list) {
  return (Array.isArray(list) ? list : [])
    .filter((e) => e && typeof e === 'object' && (e.uscc || e.name))
    .slice(0, WORST_MAX)
    .map((e, i) => {
      const score = e.score === null || e.score === undefined || e.score === '' ? NaN : Number(e.score)
      return {
        rank: i + 1,
        uscc: String(e.uscc ?? ''),
        name: String(e.name ?? '') || String(e.uscc ?? ''),
        regionCode: String(e.regionCode ?? ''),
        riskLevel: RISK_LEVELS.includes(e.riskLevel) ? e.riskLevel : '',
        score: Number.isFinite(score) ? Math.round(score * 10) / 10 : null,
        activeAlarms: count(e.activeAlarms)
      }
    })
}

/**
 * The answer of GET /api/dashboard with every number present: {area {code, name, kind}, generatedAt, enterprises,
 * hazardSources {total, byGrade {1..4}, ungraded}, alarmsToday and alarmsThisHour {process, instrument, total},
 * activeAlarms, warnings {predictions, byRiskLevel {RED..BLUE}}, worst (worstRows), accidents {count, deaths,
 * injuries}, monitoring {points, online, offline, rate}, todayByHour (as sent)}.
 */
export function dashboardSummary(data) {
  const d = object(data)
  const area = object(d.area)
  const sources = object(d.hazardSources)
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, count(object(sources.byGrade)[g])]))
  const sourcesTotal = count(sources.total)
  const graded = GRADES.reduce((sum, g) => sum + byGrade[g], 0)
  const alarms = (value) => {
    const a = object(value)
    const process = count(a.process)
    const instrument = count(a.instrument)
    return { process, instrument, total: process + instrument }
  }
  const warnings = object(d.warnings)
  const byRiskLevel = Object.fromEntries(RISK_LEVELS.map((l) => [l, count(object(warnings.byRiskLevel)[l])]))
  const accidents = object(d.accidentsThisYear)
  const monitoring = object(d.monitoring)
  const points = count(monitoring.points)
  const online = Math.min(count(monitoring.online), points || count(monitoring.online))
  return {
    area: { code: String(area.code ?? ''), name: String(area.name ?? ''), kind: String(area.kind ?? '') },
    generatedAt: d.generatedAt ? String(d.generatedAt) : '',
    enterprises: count(d.enterprises),
    hazardSources: { total: sourcesTotal, byGrade, ungraded: Math.max(0, sourcesTotal - graded) },
    alarmsToday: alarms(d.alarmsToday),
    alarmsThisHour: alarms(d.alarmsThisHour),
    activeAlarms: count(d.activeAlarms),
    warnings: { predictions: count(warnings.predictions), byRiskLevel },
    worst: worstRows(d.worstEnterprises),
    accidents: { count: count(accidents.count), deaths: count(accidents.deaths), injuries: count(accidents.injuries) },
    monitoring: { points, online, offline: Math.max(0, points - online), rate: onlineRate(points, online) },
    todayByHour: Array.isArray(d.todayByHour) ? d.todayByHour : []
  }
}

/** The number of each KPI tile of a summary ({enterprises, hazardSources, alarmsToday, …, online}). */
export function kpiValues(summary) {
  const s = summary || dashboardSummary(null)
  return {
    enterprises: s.enterprises,
    hazardSources: s.hazardSources.total,
    alarmsToday: s.alarmsToday.total,
    alarmsThisHour: s.alarmsThisHour.total,
    activeAlarms: s.activeAlarms,
    predictions: s.warnings.predictions,
    accidents: s.accidents.count,
    online: s.monitoring.online
  }
}

/**
 * How each KPI changed since the read before ({key: next - previous}); all 0 without a previous read or when the area
 * changed (another scope's numbers are no change).
 */
export function kpiDeltas(previous, next) {
  const p = previous ? kpiValues(previous) : null
  const n = kpiValues(next)
  const sameArea = !!previous && !!next && previous.area?.code === next.area?.code
  return Object.fromEntries(KPI_KEYS.map((k) => [k, p && sameArea ? n[k] - p[k] : 0]))
}

/** A change as shown: "+3", "−2" (a minus sign), '' for none. */
export function formatDelta(delta) {
  const n = Math.round(Number(delta) || 0)
  if (!n) return ''
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`
}

// ---- time -----------------------------------------------------------------------------------------------------------

function chinaParts(date) {
  const d = date instanceof Date ? date : new Date(date ?? Date.now())
  if (Number.isNaN(d.getTime())) return null
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
    hourCycle: 'h23'
  })
    .formatToParts(d)
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return parts
}

const WEEKDAYS = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** The hour of the day in China (0-23), as the server counts today's hours. */
export function chinaHour(date = new Date()) {
  const p = chinaParts(date)
  return p ? Number(p.hour) % 24 : 0
}

/** The clock in China: {date: "2026-11-05", time: "14:03:22", weekday: 0 (Sunday) … 6}; empty texts for no date. */
export function chinaClock(date = new Date()) {
  const p = chinaParts(date)
  if (!p) return { date: '', time: '', weekday: 0 }
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}`, weekday: WEEKDAYS[p.weekday] ?? 0 }
}

/** A time of day "HH:mm:ss" in China; '' for none. */
export function chinaTime(date) {
  if (date === null || date === undefined || date === '') return ''
  return chinaClock(date).time
}

/**
 * Today's alarms hour by hour from hour 0 up to `upTo` (the current hour in China; at least the last hour sent), the
 * hours the server left out as 0: [{hour, process, instrument}]. Hours outside 0-23 are ignored, a repeated hour added.
 */
export function fillHours(rows, upTo) {
  const list = Array.isArray(rows) ? rows : []
  const byHour = new Map()
  let last = -1
  for (const r of list) {
    const hour = Number(r?.hour)
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) continue
    const prev = byHour.get(hour) || { process: 0, instrument: 0 }
    byHour.set(hour, { process: prev.process + count(r.process), instrument: prev.instrument + count(r.instrument) })
    last = Math.max(last, hour)
  }
  const limit = Number.isInteger(Number(upTo)) ? Math.min(23, Math.max(last, Number(upTo))) : last
  return Array.from({ length: limit + 1 }, (_, hour) => ({ hour, ...(byHour.get(hour) || { process: 0, instrument: 0 }) }))
}

// ---- the map --------------------------------------------------------------------------------------------------------

/** The markers of GET /api/map/markers ([] when there are none). */
export function markersOf(response) {
  return Array.isArray(response?.markers) ? response.markers : []
}

/** The area code of GET /api/map/markers ('' for the country). */
export function areaCodeOf(response) {
  const code = response?.area?.code
  return code === null || code === undefined ? '' : String(code)
}

/** The USCC of what the map selected (a USCC, or a marker / enterprise object); '' when none. */
export function selectedUscc(selection) {
  if (typeof selection === 'string') return selection.trim()
  const s = object(selection)
  const value = s.uscc ?? s.enterpriseUscc ?? s.code ?? s.id ?? ''
  return String(value).trim()
}

// ---- the connection -------------------------------------------------------------------------------------------------

/**
 * The state of the screen: 'connecting' before the first answer, 'ok' when the last read succeeded, 'lost' when it
 * failed while earlier figures are shown (they stay), 'failed' when nothing could be read yet.
 */
export function connectionState({ hasData = false, failed = false } = {}) {
  if (!failed) return hasData ? 'ok' : 'connecting'
  return hasData ? 'lost' : 'failed'
}

// ---- chart options ------------------------------------------------------------------------------------------------------
// label(key, params): the text of a message key (the page passes its t()); fontSize: the base font size in px, from the
// screen's width, so that the charts grow with it. The options keep their shape from one read to the next (same series,
// same data items), so that setOption() merges them in place.

/** A donut of the hazard sources by grade (the page writes the total in its centre: no title component is loaded). */
export function gradeDonutOption(summary, label, { fontSize = 14 } = {}) {
  const s = summary || dashboardSummary(null)
  const data = GRADES.map((g) => ({ name: label(`grades.${g}`), value: s.hazardSources.byGrade[g], itemStyle: { color: GRADE_COLORS[g] } }))
  return {
    animationDurationUpdate: 600,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle', itemWidth: fontSize * 0.7, itemHeight: fontSize * 0.7, textStyle: { color: TEXT, fontSize: Math.round(fontSize * 0.9) } },
    series: [
      {
        type: 'pie',
        radius: ['48%', '70%'],
        center: ['50%', '46%'],
        avoidLabelOverlap: true,
        label: { formatter: '{c}', color: TEXT, fontSize: Math.round(fontSize * 0.95) },
        labelLine: { length: fontSize * 0.5, length2: fontSize * 0.5 },
        itemStyle: { borderColor: '#0b1730', borderWidth: 2 },
        data
      }
    ]
  }
}

/** Horizontal bars of the enterprises by risk level (红 橙 黄 蓝, in their colours), the count at each bar's end. */
export function riskBarOption(summary, label, { fontSize = 14 } = {}) {
  const s = summary || dashboardSummary(null)
  const levels = [...RISK_LEVELS].reverse() // red on top
  return {
    animationDurationUpdate: 600,
    grid: { left: 4, right: fontSize * 3, top: 6, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { lineStyle: { color: LINE } } },
    yAxis: {
      type: 'category',
      data: levels.map((l) => label(`risk.${l}`)),
      axisLabel: { color: TEXT, fontSize: Math.round(fontSize * 0.95) },
      axisLine: { lineStyle: { color: LINE } },
      axisTick: { show: false }
    },
    series: [
      {
        type: 'bar',
        name: label('charts.enterprises'),
        barMaxWidth: fontSize * 1.4,
        data: levels.map((l) => ({ value: s.warnings.byRiskLevel[l], itemStyle: { color: RISK_COLORS[l].background, borderRadius: [0, 4, 4, 0] } })),
        label: { show: true, position: 'right', color: '#ffffff', fontSize: Math.round(fontSize * 1.05), fontWeight: 700 }
      }
    ]
  }
}

/** Stacked bars of today's alarms by hour (process alarms under instrument faults), the whole day on the axis. */
export function hourChartOption(hours, label, { fontSize = 14 } = {}) {
  const list = Array.isArray(hours) ? hours : []
  const value = (hour, key) => {
    const row = list[hour]
    return row ? row[key] : '-'
  }
  const axis = Array.from({ length: 24 }, (_, h) => String(h))
  return {
    animationDurationUpdate: 600,
    grid: { left: 4, right: 8, top: fontSize * 2.2, bottom: 2, containLabel: true },
    legend: { top: 0, right: 0, itemWidth: fontSize, itemHeight: fontSize * 0.6, textStyle: { color: TEXT, fontSize: Math.round(fontSize * 0.9) } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: axis,
      axisLabel: { color: MUTED, fontSize: Math.round(fontSize * 0.8), interval: 1 },
      axisLine: { lineStyle: { color: LINE } },
      axisTick: { show: false }
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: MUTED, fontSize: Math.round(fontSize * 0.8) }, splitLine: { lineStyle: { color: LINE } } },
    series: ['process', 'instrument'].map((key) => ({
      type: 'bar',
      name: label(`charts.${key}`),
      stack: 'alarms',
      barMaxWidth: fontSize * 1.2,
      itemStyle: { color: CATEGORY_COLORS[key] },
      data: axis.map((_, h) => value(h, key))
    }))
  }
}

/**
 * What the card of an enterprise selected on the map shows: {uscc, name, riskLevel, score, activeAlarms (null when
 * unknown)}, from the worst list when it is there, else from its marker or the selection itself; null without a USCC.
 */
export function enterpriseCard(selection, worst, markers) {
  const uscc = selectedUscc(selection)
  if (!uscc) return null
  const fromWorst = (Array.isArray(worst) ? worst : []).find((e) => e && e.uscc === uscc)
  if (fromWorst) return { uscc, name: fromWorst.name, riskLevel: fromWorst.riskLevel, score: fromWorst.score, activeAlarms: fromWorst.activeAlarms }
  const marker = (Array.isArray(markers) ? markers : []).find((m) => m && selectedUscc(m) === uscc)
  const source = { ...object(marker), ...object(typeof selection === 'string' ? null : selection) }
  const score = source.score === null || source.score === undefined || source.score === '' ? NaN : Number(source.score)
  const active = source.activeAlarms === null || source.activeAlarms === undefined ? null : count(source.activeAlarms)
  return {
    uscc,
    name: String(source.name ?? source.enterpriseName ?? '') || uscc,
    riskLevel: RISK_LEVELS.includes(source.riskLevel) ? source.riskLevel : '',
    score: Number.isFinite(score) ? Math.round(score * 10) / 10 : null,
    activeAlarms: active
  }
}
