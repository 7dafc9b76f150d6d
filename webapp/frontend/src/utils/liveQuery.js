// 远程实时调阅 / Remote live read (C3): an upper-level node asks the node below that reads an enterprise's instruments
// for their current values (POST /api/exchange/queries/live); the answer comes back up asynchronously. Pure helpers of
// the access page's live tab (no imports: tested with `node --test src/utils/liveQuery.test.js`).

/** The command type of a live query (ExchangeCommand.type). */
export const LIVE_QUERY_TYPE = 'live-query'

/** Statuses a live query goes through: SENT (waiting), then ANSWERED (with the values) or REFUSED (detail says why). */
export const LIVE_QUERY_STATUSES = ['SENT', 'ANSWERED', 'REFUSED']

/** The server's limits (ExchangeLink.sendLiveQuery). */
export const MAX_LIVE_QUERY_POINTS = 100
export const MAX_LIVE_QUERY_REASON_LENGTH = 500
export const MAX_POINT_ID_LENGTH = 64

/** A unified social credit code: 18 letters or digits (the check character is left to the server). */
export const ENTERPRISE_CODE = /^[0-9A-Z]{18}$/

/** How often a query waiting for its answer is asked again, and after how long the page asks less often. */
export const LIVE_QUERY_POLL_MS = 2000
export const LIVE_QUERY_SLOW_POLL_MS = 10000
export const LIVE_QUERY_FAST_POLL_FOR_MS = 2 * 60 * 1000

/** What the user typed as an enterprise code, as the server expects it: no white space, upper case. */
export function normalizeEnterpriseCode(value) {
  return String(value ?? '').replace(/\s+/g, '').toUpperCase()
}

/** Client check of an enterprise code: null when it looks right, else 'required' or 'format'. */
export function enterpriseCodeProblem(value) {
  const code = normalizeEnterpriseCode(value)
  if (!code) return 'required'
  return ENTERPRISE_CODE.test(code) ? null : 'format'
}

/**
 * Point ids typed or chosen (a string, or an array of strings, each possibly holding several ids separated by commas,
 * semicolons, white space or line breaks, ASCII or full-width): trimmed, without empties and repeats, in order.
 */
export function splitPointIds(values) {
  const list = Array.isArray(values) ? values : [values]
  const ids = []
  for (const value of list) {
    if (value === null || value === undefined) continue
    for (const part of String(value).split(/[\s,;，；、]+/)) {
      const id = part.trim()
      if (id && !ids.includes(id)) ids.push(id)
    }
  }
  return ids
}

/** Whether an id is already qualified with some enterprise code ("<18 letters/digits>:<id>"). */
function looksQualified(id) {
  return /^[0-9A-Za-z]{18}:./.test(id)
}

/**
 * A point id as the query sends it, qualified with the enterprise ("<USCC>:<id>"): an id already qualified (with this
 * or another enterprise's code: the latter is pointed out by foreignPointIds) stays as it is, any other id is prefixed.
 */
export function qualifyPointId(enterprise, id) {
  const code = normalizeEnterpriseCode(enterprise)
  const text = String(id ?? '').trim()
  if (!text || !code) return text
  if (text.startsWith(`${code}:`) || looksQualified(text)) return text
  return `${code}:${text}`
}

/** The point ids of the form (see splitPointIds) qualified with the enterprise, without repeats. */
export function qualifyPointIds(enterprise, values) {
  const ids = []
  for (const id of splitPointIds(values)) {
    const qualified = qualifyPointId(enterprise, id)
    if (qualified && !ids.includes(qualified)) ids.push(qualified)
  }
  return ids
}

/** The qualified ids the server would refuse as foreign: not "<enterprise>:<id>", or longer than 64 characters. */
export function foreignPointIds(enterprise, qualifiedIds) {
  const prefix = `${normalizeEnterpriseCode(enterprise)}:`
  return (qualifiedIds || []).filter((id) => {
    const text = String(id ?? '')
    return !text.startsWith(prefix) || text.length <= prefix.length || text.length > MAX_POINT_ID_LENGTH
  })
}

/** The point's own id within its enterprise: the qualified id without the "<USCC>:" prefix. */
export function localPointId(pointId, enterprise) {
  const text = String(pointId ?? '')
  const prefix = `${normalizeEnterpriseCode(enterprise)}:`
  return enterprise && text.startsWith(prefix) ? text.slice(prefix.length) : text
}

/** Element Plus tag type of a live query's status. */
export function liveQueryStatusTagType(status) {
  if (status === 'ANSWERED') return 'success'
  if (status === 'REFUSED') return 'danger'
  if (status === 'SENT') return 'warning'
  return 'info'
}

function parseObject(text) {
  if (text === null || text === undefined || text === '') return null
  if (typeof text === 'object') return text
  try {
    const value = JSON.parse(String(text))
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null
  } catch {
    return null
  }
}

/** The query a live query carries (its body, a JSON string): {reason, pointIds, origin, requestedAt}; empty values when unreadable. */
export function liveQueryBody(query) {
  const body = parseObject(query?.body) || {}
  return {
    reason: typeof body.reason === 'string' ? body.reason : '',
    pointIds: Array.isArray(body.pointIds) ? body.pointIds.map(String) : [],
    origin: typeof body.origin === 'string' ? body.origin : '',
    requestedAt: typeof body.requestedAt === 'string' ? body.requestedAt : ''
  }
}

function finiteNumber(value) {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

function textOrNull(value) {
  return value === null || value === undefined || value === '' ? null : String(value)
}

/**
 * The values an answered live query carries (its result, a JSON string): {enterprise, readAt, values: [{pointId, name,
 * type, unit, value (a number, or null without a reading), quality, timestamp}]}; null when there is no result or it
 * cannot be read.
 */
export function parseLiveQueryResult(query) {
  const result = parseObject(query?.result)
  if (!result) return null
  const values = (Array.isArray(result.values) ? result.values : [])
    .filter((v) => v && typeof v === 'object')
    .map((v) => ({
      pointId: String(v.pointId ?? ''),
      name: textOrNull(v.name),
      type: textOrNull(v.type),
      unit: textOrNull(v.unit),
      value: finiteNumber(v.value),
      quality: textOrNull(v.quality),
      timestamp: textOrNull(v.timestamp)
    }))
  return {
    enterprise: textOrNull(result.enterprise) || textOrNull(query?.enterpriseCode),
    readAt: textOrNull(result.readAt),
    values
  }
}

/** Whether a value of a live query's result has a reading (a number). */
export function hasReading(value) {
  return finiteNumber(value?.value) !== null
}

/** How many values of a result have a reading. */
export function readingCount(result) {
  return (result?.values || []).filter(hasReading).length
}

/**
 * The node that answered (or refused) a live query, from its detail: "3 current values of 9137… read at 370281",
 * "none of the points asked for are read at node 370281" -> '370281'; '' when the detail names none.
 */
export function answeringNode(detail) {
  const match = /\bread at (?:node )?([A-Za-z0-9._:-]+)\s*$/.exec(String(detail ?? '').trim())
  return match && match[1] !== '?' ? match[1] : ''
}

/**
 * The list with a query put in: replaces the entry with the same id (keeping its place), or puts it first. A query of
 * the list keeps no result (the list shows none; the opened query is fetched with it).
 */
export function upsertQuery(list, query) {
  if (!query || !query.id) return list || []
  const entry = { ...query, result: null }
  const current = list || []
  const index = current.findIndex((q) => q && q.id === query.id)
  if (index < 0) return [entry, ...current]
  const next = current.slice()
  next[index] = entry
  return next
}
