// Static data and helpers of the GB 18218 grading calculator (the server stays the authority on every value).

export const EDITIONS = ['2018', '2009']

/** Hazard category symbols of GB 18218 Table 2 (2018: also the Table 4 symbols; 2009: HazardWatch symbols). */
export const HAZARD_CATEGORIES = {
  2018: [
    'J1', 'J2', 'J3', 'J4', 'J5',
    'W1.1', 'W1.2', 'W1.3', 'W2', 'W3', 'W4',
    'W5.1', 'W5.2', 'W5.3', 'W5.4', 'W6.1', 'W6.2', 'W7.1', 'W7.2',
    'W8', 'W9.1', 'W9.2', 'W10', 'W11'
  ],
  2009: [
    '1.1A', '1.1', '1.2-1.6', '2.1', '2.2-OX', '2.3-T1', '2.3',
    '3-EF', '3-HF', '3-F', '4.1-I', '4.2-I/II', '4.3-I/II',
    '5.1-I', '5.1-II/III', '5.2', '6.1-T1', '6.1-T2'
  ]
}

/** i18n key part for a hazard symbol: dots, dashes and slashes are not usable in message paths. */
export function categoryKey(code) {
  return 'k_' + String(code).replace(/[^A-Za-z0-9]/g, '_')
}

export const MIXTURE_RULES = ['AS_PURE_SUBSTANCE', 'NEW_HAZARD_CLASS']

/** Refusal codes of POST /api/grading/gb18218 that have a translated title. */
export const ERROR_CODES = [
  'UNKNOWN_SUBSTANCE',
  'MISSING_QUANTITY',
  'INVALID_VALUE',
  'MISSING_IDENTIFICATION',
  'NAME_CAS_MISMATCH',
  'AMBIGUOUS_TABLE_ROW',
  'MISSING_CLASSIFICATION',
  'INVALID_REQUEST'
]

/** Index N of a server message starting with "substances[N]", else null. */
export function offendingIndex(message) {
  const match = /^\s*substances\[(\d+)\]/.exec(String(message || ''))
  return match ? Number(match[1]) : null
}

/**
 * Splits free text or tags into hazard symbols: "W2, j3；W5.1" -> ['W2', 'J3', 'W5.1'] (upper case, no duplicates).
 */
export function normalizeCategories(values) {
  const out = []
  for (const value of Array.isArray(values) ? values : [values]) {
    for (const part of String(value ?? '').split(/[,，;；、\s]+/)) {
      const code = part.trim().toUpperCase()
      if (code && !out.includes(code)) out.push(code)
    }
  }
  return out
}

/** Decimal value of an exact fraction string such as "75/2" or "10"; NaN when it is not one. */
export function fractionValue(exact) {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(String(exact ?? ''))
  if (!match) return NaN
  const num = Number(match[1])
  const den = match[2] === undefined ? 1 : Number(match[2])
  return den === 0 ? NaN : num / den
}

/** Number with at most `digits` decimals and no trailing zeros ("1.25", "0.8333", "12"); '' when absent. */
export function formatNumber(value, digits = 4) {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return ''
  let s = n.toFixed(digits)
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return s === '-0' ? '0' : s
}

/** True when an exact fraction is shown exactly by its rounded decimal (then the fraction adds nothing). */
export function sameAsDecimal(exact, digits = 4) {
  if (!exact) return true
  if (!String(exact).includes('/')) return true
  const value = fractionValue(exact)
  return Number.isFinite(value) && Number(formatNumber(value, digits)) === value
}
