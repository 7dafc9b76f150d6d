// Static data and helpers of the enterprise registry pages (the server stays the authority on every value).
import { ApiError } from '../api/http.js'
import { getIndustries } from '../api/index.js'

export const PAGE_SIZE = 20

export const INDUSTRY_GROUPS = ['FINE_CHEMICALS', 'PETROCHEMICALS', 'COAL_CHEMICALS', 'OTHER']

export const ENTERPRISE_STATUSES = ['OPERATING', 'SUSPENDED', 'CLOSED']

/** Field error codes of a 400 VALIDATION answer that have a translation (enterprises.fieldErrors.<code>). */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'USCC_LENGTH',
  'USCC_CHARACTER',
  'USCC_CHECK',
  'USCC_DUPLICATE',
  'UNKNOWN_REGION',
  'UNKNOWN_PARK',
  'OUT_OF_RANGE',
  'INVALID_VALUE'
]

// Server messages that only restate their code ("is required").
const GENERIC_MESSAGE = /^(is |field )?(required|missing|must not be (blank|null|empty)|may not be (blank|null|empty))\.?$/i

/**
 * Whether a server message says more than the translation of its code (the expected check character, the limit,
 * the offending value), so that it is worth appending to the translated text.
 */
export function addsDetail(code, message) {
  const text = String(message ?? '').trim()
  return !!text && text !== code && !GENERIC_MESSAGE.test(text)
}

/** Unified social credit code (GB 32100-2015): 18 characters. */
export const USCC_LENGTH = 18

// The code alphabet: digits and the capitals without I, O, S, V, Z.
const USCC_CHAR = /^[0-9A-HJ-NP-RTUW-Y]$/

/** What the user typed, as the server expects it: no white space, upper case. */
export function normalizeUscc(value) {
  return String(value ?? '').replace(/\s+/g, '').toUpperCase()
}

/**
 * Client-side USCC check (length and alphabet only; the check character is left to the server).
 * @returns {null | {code: 'REQUIRED'} | {code: 'USCC_LENGTH', length: number} | {code: 'USCC_CHARACTER', chars: string}}
 */
export function usccProblem(value) {
  const text = normalizeUscc(value)
  if (!text) return { code: 'REQUIRED' }
  const chars = Array.from(text)
  if (chars.length !== USCC_LENGTH) return { code: 'USCC_LENGTH', length: chars.length }
  const bad = [...new Set(chars.filter((c) => !USCC_CHAR.test(c)))]
  if (bad.length) return { code: 'USCC_CHARACTER', chars: bad.join(' ') }
  return null
}

export function blank(value) {
  return value === null || value === undefined || String(value).trim() === ''
}

/** Decimal typed in a text field: null when blank, NaN when not a number. */
export function parseDecimal(value) {
  if (blank(value)) return null
  const text = String(value).trim()
  // Number('') and Number('0x10') are not what a user means by a coordinate.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN
  return Number(text)
}

/** GB/T 4754 industry code as the server accepts it: 2 to 4 digits (division, group or class). */
export const INDUSTRY_CODE = /^\d{2,4}$/

/** Phone numbers: digits, spaces and + ( ) -. */
export const PHONE = /^[0-9+()\- ]{5,40}$/

/** Longest free texts the server stores. */
export const MAX_LENGTHS = { name: 200, address: 300, contactName: 100 }

export const COORDINATE_RANGES = {
  longitude: { min: -180, max: 180 },
  latitude: { min: -90, max: 90 }
}

/**
 * The field errors of a validation refusal ([{field, code, message}]), or null for any other failure. The registry
 * answers 400 VALIDATION; the hazard source endpoints answer 422.
 */
export function fieldErrorsOf(err) {
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 422)) return null
  const list = err.body && typeof err.body === 'object' ? err.body.fieldErrors : null
  if (!Array.isArray(list)) return null
  return list.filter((e) => e && typeof e === 'object')
}

/** Element Plus tag type of an enterprise status. */
export function statusTagType(status) {
  return ({ OPERATING: 'success', SUSPENDED: 'warning', CLOSED: 'info' })[status] || 'info'
}

let industriesCache = null

/** GB/T 4754 industries [{code, name, group}], fetched once per page load (again after a failure). */
export function loadIndustries() {
  if (!industriesCache) {
    industriesCache = getIndustries()
      .then((list) =>
        (Array.isArray(list) ? list : [])
          .filter((i) => i && i.code !== undefined && i.code !== null)
          .map((i) => ({ code: String(i.code), name: i.name || '', group: i.group || '' }))
      )
      .catch((err) => {
        industriesCache = null
        throw err
      })
  }
  return industriesCache
}

