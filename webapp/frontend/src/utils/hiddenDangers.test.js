// Unit tests of the hidden-danger helpers: node --test src/utils/hiddenDangers.test.js (Node's own test runner, no
// dependency; the helpers import only pure modules).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  actionsOf,
  attachmentsByStage,
  canAttach,
  categoryRows,
  checklistLines,
  dangerActionButtonType,
  dangerBody,
  dangerFieldErrors,
  dangerLevelTag,
  dangerRoles,
  dangerStatusTag,
  daysLeft,
  deadlineState,
  eventKind,
  fundsProblem,
  fundsValue,
  governanceBody,
  governanceEditable,
  inspectionBody,
  inspectionResultProblem,
  labelKey,
  levelRows,
  MAX_CHECKLIST_ITEMS,
  MAX_NOTE,
  noteRequired,
  noticeRequired,
  openTotal,
  plannableInspectionKinds,
  progressProblem,
  regionRows,
  reportPrerequisites,
  stepBody,
  timelineItems,
  toInstant,
  validateDanger,
  validateGovernance,
  validateInspection,
  validateStep
} from './hiddenDangers.js'
import { formatFileSize, previewKind, shortHash, uploadContentType, uploadProblem, MAX_UPLOAD_BYTES } from './files.js'

const NOW = Date.parse('2026-11-30T08:00:00Z')

test('status, level and action tags and label keys', () => {
  assert.deepEqual(dangerStatusTag('FOUND'), { type: 'danger', effect: 'light' })
  assert.deepEqual(dangerStatusTag('CLOSED'), { type: 'success', effect: 'light' })
  assert.equal(dangerStatusTag('AWAITING_ACCEPTANCE').type, 'primary')
  assert.equal(dangerStatusTag('LATER').type, 'info')
  assert.deepEqual(dangerLevelTag('MAJOR'), { type: 'danger', effect: 'dark' })
  assert.equal(dangerLevelTag('GENERAL').type, 'warning')
  assert.equal(dangerActionButtonType('ACCEPT'), 'success')
  assert.equal(dangerActionButtonType('REJECT'), 'warning')
  assert.equal(dangerActionButtonType('SOMETHING'), 'default')
  assert.equal(labelKey('statuses', 'RECTIFYING'), 'hiddenDangers.statuses.RECTIFYING')
  assert.equal(labelKey('categories', 'FIRE'), 'hiddenDangers.categories.FIRE')
  assert.equal(labelKey('stages', 'EVIDENCE'), 'hiddenDangers.stages.EVIDENCE')
  assert.equal(labelKey('inspectionKinds', 'SUPERVISION'), 'hiddenDangers.inspectionKinds.SUPERVISION')
  assert.equal(labelKey('categories', 'WEATHER'), null)
  assert.equal(labelKey('nothing', 'FIRE'), null)
})

test('roles follow the server: enterprise part, supervisor part, a nationwide administrator both', () => {
  const admin = { permissions: ['hidden-danger:view', 'hidden-danger:rectify', 'hidden-danger:supervise'], scope: { kind: 'ALL' }, organisation: { level: 'NATIONAL' } }
  assert.deepEqual(dangerRoles(admin), ['ENTERPRISE', 'SUPERVISOR'])
  const enterprise = { permissions: ['hidden-danger:view', 'hidden-danger:rectify'], scope: { kind: 'ENTERPRISE', code: '91370281MA3HW2026N' }, organisation: { level: 'ENTERPRISE' } }
  assert.deepEqual(dangerRoles(enterprise), ['ENTERPRISE'])
  const county = { permissions: ['hidden-danger:view', 'hidden-danger:supervise', 'hidden-danger:rectify'], scope: { kind: 'REGION', code: '370281' }, organisation: { level: 'COUNTY' } }
  assert.deepEqual(dangerRoles(county), ['SUPERVISOR'], 'rectify needs an enterprise scope')
  const city = { permissions: ['hidden-danger:supervise'], scope: { kind: 'REGION', code: '3702' }, organisation: { level: 'CITY' } }
  assert.deepEqual(dangerRoles(city), [], 'a city supervises nothing itself')
  assert.deepEqual(dangerRoles(null), [])
  assert.deepEqual(plannableInspectionKinds(['hidden-danger:rectify']), ['SELF'])
  assert.deepEqual(plannableInspectionKinds(['hidden-danger:rectify', 'hidden-danger:supervise']), ['SELF', 'SUPERVISION'])
  assert.deepEqual(plannableInspectionKinds([]), [])
})

test('actions in workflow order, unknown ones dropped', () => {
  assert.deepEqual(actionsOf({ actions: ['reject', 'ACCEPT', 'LATER'] }), ['ACCEPT', 'REJECT'])
  assert.deepEqual(actionsOf({}), [])
  assert.deepEqual(actionsOf(null), [])
  assert.equal(noteRequired('REPORT'), true)
  assert.equal(noteRequired('REJECT'), true)
  assert.equal(noteRequired('ACCEPT'), false)
  assert.equal(noticeRequired('ASSIGN', 'MAJOR'), true)
  assert.equal(noticeRequired('ASSIGN', 'GENERAL'), false)
  assert.equal(noticeRequired('REPORT', 'MAJOR'), false)
})

test('a step is checked as the server does', () => {
  const future = new Date(NOW + 7 * 86400000)
  // ASSIGN of a major hidden danger: responsible, a future deadline, the notice number
  assert.deepEqual(validateStep('ASSIGN', {}, { level: 'MAJOR', now: NOW }), { responsible: 'required', deadline: 'required', noticeNumber: 'required' })
  assert.deepEqual(validateStep('ASSIGN', { responsible: '张工', deadline: future }, { level: 'MAJOR', now: NOW }), { noticeNumber: 'required' })
  assert.deepEqual(validateStep('ASSIGN', { responsible: '张工', deadline: future, noticeNumber: '胶应急整改〔2026〕7号' }, { level: 'MAJOR', now: NOW }), {})
  assert.deepEqual(validateStep('ASSIGN', { responsible: '张工', deadline: future }, { level: 'GENERAL', now: NOW }), {}, 'no notice for a general one')
  assert.equal(validateStep('ASSIGN', { responsible: '张工', deadline: new Date(NOW - 1000) }, { level: 'GENERAL', now: NOW }).deadline, 'past')
  assert.equal(validateStep('ASSIGN', { responsible: '张工', deadline: new Date(NOW) }, { level: 'GENERAL', now: NOW }).deadline, 'past', 'now is not the future')
  assert.equal(validateStep('ASSIGN', { responsible: 'x'.repeat(101), deadline: future }, { now: NOW }).responsible, 'tooLong')
  assert.equal(validateStep('ASSIGN', { responsible: 'a', deadline: future, noticeNumber: 'n'.repeat(65) }, { level: 'MAJOR', now: NOW }).noticeNumber, 'tooLong')
  // REPORT and REJECT need their note; ACCEPT does not
  assert.deepEqual(validateStep('REPORT', { note: '  ' }, { now: NOW }), { note: 'required' })
  assert.deepEqual(validateStep('REJECT', {}, { now: NOW }), { note: 'required' })
  assert.deepEqual(validateStep('ACCEPT', {}, { now: NOW }), {})
  assert.deepEqual(validateStep('ACCEPT', { note: 'x'.repeat(MAX_NOTE + 1) }, { now: NOW }), { note: 'tooLong' })
})

test('a step body carries only its fields, the deadline as an ISO instant', () => {
  const deadline = new Date('2026-12-15T10:00:00Z')
  assert.deepEqual(stepBody('ASSIGN', { note: ' ', responsible: ' 张工 ', deadline, noticeNumber: ' 7号 ' }), {
    note: null,
    responsible: '张工',
    deadline: '2026-12-15T10:00:00.000Z',
    noticeNumber: '7号'
  })
  assert.deepEqual(stepBody('REPORT', { note: ' 已更换阀门 ', responsible: 'ignored' }), { note: '已更换阀门' })
  assert.equal(toInstant('2026-12-15T18:00:00+08:00'), '2026-12-15T10:00:00.000Z')
  assert.equal(toInstant(''), null)
  assert.equal(toInstant('not a date'), null)
})

test('what a report still lacks', () => {
  const general = { level: 'GENERAL', attachments: [{ stage: 'FINDING' }] }
  assert.deepEqual(reportPrerequisites(general), ['evidence'])
  assert.deepEqual(reportPrerequisites({ ...general, attachments: [{ stage: 'EVIDENCE' }] }), [])
  const major = { level: 'MAJOR', attachments: [], governance: { progressPercent: 60 } }
  assert.deepEqual(reportPrerequisites(major), ['evidence', 'governance'])
  assert.deepEqual(reportPrerequisites({ ...major, attachments: [{ stage: 'EVIDENCE' }], governance: { progressPercent: 100 } }), [])
  assert.deepEqual(reportPrerequisites({ level: 'MAJOR', attachments: [{ stage: 'EVIDENCE' }], governance: null }), ['governance'])
})

test('deadline state and days left', () => {
  const soon = new Date(NOW + 2 * 86400000).toISOString()
  const later = new Date(NOW + 10 * 86400000).toISOString()
  assert.equal(deadlineState({ status: 'RECTIFYING', overdue: true, deadline: soon }, { now: NOW }), 'overdue')
  assert.equal(deadlineState({ status: 'RECTIFYING', overdue: false, deadline: soon }, { now: NOW }), 'soon')
  assert.equal(deadlineState({ status: 'RECTIFYING', overdue: false, deadline: later }, { now: NOW }), 'ok')
  assert.equal(deadlineState({ status: 'AWAITING_ACCEPTANCE', overdue: false, deadline: soon }, { now: NOW }), '', 'reported: nothing due any more')
  assert.equal(deadlineState({ status: 'FOUND', overdue: false, deadline: null }, { now: NOW }), '')
  assert.equal(daysLeft(new Date(NOW + 2.5 * 86400000), NOW), 2)
  assert.equal(daysLeft(new Date(NOW - 0.5 * 86400000), NOW), -1, 'passed today: one day overdue, not zero')
  assert.equal(daysLeft(new Date(NOW - 2 * 86400000 - 60000), NOW), -2)
  assert.equal(daysLeft(null, NOW), null)
})

test('the record form is checked as the server does and sent with nulls for empty fields', () => {
  assert.deepEqual(validateDanger({}), { uscc: 'required', level: 'required', category: 'required', location: 'required', description: 'required' })
  const form = { uscc: '91370281MA3HW2026N', level: 'MAJOR', category: 'EQUIPMENT', location: '罐区A 1#储罐', description: '液位计失效', hazardSourceCode: '', inspectionId: '' }
  assert.deepEqual(validateDanger(form), {})
  assert.equal(validateDanger({ ...form, level: 'HUGE' }).level, 'invalid')
  assert.equal(validateDanger({ ...form, category: 'WEATHER' }).category, 'invalid')
  assert.equal(validateDanger({ ...form, location: 'x'.repeat(201) }).location, 'tooLong')
  assert.equal(validateDanger({ ...form, hazardSourceCode: 'H'.repeat(33) }).hazardSourceCode, 'tooLong')
  assert.deepEqual(dangerBody({ ...form, inspectionId: 12, hazardSourceCode: ' HS-A ' }), {
    uscc: '91370281MA3HW2026N',
    hazardSourceCode: 'HS-A',
    inspectionId: 12,
    level: 'MAJOR',
    category: 'EQUIPMENT',
    location: '罐区A 1#储罐',
    description: '液位计失效'
  })
  assert.equal(dangerBody(form).inspectionId, null)
  assert.equal(dangerBody(form).hazardSourceCode, null)
})

test('investigations: the checklist as lines, the plan and the result checked', () => {
  assert.deepEqual(checklistLines(' 储罐液位计\r\n\n  安全阀铅封 \n'), ['储罐液位计', '安全阀铅封'])
  assert.deepEqual(checklistLines(null), [])
  const form = { uscc: '91370281MA3HW2026N', kind: 'SELF', title: '月度自查', inspector: '李工', plannedAt: new Date(NOW), checklist: '液位计\n安全阀' }
  assert.deepEqual(validateInspection(form), {})
  assert.deepEqual(validateInspection({}), { uscc: 'required', kind: 'required', title: 'required', inspector: 'required', plannedAt: 'required' })
  assert.equal(validateInspection({ ...form, kind: 'SUPERVISION' }, { kinds: ['SELF'] }).kind, 'invalid', 'not a kind the user may plan')
  assert.equal(validateInspection({ ...form, checklist: Array.from({ length: MAX_CHECKLIST_ITEMS + 1 }, (_, i) => `项 ${i}`).join('\n') }).checklist, 'tooMany')
  assert.equal(validateInspection({ ...form, checklist: 'x'.repeat(501) }).checklist, 'itemTooLong')
  assert.deepEqual(inspectionBody(form), {
    uscc: '91370281MA3HW2026N',
    kind: 'SELF',
    title: '月度自查',
    checklist: ['液位计', '安全阀'],
    inspector: '李工',
    plannedAt: '2026-11-30T08:00:00.000Z'
  })
  assert.equal(inspectionResultProblem(' '), 'required')
  assert.equal(inspectionResultProblem('发现 2 项隐患'), null)
  assert.equal(inspectionResultProblem('x'.repeat(4001)), 'tooLong')
})

test('funds in 万元: a number of at least 0 with at most two decimals', () => {
  assert.equal(fundsProblem(''), 'required')
  assert.equal(fundsProblem(null), 'required')
  assert.equal(fundsProblem(0), null)
  assert.equal(fundsProblem('12.5'), null)
  assert.equal(fundsProblem(12.34), null)
  assert.equal(fundsProblem('12.340'), null, 'trailing zeros are no decimals')
  assert.equal(fundsProblem('12.345'), 'decimals')
  assert.equal(fundsProblem(0.1 + 0.2), 'decimals')
  assert.equal(fundsProblem('-1'), 'negative')
  assert.equal(fundsProblem(-0.5), 'negative')
  assert.equal(fundsProblem('abc'), 'invalid')
  assert.equal(fundsProblem('1e3'), 'invalid')
  assert.equal(fundsProblem(Number.NaN), 'invalid')
  assert.equal(fundsProblem('1234567890123'), 'tooLarge')
  assert.equal(fundsProblem('123456789012.99'), null)
  assert.equal(fundsValue(' 12.50 '), 12.5)
  assert.equal(fundsValue('12.345'), null)
})

test('the governance project and its progress', () => {
  assert.deepEqual(validateGovernance({}), { measures: 'required', funds: 'required', responsible: 'required', deadline: 'required' })
  const form = { measures: '更换液位计，增设高液位联锁', funds: '35.5', responsible: '王厂长', deadline: new Date('2026-12-31T16:00:00Z') }
  assert.deepEqual(validateGovernance(form), {})
  assert.equal(validateGovernance({ ...form, funds: '1.001' }).funds, 'decimals')
  assert.deepEqual(governanceBody(form), { measures: '更换液位计，增设高液位联锁', funds: 35.5, responsible: '王厂长', deadline: '2026-12-31T16:00:00.000Z' })
  assert.equal(progressProblem('', 0), 'required')
  assert.equal(progressProblem(50, 60), 'backward', 'progress only goes forward')
  assert.equal(progressProblem(60, 60), null, 'the same progress again is allowed')
  assert.equal(progressProblem(101, 0), 'range')
  assert.equal(progressProblem(-1, 0), 'range')
  assert.equal(progressProblem(33.3, 0), 'invalid')
  assert.equal(progressProblem(100, 60), null)
  const major = { level: 'MAJOR', status: 'RECTIFYING' }
  assert.equal(governanceEditable(major, ['ENTERPRISE']), true)
  assert.equal(governanceEditable(major, []), false)
  assert.equal(governanceEditable({ ...major, status: 'AWAITING_ACCEPTANCE' }, ['SUPERVISOR']), false, 'fixed once reported')
  assert.equal(governanceEditable({ ...major, level: 'GENERAL' }, ['SUPERVISOR']), false)
})

test('attachments: by stage, and when a stage takes files', () => {
  const danger = {
    status: 'RECTIFYING',
    attachments: [
      { id: 3, stage: 'EVIDENCE', uploadedAt: '2026-11-30T09:00:00Z' },
      { id: 1, stage: 'FINDING', uploadedAt: '2026-11-29T09:00:00Z' },
      { id: 2, stage: 'FINDING', uploadedAt: '2026-11-29T08:00:00Z' },
      { id: 4, stage: 'DRAWING', uploadedAt: '2026-11-30T10:00:00Z' }
    ]
  }
  const groups = attachmentsByStage(danger)
  assert.deepEqual(groups.map((g) => g.stage), ['FINDING', 'EVIDENCE', 'OTHER', 'DRAWING'])
  assert.deepEqual(groups[0].attachments.map((a) => a.id), [2, 1])
  assert.equal(groups[2].attachments.length, 0)
  assert.equal(canAttach(danger, 'EVIDENCE', ['ENTERPRISE']), true)
  assert.equal(canAttach(danger, 'EVIDENCE', []), false, 'no part, no files')
  assert.equal(canAttach({ ...danger, status: 'AWAITING_ACCEPTANCE' }, 'EVIDENCE', ['ENTERPRISE']), false)
  assert.equal(canAttach({ ...danger, status: 'AWAITING_ACCEPTANCE' }, 'OTHER', ['ENTERPRISE']), true)
  assert.equal(canAttach({ ...danger, status: 'CLOSED' }, 'OTHER', ['SUPERVISOR']), false)
  assert.equal(canAttach(danger, 'DRAWING', ['SUPERVISOR']), false)
})

test('the timeline: created, steps and changes, oldest first', () => {
  const events = [
    { id: 3, action: 'ASSIGN', from: 'FOUND', to: 'RECTIFYING', at: '2026-11-30T09:00:00Z' },
    { id: 1, action: null, from: null, to: 'FOUND', at: '2026-11-30T08:00:00Z' },
    { id: 2, action: null, from: 'FOUND', to: 'FOUND', at: '2026-11-30T08:30:00Z', note: '隐患照片：a.png' }
  ]
  const items = timelineItems(events)
  assert.deepEqual(items.map((i) => i.kind), ['created', 'change', 'step'])
  assert.deepEqual(items.map((i) => i.key), ['created-1', 'change-2', 'step-3'])
  assert.equal(eventKind({ action: 'ACCEPT', from: 'AWAITING_ACCEPTANCE' }), 'step')
  assert.deepEqual(timelineItems(null), [])
})

test('statistics rows', () => {
  const stats = {
    openByLevel: { GENERAL: 4, MAJOR: 1 },
    openByCategory: { FIRE: 2, EQUIPMENT: 3, WEATHER: 1 },
    overdue: 2,
    closed: 7,
    byRegion: [
      { regionCode: '370282', open: 1, major: 0, overdue: 0, closed: 2 },
      { regionCode: '370281', open: 4, major: 1, overdue: 2, closed: 5 }
    ]
  }
  assert.deepEqual(levelRows(stats), [{ level: 'GENERAL', count: 4 }, { level: 'MAJOR', count: 1 }])
  assert.equal(openTotal(stats), 5)
  const categories = categoryRows(stats)
  assert.equal(categories.length, 9)
  assert.deepEqual(categories[0], { category: 'EQUIPMENT', count: 3 })
  assert.deepEqual(categories.at(-1), { category: 'WEATHER', count: 1 })
  assert.equal(categories.find((c) => c.category === 'PROCESS').count, 0)
  assert.deepEqual(regionRows(stats).map((r) => r.regionCode), ['370281', '370282'])
  assert.deepEqual(levelRows({}), [{ level: 'GENERAL', count: 0 }, { level: 'MAJOR', count: 0 }])
  assert.deepEqual(regionRows(null), [])
})

test('field errors of a refusal', () => {
  const refused = { status: 400, body: { code: 'VALIDATION', fieldErrors: [{ field: 'attachments', code: 'EVIDENCE_REQUIRED', message: 'attach' }, null] } }
  assert.deepEqual(dangerFieldErrors(refused), [{ field: 'attachments', code: 'EVIDENCE_REQUIRED', message: 'attach' }])
  assert.equal(dangerFieldErrors({ status: 409, body: { fieldErrors: [] } }), null)
  assert.equal(dangerFieldErrors({ status: 400, body: { message: 'no fields' } }), null)
  assert.equal(dangerFieldErrors(null), null)
})

test('the shared file helpers', () => {
  assert.equal(previewKind('image/png', 'a.png'), 'image')
  assert.equal(previewKind('', 'certificate.PDF'), 'pdf')
  assert.equal(previewKind('application/zip', 'a.zip'), 'none')
  assert.equal(uploadContentType({ name: 'photo.JPG', type: '' }), 'image/jpeg')
  assert.equal(uploadProblem({ size: 0 }), 'empty')
  assert.equal(uploadProblem({ size: MAX_UPLOAD_BYTES + 1 }), 'tooLarge')
  assert.equal(uploadProblem({ size: 10 }), null)
  assert.equal(formatFileSize(2048), '2.0 KB')
  assert.equal(shortHash('0123456789abcdef0123456789abcdef'), '01234567…89abcdef')
})
