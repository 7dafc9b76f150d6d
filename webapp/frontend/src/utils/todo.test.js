// Unit tests of the to-do helpers: node --test src/utils/todo.test.js (Node's own test runner, no dependency; the
// helpers import nothing).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TODO_KINDS,
  compareTodo,
  deadlineText,
  groupTodo,
  kindKey,
  normalizeTodo,
  normalizeTodoItem,
  statusKey,
  todoBadge,
  todoLocation
} from './todo.js'

const item = (kind, id, extra = {}) => ({ kind, id, title: `${kind} ${id}`, status: 'X', actions: [], deadline: null, overdue: false, link: '', ...extra })

test('the answer is cleaned up: unusable items dropped, counts as the server gave them', () => {
  const todo = normalizeTodo({
    total: 3,
    overdue: 1,
    items: [
      { kind: 'task', id: 'a1', title: '排查', status: 'ISSUED', actions: ['receive', 'REPORT'], deadline: '2026-12-01T00:00:00Z', overdue: true, link: '/tasks/a1' },
      { kind: 'equipment', id: 42, title: 'PSV-1', status: 'DUE', deadline: 'not a time' },
      { kind: '', id: 'x' },
      null,
      'junk'
    ]
  })
  assert.equal(todo.total, 3)
  assert.equal(todo.overdue, 1)
  assert.equal(todo.items.length, 2)
  assert.deepEqual(todo.items[0].actions, ['RECEIVE', 'REPORT'])
  assert.equal(todo.items[0].overdue, true)
  assert.equal(todo.items[1].id, '42', 'ids as strings')
  assert.equal(todo.items[1].deadline, null, 'an unreadable deadline is none')
  assert.deepEqual(todo.items[1].actions, [])
  assert.equal(todo.items[1].overdue, false)
  assert.equal(normalizeTodoItem({ kind: 'task' }), null, 'no id')
})

test('without counts the items are counted', () => {
  const todo = normalizeTodo({ items: [item('task', '1', { overdue: true }), item('registration', '2')] })
  assert.equal(todo.total, 2)
  assert.equal(todo.overdue, 1)
  assert.deepEqual(normalizeTodo(null), { total: 0, overdue: 0, items: [] })
  assert.deepEqual(normalizeTodo({ total: 'many', overdue: -1, items: [] }), { total: 0, overdue: 0, items: [] })
})

test('overdue first, then the earliest deadline, none last, then the title', () => {
  const list = [
    item('task', 'none', { title: 'b' }),
    item('task', 'late', { deadline: '2026-12-05T00:00:00Z' }),
    item('task', 'overdue', { overdue: true, deadline: '2026-12-09T00:00:00Z' }),
    item('task', 'early', { deadline: '2026-12-01T00:00:00Z' }),
    item('task', 'none2', { title: 'a' })
  ]
  assert.deepEqual(list.slice().sort(compareTodo).map((i) => i.id), ['overdue', 'early', 'late', 'none2', 'none'])
})

test('items are grouped by kind in a fixed order, unknown kinds last, empty groups left out', () => {
  const groups = groupTodo([
    item('equipment', 'e1'),
    item('new-kind', 'n1'),
    item('task', 't2', { deadline: '2026-12-05T00:00:00Z' }),
    item('hidden-danger', 'h1', { overdue: true }),
    item('task', 't1', { overdue: true }),
    null
  ])
  assert.deepEqual(groups.map((g) => g.kind), ['task', 'hidden-danger', 'equipment', 'new-kind'])
  assert.deepEqual(groups[0].items.map((i) => i.id), ['t1', 't2'])
  assert.equal(groups[0].overdue, 1)
  assert.equal(groups[1].key, 'hiddenDanger')
  assert.equal(groups[3].key, null)
  assert.deepEqual(groupTodo(undefined), [])
  assert.deepEqual(TODO_KINDS, ['task', 'registration', 'hidden-danger', 'equipment'])
})

test('message keys of the kinds and the statuses', () => {
  assert.equal(kindKey('hidden-danger'), 'hiddenDanger')
  assert.equal(kindKey('task'), 'task')
  assert.equal(kindKey('toString'), null, 'no inherited keys')
  assert.equal(statusKey(item('hidden-danger', '1', { status: 'AWAITING_ACCEPTANCE' })), 'todo.statuses.hiddenDanger.AWAITING_ACCEPTANCE')
  assert.equal(statusKey(item('equipment', '1', { status: 'OUT_OF_SERVICE' })), 'todo.statuses.equipment.OUT_OF_SERVICE')
  assert.equal(statusKey(item('unknown', '1', { status: 'DRAFT' })), null)
  assert.equal(statusKey(item('task', '1', { status: 'a.b' })), null, 'nothing that could walk the message tree')
  assert.equal(statusKey(item('task', '1', { status: '' })), null)
})

test('the badge: the total, red when something is overdue, hidden when nothing awaits', () => {
  assert.deepEqual(todoBadge({ total: 5, overdue: 0 }), { value: 5, hidden: false, type: 'primary' })
  assert.deepEqual(todoBadge({ total: 5, overdue: 2 }), { value: 5, hidden: false, type: 'danger' })
  assert.deepEqual(todoBadge({ total: 0, overdue: 0 }), { value: 0, hidden: true, type: 'primary' })
  assert.equal(todoBadge({ total: 120, overdue: 0 }).value, '99+')
  assert.equal(todoBadge(null).hidden, true)
})

test('an item opens its page; a task opens in the tasks page, a decision in the issued tab', () => {
  assert.deepEqual(todoLocation(item('task', 'a1', { link: '/tasks/a1', actions: ['RECEIVE', 'REPORT'] })), { path: '/tasks', query: { task: 'a1' } })
  assert.deepEqual(todoLocation(item('task', 'a2', { link: '/tasks/a2', actions: ['ACCEPT', 'RETURN', 'CANCEL'] })), {
    path: '/tasks',
    query: { tab: 'outbox', task: 'a2' }
  })
  assert.deepEqual(todoLocation(item('task', 'a3', { link: '' })), { path: '/tasks', query: { task: 'a3' } })
  assert.equal(todoLocation(item('hidden-danger', 'h1', { link: '/hidden-dangers/h1' })), '/hidden-dangers/h1')
  assert.equal(todoLocation(item('registration', 'r 1', { link: '' })), '/registrations/r%201')
  assert.equal(todoLocation(item('equipment', '7', { link: 'https://elsewhere.example/x' })), '/equipment/7', 'never off the app')
  assert.equal(todoLocation(item('equipment', '7', { link: '//elsewhere.example/x' })), '/equipment/7')
  assert.equal(todoLocation(item('unknown', '1')), null)
  assert.equal(todoLocation(null), null)
})

test('deadlines: a day for equipment, with the time for the others', () => {
  const at = new Date(2026, 11, 1, 8, 5, 0).toISOString() // local time
  assert.equal(deadlineText(item('task', '1', { deadline: at })), '2026-12-01 08:05')
  assert.equal(deadlineText(item('equipment', '1', { deadline: at })), '2026-12-01')
  assert.equal(deadlineText(item('task', '1')), '')
})
