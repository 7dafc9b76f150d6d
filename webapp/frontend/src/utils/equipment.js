// 设备检验 / Equipment under periodic inspection (E2): pressure vessels, safety valves, gas detectors… each with its
// interval (the rule's, or shorter), its inspection records and certificates, and a state worked out from the next due
// date. Only the enterprise itself and its chemical park's management see it (a county, city, province or national
// regulator gets nothing); only the enterprise's own people keep it. These helpers label, order and check forms as
// the server does (JdbcEquipment); the server stays the authority.
// Pure (they import only other pure helpers): tested with `node --test src/utils/equipment.test.js`.
import { fieldErrorList } from './apiErrors.js'

/** The kinds with the interval of their rule, in months (InspectedKind). */
export const KIND_INTERVALS = {
  PRESSURE_VESSEL: 36,
  PRESSURE_PIPING: 36,
  SAFETY_VALVE: 12,
  GAS_DETECTOR: 12,
  PRESSURE_GAUGE: 6,
  LIGHTNING_PROTECTION: 6,
  LIFTING: 24,
  OTHER: 12
}

export const EQUIPMENT_KINDS = Object.keys(KIND_INTERVALS)

/** The states in the order of the filter (and of the server's documentation). */
export const EQUIPMENT_STATES = ['OK', 'DUE', 'OVERDUE', 'OUT_OF_SERVICE', 'RETIRED']

/** The states from the most to the least urgent (the list shows the urgent ones first). */
export const STATE_URGENCY = ['OUT_OF_SERVICE', 'OVERDUE', 'DUE', 'OK', 'RETIRED']

export const INSPECTION_RESULTS = ['PASS', 'CONDITIONAL', 'FAIL']

/** A piece falls due this many days ahead of its due date (JdbcEquipment.DUE_AHEAD_DAYS). */
export const DUE_AHEAD_DAYS = 30

/** The server's limits (JdbcEquipment, EquipmentInput, EquipmentInspectionInput). */
export const MAX_TAG = 64
export const MAX_NAME = 200
export const MAX_SOURCE_CODE = 32
export const MAX_REGISTRATION_CODE = 64
export const MIN_INTERVAL = 1
export const MAX_INTERVAL = 120
export const MAX_AGENCY = 200
export const MAX_CERTIFICATE_NUMBER = 64
export const MAX_NOTE = 2000
export const MAX_REASON = 500

/** What a tag may hold (the server's rule): letters, digits and - _ / . */
const TAG = /^[\p{L}\p{N}\-_/.]+$/u
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// ---- labels and tags ------------------------------------------------------------------------------------------------

/** Element Plus tag type and effect of a state. */
export function equipmentStateTag(state) {
  switch (state) {
    case 'OK':
      return { type: 'success', effect: 'light' }
    case 'DUE':
      return { type: 'warning', effect: 'light' }
    case 'OVERDUE':
      return { type: 'danger', effect: 'light' }
    case 'OUT_OF_SERVICE':
      return { type: 'danger', effect: 'dark' }
    case 'RETIRED':
      return { type: 'info', effect: 'plain' }
    default:
      return { type: 'info', effect: 'light' }
  }
}

/** Element Plus tag type of an inspection result. */
export function resultTagType(result) {
  return { PASS: 'success', CONDITIONAL: 'warning', FAIL: 'danger' }[result] || 'info'
}

/** i18n key of a code within a group, or null for an unknown code (shown as it is). */
export function labelKey(group, code) {
  const known = { kinds: EQUIPMENT_KINDS, states: EQUIPMENT_STATES, results: INSPECTION_RESULTS }[group]
  return known && known.includes(code) ? `equipment.${group}.${code}` : null
}

/** The interval of a kind's rule in months; null for an unknown kind. */
export function ruleInterval(kind) {
  return Object.prototype.hasOwnProperty.call(KIND_INTERVALS, kind) ? KIND_INTERVALS[kind] : null
}

// ---- who sees, who keeps -------------------------------------------------------------------------------------------

/**
 * What the user's data scope lets them see of the equipment: 'all' (a nationwide administrator), 'park' (its park's
 * management), 'enterprise' (its own), 'none' (a county, city, province or national regulator: the server answers an
 * empty list by design), '' while unknown.
 */
export function equipmentVisibility(scope) {
  const kind = scope?.kind
  if (kind === 'ALL' || scope?.all === true) return 'all'
  if (kind === 'PARK') return 'park'
  if (kind === 'ENTERPRISE') return 'enterprise'
  if (kind === 'REGION') return 'none'
  return ''
}

/**
 * Whether the user may keep a piece of the enterprise uscc (JdbcEquipment.requireEditor): equipment:edit and the
 * enterprise's own people (scope ENTERPRISE of that USCC) or a nationwide administrator; a park only reads.
 * uscc omitted: whether they may keep any (the register button).
 */
export function canKeepEquipment(scope, canEdit, uscc) {
  if (!canEdit) return false
  const visibility = equipmentVisibility(scope)
  if (visibility === 'all') return true
  if (visibility !== 'enterprise') return false
  return uscc === undefined || uscc === null || String(scope?.code ?? '') === String(uscc)
}

// ---- dates ---------------------------------------------------------------------------------------------------------

function pad(n) {
  return String(n).padStart(2, '0')
}

/** A "YYYY-MM-DD" date as [year, month, day], or null when it is no real date. */
export function parseDate(value) {
  const match = DATE.exec(String(value ?? '').trim())
  if (!match) return null
  const [y, m, d] = match.slice(1).map(Number)
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return [y, m, d]
}

function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Today in China ("YYYY-MM-DD"), the day the server reckons with (Asia/Shanghai), at the instant now. */
export function chinaToday(now = Date.now()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(now))
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return `${parts.year}-${parts.month}-${parts.day}`
}

/**
 * A date plus whole months as java.time.LocalDate.plusMonths does it: the day kept, or the month's last day when the
 * month is shorter ("2026-01-31" + 1 = "2026-02-28"). null for an unreadable date.
 */
export function addMonths(date, months) {
  const parsed = parseDate(date)
  if (!parsed || !Number.isInteger(Number(months))) return null
  const [y, m, d] = parsed
  const index = y * 12 + (m - 1) + Number(months)
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`
}

/** A date plus days ("YYYY-MM-DD"); null for an unreadable date. */
export function addDays(date, days) {
  const parsed = parseDate(date)
  if (!parsed) return null
  const t = new Date(Date.UTC(parsed[0], parsed[1] - 1, parsed[2] + Number(days)))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** Days from today until a date (negative once past); null for an unreadable date. */
export function daysBetween(today, date) {
  const a = parseDate(today)
  const b = parseDate(date)
  if (!a || !b) return null
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86400000)
}

/** A Date (from a date picker) or a "YYYY-MM-DD" text as "YYYY-MM-DD" of the local calendar; '' when empty. */
export function dateText(value) {
  if (value === null || value === undefined || value === '') return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
  return String(value).trim()
}

// ---- states --------------------------------------------------------------------------------------------------------

/**
 * The state the server works out (JdbcEquipment.row): RETIRED, OUT_OF_SERVICE (the latest inspection failed), OVERDUE
 * (due before today), DUE (within DUE_AHEAD_DAYS), OK. piece: {retired, lastResult, nextDue}.
 */
export function equipmentState({ retired, lastResult, nextDue } = {}, today) {
  if (retired) return 'RETIRED'
  if (lastResult === 'FAIL') return 'OUT_OF_SERVICE'
  const days = daysBetween(today, nextDue)
  if (days === null) return ''
  if (days < 0) return 'OVERDUE'
  if (days <= DUE_AHEAD_DAYS) return 'DUE'
  return 'OK'
}

/** Rank of a state for ordering (0 = most urgent; unknown states after the known ones). */
export function stateRank(state) {
  const i = STATE_URGENCY.indexOf(state)
  return i < 0 ? STATE_URGENCY.length : i
}

/** The pieces, the most urgent first, then the soonest due, then by tag. */
export function sortByUrgency(list) {
  return (Array.isArray(list) ? list : [])
    .filter((e) => e && typeof e === 'object')
    .slice()
    .sort(
      (a, b) =>
        stateRank(a.state) - stateRank(b.state) ||
        String(a.nextDue || '').localeCompare(String(b.nextDue || '')) ||
        String(a.tag || '').localeCompare(String(b.tag || ''))
    )
}

/** The summary (GET /api/equipment/summary) with every count a number: {total, ok, due, overdue, outOfService}. */
export function summaryCounts(summary) {
  const n = (v) => {
    const x = Number(v)
    return Number.isFinite(x) && x > 0 ? x : 0
  }
  return { total: n(summary?.total), ok: n(summary?.ok), due: n(summary?.due), overdue: n(summary?.overdue), outOfService: n(summary?.outOfService) }
}

/** The records newest first (by day inspected, then id), as the server sends them. */
export function recordsOf(piece) {
  return (Array.isArray(piece?.records) ? piece.records : [])
    .filter((r) => r && typeof r === 'object')
    .slice()
    .sort((a, b) => String(b.inspectedOn || '').localeCompare(String(a.inspectedOn || '')) || (Number(b.id) || 0) - (Number(a.id) || 0))
}

/** Whether a record has its certificate file (attached once). */
export function hasCertificate(record) {
  return !!record?.certificateSha256
}

// ---- the register form ---------------------------------------------------------------------------------------------

/**
 * Client check of an interval for a kind: 'invalid' (not a whole number), 'range' (beyond 1-120), 'longerThanRule'
 * (longer than the kind's rule), or null. Empty is allowed: the server takes the rule's.
 */
export function intervalProblem(interval, kind) {
  if (interval === null || interval === undefined || interval === '') return null
  const n = Number(interval)
  if (!Number.isInteger(n)) return 'invalid'
  if (n < MIN_INTERVAL || n > MAX_INTERVAL) return 'range'
  const rule = ruleInterval(kind)
  if (rule !== null && n > rule) return 'longerThanRule'
  return null
}

/**
 * Client checks of a new piece as the server makes them: {uscc, tag, name, kind, hazardSourceCode, registrationCode,
 * intervalMonths, firstDue}, each a problem or absent ('required', 'tooLong', 'invalid', and intervalProblem's).
 */
export function validateEquipment(form) {
  const problems = {}
  if (!String(form?.uscc ?? '').trim()) problems.uscc = 'required'
  const tag = String(form?.tag ?? '').trim()
  if (!tag) problems.tag = 'required'
  else if (tag.length > MAX_TAG) problems.tag = 'tooLong'
  else if (!TAG.test(tag)) problems.tag = 'invalid'
  const name = String(form?.name ?? '').trim()
  if (!name) problems.name = 'required'
  else if (name.length > MAX_NAME) problems.name = 'tooLong'
  if (!form?.kind) problems.kind = 'required'
  else if (!EQUIPMENT_KINDS.includes(form.kind)) problems.kind = 'invalid'
  if (String(form?.hazardSourceCode ?? '').trim().length > MAX_SOURCE_CODE) problems.hazardSourceCode = 'tooLong'
  if (String(form?.registrationCode ?? '').trim().length > MAX_REGISTRATION_CODE) problems.registrationCode = 'tooLong'
  const interval = intervalProblem(form?.intervalMonths, form?.kind)
  if (interval) problems.intervalMonths = interval
  const firstDue = dateText(form?.firstDue)
  if (firstDue && !parseDate(firstDue)) problems.firstDue = 'invalid'
  return problems
}

/** The body of POST /api/equipment; optional fields null when empty (the server then takes its defaults). */
export function equipmentBody(form) {
  const interval = form?.intervalMonths
  const opt = (v) => String(v ?? '').trim() || null
  return {
    uscc: opt(form?.uscc),
    tag: opt(form?.tag),
    name: opt(form?.name),
    kind: form?.kind || null,
    hazardSourceCode: opt(form?.hazardSourceCode),
    registrationCode: opt(form?.registrationCode),
    intervalMonths: interval === null || interval === undefined || interval === '' ? null : Number(interval),
    firstDue: dateText(form?.firstDue) || null
  }
}

// ---- the inspection form -------------------------------------------------------------------------------------------

/** The date a record is valid until when none is given: the day itself for a FAIL, else the day plus the interval. */
export function defaultValidUntil(inspectedOn, result, intervalMonths) {
  if (!parseDate(inspectedOn)) return null
  if (result === 'FAIL') return String(inspectedOn).trim()
  return addMonths(inspectedOn, intervalMonths)
}

/**
 * Client checks of an inspection as the server makes them: {inspectedOn, agency, result, certificateNumber, note,
 * validUntil}, each a problem or absent. inspectedOn 'required' / 'invalid' / 'future' (after today, China time);
 * note 'required' for a FAIL; validUntil 'beforeInspection' / 'beyondInterval' (more than the piece's interval after
 * the inspection) / 'invalid'. options: {intervalMonths (of the piece), today ("YYYY-MM-DD")}.
 */
export function validateInspection(form, { intervalMonths, today } = {}) {
  const problems = {}
  const on = dateText(form?.inspectedOn)
  if (!on) problems.inspectedOn = 'required'
  else if (!parseDate(on)) problems.inspectedOn = 'invalid'
  else if (today && daysBetween(today, on) > 0) problems.inspectedOn = 'future'
  const agency = String(form?.agency ?? '').trim()
  if (!agency) problems.agency = 'required'
  else if (agency.length > MAX_AGENCY) problems.agency = 'tooLong'
  if (!form?.result) problems.result = 'required'
  else if (!INSPECTION_RESULTS.includes(form.result)) problems.result = 'invalid'
  if (String(form?.certificateNumber ?? '').trim().length > MAX_CERTIFICATE_NUMBER) problems.certificateNumber = 'tooLong'
  const note = String(form?.note ?? '').trim()
  if (form?.result === 'FAIL' && !note) problems.note = 'required'
  else if (note.length > MAX_NOTE) problems.note = 'tooLong'
  const until = dateText(form?.validUntil)
  if (until && form?.result !== 'FAIL') {
    if (!parseDate(until)) problems.validUntil = 'invalid'
    else if (parseDate(on)) {
      if (daysBetween(on, until) < 0) problems.validUntil = 'beforeInspection'
      else if (Number.isInteger(Number(intervalMonths)) && daysBetween(addMonths(on, intervalMonths), until) > 0) problems.validUntil = 'beyondInterval'
    }
  }
  return problems
}

/**
 * The body of POST /api/equipment/{id}/inspections. A FAIL sends no validUntil: the piece is due at once (out of
 * service) whatever was typed before the result was chosen.
 */
export function inspectionBody(form) {
  const opt = (v) => String(v ?? '').trim() || null
  return {
    inspectedOn: dateText(form?.inspectedOn) || null,
    agency: opt(form?.agency),
    result: form?.result || null,
    certificateNumber: opt(form?.certificateNumber),
    validUntil: form?.result === 'FAIL' ? null : dateText(form?.validUntil) || null,
    note: opt(form?.note)
  }
}

/** Client check of the reason a piece is retired: 'required', 'tooLong', or null. */
export function retireReasonProblem(reason) {
  const value = String(reason ?? '').trim()
  if (!value) return 'required'
  if (value.length > MAX_REASON) return 'tooLong'
  return null
}

/** The field errors of a refused call (see apiErrors.js). */
export const equipmentFieldErrors = fieldErrorList
