import { isNum } from './format.js'

/**
 * Alarm helpers shared by the alarm list and the live screen's alarm strip.
 *
 * An instrument fault (kind FAULT) is raised by a reading the data-quality filter found invalid, not by a process
 * limit: its `limit` is the crossed end of the measuring range for an out-of-range reading, otherwise the reading
 * itself (possibly "NaN", in which case `value` is a 0 placeholder).
 */

export function isFault(alarm) {
  return alarm?.kind === 'FAULT'
}

/** CSS class giving FAULT tags their own colour (see main.css); '' for process alarms. */
export function alarmKindClass(kind) {
  return kind === 'FAULT' ? 'hw-tag--fault' : ''
}

/** Element Plus tag type of an alarm kind: process alarms red, faults use the purple hw-tag--fault class. */
export function alarmKindTagType(kind) {
  if (kind === 'HIGH' || kind === 'LOW') return 'danger'
  if (kind === 'FAULT') return 'info'
  return 'warning'
}

/** The value to show for an alarm, or null when there is none (a fault raised by a non-numeric reading). */
export function alarmValue(alarm) {
  if (!alarm || !isNum(alarm.value)) return null
  if (isFault(alarm) && !isNum(alarm.limit)) return null
  return Number(alarm.value)
}

/**
 * The limit to show for an alarm: {value, rangeEnd: 'HIGH'|'LOW'|null}, or null when there is none to show.
 * A fault's limit is shown only when it is a range end (it differs from the reading: out of range).
 */
export function alarmLimit(alarm) {
  if (!alarm || !isNum(alarm.limit)) return null
  const limit = Number(alarm.limit)
  if (!isFault(alarm)) return { value: limit, rangeEnd: null }
  if (!isNum(alarm.value) || Number(alarm.value) === limit) return null
  return { value: limit, rangeEnd: Number(alarm.value) > limit ? 'HIGH' : 'LOW' }
}
