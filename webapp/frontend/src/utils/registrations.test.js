// Unit tests of the registration helpers: node --test src/utils/registrations.test.js (Node's own test runner, no
// dependency; the helpers import nothing).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  actionBody,
  actionNoteProblem,
  actionsOf,
  applicationBody,
  canEditDocuments,
  checklistSummary,
  daysUntil,
  documentChecklist,
  documentsOfType,
  eventKind,
  formatFileSize,
  gradeRows,
  isFinalStatus,
  labelKey,
  MAX_DOCUMENT_BYTES,
  MAX_NOTE,
  MAX_STATEMENT,
  missingDocumentTypes,
  monthRows,
  noticeDocument,
  noteRequired,
  previewKind,
  rangeInstants,
  regionRows,
  registeredTotal,
  registrationActionButtonType,
  registrationFieldErrors,
  registrationKindTagType,
  registrationNumberProblem,
  registrationStatusTag,
  requiredDocumentTypes,
  shortHash,
  splitMissingDocumentErrors,
  sortDueReassessments,
  statusCountRows,
  timelineItems,
  uploadContentType,
  uploadProblem,
  upsertRegistration,
  validateApplication
} from './registrations.js'

const SHA = 'a'.repeat(56) + '0123abcd'

function doc(id, type, extra = {}) {
  return {
    id,
    type,
    fileName: `${type}.pdf`,
    contentType: 'application/pdf',
    size: 1024,
    sha256: SHA,
    uploadedAt: `2026-11-0${id}T08:00:00Z`,
    uploadedBy: 'qiye',
    ...extra
  }
}

const draft = {
  id: 'c1',
  kind: 'REGISTRATION',
  status: 'DRAFT',
  reason: null,
  documents: [doc(2, 'SAFETY_EVALUATION'), doc(1, 'IDENTIFICATION_REPORT'), doc(3, 'IDENTIFICATION_REPORT')],
  actions: ['WITHDRAW', 'SUBMIT'],
  missingDocuments: ['MONITORING_MEASURES', 'EMERGENCY_PLAN', 'MANAGEMENT_RULES']
}

test('status tags, kind tags, action buttons and label keys', () => {
  assert.deepEqual(registrationStatusTag('RETURNED'), { type: 'danger', effect: 'light' })
  assert.deepEqual(registrationStatusTag('NOTIFIED'), { type: 'success', effect: 'dark' })
  assert.equal(registrationStatusTag('SUBMITTED').type, 'primary')
  assert.equal(registrationStatusTag('LATER').type, 'info')
  assert.equal(registrationKindTagType('CANCELLATION'), 'warning')
  assert.equal(registrationKindTagType('REGISTRATION'), 'primary')
  assert.equal(registrationActionButtonType('RETURN'), 'warning')
  assert.equal(registrationActionButtonType('WITHDRAW'), 'danger')
  assert.equal(registrationActionButtonType('FLY'), 'default')
  assert.equal(labelKey('statuses', 'ACCEPTED'), 'registrations.statuses.ACCEPTED')
  assert.equal(labelKey('documentTypes', 'NOTICE'), 'registrations.documentTypes.NOTICE')
  assert.equal(labelKey('reasons', 'CLOSED'), 'registrations.reasons.CLOSED')
  assert.equal(labelKey('statuses', 'LATER'), null)
  assert.equal(labelKey('nonsense', 'DRAFT'), null)
  assert.ok(isFinalStatus('NOTIFIED') && isFinalStatus('WITHDRAWN') && !isFinalStatus('REGISTERED'))
})

test('actions come in workflow order, unknown ones dropped; only a return needs a note', () => {
  assert.deepEqual(actionsOf(draft), ['SUBMIT', 'WITHDRAW'])
  assert.deepEqual(actionsOf({ actions: ['withdraw', 'return', 'accept', 'fly'] }), ['ACCEPT', 'RETURN', 'WITHDRAW'])
  assert.deepEqual(actionsOf({}), [])
  assert.deepEqual(actionsOf(null), [])
  assert.ok(noteRequired('RETURN'))
  assert.ok(!noteRequired('ACCEPT') && !noteRequired('REGISTER') && !noteRequired('WITHDRAW'))
  assert.equal(actionNoteProblem('RETURN', '   '), 'required')
  assert.equal(actionNoteProblem('RETURN', undefined), 'required')
  assert.equal(actionNoteProblem('RETURN', '辨识报告缺少签章'), null)
  assert.equal(actionNoteProblem('ACCEPT', ''), null)
  assert.equal(actionNoteProblem('ACCEPT', 'x'.repeat(MAX_NOTE + 1)), 'tooLong')
  assert.equal(registrationNumberProblem(''), null)
  assert.equal(registrationNumberProblem('  鲁危登〔2026〕001号 '), null)
  assert.equal(registrationNumberProblem('A B'), 'invalid')
  assert.equal(registrationNumberProblem('370281-2026/(001)'), null)
  assert.equal(registrationNumberProblem('no.1'), 'invalid')
  assert.equal(registrationNumberProblem('x'.repeat(65)), 'tooLong')
})

test('the body of a step: trimmed note, the number only for REGISTER', () => {
  assert.deepEqual(actionBody('RETURN', { note: ' 缺少签章 ' }), { note: '缺少签章', registrationNumber: null })
  assert.deepEqual(actionBody('REGISTER', { note: '', registrationNumber: ' 370281-001 ' }), { note: null, registrationNumber: '370281-001' })
  assert.deepEqual(actionBody('REGISTER', { registrationNumber: '  ' }), { note: null, registrationNumber: null })
  assert.deepEqual(actionBody('ACCEPT', { registrationNumber: '370281-001' }), { note: null, registrationNumber: null })
  assert.deepEqual(actionBody('NOTIFY'), { note: null, registrationNumber: null })
})

test('required documents by kind and cancellation reason', () => {
  assert.deepEqual(requiredDocumentTypes('REGISTRATION'), [
    'IDENTIFICATION_REPORT',
    'SAFETY_EVALUATION',
    'MONITORING_MEASURES',
    'EMERGENCY_PLAN',
    'MANAGEMENT_RULES'
  ])
  assert.deepEqual(requiredDocumentTypes('CANCELLATION', 'NO_LONGER_MAJOR'), ['IDENTIFICATION_REPORT'])
  assert.deepEqual(requiredDocumentTypes('CANCELLATION', 'CLOSED'), ['CANCELLATION_EVIDENCE'])
  assert.deepEqual(requiredDocumentTypes('CANCELLATION', 'OTHER'), ['CANCELLATION_EVIDENCE'])
  assert.deepEqual(requiredDocumentTypes('LATER'), [])
  // a returned list must not be the shared constant
  requiredDocumentTypes('REGISTRATION').pop()
  assert.equal(requiredDocumentTypes('REGISTRATION').length, 5)
})

test('missing documents: the server list when given, else from the documents present', () => {
  assert.deepEqual(missingDocumentTypes(draft), ['MONITORING_MEASURES', 'EMERGENCY_PLAN', 'MANAGEMENT_RULES'])
  // the server's list is in the type order, whatever order it came in; unknown types are kept at the end
  assert.deepEqual(missingDocumentTypes({ missingDocuments: ['NEW_TYPE', 'EMERGENCY_PLAN', 'IDENTIFICATION_REPORT'] }), [
    'IDENTIFICATION_REPORT',
    'EMERGENCY_PLAN',
    'NEW_TYPE'
  ])
  const withoutList = { ...draft, missingDocuments: undefined }
  assert.deepEqual(missingDocumentTypes(withoutList), ['MONITORING_MEASURES', 'EMERGENCY_PLAN', 'MANAGEMENT_RULES'])
  assert.deepEqual(missingDocumentTypes({ kind: 'CANCELLATION', reason: 'CLOSED', documents: [doc(1, 'CANCELLATION_EVIDENCE')] }), [])
  assert.deepEqual(missingDocumentTypes({ ...draft, missingDocuments: [] }), [])
})

test('the checklist: required types first with their documents oldest first, then OTHER, NOTICE last', () => {
  const rows = documentChecklist(draft)
  assert.deepEqual(
    rows.map((r) => r.type),
    ['IDENTIFICATION_REPORT', 'SAFETY_EVALUATION', 'MONITORING_MEASURES', 'EMERGENCY_PLAN', 'MANAGEMENT_RULES', 'OTHER']
  )
  assert.deepEqual(rows[0].documents.map((d) => d.id), [1, 3])
  assert.equal(rows[0].missing, false)
  assert.equal(rows[2].missing, true)
  assert.ok(rows.slice(0, 5).every((r) => r.required))
  assert.equal(rows[5].required, false)
  assert.ok(rows.every((r) => r.uploadable))
  assert.deepEqual(checklistSummary(draft), { required: 5, present: 2, missing: 3 })

  const notified = {
    kind: 'CANCELLATION',
    reason: 'NO_LONGER_MAJOR',
    documents: [doc(1, 'IDENTIFICATION_REPORT'), doc(2, 'NOTICE'), doc(3, 'OTHER'), doc(4, 'SAFETY_EVALUATION')],
    missingDocuments: []
  }
  const cancelRows = documentChecklist(notified)
  assert.deepEqual(cancelRows.map((r) => r.type), ['IDENTIFICATION_REPORT', 'SAFETY_EVALUATION', 'OTHER', 'NOTICE'])
  assert.equal(cancelRows[3].uploadable, false)
  assert.equal(cancelRows[1].required, false)
  assert.deepEqual(checklistSummary(notified), { required: 1, present: 1, missing: 0 })
  assert.deepEqual(documentChecklist(null).map((r) => r.type), ['OTHER'])
})

test('the notice is the newest NOTICE document', () => {
  const c = { documents: [doc(5, 'NOTICE', { uploadedAt: '2026-11-05T00:00:00Z' }), doc(1, 'OTHER'), doc(7, 'NOTICE', { uploadedAt: '2026-11-07T00:00:00Z' })] }
  assert.equal(noticeDocument(c).id, 7)
  assert.equal(noticeDocument(draft), null)
  assert.deepEqual(documentsOfType({ documents: 'nonsense' }, 'OTHER'), [])
})

test('documents can be changed when the server offers SUBMIT, or on a draft / returned case with registration:apply', () => {
  assert.equal(canEditDocuments(draft, false), true)
  assert.equal(canEditDocuments({ status: 'RETURNED', actions: [] }, true), true)
  assert.equal(canEditDocuments({ status: 'RETURNED', actions: [] }, false), false)
  assert.equal(canEditDocuments({ status: 'SUBMITTED', actions: ['WITHDRAW'] }, true), false)
  assert.equal(canEditDocuments({ status: 'NOTIFIED', actions: [] }, true), false)
  assert.equal(canEditDocuments(null, true), false)
})

test('preview kind from the content type, the file name deciding only for unknown types', () => {
  assert.equal(previewKind('application/pdf'), 'pdf')
  assert.equal(previewKind('application/pdf; charset=binary'), 'pdf')
  assert.equal(previewKind('image/png'), 'image')
  assert.equal(previewKind('IMAGE/JPEG'), 'image')
  assert.equal(previewKind('image/svg+xml'), 'none')
  assert.equal(previewKind('text/plain; charset=UTF-8'), 'text')
  assert.equal(previewKind('application/json'), 'text')
  assert.equal(previewKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx'), 'none')
  assert.equal(previewKind('application/octet-stream', 'report.PDF'), 'pdf')
  assert.equal(previewKind('', 'photo.jpg'), 'image')
  assert.equal(previewKind(null, 'notes.txt'), 'text')
  assert.equal(previewKind('application/zip', 'report.pdf'), 'none')
  assert.equal(previewKind(undefined), 'none')
})

test('upload content type and client checks of the file', () => {
  assert.equal(uploadContentType({ name: 'a.pdf', type: 'application/pdf' }), 'application/pdf')
  assert.equal(uploadContentType({ name: 'Scan.JPG', type: '' }), 'image/jpeg')
  assert.equal(uploadContentType({ name: 'plan.docx' }), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  assert.equal(uploadContentType({ name: 'noextension' }), 'application/octet-stream')
  assert.equal(uploadProblem({ size: 0 }), 'empty')
  assert.equal(uploadProblem({}), 'empty')
  assert.equal(uploadProblem({ size: MAX_DOCUMENT_BYTES + 1 }), 'tooLarge')
  assert.equal(uploadProblem({ size: MAX_DOCUMENT_BYTES }), null)
})

test('file sizes and shortened hashes', () => {
  assert.equal(formatFileSize(0), '0 B')
  assert.equal(formatFileSize(812), '812 B')
  assert.equal(formatFileSize(1536), '1.5 KB')
  assert.equal(formatFileSize(5 * 1024 * 1024), '5.0 MB')
  assert.equal(formatFileSize(null), '')
  assert.equal(formatFileSize(-1), '')
  assert.equal(formatFileSize('abc'), '')
  assert.equal(shortHash(SHA), 'aaaaaaaa…0123abcd')
  assert.equal(shortHash('abc'), 'abc')
  assert.equal(shortHash(null), '')
})

test('new application checks: kind, hazard source, reason for a cancellation, statement length', () => {
  assert.deepEqual(validateApplication({}), { kind: 'required', hazardSourceId: 'required' })
  assert.deepEqual(validateApplication({ kind: 'REGISTRATION', hazardSourceId: 12 }), {})
  assert.deepEqual(validateApplication({ kind: 'REGISTRATION', hazardSourceId: '12', reason: 'CLOSED' }), {})
  assert.deepEqual(validateApplication({ kind: 'CANCELLATION', hazardSourceId: 12 }), { reason: 'required' })
  assert.deepEqual(validateApplication({ kind: 'CANCELLATION', hazardSourceId: 12, reason: 'BORED' }), { reason: 'invalid' })
  assert.deepEqual(validateApplication({ kind: 'CANCELLATION', hazardSourceId: 12, reason: 'CLOSED' }), {})
  assert.deepEqual(validateApplication({ kind: 'MERGER', hazardSourceId: 'x' }), { kind: 'invalid', hazardSourceId: 'required' })
  assert.deepEqual(validateApplication({ kind: 'REGISTRATION', hazardSourceId: 1, statement: 'x'.repeat(MAX_STATEMENT) }), {})
  assert.deepEqual(validateApplication({ kind: 'REGISTRATION', hazardSourceId: 1, statement: 'x'.repeat(MAX_STATEMENT + 1) }), {
    statement: 'tooLong'
  })
  // white space around the statement does not count
  assert.deepEqual(validateApplication({ kind: 'REGISTRATION', hazardSourceId: 1, statement: ` ${'x'.repeat(MAX_STATEMENT)} ` }), {})
})

test('the body of a new application: the reason only for a cancellation, an empty statement as null', () => {
  assert.deepEqual(applicationBody({ kind: 'REGISTRATION', hazardSourceId: '42', reason: 'CLOSED', statement: '  ' }), {
    kind: 'REGISTRATION',
    hazardSourceId: 42,
    reason: null,
    statement: null
  })
  assert.deepEqual(applicationBody({ kind: 'CANCELLATION', hazardSourceId: 7, reason: 'CLOSED', statement: ' 装置已拆除 ' }), {
    kind: 'CANCELLATION',
    hazardSourceId: 7,
    reason: 'CLOSED',
    statement: '装置已拆除'
  })
  assert.equal(applicationBody({}).hazardSourceId, null)
})

test('field errors of a refusal: fieldErrors or errors of a 400 / 422, nothing otherwise', () => {
  const fe = [{ field: 'hazardSourceId', code: 'REQUIRED', message: 'required' }]
  assert.deepEqual(registrationFieldErrors({ status: 400, body: { message: 'invalid', fieldErrors: fe } }), fe)
  assert.deepEqual(registrationFieldErrors({ status: 400, body: { errors: [{ field: 'documents', code: 'MISSING' }, null] } }), [
    { field: 'documents', code: 'MISSING' }
  ])
  assert.deepEqual(registrationFieldErrors({ status: 422, body: { errors: [{ code: 'X' }] } }), [{ code: 'X', field: '' }])
  assert.equal(registrationFieldErrors({ status: 409, body: { fieldErrors: fe } }), null)
  assert.equal(registrationFieldErrors({ status: 400, body: 'text' }), null)
  assert.equal(registrationFieldErrors({ status: 400, body: { message: 'no fields' } }), null)
  assert.equal(registrationFieldErrors(null), null)
})

test('a refused submission names the missing types; other errors stay as they are', () => {
  const { missing, others } = splitMissingDocumentErrors([
    { field: 'documents', code: 'MISSING_DOCUMENT', message: 'MANAGEMENT_RULES: 安全管理制度及安全操作规程 is required' },
    { field: 'documents', code: 'MISSING_DOCUMENT', message: 'IDENTIFICATION_REPORT: 重大危险源辨识与分级报告 is required' },
    { field: 'documents', code: 'MISSING_DOCUMENT', message: 'IDENTIFICATION_REPORT: again' },
    { field: 'documents', code: 'MISSING_DOCUMENT', message: 'something else' },
    { field: 'note', code: 'TOO_LONG', message: 'at most 2000 characters' },
    null
  ])
  assert.deepEqual(missing, ['IDENTIFICATION_REPORT', 'MANAGEMENT_RULES'])
  assert.deepEqual(others.map((e) => e.message), ['something else', 'at most 2000 characters'])
  assert.deepEqual(splitMissingDocumentErrors(undefined), { missing: [], others: [] })
})

test('timeline: oldest first, the start and document entries told apart from steps', () => {
  const items = timelineItems([
    { id: 0, action: null, from: null, to: 'DRAFT', actor: 'qiye', note: '创建登记申请', at: '2026-11-01T08:00:00Z' },
    { id: 3, action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', actor: 'qiye', at: '2026-11-02T09:00:00Z' },
    { id: 1, action: null, from: 'DRAFT', to: 'DRAFT', actor: 'qiye', note: '添加 安全评估报告', at: '2026-11-01T09:00:00Z' },
    { id: 2, action: 'RETURN', from: 'SUBMITTED', to: 'RETURNED', actor: 'county', note: '缺少签章', at: '2026-11-02T09:00:00Z' },
    null
  ])
  assert.deepEqual(items.map((i) => `${i.kind}:${i.id}`), ['created:0', 'document:1', 'step:2', 'step:3'])
  assert.equal(items[2].note, '缺少签章')
  assert.equal(new Set(items.map((i) => i.key)).size, 4)
  assert.equal(eventKind({ action: 'NOTIFY', from: 'REGISTERED' }), 'step')
  assert.equal(eventKind({}), 'created')
  assert.deepEqual(timelineItems('nonsense'), [])
})

test('the list keeps one entry per case, a new one in front', () => {
  const list = [{ id: 'a', status: 'DRAFT' }, { id: 'b', status: 'SUBMITTED' }]
  assert.deepEqual(upsertRegistration(list, { id: 'b', status: 'ACCEPTED' }).map((c) => `${c.id}:${c.status}`), ['a:DRAFT', 'b:ACCEPTED'])
  assert.deepEqual(upsertRegistration(list, { id: 'c', status: 'DRAFT' }).map((c) => c.id), ['c', 'a', 'b'])
  assert.equal(upsertRegistration(list, null), list)
  assert.equal(list[1].status, 'SUBMITTED')
})

const statistics = {
  byStatus: {
    CANCELLATION: { SUBMITTED: 1, NOTIFIED: 2 },
    REGISTRATION: { DRAFT: 3, REGISTERED: 1, NOTIFIED: 4, LATER: 2 }
  },
  registeredByGrade: { 1: 1, 2: 2, 4: 1, none: 1 },
  byRegion: [
    { regionCode: '370282', regionName: '即墨区', registered: 1, cancelled: 0, pending: 2 },
    { regionCode: '370281', regionName: '胶州市', registered: 4, cancelled: 2, pending: 0 },
    null
  ],
  byMonth: [
    { month: '2026-11', submitted: 3, registered: 2, cancelled: 1 },
    { month: '2026-10', submitted: 1, registered: 0, cancelled: 0 }
  ]
}

test('statistics: counts per kind and status, by grade, by region, by month', () => {
  const rows = statusCountRows(statistics)
  assert.deepEqual(rows.map((r) => r.kind), ['REGISTRATION', 'CANCELLATION'])
  assert.equal(rows[0].counts.DRAFT, 3)
  assert.equal(rows[0].counts.SUBMITTED, 0)
  assert.equal(rows[0].counts.LATER, 2)
  assert.equal(rows[0].total, 10)
  assert.equal(rows[1].total, 3)
  assert.deepEqual(statusCountRows({}).map((r) => r.total), [0, 0])
  assert.deepEqual(gradeRows(statistics), [
    { grade: '1', count: 1 },
    { grade: '2', count: 2 },
    { grade: '3', count: 0 },
    { grade: '4', count: 1 },
    { grade: 'none', count: 1 }
  ])
  assert.equal(registeredTotal(statistics), 5)
  assert.equal(registeredTotal({ byStatus: statistics.byStatus }), 5)
  assert.equal(registeredTotal(null), 0)
  assert.deepEqual(regionRows(statistics).map((r) => r.regionCode), ['370281', '370282'])
  assert.deepEqual(monthRows(statistics).map((r) => r.month), ['2026-10', '2026-11'])
  assert.deepEqual(monthRows({ byMonth: [{ submitted: 1 }] }), [])
})

test('re-assessments: days until the date due, the overdue first', () => {
  const now = new Date(2026, 10, 20, 15, 30).getTime()
  assert.equal(daysUntil('2026-11-30', now), 10)
  assert.equal(daysUntil('2026-11-20', now), 0)
  assert.equal(daysUntil('2026-11-19', now), -1)
  assert.equal(daysUntil('soon', now), null)
  const sorted = sortDueReassessments([
    { registrationId: 'a', due: '2027-01-10', overdue: false },
    { registrationId: 'b', due: '2026-10-01', overdue: true },
    { registrationId: 'c', due: '2026-12-01', overdue: false },
    { registrationId: 'd', due: '2026-09-01', overdue: true }
  ])
  assert.deepEqual(sorted.map((r) => r.registrationId), ['d', 'b', 'c', 'a'])
  assert.deepEqual(sortDueReassessments(undefined), [])
})

test('a picked date range covers whole local days', () => {
  const { from, to } = rangeInstants([new Date(2026, 10, 1, 13), new Date(2026, 10, 30, 8)])
  assert.equal(new Date(from).getTime(), new Date(2026, 10, 1).getTime())
  assert.equal(new Date(to).getTime(), new Date(2026, 11, 1).getTime())
  assert.deepEqual(rangeInstants(null), {})
  assert.deepEqual(rangeInstants(['x', 'y']), {})
})
