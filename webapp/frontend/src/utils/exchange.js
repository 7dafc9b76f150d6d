// Helpers of the security centre page (安全中心): roles, states, relative times, and a small reader of the authority
// certificate (subject, serial, validity) so that the page can show it without a crypto library.
import { ApiError, errorCode } from '../api/http.js'

/** Roles of a node or collector (SmSecurityCentre.ROLES), in the order of the hierarchy. */
export const NODE_ROLES = ['national', 'province', 'city', 'county', 'park', 'enterprise', 'collector']

export const CERTIFICATE_STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED']

/** A region code (e.g. 370281) or an enterprise USCC: 2 to 18 letters or digits (the server's rule). */
export const ORGANISATION_CODE = /^[A-Za-z0-9]{2,18}$/

export const MIN_TOKEN_HOURS = 1
export const MAX_TOKEN_HOURS = 720
export const DEFAULT_TOKEN_HOURS = 24
export const MAX_REASON_LENGTH = 200

/** Renewal opens this long before a certificate ends (SmSecurityCentre.RENEWAL_WINDOW); the page warns from then on. */
export const RENEWAL_WINDOW_DAYS = 30
const DAY_MS = 24 * 3600 * 1000

/**
 * Whether a failure says that this node does not run the security centre: 503 with the JSON error of the server (a
 * proxy's 503 page, not JSON, is an ordinary failure).
 */
export function isCentreUnavailable(err) {
  return err instanceof ApiError && err.status === 503 && !!err.body && typeof err.body === 'object'
}

/** Whether a failure is the refusal for lack of national scope (or of exchange:administer). */
export function isCentreForbidden(err) {
  return err instanceof ApiError && err.status === 403 && (errorCode(err) === 'FORBIDDEN' || !errorCode(err))
}

export function certificateStatusTagType(status) {
  if (status === 'ACTIVE') return 'success'
  if (status === 'REVOKED') return 'danger'
  return 'info'
}

function timeOf(value) {
  if (!value) return NaN
  return value instanceof Date ? value.getTime() : Date.parse(value)
}

/**
 * How an end of validity stands at `now`: {state: 'expired'|'expiring'|'valid'|'unknown', days} (days: whole days
 * left, rounded up, for 'expiring').
 */
export function validityState(notAfter, now = Date.now()) {
  const end = timeOf(notAfter)
  if (!Number.isFinite(end)) return { state: 'unknown', days: null }
  const left = end - now
  if (left <= 0) return { state: 'expired', days: 0 }
  if (left <= RENEWAL_WINDOW_DAYS * DAY_MS) return { state: 'expiring', days: Math.max(1, Math.ceil(left / DAY_MS)) }
  return { state: 'valid', days: Math.floor(left / DAY_MS) }
}

/** Seconds since an instant (0 for the future), or null. */
export function secondsSince(value, now = Date.now()) {
  const time = timeOf(value)
  if (!Number.isFinite(time)) return null
  return Math.max(0, Math.floor((now - time) / 1000))
}

/** State of an enrolment token: USED, EXPIRED or VALID. */
export function tokenState(token, now = Date.now()) {
  if (token?.usedAt) return 'USED'
  const end = timeOf(token?.expiresAt)
  return Number.isFinite(end) && end <= now ? 'EXPIRED' : 'VALID'
}

export function tokenStateTagType(state) {
  if (state === 'USED') return 'success'
  if (state === 'VALID') return 'primary'
  return 'info'
}

/** A file name part of free text (letters, digits, - and _ only). */
export function safeFilePart(value) {
  return String(value ?? '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64) || 'certificate'
}

/**
 * Copies text to the clipboard: the Clipboard API, or (outside secure contexts, where it is missing) a selected text
 * area and execCommand. Resolves to whether it worked.
 */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.top = '-1000px'
  area.style.opacity = '0'
  document.body.appendChild(area)
  try {
    area.select()
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}

// ---- a minimal X.509 reader (DER inside PEM) -----------------------------------------------------------------------

/** The DER bytes of the first PEM block of a text, or null. */
export function pemToDer(pem) {
  const match = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(String(pem ?? ''))
  if (!match) return null
  try {
    const binary = atob(match[1].replace(/\s+/g, ''))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

/** One DER element at `offset`: {tag, start (of the content), end}. Throws on malformed input. */
function element(bytes, offset, limit = bytes.length) {
  if (offset + 2 > limit) throw new Error('truncated')
  const tag = bytes[offset]
  if ((tag & 0x1f) === 0x1f) throw new Error('long tags are not used in certificates')
  let length = bytes[offset + 1]
  let start = offset + 2
  if (length & 0x80) {
    const n = length & 0x7f
    if (n === 0 || n > 4) throw new Error('unsupported length')
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + bytes[start + i]
    start += n
  }
  const end = start + length
  if (end > limit) throw new Error('truncated')
  return { tag, start, end }
}

function childrenOf(bytes, node) {
  const list = []
  let offset = node.start
  while (offset < node.end) {
    const child = element(bytes, offset, node.end)
    list.push(child)
    offset = child.end
  }
  return list
}

function oidOf(bytes, node) {
  const parts = []
  let value = 0
  for (let i = node.start; i < node.end; i++) {
    value = value * 128 + (bytes[i] & 0x7f)
    if (!(bytes[i] & 0x80)) {
      if (!parts.length) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80)
      else parts.push(value)
      value = 0
    }
  }
  return parts.join('.')
}

function stringOf(bytes, node) {
  const content = bytes.subarray(node.start, node.end)
  if (node.tag === 0x1e) {
    // BMPString: UTF-16 big-endian
    let text = ''
    for (let i = 0; i + 1 < content.length; i += 2) text += String.fromCharCode((content[i] << 8) | content[i + 1])
    return text
  }
  return new TextDecoder('utf-8').decode(content)
}

const NAME_ATTRIBUTES = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E'
}

function nameOf(bytes, node) {
  const parts = []
  for (const set of childrenOf(bytes, node)) {
    for (const pair of childrenOf(bytes, set)) {
      const [oid, value] = childrenOf(bytes, pair)
      if (!oid || !value) continue
      const type = oidOf(bytes, oid)
      parts.push(`${NAME_ATTRIBUTES[type] || type}=${stringOf(bytes, value)}`)
    }
  }
  return parts.join(', ')
}

function timeValue(bytes, node) {
  const text = new TextDecoder('ascii').decode(bytes.subarray(node.start, node.end))
  const m = node.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text)
  if (!m) return null
  let year = Number(m[1])
  if (node.tag === 0x17) year += year >= 50 ? 1900 : 2000
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0))).toISOString()
}

function hexOf(bytes, node) {
  let hex = ''
  for (let i = node.start; i < node.end; i++) hex += bytes[i].toString(16).padStart(2, '0')
  return hex.replace(/^0+(?=.)/, '')
}

/**
 * Subject, issuer, serial (lower-case hex, as the server names certificates) and validity of a PEM certificate, or
 * null when it cannot be read.
 */
export function parseCertificate(pem) {
  const der = pemToDer(pem)
  if (!der) return null
  try {
    const certificate = element(der, 0)
    const [tbs] = childrenOf(der, certificate)
    if (!tbs) return null
    const fields = childrenOf(der, tbs)
    let i = fields[0]?.tag === 0xa0 ? 1 : 0
    const serial = fields[i++]
    i++ // signature algorithm
    const issuer = fields[i++]
    const validity = fields[i++]
    const subject = fields[i++]
    if (!serial || serial.tag !== 0x02 || !issuer || !validity || !subject) return null
    const [notBefore, notAfter] = childrenOf(der, validity)
    return {
      serial: hexOf(der, serial),
      issuer: nameOf(der, issuer),
      subject: nameOf(der, subject),
      notBefore: notBefore ? timeValue(der, notBefore) : null,
      notAfter: notAfter ? timeValue(der, notAfter) : null,
      der
    }
  } catch {
    return null
  }
}

/** SHA-256 fingerprint of DER bytes ("AB:CD:…"), or '' where the browser offers no digest (outside secure contexts). */
export async function sha256Fingerprint(der) {
  try {
    if (!der || !globalThis.crypto?.subtle) return ''
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', der))
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':')
  } catch {
    return ''
  }
}

/** Localized label of a node role (t, te of vue-i18n); the raw value for a role the UI does not know. */
export function roleLabel(role, t, te) {
  if (!role) return t('common.noValue')
  const key = `securityCentre.roles.${role}`
  return te(key) ? t(key) : String(role)
}

// ---- exchange links (数据交换) ------------------------------------------------------------------------------------

/** Whether a failure says that this node does not run the exchange links (503 with the server's JSON error). */
export const isExchangeUnavailable = isCentreUnavailable

export const LINK_ROLES = ['parent', 'child']
export const MESSAGE_DIRECTIONS = ['OUT', 'IN']
export const MESSAGE_STATUSES = ['QUEUED', 'SENT', 'BACKLOG', 'ACCEPTED', 'PARKED', 'DUPLICATE', 'REJECTED', 'DROPPED']
/** Envelope types of the links (Payloads); the log may name others, shown as they are. */
export const MESSAGE_TYPES = ['samples', 'alarms', 'points', 'threshold-change', 'command-result']
export const COMMAND_STATUSES = ['SENT', 'APPLIED', 'REFUSED']

/** The limits a threshold change can set or remove, from the top down (the order of the form). */
export const LIMIT_NAMES = ['highHigh', 'high', 'low', 'lowLow']

/** What the threshold form does with one limit: leave it, set it to a value, or remove it. */
export const LIMIT_MODES = ['keep', 'set', 'remove']

export const MAX_COMMAND_REASON_LENGTH = 200

/**
 * Element Plus tag of a message status: {type, className} (className: the yellow of BACKLOG, which Element Plus has
 * no type for).
 */
export function messageStatusTag(status) {
  switch (status) {
    case 'REJECTED':
      return { type: 'danger', className: '' }
    case 'DROPPED':
      return { type: 'warning', className: '' }
    case 'BACKLOG':
    case 'PARKED':
      return { type: 'warning', className: 'tag-yellow' }
    case 'ACCEPTED':
    case 'SENT':
      return { type: 'success', className: '' }
    case 'QUEUED':
      return { type: 'primary', className: '' }
    default:
      return { type: 'info', className: '' }
  }
}

export function commandStatusTagType(status) {
  if (status === 'APPLIED') return 'success'
  if (status === 'REFUSED') return 'danger'
  return 'primary'
}

/**
 * Whether a point is a copy of a lower node's point, the only kind a threshold change can target: its id is qualified
 * with the enterprise code ("<USCC>:<point>").
 */
export function isRemotePoint(point) {
  return String(point?.id ?? '').includes(':')
}

/** A size for people: "0 B", "812 B", "35.2 KiB", "4.1 MiB", "1.25 GiB"; '' when absent. */
export function formatByteSize(size) {
  const n = Number(size)
  if (size === null || size === undefined || !Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`
  return `${(n / 1024 ** 3).toFixed(2)} GiB`
}

/** "刚刚", "12 秒前", "3 分钟前", … of an instant (t of vue-i18n); '' when absent. */
export function agoText(value, now, t) {
  const seconds = secondsSince(value, now)
  if (seconds === null) return ''
  if (seconds < 5) return t('securityCentre.ago.justNow')
  if (seconds < 60) return t('securityCentre.ago.seconds', { n: seconds })
  if (seconds < 3600) return t('securityCentre.ago.minutes', { n: Math.floor(seconds / 60) })
  if (seconds < 86400) return t('securityCentre.ago.hours', { n: Math.floor(seconds / 3600) })
  return t('securityCentre.ago.days', { n: Math.floor(seconds / 86400) })
}

/** The command of an ExchangeCommand (its body, a JSON string) as an object, or null when it cannot be read. */
export function commandBody(command) {
  try {
    const value = JSON.parse(String(command?.body ?? ''))
    return value && typeof value === 'object' ? value : null
  } catch {
    return null
  }
}

/**
 * The limits a threshold-change command sets or removes, in the form's order: [{name, value}] (value null: removed);
 * unknown names after the known ones.
 */
export function commandLimits(command) {
  const limits = commandBody(command)?.limits
  if (!limits || typeof limits !== 'object') return []
  const names = [...LIMIT_NAMES.filter((n) => n in limits), ...Object.keys(limits).filter((n) => !LIMIT_NAMES.includes(n))]
  return names.map((name) => ({ name, value: limits[name] }))
}

/**
 * The limits object a threshold change sends, from the form's rows {name: {mode, value}}: a number for 'set', null for
 * 'remove', nothing for 'keep'.
 */
export function limitsOfForm(rows) {
  const limits = {}
  for (const name of LIMIT_NAMES) {
    const row = rows?.[name]
    if (row?.mode === 'set') limits[name] = Number(row.value)
    else if (row?.mode === 'remove') limits[name] = null
  }
  return limits
}

/**
 * i18n key part of a server field error of the exchange: field and code with anything but letters and digits as '_'
 * ('limits.high', 'number' -> 'limits_high_number'; 'node', 'not-enrolled' -> 'node_not_enrolled').
 */
export function exchangeErrorKey(field, code) {
  const part = (value) => String(value ?? '').replace(/[^A-Za-z0-9]+/g, '_')
  return `${part(field)}_${part(code)}`
}
