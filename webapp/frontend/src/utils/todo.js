// 待办 / To-do: what awaits the signed-in person across the workflows (GET /api/todo, the header's bell): tasks to
// receive, report or decide, registration applications, hidden dangers to rectify or accept, equipment due for
// inspection. These helpers clean the answer up, group and sort it, name the message keys and the page to open.
// Pure (no imports): tested with `node --test src/utils/todo.test.js`.

/** The kinds of to-do, in the order the bell lists them. */
export const TODO_KINDS = ['task', 'registration', 'hidden-danger', 'equipment']

/** The kinds' keys in the messages (todo.kinds.<key>, todo.statuses.<key>.<STATUS>): no hyphen in a message path. */
const KIND_KEYS = { task: 'task', registration: 'registration', 'hidden-danger': 'hiddenDanger', equipment: 'equipment' }

/** How often the bell asks again (ms). */
export const TODO_REFRESH_MS = 60000

/** The badge shows at most this; more is "99+". */
export const TODO_BADGE_MAX = 99

function text(value) {
  return value === null || value === undefined ? '' : String(value)
}

function toTime(value) {
  if (value === null || value === undefined || value === '') return null
  const time = new Date(value).getTime()
  return Number.isFinite(time) ? time : null
}

/** The message key of a kind ('hidden-danger' -> 'hiddenDanger'), or null for a kind the page does not know. */
export function kindKey(kind) {
  return Object.prototype.hasOwnProperty.call(KIND_KEYS, kind) ? KIND_KEYS[kind] : null
}

/** The message key of an item's status (todo.statuses.<kind>.<STATUS>), or null when there is none to look up. */
export function statusKey(item) {
  const key = kindKey(item?.kind)
  const status = text(item?.status)
  return key && /^[A-Z][A-Z0-9_]*$/.test(status) ? `todo.statuses.${key}.${status}` : null
}

/** One item as the page uses it: {kind, id, title, status, actions, deadline, overdue, link}; null when unusable. */
export function normalizeTodoItem(item) {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return null
  const kind = text(item.kind).trim()
  const id = text(item.id).trim()
  if (!kind || !id) return null
  return {
    kind,
    id,
    title: text(item.title),
    status: text(item.status),
    actions: Array.isArray(item.actions) ? item.actions.map((a) => String(a).toUpperCase()) : [],
    deadline: toTime(item.deadline) === null ? null : text(item.deadline),
    overdue: item.overdue === true,
    link: text(item.link)
  }
}

/**
 * The answer of GET /api/todo as the page uses it: {total, overdue, items}; total and overdue as the server counted
 * them (what it listed when it sent no count, or a count that is not a number).
 */
export function normalizeTodo(data) {
  const items = (Array.isArray(data?.items) ? data.items : []).map(normalizeTodoItem).filter(Boolean)
  const count = (value, fallback) => {
    const n = Number(value)
    return value !== null && value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback
  }
  return {
    total: count(data?.total, items.length),
    overdue: count(data?.overdue, items.filter((i) => i.overdue).length),
    items
  }
}

/** The server's order: overdue first, then the earliest deadline (none last), then by title. */
export function compareTodo(a, b) {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  const da = toTime(a.deadline)
  const db = toTime(b.deadline)
  if (da !== db) {
    if (da === null) return 1
    if (db === null) return -1
    return da - db
  }
  return text(a.title).localeCompare(text(b.title))
}

/**
 * The items by kind, in TODO_KINDS order (kinds the page does not know after them, in the order they came), each
 * group sorted (compareTodo) and without empty groups: [{kind, key (kindKey, or null), items, overdue (how many)}].
 */
export function groupTodo(items) {
  const groups = new Map()
  for (const kind of TODO_KINDS) groups.set(kind, [])
  for (const item of Array.isArray(items) ? items : []) {
    if (!item || !item.kind) continue
    if (!groups.has(item.kind)) groups.set(item.kind, [])
    groups.get(item.kind).push(item)
  }
  return [...groups.entries()]
    .filter(([, list]) => list.length)
    .map(([kind, list]) => {
      const sorted = list.slice().sort(compareTodo)
      return { kind, key: kindKey(kind), items: sorted, overdue: sorted.filter((i) => i.overdue).length }
    })
}

/**
 * The bell's badge: {value (the total, 'N+' beyond max), hidden (nothing awaits), type ('danger' when something is
 * overdue, else 'primary')}.
 */
export function todoBadge(todo, max = TODO_BADGE_MAX) {
  const total = Number(todo?.total) || 0
  const overdue = Number(todo?.overdue) || 0
  return {
    value: total > max ? `${max}+` : total,
    hidden: total <= 0,
    type: overdue > 0 ? 'danger' : 'primary'
  }
}

/**
 * Where an item opens, for the router: its link as the server gives it (a path of the web app), except for tasks,
 * whose page opens one with ?task=<id> (#/tasks/<id> is no route; a decision on a report opens the 下发的任务 tab);
 * without a usable link the kind's page of the id. null when there is nowhere to go.
 */
export function todoLocation(item) {
  if (!item || !item.id) return null
  const id = String(item.id)
  if (item.kind === 'task') {
    const match = /^\/tasks\/([^/?#]+)\/?$/.exec(text(item.link))
    const taskId = match ? decodeURIComponent(match[1]) : id
    const actions = Array.isArray(item.actions) ? item.actions : []
    const decides = actions.some((a) => a === 'ACCEPT' || a === 'RETURN') && !actions.some((a) => a === 'RECEIVE' || a === 'REPORT')
    return { path: '/tasks', query: decides ? { tab: 'outbox', task: taskId } : { task: taskId } }
  }
  const link = text(item.link).trim()
  if (link.startsWith('/') && !link.startsWith('//')) return link
  const pages = { registration: '/registrations', 'hidden-danger': '/hidden-dangers', equipment: '/equipment' }
  return pages[item.kind] ? `${pages[item.kind]}/${encodeURIComponent(id)}` : null
}

function pad(n) {
  return String(n).padStart(2, '0')
}

/**
 * An item's deadline for the list, in local time: equipment's next inspection as a day ("2026-12-01"), the others
 * with the time ("2026-12-01 08:00"); '' without one.
 */
export function deadlineText(item) {
  const time = toTime(item?.deadline)
  if (time === null) return ''
  const d = new Date(time)
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return item.kind === 'equipment' ? day : `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
