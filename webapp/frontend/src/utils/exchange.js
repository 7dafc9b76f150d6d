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
