/** Formats a measured value with at most 3 decimals ("5.23", "12", "0.001"); '' when there is no value. */
export function formatValue(value) {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  if (!Number.isFinite(n)) return ''
  if (Math.abs(n) >= 1e15) return String(n)
  let s = n.toFixed(3)
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return s === '-0' ? '0' : s
}

function pad(n, width = 2) {
  return String(n).padStart(width, '0')
}

function toDate(value) {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** ISO-8601 (UTC) -> local "YYYY-MM-DD HH:mm:ss"; '' when absent or invalid. */
export function formatDateTime(value) {
  const d = toDate(value)
  if (!d) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** Local "HH:mm:ss". */
export function formatClock(value) {
  const d = toDate(value)
  if (!d) return ''
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

function isNum(v) {
  return v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v))
}

/** 'HIGH' / 'LOW' when the value is outside the point's alarm limits, else null. */
export function limitViolation(point) {
  if (!point || !isNum(point.value)) return null
  const v = Number(point.value)
  if (isNum(point.alarmHigh) && v > Number(point.alarmHigh)) return 'HIGH'
  if (isNum(point.alarmLow) && v < Number(point.alarmLow)) return 'LOW'
  return null
}

/** A sample the data-quality filter or the source flagged: quality other than GOOD, or a quality reason. */
export function isAbnormalSample(sample) {
  if (!sample) return false
  return (!!sample.quality && sample.quality !== 'GOOD') || !!sample.qualityReason
}

export { isNum }
