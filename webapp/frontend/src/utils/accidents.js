// 事故登记 / The accident register: accidents of the enterprises in scope, entered by hand, imported from Excel (also
// years before the system) or replicated from the levels below (read-only here). A record entered in error is voided
// with a reason rather than deleted. These helpers label, check forms as the server does (JdbcAccidents), map the form
// to the REST body, build the list's query and read the import's answer; the server stays the authority.
// Pure (they import only other pure helpers): tested with `node --test src/utils/accidents.test.js`.
import { fieldErrorList } from './apiErrors.js'

/** The types of an accident that happened (AccidentKind), in the order of the forms. */
export const ACCIDENT_KINDS = ['FIRE', 'EXPLOSION', 'POISONING', 'LEAK', 'OTHER']

/** Death-toll classes of an accident that happened (DeathTollClass.of(deaths)). */
export const DEATH_TOLL_CLASSES = ['UNDER_10', 'FROM_10_TO_29', 'FROM_30_TO_99', 'FROM_100']

/** Field error codes of the register and the import that have a translation (accidents.fieldErrors.<code>). */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'INVALID',
  'UNKNOWN',
  'UNKNOWN_REGION',
  'OUTSIDE_SCOPE',
  'UNKNOWN_HAZARD_SOURCE',
  'IN_FUTURE',
  'TOO_EARLY',
  'NEGATIVE',
  'TOO_LARGE',
  'DUPLICATE',
  'FORMAT',
  'NOT_LOCAL',
  'VOIDED',
  'HEADER',
  'TOO_MANY_ROWS'
]

/** The fields of the form, in the order of the REST body (AccidentInput). */
export const ACCIDENT_FIELDS = [
  'occurredAt',
  'uscc',
  'enterpriseName',
  'regionCode',
  'industryCode',
  'hazardSourceCode',
  'kind',
  'deaths',
  'injuries',
  'directLossWan',
  'description',
  'sourceDocument'
]

/** The server's limits (JdbcAccidents, AccidentInput). */
export const MAX_ENTERPRISE_NAME = 200
export const MAX_SOURCE_CODE = 32
export const MAX_DESCRIPTION = 4000
export const MAX_SOURCE_DOCUMENT = 500
export const MAX_REASON = 500
export const MAX_PEOPLE = 100000
export const MAX_LOSS = 999999999999.99
/** The earliest time an accident may have (China time): the founding of the People's Republic. */
export const EARLIEST = '1949-10-01T00:00'
/** The server accepts a time up to five minutes ahead of its clock. */
export const FUTURE_TOLERANCE_MINUTES = 5
/** An import file may have at most 20 MB (RegistryTransferResource.MAX_BYTES). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** The list's page size. */
export const PAGE_SIZE = 20

const USCC = /^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$/
const COUNTY = /^[0-9]{6}$/
const INDUSTRY = /^[A-Z]?[0-9]{2,4}$/
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const WHOLE = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/

// ---- labels and tags ------------------------------------------------------------------------------------------------

/** i18n key of a code within a group (kinds, tolls), or null for an unknown code (shown as it is). */
export function labelKey(group, code) {
  const known = { kinds: ACCIDENT_KINDS, tolls: [...DEATH_TOLL_CLASSES, 'UNKNOWN'] }[group]
  return known && known.includes(code) ? `accidents.${group}.${code}` : null
}

/** Element Plus tag type of an accident type. */
export function kindTagType(kind) {
  return { FIRE: 'danger', EXPLOSION: 'danger', POISONING: 'warning', LEAK: 'primary', OTHER: 'info' }[kind] || 'info'
}

/** The death-toll class of a number of deaths (DeathTollClass.of): 0-9, 10-29, 30-99, 100 and more. */
export function deathTollClass(deaths) {
  const n = Number(deaths)
  if (!Number.isFinite(n) || n < 0) return null
  if (n < 10) return 'UNDER_10'
  if (n < 30) return 'FROM_10_TO_29'
  if (n < 100) return 'FROM_30_TO_99'
  return 'FROM_100'
}

/**
 * Where a record was entered: {local: true} at this node (本级), or {local: false, node} at the lower node it came from
 * (read-only here).
 */
export function accidentSource(accident) {
  if (!accident || accident.local !== false) return { local: true, node: '' }
  return { local: false, node: String(accident.originNode ?? '') }
}

/**
 * Whether the user may correct or void a record: accident:edit, entered at this node, not voided; an enterprise's own
 * people only their enterprise's (the server checks it again).
 */
export function canChangeAccident(accident, { canEdit, scope } = {}) {
  if (!canEdit || !accident || typeof accident !== 'object') return false
  if (accident.local === false || accident.voided) return false
  if (scope?.kind === 'ENTERPRISE') return !!accident.uscc && String(accident.uscc) === String(scope.code ?? '')
  return true
}

/** Whether the user may register accidents of enterprises that are not in the registry (not an enterprise's people). */
export function allowsUnregistered(scope) {
  return scope?.kind !== 'ENTERPRISE'
}

// ---- China time -----------------------------------------------------------------------------------------------------

function pad(n) {
  return String(n).padStart(2, '0')
}

function chinaParts(date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit'
  })
    .formatToParts(date)
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return parts
}

/**
 * An instant (ISO-8601 with its offset, a Date or epoch ms) as China's wall clock "YYYY-MM-DDTHH:mm" (the form's and
 * the server's local time); '' when absent or unreadable.
 */
export function chinaLocalTime(value) {
  if (value === null || value === undefined || value === '') return ''
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  const p = chinaParts(d)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/** An instant as the list shows it: "YYYY-MM-DD HH:mm" China time, '' when absent. */
export function formatChinaTime(value) {
  return chinaLocalTime(value).replace('T', ' ')
}

/** "YYYY-MM-DDTHH:mm" China time as [y, m, d, h, min], or null when it is no real time. */
export function parseLocalTime(value) {
  const match = LOCAL_TIME.exec(String(value ?? '').trim())
  if (!match) return null
  const [y, m, d, h, min] = match.slice(1).map(Number)
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate() || h > 23 || min > 59) return null
  return [y, m, d, h, min]
}

/** "YYYY-MM-DDTHH:mm" China time plus minutes (China has no daylight saving time). */
export function addMinutes(localTime, minutes) {
  const p = parseLocalTime(localTime)
  if (!p) return ''
  const t = new Date(Date.UTC(p[0], p[1] - 1, p[2], p[3], p[4] + Number(minutes)))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

/** The time of the form as the server reads it: China's wall clock with its offset ("2019-03-21T14:48+08:00"). */
export function occurredAtBody(localTime) {
  const text = String(localTime ?? '').trim()
  return parseLocalTime(text) ? `${text}+08:00` : null
}

// ---- the form -------------------------------------------------------------------------------------------------------

/** An empty form: a registered enterprise by default (mode 'registered' or 'unregistered'). */
export function emptyAccidentForm() {
  return {
    mode: 'registered',
    occurredAt: '',
    uscc: '',
    enterpriseName: '',
    regionCode: '',
    industryCode: '',
    hazardSourceCode: '',
    kind: '',
    deaths: '',
    injuries: '',
    directLossWan: '',
    description: '',
    sourceDocument: ''
  }
}

/**
 * The form of a stored record, for its correction: an enterprise with a USCC as a registered one (its name, county and
 * industry kept, which the server uses when the code is not in the registry), one without as unregistered.
 */
export function accidentForm(accident) {
  const a = accident && typeof accident === 'object' ? accident : {}
  const text = (v) => (v === null || v === undefined ? '' : String(v))
  return {
    mode: a.uscc ? 'registered' : 'unregistered',
    occurredAt: chinaLocalTime(a.occurredAt),
    uscc: text(a.uscc),
    enterpriseName: text(a.enterpriseName),
    regionCode: text(a.regionCode),
    industryCode: text(a.industryCode),
    hazardSourceCode: text(a.hazardSourceCode),
    kind: ACCIDENT_KINDS.includes(a.kind) ? a.kind : '',
    deaths: text(a.deaths),
    injuries: text(a.injuries),
    directLossWan: text(a.directLossWan),
    description: text(a.description),
    sourceDocument: text(a.sourceDocument)
  }
}

function blank(value) {
  return value === null || value === undefined || String(value).trim() === ''
}

function peopleProblem(value) {
  if (blank(value)) return 'required'
  const text = String(value).trim()
  if (!WHOLE.test(text)) return 'notWhole'
  const n = Number(text)
  if (n < 0) return 'negative'
  if (n > MAX_PEOPLE) return 'tooLarge'
  return null
}

/** Client check of the loss in 万元 (empty: not known): 'format', 'negative', 'tooLarge', or null. */
export function lossProblem(value) {
  if (blank(value)) return null
  const text = String(value).trim()
  if (!DECIMAL.test(text)) return 'format'
  const n = Number(text)
  if (n < 0) return 'negative'
  if (n > MAX_LOSS) return 'tooLarge'
  return null
}

/**
 * Client checks of an accident as the server makes them: {field: problem} for the fields of ACCIDENT_FIELDS, each a
 * problem or absent. occurredAt 'required' / 'format' / 'inFuture' (after now, China time, beyond the server's five
 * minutes) / 'tooEarly'; a registered enterprise needs its uscc ('required' / 'invalid'), an unregistered one its name
 * and county ('required', 'tooLong', 'invalid'); kind 'required' / 'invalid'; deaths and injuries 'required' (0 when
 * none) / 'notWhole' / 'negative' / 'tooLarge'; directLossWan as lossProblem; description 'required' / 'tooLong';
 * hazardSourceCode, sourceDocument 'tooLong'. now: the instant to compare with (default the clock).
 */
export function validateAccident(form, { now = Date.now() } = {}) {
  const problems = {}
  const f = form && typeof form === 'object' ? form : {}
  const at = String(f.occurredAt ?? '').trim()
  if (!at) problems.occurredAt = 'required'
  else if (!parseLocalTime(at)) problems.occurredAt = 'format'
  else if (at > addMinutes(chinaLocalTime(now), FUTURE_TOLERANCE_MINUTES)) problems.occurredAt = 'inFuture'
  else if (at < EARLIEST) problems.occurredAt = 'tooEarly'

  if (f.mode === 'unregistered') {
    const name = String(f.enterpriseName ?? '').trim()
    if (!name) problems.enterpriseName = 'required'
    else if (name.length > MAX_ENTERPRISE_NAME) problems.enterpriseName = 'tooLong'
    const region = String(f.regionCode ?? '').trim()
    if (!region) problems.regionCode = 'required'
    else if (!COUNTY.test(region)) problems.regionCode = 'invalid'
    const industry = String(f.industryCode ?? '').trim().toUpperCase()
    if (industry && !INDUSTRY.test(industry)) problems.industryCode = 'invalid'
  } else {
    const uscc = String(f.uscc ?? '').trim().toUpperCase()
    if (!uscc) problems.uscc = 'required'
    else if (!USCC.test(uscc)) problems.uscc = 'invalid'
  }
  if (String(f.hazardSourceCode ?? '').trim().length > MAX_SOURCE_CODE) problems.hazardSourceCode = 'tooLong'

  if (!f.kind) problems.kind = 'required'
  else if (!ACCIDENT_KINDS.includes(f.kind)) problems.kind = 'invalid'

  const deaths = peopleProblem(f.deaths)
  if (deaths) problems.deaths = deaths
  const injuries = peopleProblem(f.injuries)
  if (injuries) problems.injuries = injuries
  const loss = lossProblem(f.directLossWan)
  if (loss) problems.directLossWan = loss

  const description = String(f.description ?? '').trim()
  if (!description) problems.description = 'required'
  else if (description.length > MAX_DESCRIPTION) problems.description = 'tooLong'
  if (String(f.sourceDocument ?? '').trim().length > MAX_SOURCE_DOCUMENT) problems.sourceDocument = 'tooLong'
  return problems
}

/**
 * The body of POST /api/accidents and PUT /api/accidents/{id} (AccidentInput). A registered enterprise sends its USCC
 * (the server takes name, county, park and industry from the registry, and uses the name, county and industry sent only
 * for a code it does not know: those of a record being corrected); an unregistered one no USCC, its name, county and
 * industry. Optional fields are null when empty; numbers are numbers; the time China's with its offset.
 */
export function accidentBody(form) {
  const f = form && typeof form === 'object' ? form : {}
  const opt = (v) => String(v ?? '').trim() || null
  const whole = (v) => (blank(v) ? null : Number(String(v).trim()))
  const unregistered = f.mode === 'unregistered'
  return {
    occurredAt: occurredAtBody(f.occurredAt),
    uscc: unregistered ? null : (opt(f.uscc)?.toUpperCase() ?? null),
    enterpriseName: opt(f.enterpriseName),
    regionCode: opt(f.regionCode),
    industryCode: opt(f.industryCode)?.toUpperCase() ?? null,
    hazardSourceCode: opt(f.hazardSourceCode),
    kind: f.kind || null,
    deaths: whole(f.deaths),
    injuries: whole(f.injuries),
    directLossWan: blank(f.directLossWan) ? null : Number(String(f.directLossWan).trim()),
    description: opt(f.description),
    sourceDocument: opt(f.sourceDocument)
  }
}

/** Client check of the reason a record is voided: 'required', 'tooLong', or null. */
export function voidReasonProblem(reason) {
  const value = String(reason ?? '').trim()
  if (!value) return 'required'
  if (value.length > MAX_REASON) return 'tooLong'
  return null
}

/** The field errors of a refused call (see apiErrors.js). */
export const accidentFieldErrors = fieldErrorList

// Codes whose server message says more than their translation (the limit, the offending value, the column).
const DETAIL_CODES = ['TOO_LONG', 'TOO_LARGE', 'FORMAT', 'HEADER', 'TOO_MANY_ROWS', 'UNKNOWN_REGION', 'UNKNOWN_HAZARD_SOURCE']

/**
 * The text of a server field error in the user's language: the translation of its code (accidents.fieldErrors.<code>),
 * with the server's message added where it says more (the limit, the value that could not be read); the message alone
 * for a code without a translation. t / te: vue-i18n's.
 */
export function fieldErrorText(error, t, te) {
  const code = String(error?.code ?? '')
  const detail = typeof error?.message === 'string' ? error.message.trim() : ''
  const key = `accidents.fieldErrors.${code}`
  if (!code || !te(key)) return detail || code
  return DETAIL_CODES.includes(code) && detail ? t('accidents.fieldErrors.withDetail', { text: t(key), detail }) : t(key)
}

// ---- the list -------------------------------------------------------------------------------------------------------

/** A "YYYY-MM-DD" date, or '' when it is none. */
export function dateOrEmpty(value) {
  const text = String(value ?? '').trim()
  const match = DATE.exec(text)
  if (!match) return ''
  const [y, m, d] = match.slice(1).map(Number)
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? text : ''
}

/**
 * The list's filters from the URL query (strings; anything unreadable dropped): {region, from, to, kind, q,
 * includeVoided (boolean), page (from 1)}.
 */
export function accidentFilters(query) {
  const q = query && typeof query === 'object' ? query : {}
  const text = (name) => (typeof q[name] === 'string' ? q[name].trim() : '')
  const kind = text('kind')
  const page = Number.parseInt(text('page'), 10)
  let from = dateOrEmpty(text('from'))
  let to = dateOrEmpty(text('to'))
  if (from && to && from > to) [from, to] = [to, from]
  return {
    region: /^[0-9A-Z]{2,18}$/.test(text('region').toUpperCase()) ? text('region').toUpperCase() : '',
    from,
    to,
    kind: ACCIDENT_KINDS.includes(kind) ? kind : '',
    q: text('q'),
    includeVoided: text('voided') === 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1
  }
}

/**
 * The query of GET /api/accidents for the filters (nothing empty; page from 0). withPage false: the export's (no
 * paging, no voided records: the export leaves them out).
 */
export function accidentQuery(filters, { withPage = true, size = PAGE_SIZE } = {}) {
  const f = filters || {}
  const query = {}
  for (const key of ['region', 'from', 'to', 'kind', 'q']) {
    const value = String(f[key] ?? '').trim()
    if (value) query[key] = value
  }
  if (withPage) {
    if (f.includeVoided) query.includeVoided = 'true'
    query.page = Math.max(0, (Number(f.page) || 1) - 1)
    query.size = size
  }
  return query
}

/** The loss as the list shows it: up to two decimals ("12.5", "0"), '' when not known. */
export function formatLoss(value) {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return ''
  return String(Math.round(n * 100) / 100)
}

// ---- the import -----------------------------------------------------------------------------------------------------

/**
 * Client check of a file chosen for the import, before it is sent: 'empty', 'notXlsx' (the name does not end in
 * .xlsx, or its first bytes are not those of a zip archive, which every .xlsx is), 'tooLarge', or null. head: the
 * file's first bytes (a Uint8Array; omitted: not looked at).
 */
export function importFileProblem({ name, size, head } = {}) {
  if (!/\.xlsx$/i.test(String(name ?? '').trim())) return 'notXlsx'
  if (!(Number(size) > 0)) return 'empty'
  if (Number(size) > MAX_IMPORT_BYTES) return 'tooLarge'
  if (head && head.length >= 2 && !(head[0] === 0x50 && head[1] === 0x4b)) return 'notXlsx'
  return null
}

/**
 * The answer of POST /api/accidents/import (200, or the body of a 422), with every count a number and every error
 * {row, field, code, message}, ordered by row: {dryRun, rows, created, duplicates, errors}; null when it is none.
 */
export function importResult(body) {
  if (!body || typeof body !== 'object' || (!('rows' in body) && !Array.isArray(body.errors))) return null
  const n = (v) => {
    const x = Number(v)
    return Number.isFinite(x) && x > 0 ? x : 0
  }
  const errors = (Array.isArray(body.errors) ? body.errors : [])
    .filter((e) => e && typeof e === 'object')
    .map((e) => {
      const error = e.error && typeof e.error === 'object' ? e.error : e
      return { row: n(e.row), field: String(error.field ?? ''), code: String(error.code ?? ''), message: String(error.message ?? '') }
    })
    .sort((a, b) => a.row - b.row)
  return { dryRun: !!body.dryRun, rows: n(body.rows), created: n(body.created), duplicates: n(body.duplicates), errors }
}

/**
 * The result of a failed import call: the import's answer when the server checked the rows (422, or a 400 naming a
 * field such as file TOO_MANY_ROWS), else null (the error is shown as it is).
 */
export function importFailure(err) {
  if (!err || (err.status !== 422 && err.status !== 400)) return null
  const body = err.body && typeof err.body === 'object' ? err.body : null
  if (err.status === 422) return importResult(body)
  const list = fieldErrorList(err)
  if (!list || !list.length) return null
  return { dryRun: true, rows: 0, created: 0, duplicates: 0, errors: list.map((e) => ({ row: 0, field: e.field, code: e.code, message: String(e.message ?? '') })) }
}

/** Windows offered for the alarms before an accident, in hours. */
export const PRECURSOR_WINDOWS = [24, 72, 168, 720]

/** A lead time in minutes as days, hours and minutes ({d, h, m}), the parts a label shows. */
export function leadParts(minutes) {
  const total = Math.max(0, Math.round(Number(minutes) || 0))
  return { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60), m: total % 60 }
}
