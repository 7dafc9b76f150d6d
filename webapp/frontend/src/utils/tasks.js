// 任务 / Tasks across the levels (E4): a task issued to subordinate organisations, each assignment going ISSUED ->
// RECEIVED -> REPORTED -> ACCEPTED (or RETURNED -> REPORTED again; CANCELLED by the issuer from any state not final).
// The server says per assignment what the caller may do now (`actions`); these helpers only count, sort out and check.
// Pure (no imports): tested with `node --test src/utils/tasks.test.js`.

/** An assignment's statuses, in the order of the workflow (TaskWorkflow). */
export const TASK_STATUSES = ['ISSUED', 'RECEIVED', 'REPORTED', 'RETURNED', 'ACCEPTED', 'CANCELLED']

/** The steps of an assignment: the assignee's (RECEIVE, REPORT) and the issuer's (ACCEPT, RETURN, CANCEL). */
export const TASK_ACTIONS = ['RECEIVE', 'REPORT', 'ACCEPT', 'RETURN', 'CANCEL']

/** Steps that need a text: the report, or the reason of a return or cancellation. */
export const TEXT_ACTIONS = ['REPORT', 'RETURN', 'CANCEL']

/** Steps that make a task something to do for the user (待处理); cancelling is always possible, not a to-do. */
export const TODO_ACTIONS = ['RECEIVE', 'REPORT', 'ACCEPT', 'RETURN']

/** Assignments still waiting for the assignee: these become overdue past the deadline (the server's rule). */
export const AWAITING_ASSIGNEE = ['ISSUED', 'RECEIVED', 'RETURNED']

/** The server's limits (JdbcTasks, TaskService.MAX_ASSIGNEES, TaskService.MAX_ATTACHMENT_BYTES). */
export const MAX_TASK_TITLE = 200
export const MAX_TASK_BODY = 10000
export const MAX_TASK_TEXT = 10000
export const MAX_TASK_ASSIGNEES = 200
export const MAX_TASK_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** How deep a progress tree is read (each level is an organisation passing the task on). */
const MAX_PROGRESS_DEPTH = 12

export function isFinalStatus(status) {
  return status === 'ACCEPTED' || status === 'CANCELLED'
}

/** Element Plus tag type and effect of an assignment's status. */
export function taskStatusTag(status) {
  switch (status) {
    case 'ISSUED':
      return { type: 'warning', effect: 'light' }
    case 'RECEIVED':
      return { type: 'primary', effect: 'light' }
    case 'REPORTED':
      return { type: 'success', effect: 'plain' }
    case 'RETURNED':
      return { type: 'danger', effect: 'light' }
    case 'ACCEPTED':
      return { type: 'success', effect: 'dark' }
    case 'CANCELLED':
      return { type: 'info', effect: 'plain' }
    default:
      return { type: 'info', effect: 'light' }
  }
}

/** Element Plus button type of a step. */
export function taskActionButtonType(action) {
  return { RECEIVE: 'primary', REPORT: 'primary', ACCEPT: 'success', RETURN: 'warning', CANCEL: 'danger' }[action] || 'default'
}

export function actionNeedsText(action) {
  return TEXT_ACTIONS.includes(action)
}

function assignmentsOf(task) {
  return Array.isArray(task?.assignments) ? task.assignments.filter((a) => a && typeof a === 'object') : []
}

/** The steps open to the user on an assignment, in workflow order (unknown ones dropped). */
export function actionsOf(assignment) {
  const list = Array.isArray(assignment?.actions) ? assignment.actions.map((a) => String(a).toUpperCase()) : []
  return TASK_ACTIONS.filter((a) => list.includes(a))
}

/** The steps of an assignment that are something to do (待处理): receive, report, accept, return. */
export function todoActions(assignment) {
  return actionsOf(assignment).filter((a) => TODO_ACTIONS.includes(a))
}

/** How many assignments are in each status: {ISSUED, …, CANCELLED, total, overdue, unknown}. */
export function statusCounts(task) {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]))
  counts.total = 0
  counts.overdue = 0
  counts.unknown = 0
  for (const a of assignmentsOf(task)) {
    counts.total++
    if (TASK_STATUSES.includes(a.status)) counts[a.status]++
    else counts.unknown++
    if (a.overdue) counts.overdue++
  }
  return counts
}

/**
 * The headline of an issued task: {reported, accepted, total}: reported counts REPORTED and ACCEPTED (a report was
 * made), total leaves out the cancelled assignments.
 */
export function reportSummary(task) {
  const c = statusCounts(task)
  return { reported: c.REPORTED + c.ACCEPTED, accepted: c.ACCEPTED, total: c.total - c.CANCELLED }
}

/** The statuses present on a task with their counts, in workflow order: [{status, count}]. */
export function statusBreakdown(task) {
  const c = statusCounts(task)
  return TASK_STATUSES.filter((s) => c[s] > 0).map((s) => ({ status: s, count: c[s] }))
}

/**
 * The organisation a user acts for, as the server sees it (JdbcTasks.orgOf): the code of their data scope (region
 * code, park code or USCC); '' for a nationwide scope (the node's own organisation code, which the page does not know).
 */
export function myOrgCode(profile) {
  const scope = profile?.scope
  if (!scope || typeof scope !== 'object' || scope.kind === 'ALL' || scope.all === true) return ''
  return typeof scope.code === 'string' ? scope.code : ''
}

/**
 * The assignment of the user's organisation in a task of their inbox: the one of myOrg (worked on this node); without
 * myOrg (nationwide scope) the only one the user may receive or report on, or the only one worked on this node; null
 * when it cannot be told.
 */
export function myAssignment(task, myOrg = '') {
  const local = assignmentsOf(task).filter((a) => !a.viaNode)
  if (myOrg) {
    const mine = local.find((a) => a.assigneeOrg === myOrg)
    if (mine) return mine
  }
  const acting = local.filter((a) => actionsOf(a).some((x) => x === 'RECEIVE' || x === 'REPORT'))
  if (acting.length === 1) return acting[0]
  if (local.length === 1) return local[0]
  return null
}

/**
 * Whether the user's organisation received the task (it is in their inbox, or one of its assignments is theirs on
 * this node): only receivers pass a task on.
 */
export function isReceiver(task, myOrg = '', inboxIds = null) {
  if (!task) return false
  if (inboxIds && typeof inboxIds.has === 'function' && inboxIds.has(task.id)) return true
  return !!myOrg && assignmentsOf(task).some((a) => a.assigneeOrg === myOrg && !a.viaNode)
}

/** What there is to do on a task of the inbox: the to-do steps of the user's assignment. */
export function inboxTodo(task, myOrg = '') {
  const mine = myAssignment(task, myOrg)
  return mine ? todoActions(mine) : []
}

/** How many reports of an issued task await the user's decision (assignments the user may accept or return). */
export function outboxTodo(task) {
  return assignmentsOf(task).filter((a) => todoActions(a).length > 0).length
}

/** The list with the task replaced (same id) or added in front. */
export function upsertTask(list, task) {
  if (!task || !task.id) return Array.isArray(list) ? list : []
  const items = Array.isArray(list) ? list : []
  const i = items.findIndex((x) => x && x.id === task.id)
  if (i < 0) return [task, ...items]
  const next = items.slice()
  next[i] = task
  return next
}

// ---- progress of the tasks passed on ----------------------------------------------------------------------------

function textOrNull(value) {
  return value === null || value === undefined || value === '' ? null : String(value)
}

function parseArray(value) {
  if (Array.isArray(value)) return value
  if (typeof value !== 'string' || !value.trim()) return []
  try {
    const parsed = JSON.parse(value)
    return Array.isArray(parsed) ? parsed : []
  } catch {
    return []
  }
}

function normalizeProgress(list, depth) {
  if (depth > MAX_PROGRESS_DEPTH) return []
  return parseArray(list)
    .filter((row) => row && typeof row === 'object' && !Array.isArray(row))
    .map((row) => ({
      org: String(row.org ?? ''),
      name: textOrNull(row.name),
      status: textOrNull(row.status),
      reportedAt: textOrNull(row.reportedAt),
      overdue: row.overdue === true,
      progress: normalizeProgress(row.progress, depth + 1)
    }))
}

/**
 * How the assignee's own subordinates stand after it passed the task on (TaskAssignment.progress, a JSON string, or
 * the array itself): [{org, name, status, reportedAt, overdue, progress: [...] one level further down}]; [] when
 * absent or unreadable.
 */
export function parseProgress(progress) {
  return normalizeProgress(progress, 1)
}

/**
 * The progress tree (as parseProgress reads it: the JSON string, or the array) as rows, depth first: [{key, depth (1 = the assignee's direct subordinates), org, name, status,
 * reportedAt, overdue, children (how many directly below)}].
 */
export function flattenProgress(nodes) {
  const rows = []
  const walk = (list, depth, prefix) => {
    list.forEach((node, i) => {
      const key = `${prefix}/${i}:${node.org}`
      rows.push({
        key,
        depth,
        org: node.org,
        name: node.name,
        status: node.status,
        reportedAt: node.reportedAt,
        overdue: node.overdue,
        children: node.progress.length
      })
      walk(node.progress, depth + 1, key)
    })
  }
  walk(parseProgress(nodes), 1, '')
  return rows
}

/**
 * Counts over a progress tree: {ISSUED, …, CANCELLED, total, overdue, reported (REPORTED + ACCEPTED), levels (how
 * deep it goes)}; deep false: the direct subordinates only (depth 1), else every level.
 */
export function progressCounts(nodes, { deep = true } = {}) {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]))
  counts.total = 0
  counts.overdue = 0
  counts.levels = 0
  for (const row of flattenProgress(nodes)) {
    counts.levels = Math.max(counts.levels, row.depth)
    if (!deep && row.depth > 1) continue
    counts.total++
    if (TASK_STATUSES.includes(row.status)) counts[row.status]++
    if (row.overdue) counts.overdue++
  }
  counts.reported = counts.REPORTED + counts.ACCEPTED
  return counts
}

// ---- the timeline -------------------------------------------------------------------------------------------------

/**
 * The file name and the start of the SHA-256 in the note of a "file attached" event, as the server writes it
 * ("附件：<name>（SHA-256 <16 hex digits>…）"): {fileName, hashPrefix}, or null for another note.
 */
export function parseAttachNote(note) {
  const match = /^附件：(.*)（SHA-256 ([0-9a-fA-F]+)…?）$/s.exec(String(note ?? '').trim())
  return match ? { fileName: match[1], hashPrefix: match[2].toLowerCase() } : null
}

/**
 * The task's history as timeline items, oldest first: the issue events of one moment by one actor (one per assignee;
 * action and from null) as one item {kind: 'issue', key, at, actor, orgs: [code]}; a file attached to an assignment
 * (action null, from set: the status stays) as {kind: 'attach', key, ...event, fileName, hashPrefix, sha256 (the whole
 * hash when attachments, the task's files, name the file; else '')}; every other event as {kind: 'step', key, ...event}.
 */
export function timelineItems(history, attachments = []) {
  const events = (Array.isArray(history) ? history : []).filter((e) => e && typeof e === 'object')
  const files = Array.isArray(attachments) ? attachments.filter((f) => f && typeof f === 'object') : []
  const items = []
  for (const e of events) {
    if (!e.action && !e.from) {
      const last = items[items.length - 1]
      if (last && last.kind === 'issue' && last.at === e.at && last.actor === e.actor) {
        if (!last.orgs.includes(e.assigneeOrg)) last.orgs.push(e.assigneeOrg)
        continue
      }
      items.push({ kind: 'issue', key: `issue-${e.id ?? items.length}`, at: e.at, actor: e.actor, orgs: [e.assigneeOrg] })
    } else if (!e.action) {
      const parsed = parseAttachNote(e.note)
      const file = parsed
        ? files.find(
            (f) => f.assigneeOrg === e.assigneeOrg && f.fileName === parsed.fileName && String(f.sha256 ?? '').toLowerCase().startsWith(parsed.hashPrefix)
          )
        : null
      items.push({
        kind: 'attach',
        key: `attach-${e.id ?? items.length}`,
        ...e,
        fileName: parsed ? parsed.fileName : '',
        hashPrefix: parsed ? parsed.hashPrefix : '',
        sha256: file ? String(file.sha256) : ''
      })
    } else {
      items.push({ kind: 'step', key: `step-${e.id ?? items.length}`, ...e })
    }
  }
  return items
}

/** The names of a task's assignees by code (for the timeline, which names codes only). */
export function assigneeNames(...tasks) {
  const names = new Map()
  for (const task of tasks.flat()) {
    for (const a of assignmentsOf(task)) if (a.assigneeName && !names.has(a.assigneeOrg)) names.set(a.assigneeOrg, a.assigneeName)
  }
  return names
}

// ---- the issue form -----------------------------------------------------------------------------------------------

function toTime(value) {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? value : new Date(value)
  const time = d.getTime()
  return Number.isFinite(time) ? time : NaN
}

/** The codes chosen, trimmed, without empties and repeats, in order (the server drops repeats too). */
export function normalizeAssignees(values) {
  const codes = []
  for (const value of Array.isArray(values) ? values : []) {
    const code = String(value ?? '').trim()
    if (code && !codes.includes(code)) codes.push(code)
  }
  return codes
}

/**
 * Client checks of a task as the server makes them: {title, body, deadline, assignees}, each a problem or absent:
 * title 'required' / 'tooLong', body 'tooLong', deadline 'invalid' / 'past', assignees 'required' / 'tooMany'.
 */
export function validateTaskDraft(draft, now = Date.now()) {
  const problems = {}
  const title = String(draft?.title ?? '').trim()
  if (!title) problems.title = 'required'
  else if (title.length > MAX_TASK_TITLE) problems.title = 'tooLong'
  const body = String(draft?.body ?? '')
  if (body.trim().length > MAX_TASK_BODY) problems.body = 'tooLong'
  const deadline = toTime(draft?.deadline)
  if (Number.isNaN(deadline)) problems.deadline = 'invalid'
  else if (deadline !== null && deadline <= now) problems.deadline = 'past'
  const assignees = normalizeAssignees(draft?.assignees)
  if (!assignees.length) problems.assignees = 'required'
  else if (assignees.length > MAX_TASK_ASSIGNEES) problems.assignees = 'tooMany'
  return problems
}

/** The body of POST /api/tasks (and of passing on): {title, body (null when empty), deadline (ISO or null), assignees}. */
export function taskDraftBody(draft) {
  const body = String(draft?.body ?? '').trim()
  const deadline = toTime(draft?.deadline)
  return {
    title: String(draft?.title ?? '').trim(),
    body: body || null,
    deadline: deadline === null || Number.isNaN(deadline) ? null : new Date(deadline).toISOString(),
    assignees: normalizeAssignees(draft?.assignees)
  }
}

/**
 * The server's field errors as the form's fields: assignees[i] is the assignees field, naming the i-th code sent
 * ({..., field: 'assignees', assignee: code}).
 */
export function taskFormErrors(list, sentAssignees) {
  return (Array.isArray(list) ? list : []).map((e) => {
    const match = /^assignees\[(\d+)\]$/.exec(String(e?.field ?? ''))
    return match ? { ...e, field: 'assignees', assignee: (sentAssignees || [])[Number(match[1])] || '' } : e
  })
}

/** Client check of a step's text: 'required' (report, return, cancel without text), 'tooLong', or null. */
export function actionTextProblem(action, text) {
  const value = String(text ?? '').trim()
  if (actionNeedsText(action) && !value) return 'required'
  if (value.length > MAX_TASK_TEXT) return 'tooLong'
  return null
}

/** Whether a task's deadline has passed. */
export function deadlinePassed(task, now = Date.now()) {
  const deadline = toTime(task?.deadline)
  return deadline !== null && !Number.isNaN(deadline) && deadline < now
}

// ---- the reports' files -------------------------------------------------------------------------------------------

/**
 * Whether the user may add files to an assignment: the server takes them from the assignee's own organisation while
 * it may still report (ISSUED, RECEIVED, RETURNED), which is when it offers REPORT.
 */
export function canAttach(assignment) {
  return actionsOf(assignment).includes('REPORT')
}

/** The files of one assignment among a task's attachments (GET /api/tasks/{id}), in the order they were added. */
export function attachmentsOf(attachments, org) {
  return (Array.isArray(attachments) ? attachments : [])
    .filter((f) => f && typeof f === 'object' && f.assigneeOrg === org)
    .sort((a, b) => {
      const ia = Number(a.id)
      const ib = Number(b.id)
      if (Number.isFinite(ia) && Number.isFinite(ib) && ia !== ib) return ia - ib
      return String(a.uploadedAt ?? '').localeCompare(String(b.uploadedAt ?? ''))
    })
}

/** Client check of a file chosen for a report: 'empty', 'tooLarge' (over 10 MB, the server's limit), or null. */
export function taskAttachmentProblem(file) {
  const size = Number(file?.size)
  if (!Number.isFinite(size) || size <= 0) return 'empty'
  if (size > MAX_TASK_ATTACHMENT_BYTES) return 'tooLarge'
  return null
}
