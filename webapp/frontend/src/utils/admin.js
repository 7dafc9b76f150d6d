// Static data and helpers of the administration pages (organisations, users, roles, audit). The server stays the
// authority on every rule; these only spare the user a round trip.
import { ApiError } from '../api/http.js'
import { addsDetail } from './enterprise.js'

export const ORG_LEVELS = ['NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'PARK', 'ENTERPRISE']

/** Levels an organisation may have directly under one of each level (contract: OrgLevel.mayParent). */
export const CHILD_LEVELS = {
  NATIONAL: ['PROVINCE'],
  PROVINCE: ['CITY'],
  CITY: ['COUNTY'],
  COUNTY: ['PARK', 'ENTERPRISE'],
  PARK: ['ENTERPRISE'],
  ENTERPRISE: []
}

/** Regulator levels whose organisation is tied to a region (a park to its park code). */
export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'PARK']

export function childLevelsOf(level) {
  return CHILD_LEVELS[level] || []
}

/** Element Plus tag type of an organisation level. */
export function levelTagType(level) {
  switch (level) {
    case 'NATIONAL':
      return 'danger'
    case 'PROVINCE':
      return 'warning'
    case 'CITY':
      return 'primary'
    case 'COUNTY':
      return 'success'
    case 'PARK':
      return 'info'
    default:
      return 'info'
  }
}

export const MAX_LENGTHS = {
  orgName: 100,
  departmentName: 100,
  username: 64,
  displayName: 100,
  phone: 40,
  email: 200,
  roleName: 100,
  roleDescription: 500,
  password: 128
}

/**
 * The organisation tree of a flat list (parents before children, but any order works): nodes {…organisation,
 * children}. An organisation whose parent is not in the list (outside the caller's scope) becomes a root.
 */
export function buildOrgTree(list) {
  const nodes = new Map()
  for (const o of list || []) {
    if (o && o.id !== null && o.id !== undefined) nodes.set(String(o.id), { ...o, children: [] })
  }
  const roots = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null || node.parentId === undefined ? null : nodes.get(String(node.parentId))
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Ids of an organisation and everything below it. */
export function subtreeIds(list, id) {
  const childrenOf = new Map()
  for (const o of list || []) {
    const key = String(o.parentId ?? '')
    if (!childrenOf.has(key)) childrenOf.set(key, [])
    childrenOf.get(key).push(String(o.id))
  }
  const out = new Set()
  const stack = [String(id)]
  while (stack.length) {
    const current = stack.pop()
    if (out.has(current)) continue
    out.add(current)
    for (const child of childrenOf.get(current) || []) stack.push(child)
  }
  return out
}

/** Path of organisations from the root down to `id` (names), for labels. */
export function orgPath(list, id) {
  const byId = new Map((list || []).map((o) => [String(o.id), o]))
  const path = []
  let current = byId.get(String(id))
  const seen = new Set()
  while (current && !seen.has(String(current.id))) {
    seen.add(String(current.id))
    path.unshift(current)
    current = current.parentId === null || current.parentId === undefined ? null : byId.get(String(current.parentId))
  }
  return path
}

export function blank(value) {
  return value === null || value === undefined || String(value).trim() === ''
}

// The server's rules (JdbcAccounts): user names of 3-64 letters, digits and _ . @ -; phones of digits, spaces, + ( ) -.
export const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const PHONE = /^[0-9+()\- ]{5,40}$/

/** Whether an instant (ISO string) lies in the future. */
export function inFuture(value) {
  if (!value) return false
  const time = Date.parse(value)
  return Number.isFinite(time) && time > Date.now()
}

/**
 * Client check of a password against the policy ({minLength, minClasses}); '' when fine, else the i18n key of the
 * problem (with its parameters).
 */
export function passwordProblem(password, policy, username) {
  const value = String(password ?? '')
  if (!value) return { key: 'users.password.required' }
  const minLength = Number(policy?.minLength) || 0
  if (minLength && value.length < minLength) return { key: 'users.password.tooShort', params: { n: minLength } }
  const minClasses = Number(policy?.minClasses) || 0
  if (minClasses) {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length
    if (classes < minClasses) return { key: 'users.password.tooSimple', params: { n: minClasses } }
  }
  if (username && value.toLowerCase().includes(String(username).toLowerCase())) return { key: 'users.password.containsUsername' }
  return null
}

/** Codes of a password refusal (top-level `code` of a 400/403). */
export const PASSWORD_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_SIMPLE',
  'PASSWORD_COMMON',
  'PASSWORD_CONTAINS_USERNAME',
  'PASSWORD_UNCHANGED'
]

/**
 * The field errors of a validation refusal ([{field, code, message}]), or null for any other failure. A password
 * refusal given as a top-level code (no fieldErrors) becomes an error of `passwordField`.
 */
export function adminFieldErrorsOf(err, passwordField = null) {
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 422)) return null
  const body = err.body && typeof err.body === 'object' ? err.body : null
  if (!body) return null
  if (Array.isArray(body.fieldErrors) && body.fieldErrors.length) {
    return body.fieldErrors.filter((e) => e && typeof e === 'object')
  }
  if (passwordField && PASSWORD_CODES.includes(body.code)) {
    return [{ field: passwordField, code: body.code, message: body.message || '' }]
  }
  return Array.isArray(body.fieldErrors) ? [] : null
}

/**
 * Localized text of a server field error: the translation of its code under `<prefix>.fieldErrors.` plus the server's
 * message when it says more; the server's message alone for a code the UI does not know.
 */
export function adminFieldErrorText(error, t, te, prefix) {
  const code = typeof error?.code === 'string' ? error.code : ''
  const message = typeof error?.message === 'string' ? error.message.trim() : ''
  const key = `${prefix}.fieldErrors.${code}`
  if (!code || !te(key)) return message || code
  const translated = t(key)
  return addsDetail(code, message) && message !== translated
    ? t(`${prefix}.fieldErrors.withDetail`, { text: translated, detail: message })
    : translated
}

// ---- permissions ---------------------------------------------------------------------------------------------

export const PERMISSION_AREAS = ['MONITORING', 'ALARM', 'DISPOSAL', 'WARNING', 'REGISTRY', 'SYSTEM', 'AUDIT', 'ACCESS', 'TASK', 'REGISTRATION', 'DANGER', 'EQUIPMENT', 'ACCIDENT', 'ANALYTICS']
export const PERMISSION_ACTIONS = ['VIEW', 'EDIT', 'APPROVE', 'ACKNOWLEDGE', 'DISPOSE', 'EXPORT', 'REQUEST', 'ADMINISTER']

/** i18n key part of a permission code ('alarm:view' -> 'alarm_view', 'monitoring:live-all' -> 'monitoring_live_all'). */
export function permissionKey(code) {
  return String(code ?? '').replace(/[^A-Za-z0-9]/g, '_')
}

/** Known values first in their order, then the unknown ones in the order met. */
export function orderedValues(values, known) {
  const unique = [...new Set(values.filter(Boolean))]
  return [...known.filter((v) => unique.includes(v)), ...unique.filter((v) => !known.includes(v))]
}

// ---- audit ---------------------------------------------------------------------------------------------------

export const AUDIT_OUTCOMES = ['OK', 'DENIED', 'FAILED']

/** Action codes of the contract and the server, offered in the filter (any other can be typed). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'auth.locked',
  'auth.logout',
  'auth.logout-all',
  'auth.password',
  'auth.totp-setup',
  'auth.totp-enable',
  'auth.totp-disable',
  'user.create',
  'user.update',
  'user.unlock',
  'user.password-reset',
  'user.logout',
  'user.totp-reset',
  'user.disable',
  'user.enable',
  'role.create',
  'role.update',
  'role.delete',
  'organisation.create',
  'organisation.rename',
  'organisation.delete',
  'organisation.adopt',
  'department.create',
  'department.delete',
  'alarm.acknowledge',
  'alarm.acknowledge-many',
  'alarm.shelve',
  'alarm.unshelve',
  'alarm-definition.update',
  'alarm-definition.reset',
  'disposal.open',
  'disposal.verify',
  'disposal.dispose',
  'disposal.close',
  'disposal.note',
  'disposal.attach',
  'plan.create',
  'plan.update',
  'plan.delete',
  'registry.import',
  'registry.park-create',
  'registry.enterprise-create',
  'registry.enterprise-update',
  'registry.hazard-source-create',
  'registry.hazard-source-update',
  'registry.hazard-source-delete',
  'registry.regrade',
  'export.alarms',
  'export.registry',
  'export.audit',
  'export.disposal-report',
  'access.request',
  'access.approve',
  'access.deny',
  'access.revoke',
  'access.incident-declare',
  'access.incident-end',
  'live.access',
  'task.issue',
  'task.receive',
  'task.report',
  'task.accept',
  'task.return',
  'task.cancel',
  'task.received',
  'registration.apply',
  'registration.document-add',
  'registration.document-remove',
  'registration.submit',
  'registration.withdraw',
  'registration.return',
  'registration.accept',
  'registration.register',
  'registration.notify',
  'hidden-danger.record',
  'hidden-danger.assign',
  'hidden-danger.report',
  'hidden-danger.accept',
  'hidden-danger.reject',
  'hidden-danger.plan',
  'hidden-danger.progress',
  'hidden-danger.attach',
  'hidden-danger.inspection-plan',
  'hidden-danger.inspection-done',
  'equipment.register',
  'equipment.retire',
  'equipment.inspection',
  'equipment.certificate',
  'audit.verify',
  'audit.anchor',
  'retention.run',
  'adapter.mappings-reload',
  'adapter.certificate-trust',
  'exchange.token-create',
  'exchange.revoke',
  'exchange.enrol',
  'exchange.renew',
  'exchange.threshold-change',
  'config.update',
  'config.delete'
]

/** i18n key part of an audit action ('auth.login-failed' -> 'auth_login_failed'). */
export function auditActionKey(action) {
  return String(action ?? '').replace(/[^A-Za-z0-9]/g, '_')
}

export function outcomeTagType(outcome) {
  if (outcome === 'OK') return 'success'
  if (outcome === 'DENIED') return 'warning'
  if (outcome === 'FAILED') return 'danger'
  return 'info'
}

/** A JSON string pretty-printed (2 spaces); the text as it is when it is not JSON; '' for null. */
export function prettyJson(value) {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value !== 'string') return JSON.stringify(value, null, 2)
  try {
    return JSON.stringify(JSON.parse(value), null, 2)
  } catch {
    return value
  }
}

/** A hash shortened to its first and last characters ('3f9a1c…d07e'). */
export function shortHash(hash, head = 8, tail = 6) {
  const text = String(hash ?? '')
  return text.length > head + tail + 1 ? `${text.slice(0, head)}…${text.slice(-tail)}` : text
}
