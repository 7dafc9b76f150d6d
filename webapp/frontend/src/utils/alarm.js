import { isNum } from './format.js'

/**
 * Alarm helpers shared by the alarm console, the live screen, the trend page and the alarm settings.
 *
 * Occurrences follow ISA-18.2: UNACKED_ACTIVE (condition present, not acknowledged), ACKED_ACTIVE, UNACKED_RETURNED
 * (back to normal before anybody acknowledged it) and NORMAL (over). Shelving and suppression by design are overlays:
 * a shelved or suppressed occurrence keeps its state but is not annunciated (not shown to operators).
 *
 * An instrument fault (kind FAULT) is raised by a reading the data-quality filter found invalid, not by a process
 * limit: its `limit` is the crossed end of the measuring range for an out-of-range reading, otherwise the reading
 * itself (possibly "NaN", in which case `value` is a 0 placeholder).
 */

export const ALARM_STATES = ['UNACKED_ACTIVE', 'ACKED_ACTIVE', 'UNACKED_RETURNED', 'NORMAL']
/** States of an occurrence that is not over (what GET /api/alarms?state=OPEN answers). */
export const OPEN_STATES = ['UNACKED_ACTIVE', 'ACKED_ACTIVE', 'UNACKED_RETURNED']
export const ALARM_KINDS = ['LOW_LOW', 'LOW', 'HIGH', 'HIGH_HIGH', 'RATE_OF_CHANGE', 'FAULT']
export const ALARM_CATEGORIES = ['PROCESS', 'INSTRUMENT']
export const ALARM_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW']
export const ALARM_MODES = ['IN_SERVICE', 'SUPPRESSED', 'OUT_OF_SERVICE']

const PRIORITY_RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 }
const STATE_RANK = { UNACKED_ACTIVE: 0, UNACKED_RETURNED: 1, ACKED_ACTIVE: 2, NORMAL: 3 }
const KIND_RANK = { HIGH_HIGH: 0, LOW_LOW: 1, HIGH: 2, LOW: 3, RATE_OF_CHANGE: 4, FAULT: 5 }

export function isFault(alarm) {
  return alarm?.kind === 'FAULT'
}

/** The alarm condition is present (whether acknowledged or not): the point is "in alarm". */
export function isActiveState(state) {
  return state === 'UNACKED_ACTIVE' || state === 'ACKED_ACTIVE'
}

/** The occurrence is not over: active, or returned but not yet acknowledged. */
export function isOpenState(state) {
  return OPEN_STATES.includes(state)
}

/** The occurrence waits for an acknowledgement. */
export function isUnacknowledged(state) {
  return state === 'UNACKED_ACTIVE' || state === 'UNACKED_RETURNED'
}

/** Whether an occurrence is shelved at `now` (ms); the server's flag is used when it gives no end time. */
export function isShelved(alarm, now = Date.now()) {
  if (!alarm) return false
  if (alarm.shelvedUntil) {
    const until = Date.parse(alarm.shelvedUntil)
    if (Number.isFinite(until)) return until > now
  }
  return !!alarm.shelved
}

/** Whether an occurrence is shown to operators at `now`: neither shelved nor suppressed by design. */
export function isAnnunciated(alarm, now = Date.now()) {
  if (!alarm) return false
  return !alarm.suppressed && !isShelved(alarm, now)
}

/** Sort rank of a priority (HIGH first); unknown last. */
export function priorityRank(priority) {
  return PRIORITY_RANK[priority] ?? 9
}

/** Sort rank of a state: unacknowledged first. */
export function stateRank(state) {
  return STATE_RANK[state] ?? 9
}

/**
 * Order of the most important alarm first: active before returned, then priority, then the more severe kind, then
 * the newest.
 */
export function compareImportance(a, b) {
  const active = Number(isActiveState(b.state)) - Number(isActiveState(a.state))
  if (active) return active
  const p = priorityRank(a.priority) - priorityRank(b.priority)
  if (p) return p
  const k = (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9)
  if (k) return k
  return String(b.raisedAt || '').localeCompare(String(a.raisedAt || ''))
}

/** Element Plus tag type of a priority. */
export function priorityTagType(priority) {
  return ({ HIGH: 'danger', MEDIUM: 'warning', LOW: 'info' })[priority] || 'info'
}

/** CSS class giving FAULT tags their own colour (see main.css); '' for process alarms. */
export function alarmKindClass(kind) {
  return kind === 'FAULT' ? 'hw-tag--fault' : ''
}

/**
 * Element Plus tag type of an alarm kind: limit alarms red (HIGH_HIGH/LOW_LOW dark in alarmKindEffect), rate of change
 * orange, faults use the purple hw-tag--fault class.
 */
export function alarmKindTagType(kind) {
  if (kind === 'HIGH' || kind === 'LOW' || kind === 'HIGH_HIGH' || kind === 'LOW_LOW') return 'danger'
  if (kind === 'FAULT') return 'info'
  return 'warning'
}

/** Tag effect of an alarm kind in lists: the second-level limits (HIGH_HIGH, LOW_LOW) stand out. */
export function alarmKindEffect(kind) {
  return kind === 'HIGH_HIGH' || kind === 'LOW_LOW' ? 'dark' : 'plain'
}

/**
 * How to show an occurrence's state: {type, effect, className} for an el-tag. Shelved and suppressed occurrences are
 * grey whatever their state (they are not annunciated).
 */
export function alarmStateTag(state, { shelved = false, suppressed = false } = {}) {
  if (shelved || suppressed) return { type: 'info', effect: 'plain', className: 'hw-alarm-state--hidden' }
  switch (state) {
    case 'UNACKED_ACTIVE':
      return { type: 'danger', effect: 'dark', className: 'hw-alarm-state--unacked' }
    case 'ACKED_ACTIVE':
      return { type: 'danger', effect: 'light', className: 'hw-alarm-state--acked' }
    case 'UNACKED_RETURNED':
      return { type: 'warning', effect: 'light', className: 'hw-alarm-state--returned' }
    default:
      return { type: 'success', effect: 'plain', className: '' }
  }
}

/** The value to show for an alarm, or null when there is none (a fault raised by a non-numeric reading). */
export function alarmValue(alarm) {
  if (!alarm || !isNum(alarm.value)) return null
  if (isFault(alarm) && !isNum(alarm.limit)) return null
  return Number(alarm.value)
}

/**
 * The limit to show for an alarm: {value, rangeEnd: 'HIGH'|'LOW'|null, perMinute: boolean}, or null when there is
 * none to show. A rate-of-change alarm's limit (and value) is a change per minute. A fault's limit is shown only when
 * it is a range end (it differs from the reading: out of range).
 */
export function alarmLimit(alarm) {
  if (!alarm || !isNum(alarm.limit)) return null
  const limit = Number(alarm.limit)
  if (!isFault(alarm)) return { value: limit, rangeEnd: null, perMinute: alarm.kind === 'RATE_OF_CHANGE' }
  if (!isNum(alarm.value) || Number(alarm.value) === limit) return null
  return { value: limit, rangeEnd: Number(alarm.value) > limit ? 'HIGH' : 'LOW', perMinute: false }
}

/**
 * Merges an updated occurrence (from the live stream or an action's answer) into a list by id. Occurrences that are
 * over (state NORMAL) leave the list when dropClosed is set. Returns a new array.
 */
export function mergeAlarm(list, alarm, { dropClosed = true } = {}) {
  if (!alarm || alarm.id === undefined || alarm.id === null) return list
  const index = list.findIndex((a) => a.id === alarm.id)
  const over = alarm.state === 'NORMAL'
  if (over && dropClosed) return index < 0 ? list : list.filter((a) => a.id !== alarm.id)
  const next = list.slice()
  if (index < 0) next.push(alarm)
  else next[index] = alarm
  return next
}

/**
 * Keeps live alarm events that arrive while a list request is in flight: the request's answer may predate them.
 * Call mark() before the request, event(alarm) for each live event, and apply(list, mark) on the answer.
 */
export function createLiveAlarmMerge() {
  let seq = 0
  let touched = new Map() // id -> {seq, alarm}
  return {
    mark() {
      return seq
    },
    event(alarm) {
      if (!alarm || alarm.id === undefined || alarm.id === null) return
      seq++
      touched.set(alarm.id, { seq, alarm })
    },
    apply(list, since) {
      let result = list
      for (const entry of touched.values()) {
        if (entry.seq > since) result = mergeAlarm(result, entry.alarm)
      }
      touched = new Map([...touched].filter(([, entry]) => entry.seq > since))
      return result
    }
  }
}
