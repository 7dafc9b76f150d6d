// 事故关联分析 / Alarm-to-accident relation (B5, second part): how many accidents followed alarms, per 1,000 alarms, by
// alarm kind, point type, industry and the parts one level down, and the association rules "alarm items ⇒ accident"
// over enterprise-days. These helpers read the URL, build the API's query, label the items ("GAS/HIGH_HIGH" →
// 可燃气体·高高报), format the rates, sort the rows and build the ECharts options; the server does the counting.
// Pure (they import only the pure helpers of the other analyses): tested with
// `node --test src/utils/accidentRelations.test.js`.
import { isDrillable, regionLevel } from './analytics.js'
import { ALARM_KINDS, DEFAULT_MONTHS, KIND_COLORS, POINT_TYPES, POINT_TYPE_COLORS, addMonths, alarmState, alarmStateQuery, normalisePointType } from './alarmAnalysis.js'

/** The window before an accident in which its alarms are looked for, in hours: the default and the limits the server takes. */
export const DEFAULT_HOURS = 24
export const MIN_HOURS = 1
export const MAX_HOURS = 720

/** Point types the relation may name beyond those of the alarm analysis (GAS is the short form of COMBUSTIBLE_GAS). */
const POINT_TYPE_ALIASES = { GAS: 'COMBUSTIBLE_GAS' }

/** The child level below a region (by its code): NATION → PROVINCE → CITY → COUNTY → ENTERPRISE; null below. */
const NEXT_LEVEL = { NATION: 'PROVINCE', PROVINCE: 'CITY', CITY: 'COUNTY', COUNTY: 'ENTERPRISE', PARK: 'ENTERPRISE' }

const RATE_COLOR = '#409eff'

/** Text for an ECharts tooltip (which renders HTML): names come from the registry. */
function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

// ---- the page's state in the URL and the API's query ----------------------------------------------------------------

/** The window in hours from a text: a whole number MIN_HOURS..MAX_HOURS, else DEFAULT_HOURS. */
export function normaliseHours(value) {
  const text = String(value ?? '').trim()
  if (!/^\d{1,4}$/.test(text)) return DEFAULT_HOURS
  const n = Number(text)
  return n >= MIN_HOURS && n <= MAX_HOURS ? n : DEFAULT_HOURS
}

/**
 * The page's state from the URL query, anything unreadable replaced by its default: {region, parent, from, to (whole
 * months as the alarm analysis reads them: by default the last twelve), industry, hours}. thisMonth: "yyyy-MM" in China.
 */
export function relationState(query, { thisMonth }) {
  const q = query && typeof query === 'object' ? query : {}
  const { region, parent, from, to, industry } = alarmState({ ...q, pointType: undefined }, { thisMonth })
  return { region, parent, from, to, industry, hours: normaliseHours(typeof q.hours === 'string' ? q.hours : '') }
}

/** The URL query of a state: only what differs from the defaults, so that relationState() reads it back as it was. */
export function relationStateQuery(state, { thisMonth }) {
  const s = state || {}
  const query = alarmStateQuery({ ...s, pointType: '' }, { thisMonth })
  const hours = normaliseHours(s.hours)
  if (hours !== DEFAULT_HOURS) query.hours = String(hours)
  return query
}

/**
 * The query of GET /api/analytics/accident-relations and …/export: region, from, to, industry, hours. The first month
 * is always sent (the period is the page's, not a default of the server's); the last one only when it is not this
 * month, so that a browser whose clock is a little ahead never asks for a month the server has not reached; the window
 * always.
 */
export function relationApiQuery(state, { thisMonth } = {}) {
  const s = state || {}
  const query = {}
  if (s.region) query.region = s.region
  const to = s.to || thisMonth
  const from = s.from || (to ? addMonths(to, -(DEFAULT_MONTHS - 1)) : '')
  if (from) query.from = from
  if (s.to && s.to !== thisMonth) query.to = s.to
  if (s.industry) query.industry = s.industry
  query.hours = normaliseHours(s.hours)
  return query
}

/** The address of the workbook with a query (as relationApiQuery's): "<base>/analytics/accident-relations/export?…". */
export function exportHref(query, base = '/api') {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const text = params.toString()
  return `${String(base).replace(/\/+$/, '')}/analytics/accident-relations/export${text ? `?${text}` : ''}`
}

/** The level of the parts one level down of an area (by its code, '' for the country); null for an enterprise. */
export function childLevelOf(areaCode) {
  return NEXT_LEVEL[regionLevel(String(areaCode ?? ''))] || null
}

// ---- numbers ------------------------------------------------------------------------------------------------------------

function count(value) {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** A rate or fraction as a number, or null when it is absent or not a number (per1000 is null without alarms). */
export function rateOf(value) {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  return Number.isFinite(n) && n >= 0 ? n : null
}

/**
 * The key figures: {accidents, accidentsWithAlarms, alarms, per1000 (null without alarms), withAlarmsShare (percent
 * of the accidents with alarms before them, one decimal), windowHours, from, to, area {code, name, kind}}.
 */
export function relationKpis(data) {
  const d = data && typeof data === 'object' ? data : {}
  const accidents = count(d.accidents)
  const withAlarms = count(d.accidentsWithAlarms)
  const area = d.area && typeof d.area === 'object' ? d.area : {}
  return {
    accidents,
    accidentsWithAlarms: withAlarms,
    alarms: count(d.alarms),
    per1000: rateOf(d.per1000),
    withAlarmsShare: accidents ? Math.round((Math.min(withAlarms, accidents) / accidents) * 1000) / 10 : 0,
    windowHours: count(d.windowHours) || null,
    from: String(d.from ?? ''),
    to: String(d.to ?? ''),
    area: { code: String(area.code ?? ''), name: String(area.name ?? ''), kind: String(area.kind ?? '') }
  }
}

/** Whether the period has any accident (otherwise the page explains where accidents are registered). */
export function hasAccidents(data) {
  return count(data?.accidents) > 0
}

/**
 * Rates per 1,000 alarms as shown: '—' when there is none (no alarms), else three significant decimals below 1
 * ("0.347"), two up to 10 ("4.17"), one above ("12.5"), none from 1,000.
 */
export function formatRate(value) {
  const n = rateOf(value)
  if (n === null) return '—'
  if (n === 0) return '0'
  if (n >= 1000) return String(Math.round(n))
  if (n >= 10) return n.toFixed(1)
  if (n >= 1) return n.toFixed(2)
  return String(Number(n.toPrecision(3)))
}

/** A fraction (0.0732) as a percentage with `digits` decimals ("7.32%"); '—' when absent. */
export function formatFractionPercent(value, digits = 2) {
  const n = rateOf(value)
  if (n === null) return '—'
  return `${(n * 100).toFixed(digits)}%`
}

/**
 * A small fraction (support, the base rate: 0.0000747) as a percentage with three significant digits ("0.00747%"),
 * two decimals from 1 %; '—' when absent.
 */
export function formatSmallPercent(value) {
  const n = rateOf(value)
  if (n === null) return '—'
  const p = n * 100
  if (p === 0) return '0%'
  if (p >= 1) return `${p.toFixed(2)}%`
  return `${Number(p.toPrecision(3))}%`
}

/** The lift with two decimals ("420.50"); '—' when absent. */
export function formatLift(value) {
  const n = rateOf(value)
  return n === null ? '—' : n.toFixed(2)
}

/** A count with thousands separators ("34,567"). */
export function formatCount(value) {
  return String(Math.round(count(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

// ---- rows -------------------------------------------------------------------------------------------------------------

/** One row of byKind / byPointType / byIndustry / byRegion: {key, name, accidents, alarms, per1000 (or null)}. */
export function relationRow(r) {
  const row = r && typeof r === 'object' ? r : {}
  return {
    key: String(row.key ?? ''),
    name: row.name === null || row.name === undefined ? '' : String(row.name),
    accidents: count(row.accidents),
    alarms: count(row.alarms),
    per1000: rateOf(row.per1000)
  }
}

function rows(list) {
  return (Array.isArray(list) ? list : []).filter((r) => r && typeof r === 'object').map(relationRow)
}

/** Rows by rate: the highest per1000 first, those without one (no alarms) last; then most accidents, most alarms, key. */
export function compareByRate(a, b) {
  const ra = a.per1000
  const rb = b.per1000
  if (ra === null && rb !== null) return 1
  if (rb === null && ra !== null) return -1
  if (ra !== rb) return rb - ra
  return b.accidents - a.accidents || b.alarms - a.alarms || a.key.localeCompare(b.key)
}

/** Rows by accidents: most accidents first, then the highest rate, most alarms, key. */
export function compareByAccidents(a, b) {
  return b.accidents - a.accidents || compareByRate(a, b)
}

/** A point type's key as the alarm analysis names it (GAS → COMBUSTIBLE_GAS, national codes too); the key itself otherwise. */
export function pointTypeKey(key) {
  const text = String(key ?? '').trim().toUpperCase()
  return POINT_TYPE_ALIASES[text] || normalisePointType(text) || text
}

/** Rows in the order of a list of known keys (those missing left out), unknown keys after them by rate. */
function inOrder(list, order, keyOf = (k) => k) {
  const known = []
  const unknown = []
  for (const r of list) (order.includes(keyOf(r.key)) ? known : unknown).push(r)
  known.sort((a, b) => order.indexOf(keyOf(a.key)) - order.indexOf(keyOf(b.key)))
  return [...known, ...unknown.sort(compareByRate)]
}

/** byKind in the kinds' order (低低报 … 仪表故障), unknown kinds after them. */
export function kindRows(data) {
  return inOrder(rows(data?.byKind), ALARM_KINDS)
}

/** byPointType in the alarm analysis's order (液位 … 其他), each with `type` (its key as that page names it). */
export function pointTypeRows(data) {
  return inOrder(rows(data?.byPointType), POINT_TYPES, pointTypeKey).map((r) => ({ ...r, type: pointTypeKey(r.key) }))
}

/** byIndustry by rate (highest first); an industry without a name is named by its code, '' by `unregistered`. */
export function industryRateRows(data, { unregistered = '' } = {}) {
  return rows(data?.byIndustry)
    .map((r) => ({ ...r, name: r.name || (r.key ? r.key : unregistered) }))
    .sort(compareByRate)
}

/**
 * byRegion as the table of the parts one level down lists them (most accidents first): {code, name, total (its
 * accidents, for the shared table), accidents, alarms, per1000, drillable}. level: childLevelOf() of the area.
 */
export function regionRateRows(data, { level = null, unnamed = '' } = {}) {
  return rows(data?.byRegion)
    .filter((r) => r.key !== '')
    .sort(compareByAccidents)
    .map((r) => ({ code: r.key, key: r.key, name: r.name || r.key || unnamed, total: r.accidents, accidents: r.accidents, alarms: r.alarms, per1000: r.per1000, drillable: isDrillable({ code: r.key }, level) }))
}

// ---- rules ------------------------------------------------------------------------------------------------------------

/** An item "GAS/HIGH_HIGH" as {key, pointType ('COMBUSTIBLE_GAS'), kind ('HIGH_HIGH')}; kind '' when there is no slash. */
export function splitItem(item) {
  const key = String(item ?? '').trim()
  const slash = key.indexOf('/')
  const rawType = slash < 0 ? key : key.slice(0, slash)
  const kind = slash < 0 ? '' : key.slice(slash + 1).trim().toUpperCase()
  return { key, pointType: pointTypeKey(rawType), kind }
}

/**
 * An item's label: "可燃气体·高高报". names.pointType(type) / names.kind(kind) give the texts (the page passes its
 * messages; an unknown key may come back as it is).
 */
export function itemLabel(item, names = {}) {
  const { pointType, kind } = splitItem(item)
  const type = names.pointType ? names.pointType(pointType) || pointType : pointType
  if (!kind) return type
  const k = names.kind ? names.kind(kind) || kind : kind
  return `${type}·${k}`
}

/** The patterns' summary: {transactions, accidentTransactions, baseRate (or null), minAccidents}. */
export function patternSummary(data) {
  const p = data?.patterns && typeof data.patterns === 'object' ? data.patterns : {}
  return {
    transactions: count(p.transactions),
    accidentTransactions: count(p.accidentTransactions),
    baseRate: rateOf(p.baseRate),
    minAccidents: count(p.minAccidents)
  }
}

/**
 * The rules "items ⇒ accident" by lift (highest first; then most accidents, highest confidence): [{id, items: [{key,
 * pointType, kind}], accidents, windows, support, confidence, lift, strong (lift > 1)}].
 */
export function ruleRows(data) {
  const list = Array.isArray(data?.patterns?.rules) ? data.patterns.rules : []
  return list
    .filter((r) => r && typeof r === 'object')
    .map((r) => {
      const items = (Array.isArray(r.items) ? r.items : []).map(splitItem).filter((i) => i.key)
      const lift = rateOf(r.lift)
      return {
        id: items.map((i) => i.key).join('+'),
        items,
        accidents: count(r.accidents),
        windows: count(r.windows),
        support: rateOf(r.support),
        confidence: rateOf(r.confidence),
        lift,
        strong: lift !== null && lift > 1
      }
    })
    .sort((a, b) => (b.lift ?? -1) - (a.lift ?? -1) || b.accidents - a.accidents || (b.confidence ?? 0) - (a.confidence ?? 0) || a.id.localeCompare(b.id))
}

// ---- chart options ------------------------------------------------------------------------------------------------------
// label(key, params): the text of a message key below `accidentRelations.` (the page passes its t()).

const AXIS = { axisLabel: { color: '#606266' }, splitLine: { lineStyle: { color: '#ebeef5' } } }
const GRID = { left: 8, right: 16, top: 28, bottom: 8, containLabel: true }

/**
 * Bars of per1000 (accidents per 1,000 alarms) of rows [{name, accidents, alarms, per1000, color?}], each labelled
 * with its rate ('—' without alarms: no bar); the tooltip names the accidents and alarms behind it.
 */
export function rateBarOption(list, label, { rotate = false } = {}) {
  const data = Array.isArray(list) ? list : []
  return {
    animation: false,
    grid: GRID,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const r = data[p?.dataIndex]
        if (!r) return ''
        const lines = [r.name, label('charts.tooltipRate', { rate: formatRate(r.per1000) }), label('charts.tooltipCounts', { accidents: r.accidents, alarms: formatCount(r.alarms) })]
        return lines.map(escapeHtml).join('<br/>')
      }
    },
    xAxis: {
      type: 'category',
      data: data.map((r) => r.name),
      // Short names (kinds, point types) wrap; long ones (industries, regions) are cut short, whole in the tooltip.
      axisLabel: { color: '#303133', fontSize: 11, interval: 0, rotate: rotate && data.length > 6 ? 30 : 0, width: rotate ? 120 : 76, overflow: rotate ? 'truncate' : 'break' }
    },
    yAxis: { type: 'value', name: label('charts.per1000Axis'), nameTextStyle: { color: '#909399', align: 'left' }, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.per1000'),
        barMaxWidth: 36,
        data: data.map((r) => ({ value: r.per1000 === null ? '-' : r.per1000, itemStyle: { color: r.color || RATE_COLOR } })),
        label: { show: true, position: 'top', color: '#606266', formatter: (p) => formatRate(data[p.dataIndex]?.per1000) }
      }
    ]
  }
}

/** The kinds' bars, each in its kind's colour; names(kind) gives its text. */
export function kindRateOption(list, label, names = (k) => k) {
  return rateBarOption((list || []).map((r) => ({ ...r, name: names(r.key) || r.key, color: KIND_COLORS[r.key] })), label)
}

/** The point types' bars, each in its type's colour; names(type) gives its text. */
export function pointTypeRateOption(list, label, names = (k) => k) {
  return rateBarOption((list || []).map((r) => ({ ...r, name: names(r.type || pointTypeKey(r.key)) || r.key, color: POINT_TYPE_COLORS[r.type || pointTypeKey(r.key)] })), label)
}

/** The industries' bars (rows of industryRateRows, already by rate). */
export function industryRateOption(list, label) {
  return rateBarOption(list || [], label, { rotate: true })
}

/** The parts one level down: bars of their rates; the category of a bar is its row's index, so that a click finds it. */
export function regionRateOption(list, label) {
  return rateBarOption(list || [], label, { rotate: true })
}
