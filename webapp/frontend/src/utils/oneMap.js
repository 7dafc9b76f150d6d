// Pure helpers of the one map (一张图, J1): marker states and their priority, colours and sizes per grade, the filters
// (applied in the page to the markers loaded, with their counts), divisions and their boundary files, the page's state
// in the URL and its breadcrumb. No Vue, no ECharts, no i18n: Node's test runner loads this file as it is.

// ---- states ---------------------------------------------------------------------------------------------------------

/** Marker states, worst first (as GET /api/map/markers sends them). */
export const STATES = ['ALARM', 'WARNING', 'FAULT', 'NORMAL', 'UNMONITORED']

/** 报警 red, 预警 orange, 仪表故障 purple, 正常 green, 未接入监测 grey. */
export const STATE_COLORS = {
  ALARM: '#e53935',
  WARNING: '#fb8c00',
  FAULT: '#8e63ce',
  NORMAL: '#43a047',
  UNMONITORED: '#9aa3ad'
}

/** A state the server sent, or UNMONITORED for anything unknown. */
export function normaliseState(state) {
  return STATES.includes(state) ? state : 'UNMONITORED'
}

/** How bad a state is: ALARM 4 … UNMONITORED 0 (unknown states count as UNMONITORED). */
export function stateRank(state) {
  return STATES.length - 1 - STATES.indexOf(normaliseState(state))
}

/** The worse of two states (a cluster shows its worst member's). */
export function worstState(a, b) {
  return stateRank(a) >= stateRank(b) ? normaliseState(a) : normaliseState(b)
}

// ---- grades ---------------------------------------------------------------------------------------------------------

/** Grade keys of the filter and the counts: 1 (一级, the most severe) to 4, and none (not graded). */
export const GRADE_KEYS = ['1', '2', '3', '4', 'none']

/** '1'…'4' for a grade, 'none' for anything else. */
export function gradeKey(grade) {
  const n = Number(grade)
  return grade !== null && grade !== undefined && grade !== '' && Number.isInteger(n) && n >= 1 && n <= 4 ? String(n) : 'none'
}

/** Marker size in pixels per grade: 一级 the biggest. */
export const GRADE_SIZES = { 1: 17, 2: 14, 3: 11, 4: 9, none: 7 }

/** Marker symbol per grade: 一级 a diamond, 二级 a triangle, the rest circles. */
export const GRADE_SYMBOLS = { 1: 'diamond', 2: 'triangle', 3: 'circle', 4: 'circle', none: 'circle' }

export function markerSymbolSize(grade) {
  return GRADE_SIZES[gradeKey(grade)]
}

export function markerSymbol(grade) {
  return GRADE_SYMBOLS[gradeKey(grade)]
}

// ---- industry groups ------------------------------------------------------------------------------------------------

export const INDUSTRY_GROUPS = ['FINE_CHEMICALS', 'PETROCHEMICALS', 'COAL_CHEMICALS', 'OTHER']

export function industryKey(group) {
  return INDUSTRY_GROUPS.includes(group) ? group : 'OTHER'
}

// ---- markers --------------------------------------------------------------------------------------------------------

function finiteNumber(value) {
  if (value === null || value === undefined || value === '') return NaN
  const n = Number(value)
  return Number.isFinite(n) ? n : NaN
}

/**
 * The markers of an answer, checked: [{uscc, name, regionCode, parkCode, industryCode, industryGroup, longitude,
 * latitude, grade (1-4 or null), hazardSources, state, activeAlarms, riskLevel}] (frozen: nothing watches them), and how
 * many had no usable coordinates (longitude -180…180, latitude -90…90; the server counts its own unplaced apart).
 */
function placeable(longitude, latitude) {
  return longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90
}

/** How many markers of an answer have no usable coordinates (cleanMarkers leaves them out). */
export function invalidCoordinates(list) {
  let invalid = 0
  for (const m of Array.isArray(list) ? list : []) {
    if (m && typeof m === 'object' && m.uscc && !placeable(finiteNumber(m.longitude), finiteNumber(m.latitude))) invalid++
  }
  return invalid
}

export function cleanMarkers(list) {
  const markers = []
  let invalid = 0
  for (const m of Array.isArray(list) ? list : []) {
    if (!m || typeof m !== 'object' || !m.uscc) continue
    const longitude = finiteNumber(m.longitude)
    const latitude = finiteNumber(m.latitude)
    if (!placeable(longitude, latitude)) {
      invalid++
      continue
    }
    const key = gradeKey(m.grade)
    markers.push(
      Object.freeze({
        uscc: String(m.uscc),
        name: String(m.name ?? m.uscc),
        regionCode: String(m.regionCode ?? ''),
        parkCode: m.parkCode ? String(m.parkCode) : null,
        industryCode: m.industryCode ? String(m.industryCode) : null,
        industryGroup: industryKey(m.industryGroup),
        longitude,
        latitude,
        grade: key === 'none' ? null : Number(key),
        hazardSources: Number(m.hazardSources) || 0,
        state: normaliseState(m.state),
        activeAlarms: Number(m.activeAlarms) || 0,
        riskLevel: m.riskLevel || null
      })
    )
  }
  return { markers, invalid }
}

// ---- divisions and their boundary files -----------------------------------------------------------------------------

const MUNICIPALITIES = new Set(['11', '12', '31', '50'])

function nameOf(names, code) {
  if (!names || !code) return undefined
  return names instanceof Map ? names.get(code) : Object.prototype.hasOwnProperty.call(names, code) ? names[code] : undefined
}

/**
 * A division code in its six-digit form: 37 → 370000, 3702 → 370200, 370281 stays, a park 370281P01 → its county
 * 370281; '' for the country (or nothing); null for anything else (a USCC among them).
 */
export function toDivision6(code) {
  const text = String(code ?? '').trim().toUpperCase()
  if (text === '') return ''
  if (/^[0-9]{2}$/.test(text)) return text + '0000'
  if (/^[0-9]{4}$/.test(text)) return text + '00'
  if (/^[0-9]{6}$/.test(text)) return text
  if (/^[0-9]{6}P[0-9]{2}$/.test(text)) return text.slice(0, 6)
  return null
}

/** NATION, PROVINCE (370000), CITY (370200), COUNTY (370281), or null. */
export function divisionLevel(code) {
  const c = toDivision6(code)
  if (c === null) return null
  if (c === '') return 'NATION'
  if (c.endsWith('0000')) return 'PROVINCE'
  if (c.endsWith('00')) return 'CITY'
  return 'COUNTY'
}

/** The prefix a division's regions share: 37, 3702, 370281; '' for the country. */
export function divisionPrefix(code) {
  const c = toDivision6(code)
  if (!c) return ''
  const level = divisionLevel(c)
  return level === 'PROVINCE' ? c.slice(0, 2) : level === 'CITY' ? c.slice(0, 4) : c
}

/** Whether a county's city is left out of the hierarchy: municipalities, counties governed by their province (4290xx). */
function countyUnderProvince(code, names) {
  const city = code.slice(0, 4) + '00'
  if (city === code.slice(0, 2) + '0000') return true // 710001, 659001 under their province's own code
  if (names) return nameOf(names, city) === undefined
  return MUNICIPALITIES.has(code.slice(0, 2)) || code.slice(2, 4) === '90' || code.slice(0, 2) === '71'
}

/**
 * The divisions from the top down to a code: '' (the country) first. 370281 → ['', '370000', '370200', '370281'];
 * 110105 → ['', '110000', '110105'] (the districts of a municipality sit under it directly), 429004 → ['', '420000',
 * '429004']. names ({code: name} of the boundary files, optional) says which cities exist; without it the known cases
 * are recognised by their codes.
 */
export function regionPath(code, names) {
  const c = toDivision6(code)
  if (!c) return ['']
  const province = c.slice(0, 2) + '0000'
  const level = divisionLevel(c)
  if (level === 'PROVINCE') return ['', c]
  if (level === 'CITY') return ['', province, c]
  if (countyUnderProvince(c, names)) return ['', province, c]
  return ['', province, c.slice(0, 4) + '00', c]
}

/** The division above a code ('' for a province, null for the country). */
export function parentOf(code, names) {
  const path = regionPath(code, names)
  return path.length > 1 ? path[path.length - 2] : null
}

/**
 * The boundary file a division's map is drawn from and the feature to pick from it: the country, a province and a city
 * have files of their own ({file: 'china' | code, pick: null}); a county is one feature of its parent's file ({file:
 * parent, pick: code}).
 */
export function geoSource(code, names) {
  const c = toDivision6(code)
  if (c === null) return null
  if (c === '') return { file: 'china', pick: null }
  const level = divisionLevel(c)
  if (level === 'PROVINCE' || level === 'CITY') return { file: c, pick: null }
  const parent = parentOf(c, names)
  return { file: parent || 'china', pick: c }
}

/** The name the map of a division is registered under with ECharts: never 'china' (ECharts treats that name specially). */
export function mapNameOf(code) {
  const c = toDivision6(code)
  return `hw-${c || '100000'}`
}

/** Whether a region clicked on the map of `area` is a part one can drill into (below it, not it, a division). */
export function isDrillTarget(code, area) {
  const c = toDivision6(code)
  const a = toDivision6(area)
  if (!c || c === a || a === null) return false
  return c.startsWith(divisionPrefix(a))
}

/**
 * The division whose map shows an answer's area: the area itself for the country, a province, a city or a county; a
 * park's county; for an enterprise, the county of its marker ('' when unknown).
 */
export function mapCodeOfArea(area, markers = []) {
  if (!area || typeof area !== 'object') return ''
  const code = toDivision6(area.code)
  if (area.kind === 'ENTERPRISE' || code === null) {
    const first = Array.isArray(markers) ? markers.find((m) => toDivision6(m?.regionCode)) : null
    return first ? toDivision6(first.regionCode) : ''
  }
  return code
}

/** Whether a marker lies in a division, by its region code ('' = the country: all). */
export function inArea(marker, area) {
  const prefix = divisionPrefix(area)
  return !prefix || String(marker?.regionCode ?? '').startsWith(prefix)
}

// ---- filters --------------------------------------------------------------------------------------------------------

/** No filter: every grade, state and industry group. */
export function emptyFilters() {
  return { grades: [], states: [], industry: '' }
}

function listParam(value, allowed) {
  const text = Array.isArray(value) ? value.join(',') : String(value ?? '')
  const wanted = new Set(text.split(',').map((v) => v.trim().toUpperCase()).filter(Boolean))
  return allowed.filter((a) => wanted.has(a.toUpperCase()))
}

/** The filters of the URL's query: grade=1,2,none  state=ALARM,WARNING  industry=FINE_CHEMICALS (unknown values dropped). */
export function parseFilters(query = {}) {
  const industry = String(query.industry ?? '').trim().toUpperCase()
  return {
    grades: listParam(query.grade, GRADE_KEYS),
    states: listParam(query.state, STATES),
    industry: INDUSTRY_GROUPS.includes(industry) ? industry : ''
  }
}

/** The query of filters (only what filters). */
export function filtersQuery(filters) {
  const f = filters || emptyFilters()
  const query = {}
  if (f.grades?.length) query.grade = GRADE_KEYS.filter((g) => f.grades.includes(g)).join(',')
  if (f.states?.length) query.state = STATES.filter((s) => f.states.includes(s)).join(',')
  if (f.industry) query.industry = f.industry
  return query
}

export function filtersActive(filters) {
  return !!(filters && (filters.grades?.length || filters.states?.length || filters.industry))
}

function matchGrade(m, f) {
  return !f.grades?.length || f.grades.includes(gradeKey(m.grade))
}
function matchState(m, f) {
  return !f.states?.length || f.states.includes(normaliseState(m.state))
}
function matchIndustry(m, f) {
  return !f.industry || industryKey(m.industryGroup) === f.industry
}

/** Whether a marker passes the filters. */
export function markerMatches(marker, filters) {
  const f = filters || emptyFilters()
  return matchGrade(marker, f) && matchState(marker, f) && matchIndustry(marker, f)
}

/** The markers of a division that pass the filters (a new array; the markers themselves are not copied). */
export function filterMarkers(markers, filters, area = '') {
  const f = filters || emptyFilters()
  const prefix = divisionPrefix(area)
  const out = []
  for (const m of Array.isArray(markers) ? markers : []) {
    if (prefix && !String(m.regionCode ?? '').startsWith(prefix)) continue
    if (matchGrade(m, f) && matchState(m, f) && matchIndustry(m, f)) out.push(m)
  }
  return out
}

function zeroCounts(keys) {
  const counts = {}
  for (const k of keys) counts[k] = 0
  return counts
}

/**
 * The counts next to each filter's options, over the markers of a division: an option counts the markers that would
 * show were it chosen, the other filters staying as they are ({grades: {1: n, …, none: n}, states: {ALARM: n, …},
 * industries: {FINE_CHEMICALS: n, …}}), with total (markers of the division) and shown (passing every filter).
 */
export function facetCounts(markers, filters, area = '') {
  const f = filters || emptyFilters()
  const prefix = divisionPrefix(area)
  const grades = zeroCounts(GRADE_KEYS)
  const states = zeroCounts(STATES)
  const industries = zeroCounts(INDUSTRY_GROUPS)
  let total = 0
  let shown = 0
  for (const m of Array.isArray(markers) ? markers : []) {
    if (prefix && !String(m.regionCode ?? '').startsWith(prefix)) continue
    total++
    const g = matchGrade(m, f)
    const s = matchState(m, f)
    const i = matchIndustry(m, f)
    if (s && i) grades[gradeKey(m.grade)]++
    if (g && i) states[normaliseState(m.state)]++
    if (g && s) industries[industryKey(m.industryGroup)]++
    if (g && s && i) shown++
  }
  return { total, shown, grades, states, industries }
}

/**
 * The markers in drawing groups, one per state and grade (a series each: one colour, one symbol and size), the worst
 * drawn last (on top): [{key 'ALARM|1', state, grade ('1'…'4' | 'none'), color, size, symbol, markers}].
 */
export function markerGroups(markers) {
  const groups = new Map()
  for (const m of Array.isArray(markers) ? markers : []) {
    const state = normaliseState(m.state)
    const grade = gradeKey(m.grade)
    const key = `${state}|${grade}`
    let group = groups.get(key)
    if (!group) {
      group = { key, state, grade, color: STATE_COLORS[state], size: GRADE_SIZES[grade], symbol: GRADE_SYMBOLS[grade], markers: [] }
      groups.set(key, group)
    }
    group.markers.push(m)
  }
  const gradeOrder = (g) => (g === 'none' ? 0 : 5 - Number(g))
  return [...groups.values()].sort((a, b) => stateRank(a.state) - stateRank(b.state) || gradeOrder(a.grade) - gradeOrder(b.grade))
}

// ---- the page's state in the URL ------------------------------------------------------------------------------------

/** The page's state from its query: {region ('' or a six-digit division), filters}. */
export function mapPageState(query = {}) {
  const region = toDivision6(typeof query.region === 'string' ? query.region : '')
  return { region: region || '', filters: parseFilters(query) }
}

/** The query of a state (only what differs from the defaults). */
export function mapPageQuery(state) {
  const query = { ...filtersQuery(state?.filters) }
  if (state?.region) query.region = state.region
  return query
}

/**
 * The breadcrumb of a division: [{code, name}] from the top down, '' the top (the country, or the user's own scope: the
 * divisions at and above the scope fold into it, since the server answers the scope for no region and refuses what is
 * above it). name: from names ({code: name}), undefined when unknown (the page then shows the code).
 *   scopeCode  the data scope's code ('' for nationwide; a park folds into its county, an enterprise keeps the top only)
 */
export function breadcrumb(code, { scopeCode = '', names } = {}) {
  const path = regionPath(code, names)
  const scopeText = String(scopeCode ?? '').trim()
  const scope = toDivision6(scopeText)
  let folded = new Set([''])
  if (scopeText) {
    if (scope) for (const c of regionPath(scope, names)) folded.add(c)
    else folded = new Set(path) // an enterprise's scope: nothing to drill into but the top
  }
  const below = path.filter((c) => !folded.has(c))
  const topName = scopeText ? (scope ? nameOf(names, scope) : undefined) : undefined
  return [{ code: '', name: topName }, ...below.map((c) => ({ code: c, name: nameOf(names, c) }))]
}

// ---- formatting -----------------------------------------------------------------------------------------------------

/** Escapes text for the HTML of a tooltip. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}
