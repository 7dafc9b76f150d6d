// 隐患排查治理 / Hidden-danger investigation and governance (E1). Hidden dangers are found (in an investigation or not),
// arranged for rectification (for a major one the county's or park's numbered rectification notice), reported with
// evidence and accepted; nothing closes without acceptance. The server decides every step: each hidden danger carries
// `actions` (what the user may do now); these helpers only label, sort out and check forms as the server does
// (JdbcHiddenDangers), so that a form is refused before it is sent.
// Pure (they import only other pure helpers): tested with `node --test src/utils/hiddenDangers.test.js`.
import { fieldErrorList } from './apiErrors.js'

/** Statuses in the order of the workflow (DangerWorkflow). */
export const DANGER_STATUSES = ['FOUND', 'RECTIFYING', 'AWAITING_ACCEPTANCE', 'CLOSED']

export const DANGER_LEVELS = ['GENERAL', 'MAJOR']

export const DANGER_CATEGORIES = ['EQUIPMENT', 'PROCESS', 'ELECTRICAL', 'FIRE', 'STORAGE', 'MANAGEMENT', 'OPERATION', 'OTHER']

/** The steps, in the order they are offered. */
export const DANGER_ACTIONS = ['ASSIGN', 'REPORT', 'ACCEPT', 'REJECT']

/** What an attachment shows: the hidden danger as found, the rectification's evidence, anything else. */
export const ATTACHMENT_STAGES = ['FINDING', 'EVIDENCE', 'OTHER']

export const INSPECTION_KINDS = ['SELF', 'SUPERVISION']
export const INSPECTION_STATUSES = ['PLANNED', 'DONE']

/** Statuses that still wait for someone (everything but CLOSED). */
export const OPEN_STATUSES = ['FOUND', 'RECTIFYING', 'AWAITING_ACCEPTANCE']

/** The server's limits (JdbcHiddenDangers, HiddenDangerInput, HiddenDangerStepInput, GovernanceInput, InspectionInput). */
export const MAX_LOCATION = 200
export const MAX_DESCRIPTION = 4000
export const MAX_SOURCE_CODE = 32
export const MAX_NOTE = 4000
export const MAX_RESPONSIBLE = 100
export const MAX_NOTICE_NUMBER = 64
export const MAX_TITLE = 200
export const MAX_INSPECTOR = 200
export const MAX_CHECKLIST_ITEMS = 200
export const MAX_CHECKLIST_ITEM = 500
export const MAX_RESULT = 4000
export const MAX_MEASURES = 4000
export const MAX_PROGRESS_NOTE = 2000
/** Funds in 万元: at most two decimals and 12 digits before the point (the column's precision). */
export const MAX_FUNDS_INTEGER_DIGITS = 12

/** Steps whose note is required: the rectification done (REPORT), why it is not accepted (REJECT). */
export const NOTE_REQUIRED_ACTIONS = ['REPORT', 'REJECT']

// ---- labels and tags ------------------------------------------------------------------------------------------------

/** Element Plus tag type and effect of a status. */
export function dangerStatusTag(status) {
  switch (status) {
    case 'FOUND':
      return { type: 'danger', effect: 'light' }
    case 'RECTIFYING':
      return { type: 'warning', effect: 'light' }
    case 'AWAITING_ACCEPTANCE':
      return { type: 'primary', effect: 'light' }
    case 'CLOSED':
      return { type: 'success', effect: 'light' }
    default:
      return { type: 'info', effect: 'light' }
  }
}

/** Element Plus tag type and effect of a level: a major hidden danger stands out. */
export function dangerLevelTag(level) {
  return level === 'MAJOR' ? { type: 'danger', effect: 'dark' } : { type: 'warning', effect: 'plain' }
}

/** Element Plus button type of a step. */
export function dangerActionButtonType(action) {
  return { ASSIGN: 'primary', REPORT: 'primary', ACCEPT: 'success', REJECT: 'warning' }[action] || 'default'
}

/** i18n key of a code within a group, or null for an unknown code (shown as it is). */
export function labelKey(group, code) {
  const known = {
    statuses: DANGER_STATUSES,
    levels: DANGER_LEVELS,
    categories: DANGER_CATEGORIES,
    actions: DANGER_ACTIONS,
    stages: ATTACHMENT_STAGES,
    inspectionKinds: INSPECTION_KINDS,
    inspectionStatuses: INSPECTION_STATUSES
  }[group]
  return known && known.includes(code) ? `hiddenDangers.${group}.${code}` : null
}

// ---- who is who ----------------------------------------------------------------------------------------------------

/**
 * The parts a user plays (JdbcHiddenDangers.roles, without the scope check the server adds per hidden danger):
 * 'ENTERPRISE' with hidden-danger:rectify and an enterprise scope, 'SUPERVISOR' with hidden-danger:supervise at a county
 * or park; a nationwide administrator (scope ALL) both, as far as his permissions go.
 * profile: GET /api/auth/me ({permissions, scope: {kind}, organisation: {level}}).
 */
export function dangerRoles(profile) {
  const permissions = new Set(Array.isArray(profile?.permissions) ? profile.permissions : [])
  const scope = profile?.scope?.kind
  const all = scope === 'ALL' || profile?.scope?.all === true
  const level = profile?.organisation?.level
  const roles = []
  if (permissions.has('hidden-danger:rectify') && (all || scope === 'ENTERPRISE')) roles.push('ENTERPRISE')
  if (permissions.has('hidden-danger:supervise') && (all || level === 'COUNTY' || level === 'PARK')) roles.push('SUPERVISOR')
  return roles
}

/** The investigation kinds a user may plan: SELF with hidden-danger:rectify, SUPERVISION with hidden-danger:supervise. */
export function plannableInspectionKinds(permissions) {
  const held = new Set(Array.isArray(permissions) ? permissions : [])
  return INSPECTION_KINDS.filter((k) => held.has(k === 'SELF' ? 'hidden-danger:rectify' : 'hidden-danger:supervise'))
}

// ---- steps ---------------------------------------------------------------------------------------------------------

/** The steps the server offers on a hidden danger, in the order of DANGER_ACTIONS (unknown ones dropped). */
export function actionsOf(danger) {
  const list = Array.isArray(danger?.actions) ? danger.actions.map((a) => String(a).toUpperCase()) : []
  return DANGER_ACTIONS.filter((a) => list.includes(a))
}

export function noteRequired(action) {
  return NOTE_REQUIRED_ACTIONS.includes(action)
}

/** Whether an arrangement is the county's or park's rectification notice (a major hidden danger): its number is required. */
export function noticeRequired(action, level) {
  return action === 'ASSIGN' && level === 'MAJOR'
}

function text(value) {
  return String(value ?? '').trim()
}

/** A Date, an ISO text or a number as a Date; null when unreadable or empty. */
export function toDate(value) {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** A date-time as the ISO instant the server reads (Instant.parse); null when empty or unreadable. */
export function toInstant(value) {
  const d = toDate(value)
  return d ? d.toISOString() : null
}

/**
 * Client checks of a step as the server makes them: {note, responsible, deadline, noticeNumber}, each a problem or
 * absent. ASSIGN: responsible 'required' / 'tooLong', deadline 'required' / 'past' (it must lie in the future),
 * noticeNumber 'required' (major) / 'tooLong'; REPORT and REJECT: note 'required'; every note 'tooLong' beyond
 * MAX_NOTE. level: the hidden danger's; now: the time to compare the deadline with.
 */
export function validateStep(action, form, { level, now = Date.now() } = {}) {
  const problems = {}
  const note = text(form?.note)
  if (noteRequired(action) && !note) problems.note = 'required'
  else if (note.length > MAX_NOTE) problems.note = 'tooLong'
  if (action === 'ASSIGN') {
    const responsible = text(form?.responsible)
    if (!responsible) problems.responsible = 'required'
    else if (responsible.length > MAX_RESPONSIBLE) problems.responsible = 'tooLong'
    const deadline = toDate(form?.deadline)
    if (!deadline) problems.deadline = 'required'
    else if (deadline.getTime() <= Number(now)) problems.deadline = 'past'
    const notice = text(form?.noticeNumber)
    if (!notice && level === 'MAJOR') problems.noticeNumber = 'required'
    else if (notice.length > MAX_NOTICE_NUMBER) problems.noticeNumber = 'tooLong'
  }
  return problems
}

/**
 * The body of POST /api/hidden-dangers/{id}/actions/{ACTION}: {note} and for ASSIGN {responsible, deadline (ISO
 * instant), noticeNumber}; empty texts as null.
 */
export function stepBody(action, form) {
  const body = { note: text(form?.note) || null }
  if (action === 'ASSIGN') {
    body.responsible = text(form?.responsible) || null
    body.deadline = toInstant(form?.deadline)
    body.noticeNumber = text(form?.noticeNumber) || null
  }
  return body
}

/**
 * What a report still lacks, as the server will say it: 'evidence' (no EVIDENCE attachment), 'governance' (a major
 * hidden danger whose governance project is missing or below 100 %). Shown ahead; the server decides.
 */
export function reportPrerequisites(danger) {
  const missing = []
  const attachments = Array.isArray(danger?.attachments) ? danger.attachments : []
  if (!attachments.some((a) => a && a.stage === 'EVIDENCE')) missing.push('evidence')
  if (danger?.level === 'MAJOR' && !(Number(danger?.governance?.progressPercent) >= 100)) missing.push('governance')
  return missing
}

// ---- deadlines -----------------------------------------------------------------------------------------------------

/**
 * How a hidden danger's deadline stands: 'overdue' (the server's flag: past and not yet reported), 'soon' (within
 * soonDays and still to be reported), 'ok', or '' (no deadline, or nothing to do against it any more).
 */
export function deadlineState(danger, { now = Date.now(), soonDays = 3 } = {}) {
  if (!danger) return ''
  if (danger.overdue) return 'overdue'
  const deadline = toDate(danger.deadline)
  if (!deadline || !['FOUND', 'RECTIFYING'].includes(danger.status)) return ''
  return deadline.getTime() - Number(now) <= soonDays * 86400000 ? 'soon' : 'ok'
}

/**
 * Whole days from now until an instant: the full days left, or once past minus the full days overdue (at least -1, so
 * that a deadline passed an hour ago does not read as "0 days"); null without one.
 */
export function daysLeft(deadline, now = Date.now()) {
  const d = toDate(deadline)
  if (!d) return null
  const ms = d.getTime() - Number(now)
  return ms >= 0 ? Math.floor(ms / 86400000) : -Math.max(1, Math.floor(-ms / 86400000))
}

// ---- the record form -----------------------------------------------------------------------------------------------

/**
 * Client checks of 登记隐患 as the server makes them: {uscc, level, category, location, description,
 * hazardSourceCode}, each a problem or absent ('required', 'invalid', 'tooLong').
 */
export function validateDanger(form) {
  const problems = {}
  if (!text(form?.uscc)) problems.uscc = 'required'
  if (!form?.level) problems.level = 'required'
  else if (!DANGER_LEVELS.includes(form.level)) problems.level = 'invalid'
  if (!form?.category) problems.category = 'required'
  else if (!DANGER_CATEGORIES.includes(form.category)) problems.category = 'invalid'
  const location = text(form?.location)
  if (!location) problems.location = 'required'
  else if (location.length > MAX_LOCATION) problems.location = 'tooLong'
  const description = text(form?.description)
  if (!description) problems.description = 'required'
  else if (description.length > MAX_DESCRIPTION) problems.description = 'tooLong'
  if (text(form?.hazardSourceCode).length > MAX_SOURCE_CODE) problems.hazardSourceCode = 'tooLong'
  return problems
}

/** The body of POST /api/hidden-dangers; optional fields null when empty. */
export function dangerBody(form) {
  const inspection = form?.inspectionId
  return {
    uscc: text(form?.uscc) || null,
    hazardSourceCode: text(form?.hazardSourceCode) || null,
    inspectionId: inspection === null || inspection === undefined || inspection === '' ? null : Number(inspection),
    level: form?.level || null,
    category: form?.category || null,
    location: text(form?.location) || null,
    description: text(form?.description) || null
  }
}

// ---- investigations ------------------------------------------------------------------------------------------------

/** A checklist typed one item per line as the list the server keeps: trimmed, empty lines dropped. */
export function checklistLines(value) {
  return String(value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/**
 * Client checks of an investigation plan: {uscc, kind, title, inspector, plannedAt, checklist}, each a problem or
 * absent. checklist 'tooMany' (more than MAX_CHECKLIST_ITEMS lines) or 'itemTooLong'. kinds: those the user may plan.
 */
export function validateInspection(form, { kinds = INSPECTION_KINDS } = {}) {
  const problems = {}
  if (!text(form?.uscc)) problems.uscc = 'required'
  if (!form?.kind) problems.kind = 'required'
  else if (!INSPECTION_KINDS.includes(form.kind) || !kinds.includes(form.kind)) problems.kind = 'invalid'
  const title = text(form?.title)
  if (!title) problems.title = 'required'
  else if (title.length > MAX_TITLE) problems.title = 'tooLong'
  const inspector = text(form?.inspector)
  if (!inspector) problems.inspector = 'required'
  else if (inspector.length > MAX_INSPECTOR) problems.inspector = 'tooLong'
  if (!toDate(form?.plannedAt)) problems.plannedAt = 'required'
  const items = checklistLines(form?.checklist)
  if (items.length > MAX_CHECKLIST_ITEMS) problems.checklist = 'tooMany'
  else if (items.some((item) => item.length > MAX_CHECKLIST_ITEM)) problems.checklist = 'itemTooLong'
  return problems
}

/** The body of POST /api/hidden-dangers/inspections: the checklist as an array of lines, plannedAt an ISO instant. */
export function inspectionBody(form) {
  return {
    uscc: text(form?.uscc) || null,
    kind: form?.kind || null,
    title: text(form?.title) || null,
    checklist: checklistLines(form?.checklist),
    inspector: text(form?.inspector) || null,
    plannedAt: toInstant(form?.plannedAt)
  }
}

/** Client check of an investigation's result (completing it): 'required', 'tooLong', or null. */
export function inspectionResultProblem(result) {
  const value = text(result)
  if (!value) return 'required'
  if (value.length > MAX_RESULT) return 'tooLong'
  return null
}

// ---- governance projects of major hidden dangers -------------------------------------------------------------------

/**
 * Client check of funds in 万元 (a number or the text typed): 'required', 'invalid' (not a plain number), 'negative',
 * 'decimals' (more than two), 'tooLarge' (more than MAX_FUNDS_INTEGER_DIGITS digits before the point), or null.
 */
export function fundsProblem(value) {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return 'required'
  if (typeof value === 'number' && !Number.isFinite(value)) return 'invalid'
  const typed = String(value).trim()
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(typed)
  if (!match) return Number.isFinite(Number(typed)) && Number(typed) < 0 ? 'negative' : 'invalid'
  if (match[1] && Number(typed) !== 0) return 'negative'
  if ((match[3] || '').replace(/0+$/, '').length > 2) return 'decimals'
  if (match[2].replace(/^0+(?=\d)/, '').length > MAX_FUNDS_INTEGER_DIGITS) return 'tooLarge'
  return null
}

/** Funds as the number sent (two decimals at most, so no rounding is needed); null when not valid. */
export function fundsValue(value) {
  return fundsProblem(value) ? null : Math.abs(Number(String(value).trim()))
}

/**
 * Client checks of a governance project: {measures, funds, responsible, deadline}, each a problem or absent (funds as
 * fundsProblem; the others 'required' / 'tooLong').
 */
export function validateGovernance(form) {
  const problems = {}
  const measures = text(form?.measures)
  if (!measures) problems.measures = 'required'
  else if (measures.length > MAX_MEASURES) problems.measures = 'tooLong'
  const funds = fundsProblem(form?.funds)
  if (funds) problems.funds = funds
  const responsible = text(form?.responsible)
  if (!responsible) problems.responsible = 'required'
  else if (responsible.length > MAX_RESPONSIBLE) problems.responsible = 'tooLong'
  if (!toDate(form?.deadline)) problems.deadline = 'required'
  return problems
}

/** The body of POST /api/hidden-dangers/{id}/governance. */
export function governanceBody(form) {
  return {
    measures: text(form?.measures) || null,
    funds: fundsValue(form?.funds),
    responsible: text(form?.responsible) || null,
    deadline: toInstant(form?.deadline)
  }
}

/**
 * Client check of a progress report: 'required', 'invalid' (not a whole number), 'backward' (below the progress so
 * far: it only goes forward), 'range' (beyond 0-100), or null.
 */
export function progressProblem(percent, current = 0) {
  if (percent === null || percent === undefined || percent === '') return 'required'
  const n = Number(percent)
  if (!Number.isInteger(n)) return 'invalid'
  if (n < 0 || n > 100) return 'range'
  if (n < (Number(current) || 0)) return 'backward'
  return null
}

/**
 * Whether the governance project can be kept now (JdbcHiddenDangers.requireGovernanceEditable): a major hidden
 * danger not yet reported (FOUND or RECTIFYING), by a user who plays a part (roles non-empty).
 */
export function governanceEditable(danger, roles) {
  return (
    danger?.level === 'MAJOR' &&
    ['FOUND', 'RECTIFYING'].includes(danger?.status) &&
    Array.isArray(roles) &&
    roles.length > 0
  )
}

// ---- attachments ---------------------------------------------------------------------------------------------------

/** Whether a file of a stage may be added now: not once closed, no new evidence while awaiting acceptance. */
export function canAttach(danger, stage, roles) {
  if (!danger || !Array.isArray(roles) || !roles.length || !ATTACHMENT_STAGES.includes(stage)) return false
  if (danger.status === 'CLOSED') return false
  return !(danger.status === 'AWAITING_ACCEPTANCE' && stage === 'EVIDENCE')
}

/** The attachments grouped by stage, every stage present, each oldest first: [{stage, attachments}]. */
export function attachmentsByStage(danger) {
  const list = (Array.isArray(danger?.attachments) ? danger.attachments : []).filter((a) => a && typeof a === 'object')
  const sorted = list
    .slice()
    .sort((a, b) => String(a.uploadedAt || '').localeCompare(String(b.uploadedAt || '')) || (Number(a.id) || 0) - (Number(b.id) || 0))
  const unknown = [...new Set(sorted.map((a) => a.stage).filter((s) => !ATTACHMENT_STAGES.includes(s)))]
  return [...ATTACHMENT_STAGES, ...unknown].map((stage) => ({ stage, attachments: sorted.filter((a) => a.stage === stage) }))
}

// ---- the timeline --------------------------------------------------------------------------------------------------

/**
 * What an event is: 'step' (a transition), 'created' (recorded: no action, no former status), 'change' (no action,
 * the status unchanged: the governance project, its progress, a file added).
 */
export function eventKind(event) {
  if (event?.action) return 'step'
  return event?.from ? 'change' : 'created'
}

/** A hidden danger's events as timeline items, oldest first: {kind, key, ...event}. */
export function timelineItems(events) {
  return (Array.isArray(events) ? events : [])
    .filter((e) => e && typeof e === 'object')
    .map((e, index) => ({ e, index }))
    .sort((a, b) => String(a.e.at || '').localeCompare(String(b.e.at || '')) || (Number(a.e.id) || 0) - (Number(b.e.id) || 0) || a.index - b.index)
    .map(({ e, index }) => ({ ...e, kind: eventKind(e), key: `${eventKind(e)}-${e.id ?? index}` }))
}

// ---- statistics ----------------------------------------------------------------------------------------------------

function count(value) {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** Open hidden dangers by level: [{level, count}], GENERAL then MAJOR (0 when absent). */
export function levelRows(statistics) {
  const map = statistics?.openByLevel && typeof statistics.openByLevel === 'object' ? statistics.openByLevel : {}
  return DANGER_LEVELS.map((level) => ({ level, count: count(map[level]) }))
}

/** Open hidden dangers by category: [{category, count}] in the categories' order, unknown ones after (0 when absent). */
export function categoryRows(statistics) {
  const map = statistics?.openByCategory && typeof statistics.openByCategory === 'object' ? statistics.openByCategory : {}
  const extra = Object.keys(map).filter((c) => !DANGER_CATEGORIES.includes(c))
  return [...DANGER_CATEGORIES, ...extra].map((category) => ({ category, count: count(map[category]) }))
}

/** How many hidden dangers are open (the sum over the levels). */
export function openTotal(statistics) {
  return levelRows(statistics).reduce((n, r) => n + r.count, 0)
}

/** statistics.byRegion as rows, the region with the most open first (then the most major ones, then by code). */
export function regionRows(statistics) {
  return (Array.isArray(statistics?.byRegion) ? statistics.byRegion : [])
    .filter((r) => r && typeof r === 'object')
    .map((r) => ({ regionCode: String(r.regionCode ?? ''), open: count(r.open), major: count(r.major), overdue: count(r.overdue), closed: count(r.closed) }))
    .sort((a, b) => b.open - a.open || b.major - a.major || a.regionCode.localeCompare(b.regionCode))
}

/** The field errors of a refused call (see apiErrors.js). */
export const dangerFieldErrors = fieldErrorList
