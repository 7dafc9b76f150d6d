// What awaits the signed-in person across the workflows (GET /api/todo; the header's bell): tasks to receive, report or
// decide, registration applications, hidden dangers, equipment due for inspection, each part only with its permission.
import { request } from './http.js'

/**
 * {total, overdue, items: [{kind: 'task'|'registration'|'hidden-danger'|'equipment', id, title, status, actions,
 * deadline (ISO or null), overdue, link (the web app's path, e.g. /hidden-dangers/<id>)}]}, overdue first.
 */
export function getTodo() {
  return request('/todo')
}
