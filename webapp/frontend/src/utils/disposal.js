// Helpers of the alarm disposal (报警处置, requirement E3) and emergency plan (应急预案) pages.
import { getEnterprises } from '../api/index.js'
import { addsDetail } from './enterprise.js'

/** The statuses in their order: 已查看 -> 现场核实 -> 按预案处置 -> 已关闭. */
export const DISPOSAL_STATUSES = ['VIEWED', 'VERIFYING', 'DISPOSING', 'CLOSED']

/** Kinds of emergency plan (AQ/T 9002, GB/T 29639): 综合应急预案, 专项应急预案, 现场处置方案. */
export const PLAN_LEVELS = ['COMPREHENSIVE', 'SPECIAL', 'ON_SITE']

/** Largest attachment the server accepts. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** Longest texts the server stores. */
export const MAX_LENGTHS = { assignee: 64, note: 4000, conclusion: 4000, title: 200, steps: 8000, documentRef: 500, hazardSourceCode: 64 }

/** Field error codes of the disposal and plan endpoints that have a translation (disposals.fieldErrors.<code>). */
export const DISPOSAL_FIELD_ERROR_CODES = ['REQUIRED', 'TOO_LONG', 'UNKNOWN', 'OTHER_ENTERPRISE', 'INVALID', 'EMPTY', 'TOO_LARGE']

/** Element Plus tag type of a disposal status. */
export function disposalStatusTagType(status) {
  return ({ VIEWED: 'info', VERIFYING: 'warning', DISPOSING: 'danger', CLOSED: 'success' })[status] || 'info'
}

/** Whether the current step's deadline passed (the server's rule: not closed, deadline before now). */
export function isOverdue(disposal, now = Date.now()) {
  if (!disposal || disposal.status === 'CLOSED' || !disposal.deadline) return false
  const deadline = Date.parse(disposal.deadline)
  return Number.isFinite(deadline) && deadline < now
}

/** Element Plus tag type of a plan level. */
export function planLevelTagType(level) {
  return ({ COMPREHENSIVE: 'primary', SPECIAL: 'warning', ON_SITE: 'success' })[level] || 'info'
}

// Numbering typed at the start of a step ("1.", "2、", "(3)", "（4）", "第5步"): the list numbers the steps itself.
const STEP_NUMBER = /^(?:\d+\s*(?:[.．](?!\d)|[、)）:：])|[(（]\d+[)）]|第\s*\d+\s*步[:：、]?)\s*/

/** The steps of a plan (one per line) as a list: blank lines dropped, numbering typed by hand removed. */
export function planStepLines(steps) {
  return String(steps ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(STEP_NUMBER, '').trim())
    .filter(Boolean)
}

/** A file size for people: "812 B", "35.2 KB", "4.1 MB". */
export function formatBytes(size) {
  const n = Number(size)
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** Whether an attachment can be shown as a picture. */
export function isImage(attachment) {
  return /^image\//i.test(String(attachment?.contentType || ''))
}

/** Hex SHA-256 of a blob, or null where the browser offers no digest (plain http other than localhost). */
export async function sha256Hex(blob) {
  const subtle = globalThis.crypto?.subtle
  if (!subtle || !blob) return null
  const digest = await subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

// ---- enterprises by code (USCC) --------------------------------------------------------------------------

const enterpriseCache = new Map() // code -> Promise<{id, name, uscc} | null>

/**
 * The registry's enterprise of a code (USCC): {id, name, uscc, regionCode}, or null when it is not registered. Looked
 * up once per page load (again after a failure).
 */
export function enterpriseByCode(code) {
  const key = String(code ?? '').trim()
  if (!key) return Promise.resolve(null)
  if (!enterpriseCache.has(key)) {
    const lookup = getEnterprises({ q: key, page: 0, size: 5 })
      .then((page) => {
        const items = Array.isArray(page?.items) ? page.items : []
        return items.find((e) => e && String(e.uscc || '').toUpperCase() === key.toUpperCase()) || null
      })
      .catch((err) => {
        enterpriseCache.delete(key)
        throw err
      })
    enterpriseCache.set(key, lookup)
  }
  return enterpriseCache.get(key)
}

/**
 * Text of a server field error ({field, code, message}) of the disposal and plan endpoints: the translation of its
 * code, with the server's message appended where it says more; the message itself for codes without a translation.
 */
export function disposalFieldErrorText(error, t, te) {
  const code = typeof error?.code === 'string' ? error.code : ''
  const message = typeof error?.message === 'string' ? error.message.trim() : ''
  if (!DISPOSAL_FIELD_ERROR_CODES.includes(code) || !te(`disposals.fieldErrors.${code}`)) return message || code
  const translated = t(`disposals.fieldErrors.${code}`)
  return addsDetail(code, message) ? t('disposals.fieldErrors.withDetail', { text: translated, detail: message }) : translated
}
