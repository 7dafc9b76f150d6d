// 报警分析 / Alarm analysis (B1-B4): the alarms of a region over whole months (China time), by month, season, hour of
// day, point type, industry and the parts one level down (全国 → province → city → county → enterprise), process alarms
// and instrument faults always apart; one instrument's alarms by kind, hour and season. These helpers read the URL,
// build the API's queries, the KPIs, the table rows and the ECharts options; the server does the counting (from
// statistics tables a few seconds behind the alarm table).
// Pure (they import only the pure helpers of the hazard source analysis): tested with
// `node --test src/utils/alarmAnalysis.test.js`.
import { counts, formatPercent, isDrillable, normaliseIndustry, normaliseRegion, regionLevel, sharePercent } from './analytics.js'

/** Alarm categories (byCategory): process alarms (工艺报警) and instrument faults (仪表故障), never added up unseen. */
export const CATEGORIES = ['PROCESS', 'INSTRUMENT']

/** Point types (byPointType, the pointType filter). */
export const POINT_TYPES = ['LEVEL', 'TEMPERATURE', 'PRESSURE', 'FLOW', 'COMBUSTIBLE_GAS', 'TOXIC_GAS', 'OTHER']

/** Seasons (bySeason; meteorological, Northern hemisphere): spring 3-5, summer 6-8, autumn 9-11, winter 12-2. */
export const SEASONS = ['SPRING', 'SUMMER', 'AUTUMN', 'WINTER']

/** Alarm kinds of one instrument (byKind); FAULT is the instrument fault, the others process alarms. */
export const ALARM_KINDS = ['LOW_LOW', 'LOW', 'HIGH', 'HIGH_HIGH', 'RATE_OF_CHANGE', 'FAULT']

/** Hours of the day (byHour, China time) and months of the year (byMonthOfYear), as the API's keys. */
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h))
export const MONTHS_OF_YEAR = Array.from({ length: 12 }, (_, m) => String(m + 1))

/** The default period (the last twelve months, this one included) and the longest the server takes. */
export const DEFAULT_MONTHS = 12
export const MAX_MONTHS = 120

/** How often today's and this hour's alarms are read again, in ms. */
export const LIVE_REFRESH_MS = 30000

export const CATEGORY_COLORS = { PROCESS: '#f56c6c', INSTRUMENT: '#e6a23c' }
export const SEASON_COLORS = { SPRING: '#67c23a', SUMMER: '#f56c6c', AUTUMN: '#e6a23c', WINTER: '#409eff' }
export const POINT_TYPE_COLORS = {
  LEVEL: '#409eff',
  TEMPERATURE: '#f56c6c',
  PRESSURE: '#9b59b6',
  FLOW: '#1abc9c',
  COMBUSTIBLE_GAS: '#e6a23c',
  TOXIC_GAS: '#8e44ad',
  OTHER: '#909399'
}
export const KIND_COLORS = {
  LOW_LOW: '#1e3a8a',
  LOW: '#409eff',
  HIGH: '#e6a23c',
  HIGH_HIGH: '#f56c6c',
  RATE_OF_CHANGE: '#9b59b6',
  FAULT: '#909399'
}

const MONTH = /^(\d{4})-(\d{2})$/
const NATIONAL_POINT_TYPES = { YW: 'LEVEL', WD: 'TEMPERATURE', YL: 'PRESSURE', LL: 'FLOW', KRQT: 'COMBUSTIBLE_GAS', YDQT: 'TOXIC_GAS', QT: 'OTHER' }

// ---- months ---------------------------------------------------------------------------------------------------------

/** Whether a text is a month "yyyy-MM" (1949 on, month 01-12). */
export function validMonth(text) {
  const match = MONTH.exec(String(text ?? '').trim())
  if (!match) return false
  const [y, m] = match.slice(1).map(Number)
  return y >= 1949 && m >= 1 && m <= 12
}

/** This month in China ("yyyy-MM"), as the server counts months. */
export function chinaMonth(now = Date.now()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .formatToParts(new Date(now))
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return `${parts.year}-${parts.month}`
}

/** A month plus (or minus) whole months: "2026-03" + -11 = "2025-04"; null for an unreadable month. */
export function addMonths(month, n) {
  if (!validMonth(month)) return null
  const [y, m] = String(month).trim().split('-').map(Number)
  const index = y * 12 + (m - 1) + Math.trunc(Number(n) || 0)
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The months from one to another, both counted ("2025-04" to "2026-03": 12); 0 when `to` comes first. */
export function monthsBetween(from, to) {
  if (!validMonth(from) || !validMonth(to)) return 0
  const index = (text) => {
    const [y, m] = String(text).trim().split('-').map(Number)
    return y * 12 + m - 1
  }
  return Math.max(0, index(to) - index(from) + 1)
}

/** The default period up to a month: the last DEFAULT_MONTHS months, that one included. */
export function defaultMonths(thisMonth) {
  return { from: addMonths(thisMonth, -(DEFAULT_MONTHS - 1)), to: thisMonth }
}

/** A point type as the server reads it (its name, or the national code YW, WD, …); '' when empty or unknown. */
export function normalisePointType(value) {
  const text = String(value ?? '').trim().toUpperCase()
  if (POINT_TYPES.includes(text)) return text
  return NATIONAL_POINT_TYPES[text] || ''
}

// ---- the page's state in the URL and the API's queries -----------------------------------------------------------------

/**
 * The page's state from the URL query, anything unreadable replaced by its default: {region, parent, from, to
 * (months, not after this month, at most MAX_MONTHS; by default the last twelve), industry, pointType}.
 * thisMonth: "yyyy-MM" in China.
 */
export function alarmState(query, { thisMonth }) {
  const q = query && typeof query === 'object' ? query : {}
  const text = (name) => (typeof q[name] === 'string' ? q[name].trim() : '')
  const region = normaliseRegion(text('region'))
  const parent = regionLevel(region) === 'ENTERPRISE' ? normaliseRegion(text('parent')) : ''
  const month = (name) => {
    const m = text(name)
    return validMonth(m) && m <= thisMonth ? m : null
  }
  let to = month('to') ?? thisMonth
  let from = month('from') ?? addMonths(to, -(DEFAULT_MONTHS - 1))
  if (from > to) [from, to] = [to, from]
  if (monthsBetween(from, to) > MAX_MONTHS) from = addMonths(to, -(MAX_MONTHS - 1))
  const industry = normaliseIndustry(text('industry')) || ''
  const pointType = normalisePointType(text('pointType'))
  return { region, parent, from, to, industry, pointType }
}

/**
 * The URL query of a state: only what differs from the defaults (this month as the last, the eleven before it as the
 * first, all industries and point types), so that alarmState() reads it back as it was.
 */
export function alarmStateQuery(state, { thisMonth }) {
  const s = state || {}
  const query = {}
  if (s.region) query.region = s.region
  if (s.region && s.parent) query.parent = s.parent
  const to = s.to || thisMonth
  if (s.to && s.to !== thisMonth) query.to = s.to
  if (s.from && s.from !== addMonths(to, -(DEFAULT_MONTHS - 1))) query.from = s.from
  if (s.industry) query.industry = s.industry
  if (s.pointType) query.pointType = s.pointType
  return query
}

/**
 * The query of GET /api/analytics/alarms and …/export: region, from, to, industry, pointType; nothing empty, the
 * server's defaults (this month, the eleven before it) left to it, so that a browser whose clock is a little ahead
 * never asks for a month the server has not reached.
 */
export function alarmApiQuery(state, { thisMonth } = {}) {
  const s = state || {}
  const query = {}
  if (s.region) query.region = s.region
  const defaultTo = !s.to || s.to === thisMonth
  if (!defaultTo) query.to = s.to
  if (s.from && s.from !== addMonths(s.to || thisMonth, -(DEFAULT_MONTHS - 1))) query.from = s.from
  if (s.industry) query.industry = s.industry
  if (s.pointType) query.pointType = s.pointType
  return query
}

/** The query of GET /api/analytics/alarms/points/{pointId}: the page's months (the server's defaults left to it). */
export function deviceApiQuery(state, options = {}) {
  const { from, to } = alarmApiQuery({ from: state?.from, to: state?.to }, options)
  const query = {}
  if (from) query.from = from
  if (to) query.to = to
  return query
}

/** A point id as typed: trimmed; '' when empty or too long to be one (ids are at most 64 characters). */
export function normalisePointId(value) {
  const text = String(value ?? '').trim()
  return text && text.length <= 64 && !/[\s/?#]/.test(text) ? text : ''
}

// ---- numbers ------------------------------------------------------------------------------------------------------------

function count(value) {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/**
 * The KPIs of an analysis: {total, process, instrument (the statistics of the period), today, thisHour,
 * todayProcess, todayInstrument (live, from the alarm table), liveAt, upTo}.
 */
export function alarmKpis(analysis, live = analysis?.live) {
  const a = analysis && typeof analysis === 'object' ? analysis : {}
  const categories = counts(a.byCategory, CATEGORIES)
  const l = live && typeof live === 'object' ? live : {}
  return {
    total: count(a.total),
    process: categories.PROCESS,
    instrument: categories.INSTRUMENT,
    today: count(l.today),
    thisHour: count(l.thisHour),
    todayProcess: count(l.todayProcess),
    todayInstrument: count(l.todayInstrument),
    liveAt: l.at ? String(l.at) : '',
    upTo: a.upTo ? String(a.upTo) : ''
  }
}

/** The months of the period in order, with their alarms: [{month: "2026-03", alarms}] (the API sends every month). */
export function monthRows(byMonth) {
  const source = byMonth && typeof byMonth === 'object' ? byMonth : {}
  return Object.keys(source)
    .filter(validMonth)
    .sort()
    .map((month) => ({ month, alarms: count(source[month]) }))
}

/** A map keyed 1..12 (or 0..23) as the twelve (twenty-four) numbers in order. */
export function series(map, keys) {
  const source = map && typeof map === 'object' ? map : {}
  return keys.map((k) => count(source[k]))
}

function part(p) {
  return {
    code: String(p.code ?? ''),
    name: String(p.name ?? ''),
    total: count(p.total),
    process: count(p.process),
    instrument: count(p.instrument),
    months: series(p.byMonthOfYear, MONTHS_OF_YEAR)
  }
}

/**
 * The parts one level down with their numbers, as the table lists them (the server's order: most alarms first):
 * [{code, name (the code when nameless; `unnamed` when it has neither), total, process, instrument, months (1..12),
 * drillable}].
 */
export function alarmChildRows(analysis, { unnamed = '' } = {}) {
  const level = analysis?.childLevel ?? null
  return (Array.isArray(analysis?.children) ? analysis.children : [])
    .filter((c) => c && typeof c === 'object' && c.code !== undefined && c.code !== null)
    .map((c) => {
      const row = part(c)
      return { ...row, name: row.name || row.code || unnamed, drillable: isDrillable(c, level) }
    })
}

/**
 * The industries (GB/T 4754 classes; code '' for enterprises without one, `unregistered`) with their numbers, the
 * month of the year with the most alarms (peak, 1-12; 0 without alarms) and their share of all alarms (percent).
 */
export function industryRows(analysis, { unregistered = '' } = {}) {
  const all = count(analysis?.total)
  return (Array.isArray(analysis?.industries) ? analysis.industries : [])
    .filter((p) => p && typeof p === 'object')
    .map((p) => {
      const row = part(p)
      const max = Math.max(0, ...row.months)
      return {
        ...row,
        name: row.code === '' ? unregistered || row.name : row.name || row.code,
        peak: max > 0 ? row.months.indexOf(max) + 1 : 0,
        share: sharePercent(row.total, all)
      }
    })
}

/**
 * The points of a small line over values (an SVG polyline's "points"), scaled into width x height with `pad` around;
 * the highest value at the top, zero at the bottom (a line along the bottom when all are zero). '' without values.
 */
export function sparklinePoints(values, { width = 120, height = 28, pad = 2 } = {}) {
  const list = (Array.isArray(values) ? values : []).map(count)
  if (!list.length) return ''
  const max = Math.max(...list)
  const w = Math.max(0, width - 2 * pad)
  const h = Math.max(0, height - 2 * pad)
  const step = list.length > 1 ? w / (list.length - 1) : 0
  const round = (n) => Math.round(n * 10) / 10
  return list.map((v, i) => `${round(pad + i * step)},${round(pad + h - (max ? (v / max) * h : 0))}`).join(' ')
}

// ---- chart options ------------------------------------------------------------------------------------------------------
// label(key, params): the text of a message key below `alarmAnalysis.` (the page passes its t()); the options hold only
// numbers and texts, no functions but the label formatters.

const AXIS = { axisLabel: { color: '#606266' }, splitLine: { lineStyle: { color: '#ebeef5' } } }
const GRID = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true }

/** Bars of the alarms of each month of the period, a label on each bar while they are few. */
export function monthBarOption(byMonth, label) {
  const rows = monthRows(byMonth)
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.month), axisLabel: { color: '#303133', rotate: rows.length > 12 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.alarms'),
        barMaxWidth: 36,
        itemStyle: { color: '#409eff' },
        data: rows.map((r) => r.alarms),
        label: { show: rows.length <= 24, position: 'top', color: '#606266' }
      }
    ]
  }
}

/** A pie of the alarms by season (SPRING … WINTER), each slice with its share. */
export function seasonPieOption(bySeason, label) {
  const seasons = counts(bySeason, SEASONS)
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    // No legend: each slice is labelled with its season and months (a legend would crowd a small chart).
    series: [
      {
        type: 'pie',
        radius: ['34%', '62%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', color: '#303133' },
        data: SEASONS.map((s) => ({ key: s, name: label(`seasons.${s}`), value: seasons[s], itemStyle: { color: SEASON_COLORS[s] } }))
      }
    ]
  }
}

/** Bars of the alarms by hour of the day (0 to 23, China time). */
export function hourBarOption(byHour, label) {
  const values = series(byHour, HOURS)
  const max = Math.max(0, ...values)
  // The busiest hours stand out, when there are a few of them (not when the alarms spread evenly).
  const peak = max > 0 && values.filter((v) => v === max).length <= 3 ? max : null
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: HOURS.map((h) => label('charts.hourLabel', { h })), axisLabel: { color: '#303133', interval: 1 } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.alarms'),
        barMaxWidth: 22,
        data: values.map((v) => ({ value: v, itemStyle: { color: v === peak ? '#f56c6c' : '#5b8ff9' } }))
      }
    ]
  }
}

/** Bars of the alarms by point type (液位 温度 压力 流量 可燃气体 有毒气体 其他), with each one's share in the label. */
export function pointTypeBarOption(byPointType, label) {
  const types = counts(byPointType, POINT_TYPES)
  const total = POINT_TYPES.reduce((sum, t) => sum + types[t], 0)
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Long names (Combustible gas) wrap rather than run into their neighbours.
    xAxis: { type: 'category', data: POINT_TYPES.map((t) => label(`pointTypes.${t}`)), axisLabel: { color: '#303133', fontSize: 11, interval: 0, width: 76, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.alarms'),
        barMaxWidth: 40,
        data: POINT_TYPES.map((t) => ({ value: types[t], itemStyle: { color: POINT_TYPE_COLORS[t] } })),
        label: { show: true, position: 'top', color: '#606266', formatter: (p) => `${p.value} (${formatPercent(sharePercent(p.value, total))})` }
      }
    ]
  }
}

/**
 * Stacked bars of the parts one level down, process alarms under instrument faults; the category of a bar is its
 * row's index, so that a click finds the part.
 */
export function childrenStackOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  return {
    animation: false,
    grid: { ...GRID, top: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: list.map((r) => r.name),
      axisLabel: { color: '#303133', interval: 0, rotate: list.length > 8 ? 35 : 0, width: 110, overflow: 'truncate' }
    },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: CATEGORIES.map((c) => ({
      type: 'bar',
      name: label(`categories.${c}`),
      stack: 'category',
      barMaxWidth: 36,
      itemStyle: { color: CATEGORY_COLORS[c] },
      emphasis: { focus: 'series' },
      data: list.map((r) => (c === 'PROCESS' ? r.process : r.instrument))
    }))
  }
}

/** Bars of one instrument's alarms by kind (低低报 … 仪表故障). */
export function kindBarOption(byKind, label) {
  const kinds = counts(byKind, ALARM_KINDS)
  return {
    animation: false,
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: ALARM_KINDS.map((k) => label(`kinds.${k}`)), axisLabel: { color: '#303133', fontSize: 11, interval: 0, width: 60, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.alarms'),
        barMaxWidth: 36,
        data: ALARM_KINDS.map((k) => ({ value: kinds[k], itemStyle: { color: KIND_COLORS[k] } })),
        label: { show: true, position: 'top', color: '#606266' }
      }
    ]
  }
}

/** One instrument's analysis as the dialog shows it: {pointId, name, pointType, enterpriseCode, from, to, total}. */
export function deviceSummary(device) {
  const d = device && typeof device === 'object' ? device : {}
  return {
    pointId: String(d.pointId ?? ''),
    name: String(d.name ?? ''),
    pointType: String(d.pointType ?? ''),
    enterpriseCode: String(d.enterpriseCode ?? ''),
    from: String(d.from ?? ''),
    to: String(d.to ?? ''),
    total: count(d.total),
    process: ALARM_KINDS.filter((k) => k !== 'FAULT').reduce((sum, k) => sum + count(d.byKind?.[k]), 0),
    instrument: count(d.byKind?.FAULT)
  }
}
