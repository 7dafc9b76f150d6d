// 危险源统计分析 / Hazard source analysis (A1-A5): the major hazard sources of a region as the registry stood on a day, by
// grade, by the accident types they may cause and by their potential death toll, with the parts one level down to drill
// into (全国 → province → city → county → enterprise), and year by year. These helpers read the URL, build the API's
// query, the breadcrumb of a region code, the shares and the ECharts options; the server does the counting.
// Pure (no imports): tested with `node --test src/utils/analytics.test.js`.

/** Grades, the highest first ("1" to "4", the keys of byGrade). */
export const GRADES = ['1', '2', '3', '4']

/** Accident types a hazard source may cause (the keys of byAccidentType). */
export const SOURCE_ACCIDENT_TYPES = ['FIRE', 'EXPLOSION', 'POISONING']

/** Potential death-toll classes of the sources (byDeathToll), UNKNOWN when not assessed. */
export const DEATH_TOLLS = ['UNDER_10', 'FROM_10_TO_29', 'FROM_30_TO_99', 'FROM_100', 'UNKNOWN']

/** Death-toll classes of the accidents that happened (accidentsByDeathToll, A5). */
export const ACCIDENT_TOLLS = ['UNDER_10', 'FROM_10_TO_29', 'FROM_30_TO_99', 'FROM_100']

/** Types of the accidents that happened (accidentsByKind). */
export const ACCIDENT_KINDS = ['FIRE', 'EXPLOSION', 'POISONING', 'LEAK', 'OTHER']

/** The levels one level down (childLevel). */
export const CHILD_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'ENTERPRISE']

/** The trend's default span: the last ten years; the server takes at most fifty, none before 1949. */
export const TREND_YEARS = 10
export const MAX_TREND_YEARS = 50
export const FIRST_YEAR = 1949

/** Colours of the grades as the grade tags show them (一级 red … 四级 blue; utils/hazard.js), and of what has no grade. */
export const GRADE_COLORS = { 1: '#e53935', 2: '#fb8c00', 3: '#fdd835', 4: '#1e88e5', none: '#c0c4cc' }
export const TOLL_COLORS = { UNDER_10: '#67c23a', FROM_10_TO_29: '#e6a23c', FROM_30_TO_99: '#f56c6c', FROM_100: '#9b1c31', UNKNOWN: '#c0c4cc' }
export const TYPE_COLORS = { FIRE: '#f56c6c', EXPLOSION: '#e6a23c', POISONING: '#8e44ad', LEAK: '#409eff', OTHER: '#909399' }

const DIVISION = /^[0-9]{2}$|^[0-9]{4}$|^[0-9]{6}$/
const PARK = /^[0-9]{6}P[0-9]{2}$/
const USCC = /^[0-9A-Z]{18}$/
const INDUSTRY = /^[A-Z]?[0-9]{1,4}$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// ---- region codes and the breadcrumb ----------------------------------------------------------------------------------

/**
 * A region code as the server reads it: trimmed, upper case, the six-digit forms of provinces and cities shortened
 * (370000 → 37, 370200 → 3702); '' when empty or not a code (the caller's whole scope).
 */
export function normaliseRegion(code) {
  const text = String(code ?? '').trim().toUpperCase()
  if (!text) return ''
  if (/^[0-9]{6}$/.test(text)) {
    if (text.endsWith('0000')) return text.slice(0, 2)
    if (text.endsWith('00')) return text.slice(0, 4)
    return text
  }
  return DIVISION.test(text) || PARK.test(text) || USCC.test(text) ? text : ''
}

/** What a code names: NATION (''), PROVINCE, CITY, COUNTY, PARK, ENTERPRISE, or null when it is no code. */
export function regionLevel(code) {
  const text = String(code ?? '')
  if (text === '') return 'NATION'
  if (/^[0-9]{2}$/.test(text)) return 'PROVINCE'
  if (/^[0-9]{4}$/.test(text)) return 'CITY'
  if (/^[0-9]{6}$/.test(text)) return 'COUNTY'
  if (PARK.test(text)) return 'PARK'
  if (USCC.test(text)) return 'ENTERPRISE'
  return null
}

/**
 * The codes from the top down to a region: 370281 → [37, 3702, 370281]; a park 370281P01 → [37, 3702, 370281,
 * 370281P01]; an enterprise → the chain of the region it was drilled into from (parent), then the USCC.
 */
export function regionChain(code, parent = '') {
  const region = normaliseRegion(code)
  const level = regionLevel(region)
  if (!region || !level) return []
  if (level === 'ENTERPRISE') {
    const above = normaliseRegion(parent)
    return [...(above && regionLevel(above) !== 'ENTERPRISE' ? regionChain(above) : []), region]
  }
  const digits = level === 'PARK' ? region.slice(0, 6) : region
  const chain = [2, 4, 6].filter((n) => n <= digits.length).map((n) => digits.slice(0, n))
  if (level === 'PARK') chain.push(region)
  return chain
}

/**
 * The breadcrumb of a region: ['', ...codes], '' being the top (全国, or the user's own scope); the codes at and above
 * the user's scope fold into the top, since the server answers the scope for no region and refuses what is above it.
 * scopeCode: the data scope's code ('' or absent for a nationwide one).
 */
export function breadcrumbCodes(code, { scopeCode = '', parent = '' } = {}) {
  const scope = normaliseRegion(scopeCode) || String(scopeCode ?? '').trim().toUpperCase()
  const chain = regionChain(code, parent)
  if (!scope) return ['', ...chain]
  // The scope and what lies above it: the scope's own chain (a division is its own prefix; a park, its county's).
  const folded = new Set(regionChain(scope))
  folded.add(scope)
  return ['', ...chain.filter((c) => !folded.has(c))]
}

/** The code of the user's data scope the analysis starts from: '' for a nationwide scope (or none known). */
export function scopeCodeOf(scope) {
  if (!scope || typeof scope !== 'object' || scope.kind === 'ALL' || scope.all === true) return ''
  return String(scope.code ?? '').trim().toUpperCase()
}

/**
 * Whether a part one level down can be drilled into: its code names a region, a park or an enterprise (a USCC) of the
 * next level. Accidents of enterprises that were never registered have the name as their code: not drillable.
 */
export function isDrillable(cell, childLevel) {
  const code = String(cell?.code ?? '')
  switch (childLevel) {
    case 'PROVINCE':
      return /^[0-9]{2}$/.test(code)
    case 'CITY':
      return /^[0-9]{4}$/.test(code)
    case 'COUNTY':
      return /^[0-9]{6}$/.test(code) || PARK.test(code)
    case 'ENTERPRISE':
      return USCC.test(code)
    default:
      return false
  }
}

/** The URL query of a drill into a part: its code, and the region it was drilled from when it is an enterprise. */
export function drillQuery(current, cell, childLevel) {
  if (!isDrillable(cell, childLevel)) return null
  const code = String(cell.code)
  return childLevel === 'ENTERPRISE' ? { region: code, parent: normaliseRegion(current) || undefined } : { region: code, parent: undefined }
}

/** A name cache (Map code → name) filled from an overview: the parts' names, the region's own unless known already. */
export function rememberNames(cache, overview) {
  if (!cache || !overview || typeof overview !== 'object') return cache
  for (const child of Array.isArray(overview.children) ? overview.children : []) {
    if (child && child.code && child.name) cache.set(String(child.code), String(child.name))
  }
  const code = String(overview.regionCode ?? '')
  if (code && overview.regionName && !cache.has(code)) cache.set(code, String(overview.regionName))
  return cache
}

// ---- the page's state in the URL and the API's query -----------------------------------------------------------------

function validDate(text) {
  const match = DATE.exec(String(text ?? '').trim())
  if (!match) return false
  const [y, m, d] = match.slice(1).map(Number)
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** An industry code prefix as the server accepts it (GB/T 4754, e.g. 26 or C26); '' when empty, null when invalid. */
export function normaliseIndustry(value) {
  const text = String(value ?? '').trim().toUpperCase()
  if (!text) return ''
  return INDUSTRY.test(text) ? text : null
}

/** The default years of the trend: the last TREND_YEARS up to this year. */
export function defaultYears(thisYear) {
  return { from: thisYear - TREND_YEARS + 1, to: thisYear }
}

/**
 * The page's state from the URL query, anything unreadable replaced by its default: {region, parent, asOf (a day not
 * after today; today by default), industry, from, to (years, at most MAX_TREND_YEARS, none after this year)}.
 * today: "YYYY-MM-DD" in China.
 */
export function analysisState(query, { today }) {
  const q = query && typeof query === 'object' ? query : {}
  const text = (name) => (typeof q[name] === 'string' ? q[name].trim() : '')
  const thisYear = Number(String(today).slice(0, 4))
  const region = normaliseRegion(text('region'))
  const parent = regionLevel(region) === 'ENTERPRISE' ? normaliseRegion(text('parent')) : ''
  const asOfText = text('asOf')
  const asOf = validDate(asOfText) && asOfText <= today ? asOfText : today
  const industry = normaliseIndustry(text('industry')) || ''
  const defaults = defaultYears(thisYear)
  const year = (name) => {
    const n = Number(text(name))
    return Number.isInteger(n) && n >= FIRST_YEAR && n <= thisYear ? n : null
  }
  let from = year('from') ?? defaults.from
  let to = year('to') ?? defaults.to
  if (from > to) [from, to] = [to, from]
  if (to - from + 1 > MAX_TREND_YEARS) from = to - MAX_TREND_YEARS + 1
  return { region, parent, asOf, industry, from, to }
}

/** The URL query of a state: only what differs from the defaults (today, the last ten years, all industries). */
export function stateQuery(state, { today }) {
  const s = state || {}
  const defaults = defaultYears(Number(String(today).slice(0, 4)))
  const query = {}
  if (s.region) query.region = s.region
  if (s.region && s.parent) query.parent = s.parent
  if (s.asOf && s.asOf !== today) query.asOf = s.asOf
  if (s.industry) query.industry = s.industry
  if (s.from && s.from !== defaults.from) query.from = String(s.from)
  if (s.to && s.to !== defaults.to) query.to = String(s.to)
  return query
}

/**
 * The query of GET /api/analytics/hazard-sources (kind 'overview': region, asOf, industry), …/trend ('trend': region,
 * from, to, industry) and …/export ('export': all of them); nothing empty, the server's defaults left to it (today).
 */
export function apiQuery(state, kind = 'overview', { today } = {}) {
  const s = state || {}
  const query = {}
  if (s.region) query.region = s.region
  if (kind !== 'trend' && s.asOf && s.asOf !== today) query.asOf = s.asOf
  if (kind !== 'overview') {
    if (s.from) query.from = String(s.from)
    if (s.to) query.to = String(s.to)
  }
  if (s.industry) query.industry = s.industry
  return query
}

// ---- numbers ------------------------------------------------------------------------------------------------------------

function count(value) {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** A map of counts with every key present, in the keys' order ({key: number}). */
export function counts(map, keys) {
  const source = map && typeof map === 'object' ? map : {}
  return Object.fromEntries(keys.map((k) => [k, count(source[k])]))
}

/** part of total in percent, rounded to `digits` decimals; 0 when there is no total. */
export function sharePercent(part, total, digits = 1) {
  const t = count(total)
  if (!t) return 0
  const factor = 10 ** digits
  return Math.round((count(part) / t) * 100 * factor) / factor
}

/** A percentage as the charts label it: "12.5%", "0%". */
export function formatPercent(value) {
  const n = Number(value)
  return `${Number.isFinite(n) ? Math.round(n * 10) / 10 : 0}%`
}

/**
 * The KPIs of a cell (an overview's total): {total, grades: {1..4}, ungraded (sources without a grade), accidents,
 * deaths, injuries}.
 */
export function kpis(cell) {
  const c = cell && typeof cell === 'object' ? cell : {}
  const grades = counts(c.byGrade, GRADES)
  const total = count(c.total)
  const graded = GRADES.reduce((sum, g) => sum + grades[g], 0)
  return { total, grades, ungraded: Math.max(0, total - graded), accidents: count(c.accidents), deaths: count(c.deaths), injuries: count(c.injuries) }
}

/**
 * The grade shares of a cell or year in percent of its sources: {1..4, none} (none: without a grade), each rounded to
 * one decimal by the largest remainder so that they add up to 100 (all 0 when there is no source).
 */
export function gradeShares(cell) {
  const k = kpis(cell)
  const parts = { ...k.grades, none: k.ungraded }
  const keys = [...GRADES, 'none']
  if (!k.total) return Object.fromEntries(keys.map((g) => [g, 0]))
  // In tenths of a percent: 1000 in all.
  const exact = keys.map((g) => (parts[g] / k.total) * 1000)
  const floors = exact.map(Math.floor)
  let left = 1000 - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((v, i) => [v - floors[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left <= 0) break
    floors[i] += 1
    left -= 1
  }
  return Object.fromEntries(keys.map((g, i) => [g, floors[i] / 10]))
}

/**
 * The accident-type shares of a cell or year in percent of its sources ({FIRE, EXPLOSION, POISONING}): a source may
 * cause several types, so they may add up to more than 100.
 */
export function typeShares(cell) {
  const total = count(cell?.total)
  const types = counts(cell?.byAccidentType, SOURCE_ACCIDENT_TYPES)
  return Object.fromEntries(SOURCE_ACCIDENT_TYPES.map((t) => [t, sharePercent(types[t], total)]))
}

/** The parts one level down with their numbers, as the table lists them (the server's order: most sources first). */
export function childRows(overview) {
  const level = overview?.childLevel ?? null
  return (Array.isArray(overview?.children) ? overview.children : [])
    .filter((c) => c && typeof c === 'object' && c.code !== undefined && c.code !== null)
    .map((c) => ({
      code: String(c.code),
      name: String(c.name ?? '') || String(c.code),
      ...kpis(c),
      drillable: isDrillable(c, level)
    }))
}

/** The trend's years, oldest first, with their counts as numbers. */
export function trendRows(years) {
  return (Array.isArray(years) ? years : [])
    .filter((y) => y && typeof y === 'object' && Number.isInteger(Number(y.year)))
    .map((y) => ({
      year: Number(y.year),
      asOf: String(y.asOf ?? ''),
      total: count(y.total),
      byGrade: counts(y.byGrade, GRADES),
      byAccidentType: counts(y.byAccidentType, SOURCE_ACCIDENT_TYPES),
      accidents: count(y.accidents),
      deaths: count(y.deaths),
      injuries: count(y.injuries),
      accidentsByDeathToll: counts(y.accidentsByDeathToll, ACCIDENT_TOLLS),
      accidentsByKind: counts(y.accidentsByKind, ACCIDENT_KINDS)
    }))
    .sort((a, b) => a.year - b.year)
}

// ---- chart options ------------------------------------------------------------------------------------------------------
// label(key, params): the text of a message key below `analytics.` (the page passes its t()); the options hold only
// numbers and texts, no functions but the tooltip and label formatters.

const AXIS = { axisLabel: { color: '#606266' }, splitLine: { lineStyle: { color: '#ebeef5' } } }

/** A pie of the sources by grade (and those without a grade, when there are any). */
export function gradePieOption(cell, label) {
  const k = kpis(cell)
  const data = GRADES.map((g) => ({ key: g, name: label(`grades.${g}`), value: k.grades[g], itemStyle: { color: GRADE_COLORS[g] } }))
  if (k.ungraded) data.push({ key: 'none', name: label('grades.none'), value: k.ungraded, itemStyle: { color: GRADE_COLORS.none } })
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', color: '#303133' },
        data
      }
    ]
  }
}

/** Bars of the sources by the accident types they may cause, with the share of all sources in the label. */
export function accidentTypeBarOption(cell, label) {
  const total = count(cell?.total)
  const types = counts(cell?.byAccidentType, SOURCE_ACCIDENT_TYPES)
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: SOURCE_ACCIDENT_TYPES.map((t) => label(`types.${t}`)), axisLabel: { color: '#303133' } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.sources'),
        barMaxWidth: 48,
        data: SOURCE_ACCIDENT_TYPES.map((t) => ({ value: types[t], itemStyle: { color: TYPE_COLORS[t] } })),
        label: { show: true, position: 'top', color: '#606266', formatter: (p) => `${p.value} (${formatPercent(sharePercent(p.value, total))})` }
      }
    ]
  }
}

/** Bars of the sources by their potential death toll, UNKNOWN last. */
export function deathTollBarOption(cell, label) {
  const tolls = counts(cell?.byDeathToll, DEATH_TOLLS)
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: DEATH_TOLLS.map((t) => label(`tolls.${t}`)), axisLabel: { color: '#303133', interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'bar',
        name: label('charts.sources'),
        barMaxWidth: 44,
        data: DEATH_TOLLS.map((t) => ({ value: tolls[t], itemStyle: { color: TOLL_COLORS[t] } })),
        label: { show: true, position: 'top', color: '#606266' }
      }
    ]
  }
}

/**
 * Stacked bars of the parts one level down by grade (and without a grade); the category of a bar is its row's index,
 * so that a click finds the part (params.dataIndex).
 */
export function childrenBarOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  const keys = [...GRADES, 'none']
  const series = keys
    .filter((g) => g !== 'none' || list.some((r) => r.ungraded))
    .map((g) => ({
      type: 'bar',
      name: label(`grades.${g}`),
      stack: 'grade',
      barMaxWidth: 36,
      itemStyle: { color: GRADE_COLORS[g] },
      emphasis: { focus: 'series' },
      data: list.map((r) => (g === 'none' ? r.ungraded : r.grades[g]))
    }))
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: list.map((r) => r.name),
      axisLabel: { color: '#303133', interval: 0, rotate: list.length > 8 ? 35 : 0, width: 110, overflow: 'truncate' }
    },
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series
  }
}

function yearAxis(rows) {
  return { type: 'category', boundaryGap: true, data: rows.map((r) => String(r.year)), axisLabel: { color: '#303133' } }
}

/** A line of the standing sources at each year's end (today for this year). */
export function trendTotalOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: yearAxis(list),
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: [
      {
        type: 'line',
        name: label('charts.sources'),
        data: list.map((r) => r.total),
        symbolSize: 7,
        itemStyle: { color: '#409eff' },
        areaStyle: { color: 'rgba(64, 158, 255, 0.12)' },
        label: { show: list.length <= 15, position: 'top', color: '#606266' }
      }
    ]
  }
}

/** Stacked bars of each year's grade shares (% of its sources; without a grade on top), adding up to 100. */
export function trendGradeShareOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  const shares = list.map((r) => gradeShares(r))
  const keys = [...GRADES, 'none'].filter((g) => g !== 'none' || shares.some((s) => s.none))
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatPercent(v) },
    xAxis: yearAxis(list),
    yAxis: { type: 'value', max: 100, axisLabel: { color: '#606266', formatter: '{value}%' }, splitLine: AXIS.splitLine },
    series: keys.map((g) => ({
      type: 'bar',
      name: label(`grades.${g}`),
      stack: 'share',
      barMaxWidth: 36,
      itemStyle: { color: GRADE_COLORS[g] },
      data: shares.map((s) => s[g])
    }))
  }
}

/** Lines of each year's accident-type shares (% of its sources; a source may count under several, so not stacked). */
export function trendTypeShareOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  const shares = list.map((r) => typeShares(r))
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatPercent(v) },
    xAxis: yearAxis(list),
    yAxis: { type: 'value', min: 0, axisLabel: { color: '#606266', formatter: '{value}%' }, splitLine: AXIS.splitLine },
    series: SOURCE_ACCIDENT_TYPES.map((t) => ({
      type: 'line',
      name: label(`types.${t}`),
      symbolSize: 6,
      itemStyle: { color: TYPE_COLORS[t] },
      data: shares.map((s) => s[t])
    }))
  }
}

/** Stacked bars of each year's accidents by their death toll (A5: 0-9, 10-29, 30-99, 100 and more). */
export function trendAccidentsOption(rows, label) {
  const list = Array.isArray(rows) ? rows : []
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: yearAxis(list),
    yAxis: { type: 'value', minInterval: 1, ...AXIS },
    series: ACCIDENT_TOLLS.map((c) => ({
      type: 'bar',
      name: label(`accidentTolls.${c}`),
      stack: 'accidents',
      barMaxWidth: 36,
      itemStyle: { color: TOLL_COLORS[c] },
      data: list.map((r) => r.accidentsByDeathToll[c])
    }))
  }
}
