// Tasks across the levels (requirement E4, TasksResource): a regulator issues a task to chosen subordinate
// organisations (on this node, or lower nodes reached through the data exchange); each assignee receives it, passes it
// on if need be and reports back; the issuer accepts, returns or cancels. Every call goes through request() of
// http.js (session cookie, CSRF header on POST, errors as ApiError with the server's body {status, message, code?,
// fieldErrors?}). task:view for reading and the steps (the server says per assignment which steps are the caller's, in
// `actions`), task:issue for the assignees, issuing and passing on (403 otherwise).
import { request } from './http.js'
import { uploadContentType } from '../utils/files.js'

function enc(value) {
  return encodeURIComponent(String(value))
}

/**
 * Tasks, newest first: box 'inbox' (issued to the caller's organisation) or 'outbox' (issued by it); limit 1-500 (the
 * server's default 100). Each: {id, parentId, title, body, issuerOrg, issuerName, issuedBy, issuedAt, deadline,
 * fromNode, assignments: [{taskId, assigneeOrg, assigneeName, status, viaNode, report, reportedBy, reportedAt, note,
 * updatedAt, progress (JSON string or null), overdue, actions: ['RECEIVE'|'REPORT'|'ACCEPT'|'RETURN'|'CANCEL']}]}.
 */
export function getTasks({ box = 'inbox', limit } = {}) {
  return request('/tasks', { query: { box, limit } })
}

/** The organisations the caller can issue tasks to: [{code, name, node}] (node: a lower node, through the exchange). */
export function getTaskAssignees() {
  return request('/tasks/assignees')
}

/**
 * Issues a task {title, body, deadline (ISO instant or null), assignees: [code]} (201 with the task). Refusals: 400
 * VALIDATION with fieldErrors (title, body, deadline, assignees, assignees[i]).
 */
export function issueTask(body) {
  return request('/tasks', { method: 'POST', body })
}

/**
 * One task: {task, forwards: [Task] (the tasks passing it on), history: [{id, taskId, assigneeOrg, action, from, to,
 * actor, note, at}] (action null: the issue when from is null too, else a file attached), attachments: [{id, taskId,
 * assigneeOrg, fileName, contentType, size, sha256, uploadedAt, uploadedBy}] (the reports' files, by assignment)}.
 */
export function getTask(id) {
  return request(`/tasks/${enc(id)}`)
}

/** Passes a task the caller's organisation received on to its own subordinates (201 with the new task); body as issueTask. */
export function forwardTask(id, body) {
  return request(`/tasks/${enc(id)}/forward`, { method: 'POST', body })
}

/**
 * One step of an organisation's assignment: action RECEIVE, REPORT, ACCEPT, RETURN or CANCEL; text the report (REPORT)
 * or the reason (RETURN, CANCEL), required for these. Resolves to the task as it is now; 409 CONFLICT when the step is
 * not possible (anymore) or not the caller's.
 */
export function actOnTask(id, org, action, text) {
  const body = text === undefined || text === null ? {} : { text }
  return request(`/tasks/${enc(id)}/assignments/${enc(org)}/${enc(String(action).toLowerCase())}`, { method: 'POST', body })
}

/**
 * Adds a file to the caller's own assignment before it reports (task:report, the assignee's organisation, while
 * ISSUED, RECEIVED or RETURNED): the file's raw bytes with its own Content-Type and ?fileName=, at most 10 MB. 201
 * with the attachment {id, taskId, assigneeOrg, fileName, contentType, size, sha256, uploadedAt, uploadedBy}; the
 * report takes the files up the levels. Refusals: 400 VALIDATION (fileName, contentType, content EMPTY / TOO_LARGE),
 * 403 (not the assignee's), 409 CONFLICT (reported already, or the same file under the same name twice).
 */
export function attachTaskFile(id, org, file, { timeout = 120000 } = {}) {
  return request(`/tasks/${enc(id)}/assignments/${enc(org)}/attachments`, {
    method: 'POST',
    query: { fileName: file.name },
    raw: file,
    contentType: uploadContentType(file),
    timeout
  })
}

/** The bytes of a report's file (header X-Content-SHA256): resolves to {blob, fileName, contentType}. */
export function getTaskAttachment(id, attachmentId) {
  return request(`/tasks/${enc(id)}/attachments/${enc(attachmentId)}`, { responseType: 'blob', timeout: 120000 })
}
