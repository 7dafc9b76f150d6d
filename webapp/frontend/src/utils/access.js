// Shared bits of the authorised-access page (C3): statuses, limits and the server's field errors in the user's language.

export const ACCESS_STATUSES = ['PENDING', 'GRANTED', 'DENIED', 'REVOKED', 'EXPIRED']

/** Hours a request may ask for (and an approval may set). */
export const MIN_HOURS = 1
export const MAX_HOURS = 72

/** Text limits of the forms (the server checks too). */
export const MAX_LENGTHS = { reason: 500, note: 500, title: 200 }
export const MIN_REASON_LENGTH = 4

export function accessStatusTagType(status) {
  return { PENDING: 'warning', GRANTED: 'success', DENIED: 'danger', REVOKED: 'info', EXPIRED: 'info' }[status] || 'info'
}

export function blank(value) {
  return value === null || value === undefined || String(value).trim() === ''
}

/** Whether a value is a whole number of hours within 1..72. */
export function validHours(value) {
  const n = Number(value)
  return value !== null && value !== '' && Number.isInteger(n) && n >= MIN_HOURS && n <= MAX_HOURS
}

const FIELD_ERROR_CODES = ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'OUT_OF_RANGE', 'UNKNOWN', 'NOT_COUNTY', 'INVALID_VALUE']

/** A server field error ({field, code, message}) in the user's language; the server's message for unknown codes. */
export function accessFieldErrorText(error, t, te) {
  const code = typeof error?.code === 'string' ? error.code : ''
  const message = typeof error?.message === 'string' ? error.message.trim() : ''
  const key = `access.fieldErrors.${code}`
  if (!FIELD_ERROR_CODES.includes(code) || !te(key)) return message || code
  return t(key)
}
