// Unit tests of the task helpers: node --test src/utils/tasks.test.js (Node's own test runner, no dependency; the
// helpers import nothing).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  actionNeedsText,
  actionTextProblem,
  actionsOf,
  assigneeNames,
  attachmentsOf,
  canAttach,
  deadlinePassed,
  flattenProgress,
  inboxTodo,
  isFinalStatus,
  isReceiver,
  myAssignment,
  myOrgCode,
  normalizeAssignees,
  outboxTodo,
  parseAttachNote,
  parseProgress,
  progressCounts,
  reportSummary,
  statusBreakdown,
  statusCounts,
  taskAttachmentProblem,
  taskDraftBody,
  taskFormErrors,
  taskStatusTag,
  timelineItems,
  todoActions,
  upsertTask,
  validateTaskDraft
} from './tasks.js'

const USCC = '91370281MA3HW2026N'

function assignment(org, status, extra = {}) {
  return { taskId: 't1', assigneeOrg: org, assigneeName: `名称${org}`, status, viaNode: null, overdue: false, actions: [], ...extra }
}

const issued = {
  id: 't1',
  title: '排查储罐区',
  issuerOrg: '370200',
  deadline: '2026-12-01T00:00:00Z',
  fromNode: null,
  assignments: [
    assignment('370281', 'ISSUED', { overdue: true, actions: ['CANCEL'] }),
    assignment('370282', 'RECEIVED', { actions: ['CANCEL'] }),
    assignment('370283', 'REPORTED', { actions: ['ACCEPT', 'RETURN', 'CANCEL'] }),
    assignment('370284', 'ACCEPTED'),
    assignment('370285', 'CANCELLED'),
    assignment(USCC, 'REPORTED', { viaNode: USCC, actions: ['CANCEL', 'RETURN', 'ACCEPT'] })
  ]
}

test('statuses are counted, reported includes the accepted, the total leaves out the cancelled', () => {
  const c = statusCounts(issued)
  assert.equal(c.total, 6)
  assert.equal(c.ISSUED, 1)
  assert.equal(c.REPORTED, 2)
  assert.equal(c.CANCELLED, 1)
  assert.equal(c.overdue, 1)
  assert.deepEqual(reportSummary(issued), { reported: 3, accepted: 1, total: 5 })
  assert.deepEqual(statusBreakdown(issued).map((x) => `${x.status}:${x.count}`), ['ISSUED:1', 'RECEIVED:1', 'REPORTED:2', 'ACCEPTED:1', 'CANCELLED:1'])
  assert.deepEqual(statusCounts(null).total, 0)
  assert.deepEqual(reportSummary({ assignments: 'nonsense' }), { reported: 0, accepted: 0, total: 0 })
  assert.equal(statusCounts({ assignments: [assignment('x', 'LATER')] }).unknown, 1)
})

test('actions come in workflow order; cancelling is not a to-do', () => {
  assert.deepEqual(actionsOf(issued.assignments[5]), ['ACCEPT', 'RETURN', 'CANCEL'])
  assert.deepEqual(actionsOf({ actions: ['report', 'receive', 'fly'] }), ['RECEIVE', 'REPORT'])
  assert.deepEqual(todoActions(issued.assignments[0]), [])
  assert.deepEqual(todoActions(issued.assignments[2]), ['ACCEPT', 'RETURN'])
  assert.equal(outboxTodo(issued), 2)
  assert.equal(outboxTodo({}), 0)
  assert.ok(actionNeedsText('REPORT') && actionNeedsText('RETURN') && actionNeedsText('CANCEL'))
  assert.ok(!actionNeedsText('RECEIVE') && !actionNeedsText('ACCEPT'))
  assert.ok(isFinalStatus('ACCEPTED') && isFinalStatus('CANCELLED') && !isFinalStatus('RETURNED'))
  assert.equal(taskStatusTag('ACCEPTED').type, 'success')
  assert.equal(taskStatusTag('whatever').type, 'info')
})

test("the user's organisation is the code of their data scope, none for a nationwide scope", () => {
  assert.equal(myOrgCode({ scope: { kind: 'REGION', code: '370281' } }), '370281')
  assert.equal(myOrgCode({ scope: { kind: 'ENTERPRISE', code: USCC } }), USCC)
  assert.equal(myOrgCode({ scope: { kind: 'ALL', code: null, all: true } }), '')
  assert.equal(myOrgCode(null), '')
})

test("the user's assignment: theirs by code, else the only one they act on, else the only local one", () => {
  const inbox = {
    id: 't2',
    assignments: [
      assignment('370281', 'ISSUED', { actions: ['RECEIVE', 'REPORT'] }),
      assignment('370282', 'ISSUED'),
      assignment(USCC, 'ISSUED', { viaNode: USCC })
    ]
  }
  assert.equal(myAssignment(inbox, '370282').assigneeOrg, '370282')
  assert.equal(myAssignment(inbox, '').assigneeOrg, '370281')
  // a code worked on a lower node is not the user's here
  assert.equal(myAssignment(inbox, USCC).assigneeOrg, '370281')
  assert.equal(myAssignment({ assignments: [assignment('370281', 'REPORTED')], fromNode: '370200' }).assigneeOrg, '370281')
  assert.equal(myAssignment({ assignments: [assignment('a', 'REPORTED'), assignment('b', 'REPORTED')] }), null)
  assert.deepEqual(inboxTodo(inbox, '370281'), ['RECEIVE', 'REPORT'])
  assert.deepEqual(inboxTodo(inbox, '370282'), [])
  assert.ok(isReceiver(inbox, '370282'))
  assert.ok(!isReceiver(inbox, USCC))
  assert.ok(isReceiver(inbox, '', new Set(['t2'])))
  assert.ok(!isReceiver(inbox, '', new Set(['t1'])))
  assert.ok(!isReceiver(null, '370281'))
})

test('a task is replaced in the list or added in front', () => {
  const a = { id: 'a', title: 'A' }
  const b = { id: 'b', title: 'B' }
  assert.deepEqual(upsertTask([a, b], { id: 'b', title: 'B2' }).map((t) => t.title), ['A', 'B2'])
  assert.deepEqual(upsertTask([a], b).map((t) => t.id), ['b', 'a'])
  assert.deepEqual(upsertTask(null, a), [a])
  assert.deepEqual(upsertTask([a], null), [a])
})

test('progress is read from its JSON string, nested, and flattened depth first', () => {
  const progress = JSON.stringify([
    { org: '370281', name: '县甲', status: 'REPORTED', reportedAt: '2026-11-30T08:00:00Z', overdue: false },
    {
      org: '370282',
      name: '县乙',
      status: 'RECEIVED',
      reportedAt: null,
      overdue: true,
      progress: [
        { org: USCC, name: '企业', status: 'ACCEPTED', reportedAt: '2026-11-30T09:00:00Z' },
        { org: '91370282MA3HW2027X', name: null, status: 'ISSUED', overdue: true }
      ]
    }
  ])
  const tree = parseProgress(progress)
  assert.equal(tree.length, 2)
  assert.equal(tree[1].progress.length, 2)
  assert.equal(tree[1].progress[0].progress.length, 0)
  const rows = flattenProgress(tree)
  assert.deepEqual(rows.map((r) => `${r.depth}:${r.org}:${r.status}`), [
    '1:370281:REPORTED',
    '1:370282:RECEIVED',
    `2:${USCC}:ACCEPTED`,
    '2:91370282MA3HW2027X:ISSUED'
  ])
  assert.equal(rows[1].children, 2)
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length)
  assert.deepEqual(flattenProgress(progress).length, 4)
  const c = progressCounts(tree)
  assert.equal(c.total, 4)
  assert.equal(c.reported, 2)
  assert.equal(c.overdue, 2)
  assert.equal(c.levels, 2)
  const direct = progressCounts(tree, { deep: false })
  assert.equal(direct.total, 2)
  assert.equal(direct.reported, 1)
  assert.equal(direct.overdue, 1)
  assert.equal(direct.levels, 2)
  assert.equal(progressCounts(null).levels, 0)
})

test('unreadable progress is empty', () => {
  assert.deepEqual(parseProgress(null), [])
  assert.deepEqual(parseProgress(''), [])
  assert.deepEqual(parseProgress('{not json'), [])
  assert.deepEqual(parseProgress('{"org":"x"}'), [])
  assert.deepEqual(parseProgress([null, 1, 'x', { org: 'a' }]).map((r) => r.org), ['a'])
  let deep = []
  for (let i = 0; i < 30; i++) deep = [{ org: `o${i}`, status: 'ISSUED', progress: deep }]
  assert.ok(flattenProgress(deep).length <= 12)
})

test('the issue events of one moment make one timeline item', () => {
  const at = '2026-11-30T07:00:00Z'
  const history = [
    { id: 1, assigneeOrg: '370281', action: null, from: null, to: 'ISSUED', actor: 'lead', at },
    { id: 2, assigneeOrg: '370282', action: null, from: null, to: 'ISSUED', actor: 'lead', at },
    { id: 3, assigneeOrg: '370281', action: 'RECEIVE', from: 'ISSUED', to: 'RECEIVED', actor: 'county', at: '2026-11-30T07:05:00Z' },
    { id: 4, assigneeOrg: '370281', action: 'REPORT', from: 'RECEIVED', to: 'REPORTED', actor: 'county', note: '已完成', at: '2026-11-30T08:00:00Z' }
  ]
  const items = timelineItems(history)
  assert.deepEqual(items.map((i) => i.kind), ['issue', 'step', 'step'])
  assert.deepEqual(items[0].orgs, ['370281', '370282'])
  assert.equal(items[2].note, '已完成')
  assert.equal(new Set(items.map((i) => i.key)).size, 3)
  assert.deepEqual(timelineItems(null), [])
  const names = assigneeNames(issued, [{ assignments: [assignment('x', 'ISSUED')] }])
  assert.equal(names.get('370281'), '名称370281')
  assert.equal(names.get('x'), '名称x')
})

test('a file attached is its own timeline item, not the issue nor a step', () => {
  const sha = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12'
  const history = [
    { id: 1, assigneeOrg: '370281', action: null, from: null, to: 'ISSUED', actor: 'lead', at: '2026-11-30T07:00:00Z' },
    { id: 2, assigneeOrg: '370281', action: null, from: 'ISSUED', to: 'ISSUED', actor: 'county', note: `附件：罐区照片.png（SHA-256 ${sha.slice(0, 16)}…）`, at: '2026-11-30T07:10:00Z' },
    { id: 3, assigneeOrg: '370281', action: null, from: 'ISSUED', to: 'ISSUED', actor: 'county', note: '附件：other.pdf（SHA-256 0000000000000000…）', at: '2026-11-30T07:11:00Z' },
    { id: 4, assigneeOrg: '370281', action: 'REPORT', from: 'ISSUED', to: 'REPORTED', actor: 'county', note: '已完成', at: '2026-11-30T08:00:00Z' },
    // the same moment and actor as the issue, but a file: not merged into the issue
    { id: 5, assigneeOrg: '370282', action: null, from: 'RECEIVED', to: 'RECEIVED', actor: 'lead', note: 'x', at: '2026-11-30T07:00:00Z' }
  ]
  const files = [{ id: 7, assigneeOrg: '370281', fileName: '罐区照片.png', sha256: sha }]
  const items = timelineItems(history, files)
  assert.deepEqual(items.map((i) => i.kind), ['issue', 'attach', 'attach', 'step', 'attach'])
  assert.deepEqual(items[0].orgs, ['370281'])
  assert.equal(items[1].fileName, '罐区照片.png')
  assert.equal(items[1].hashPrefix, sha.slice(0, 16))
  assert.equal(items[1].sha256, sha, 'the whole hash from the task\'s files')
  assert.equal(items[1].assigneeOrg, '370281')
  assert.equal(items[2].fileName, 'other.pdf')
  assert.equal(items[2].sha256, '', 'no file of that name and hash')
  assert.equal(items[4].fileName, '', 'a note the page cannot read')
  assert.equal(items[4].note, 'x')
  assert.equal(new Set(items.map((i) => i.key)).size, items.length)
  // without the files the items are the same, only without the whole hash
  assert.equal(timelineItems(history)[1].sha256, '')
})

test("the note of a file attached is read as the server writes it", () => {
  assert.deepEqual(parseAttachNote('附件：a（b）.png（SHA-256 0123456789ABCDEF…）'), { fileName: 'a（b）.png', hashPrefix: '0123456789abcdef' })
  assert.equal(parseAttachNote('已完成'), null)
  assert.equal(parseAttachNote(null), null)
})

test("files are added to the user's own assignment while it may report, at most 10 MB each", () => {
  assert.equal(canAttach(assignment('370281', 'ISSUED', { actions: ['RECEIVE', 'REPORT'] })), true)
  assert.equal(canAttach(assignment('370281', 'RETURNED', { actions: ['report'] })), true)
  assert.equal(canAttach(assignment('370281', 'REPORTED', { actions: ['ACCEPT', 'RETURN', 'CANCEL'] })), false)
  assert.equal(canAttach(null), false)
  assert.equal(taskAttachmentProblem({ size: 0 }), 'empty')
  assert.equal(taskAttachmentProblem({}), 'empty')
  assert.equal(taskAttachmentProblem({ size: 10 * 1024 * 1024 }), null)
  assert.equal(taskAttachmentProblem({ size: 10 * 1024 * 1024 + 1 }), 'tooLarge')
  const files = [
    { id: 12, assigneeOrg: 'b', fileName: 'late.png' },
    { id: 3, assigneeOrg: 'b', fileName: 'early.png' },
    { id: 5, assigneeOrg: 'a', fileName: 'other.png' },
    null
  ]
  assert.deepEqual(attachmentsOf(files, 'b').map((f) => f.fileName), ['early.png', 'late.png'])
  assert.deepEqual(attachmentsOf(files, 'c'), [])
  assert.deepEqual(attachmentsOf(undefined, 'b'), [])
})

test('the issue form is checked as the server checks it', () => {
  const now = Date.parse('2026-11-30T08:00:00Z')
  const ok = { title: ' 排查 ', body: '', deadline: new Date(now + 3600000), assignees: ['370281'] }
  assert.deepEqual(validateTaskDraft(ok, now), {})
  assert.deepEqual(validateTaskDraft({ ...ok, deadline: null }, now), {})
  assert.deepEqual(validateTaskDraft({}, now), { title: 'required', assignees: 'required' })
  assert.equal(validateTaskDraft({ ...ok, title: '   ' }, now).title, 'required')
  assert.equal(validateTaskDraft({ ...ok, title: 'x'.repeat(201) }, now).title, 'tooLong')
  assert.equal(validateTaskDraft({ ...ok, title: `  ${'x'.repeat(200)}  ` }, now).title, undefined)
  assert.equal(validateTaskDraft({ ...ok, body: 'x'.repeat(10001) }, now).body, 'tooLong')
  assert.equal(validateTaskDraft({ ...ok, deadline: new Date(now) }, now).deadline, 'past')
  assert.equal(validateTaskDraft({ ...ok, deadline: 'not a date' }, now).deadline, 'invalid')
  assert.equal(validateTaskDraft({ ...ok, assignees: Array.from({ length: 201 }, (_, i) => `c${i}`) }, now).assignees, 'tooMany')
  assert.equal(validateTaskDraft({ ...ok, assignees: [...Array(201).fill('same')] }, now).assignees, undefined)
  assert.deepEqual(normalizeAssignees([' a ', 'b', '', null, 'a']), ['a', 'b'])
})

test('the issue form is sent trimmed, the deadline as an ISO instant', () => {
  const deadline = new Date('2026-12-31T16:00:00Z')
  assert.deepEqual(taskDraftBody({ title: ' 排查 ', body: '  ', deadline, assignees: ['b', 'a', 'b'] }), {
    title: '排查',
    body: null,
    deadline: '2026-12-31T16:00:00.000Z',
    assignees: ['b', 'a']
  })
  assert.equal(taskDraftBody({ title: 't', body: ' 说明 ', deadline: null, assignees: [] }).body, '说明')
  assert.equal(taskDraftBody({ title: 't', deadline: '' }).deadline, null)
})

test("the server's assignees[i] errors name the code sent", () => {
  const errors = taskFormErrors(
    [
      { field: 'assignees[1]', code: 'NOT_SUBORDINATE', message: 'x is not below' },
      { field: 'title', code: 'REQUIRED' }
    ],
    ['370281', '999999']
  )
  assert.deepEqual(errors[0], { field: 'assignees', code: 'NOT_SUBORDINATE', message: 'x is not below', assignee: '999999' })
  assert.deepEqual(errors[1], { field: 'title', code: 'REQUIRED' })
  assert.deepEqual(taskFormErrors(null, []), [])
})

test('a step asks for text where the server does', () => {
  assert.equal(actionTextProblem('REPORT', '  '), 'required')
  assert.equal(actionTextProblem('RETURN', ''), 'required')
  assert.equal(actionTextProblem('CANCEL', null), 'required')
  assert.equal(actionTextProblem('RECEIVE', ''), null)
  assert.equal(actionTextProblem('ACCEPT', undefined), null)
  assert.equal(actionTextProblem('REPORT', 'x'.repeat(10001)), 'tooLong')
  assert.equal(actionTextProblem('REPORT', '已完成排查'), null)
})

test('a deadline passes', () => {
  const now = Date.parse('2026-11-30T08:00:00Z')
  assert.ok(deadlinePassed({ deadline: '2026-11-30T07:59:59Z' }, now))
  assert.ok(!deadlinePassed({ deadline: '2026-11-30T08:00:01Z' }, now))
  assert.ok(!deadlinePassed({ deadline: null }, now))
  assert.ok(!deadlinePassed({}, now))
})
