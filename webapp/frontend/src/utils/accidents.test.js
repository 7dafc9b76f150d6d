// Unit tests of the accident register's helpers: node --test src/utils/accidents.test.js (Node's own test runner, no
// dependency; the helpers import only pure modules).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ACCIDENT_KINDS,
  FIELD_ERROR_CODES,
  MAX_DESCRIPTION,
  MAX_IMPORT_BYTES,
  accidentBody,
  accidentFieldErrors,
  accidentFilters,
  accidentForm,
  accidentQuery,
  accidentSource,
  addMinutes,
  allowsUnregistered,
  canChangeAccident,
  chinaLocalTime,
  deathTollClass,
  emptyAccidentForm,
  fieldErrorText,
  formatChinaTime,
  formatLoss,
  importFailure,
  importFileProblem,
  importResult,
  kindTagType,
  labelKey,
  lossProblem,
  occurredAtBody,
  parseLocalTime,
  validateAccident,
  voidReasonProblem
} from './accidents.js'

const USCC = '91370281MA3HW2026N'
// 2026-03-01 12:00 in China
const NOW = Date.parse('2026-03-01T04:00:00Z')

function filled(patch = {}) {
  return {
    ...emptyAccidentForm(),
    occurredAt: '2019-03-21T14:48',
    uscc: USCC,
    kind: 'LEAK',
    deaths: '0',
    injuries: '1',
    directLossWan: '12.5',
    description: '储罐区法兰泄漏',
    ...patch
  }
}

test('kinds, labels, tags and death-toll classes', () => {
  assert.deepEqual(ACCIDENT_KINDS, ['FIRE', 'EXPLOSION', 'POISONING', 'LEAK', 'OTHER'])
  assert.equal(labelKey('kinds', 'LEAK'), 'accidents.kinds.LEAK')
  assert.equal(labelKey('tolls', 'UNKNOWN'), 'accidents.tolls.UNKNOWN')
  assert.equal(labelKey('kinds', 'FLOOD'), null)
  assert.equal(kindTagType('EXPLOSION'), 'danger')
  assert.equal(kindTagType('LEAK'), 'primary')
  assert.equal(kindTagType('X'), 'info')
  assert.equal(deathTollClass(0), 'UNDER_10')
  assert.equal(deathTollClass(9), 'UNDER_10')
  assert.equal(deathTollClass(10), 'FROM_10_TO_29')
  assert.equal(deathTollClass(29), 'FROM_10_TO_29')
  assert.equal(deathTollClass(30), 'FROM_30_TO_99')
  assert.equal(deathTollClass(100), 'FROM_100')
  assert.equal(deathTollClass(-1), null)
  for (const code of ['DUPLICATE', 'UNKNOWN', 'OUTSIDE_SCOPE', 'NOT_LOCAL', 'VOIDED', 'HEADER', 'TOO_MANY_ROWS']) assert.ok(FIELD_ERROR_CODES.includes(code), code)
})

test('where a record comes from, and who may change it', () => {
  assert.deepEqual(accidentSource({ local: true, originNode: null }), { local: true, node: '' })
  assert.deepEqual(accidentSource({ local: false, originNode: 'county-370281' }), { local: false, node: 'county-370281' })
  const own = { id: 'a', uscc: USCC, local: true, voided: false }
  assert.equal(canChangeAccident(own, { canEdit: true, scope: { kind: 'REGION', code: '3702' } }), true)
  assert.equal(canChangeAccident(own, { canEdit: false, scope: { kind: 'ALL' } }), false, 'needs accident:edit')
  assert.equal(canChangeAccident({ ...own, local: false }, { canEdit: true }), false, 'a record from a lower node is read-only')
  assert.equal(canChangeAccident({ ...own, voided: true }, { canEdit: true }), false, 'a voided record is read-only')
  assert.equal(canChangeAccident(own, { canEdit: true, scope: { kind: 'ENTERPRISE', code: USCC } }), true)
  assert.equal(canChangeAccident({ ...own, uscc: '91370200OTHER00001' }, { canEdit: true, scope: { kind: 'ENTERPRISE', code: USCC } }), false)
  assert.equal(allowsUnregistered({ kind: 'ENTERPRISE', code: USCC }), false)
  assert.equal(allowsUnregistered({ kind: 'REGION', code: '37' }), true)
})

test('China time: from instants, to the body, minutes added', () => {
  assert.equal(chinaLocalTime('2019-03-21T06:48:00Z'), '2019-03-21T14:48')
  assert.equal(chinaLocalTime('2019-03-21T14:48:00+08:00'), '2019-03-21T14:48')
  assert.equal(chinaLocalTime('2019-12-31T16:30:00Z'), '2020-01-01T00:30', 'the next day in China')
  assert.equal(chinaLocalTime(''), '')
  assert.equal(chinaLocalTime('nonsense'), '')
  assert.equal(formatChinaTime('2019-03-21T06:48:00Z'), '2019-03-21 14:48')
  assert.deepEqual(parseLocalTime('2024-02-29T23:59'), [2024, 2, 29, 23, 59])
  assert.equal(parseLocalTime('2023-02-29T10:00'), null, 'no such day')
  assert.equal(parseLocalTime('2023-01-01T24:00'), null)
  assert.equal(parseLocalTime('2023-01-01 10:00'), null)
  assert.equal(addMinutes('2025-12-31T23:58', 5), '2026-01-01T00:03')
  assert.equal(occurredAtBody('2019-03-21T14:48'), '2019-03-21T14:48+08:00')
  assert.equal(occurredAtBody(''), null)
})

test('the form refuses what the server refuses', () => {
  assert.deepEqual(validateAccident(filled(), { now: NOW }), {})
  const empty = validateAccident(emptyAccidentForm(), { now: NOW })
  assert.deepEqual(Object.keys(empty).sort(), ['deaths', 'description', 'injuries', 'kind', 'occurredAt', 'uscc'])
  assert.ok(Object.values(empty).every((p) => p === 'required'))
  assert.equal(validateAccident(filled({ occurredAt: '2026-03-01T12:05' }), { now: NOW }).occurredAt, undefined, 'within the five minutes')
  assert.equal(validateAccident(filled({ occurredAt: '2026-03-01T12:06' }), { now: NOW }).occurredAt, 'inFuture')
  assert.equal(validateAccident(filled({ occurredAt: '1949-09-30T23:59' }), { now: NOW }).occurredAt, 'tooEarly')
  assert.equal(validateAccident(filled({ occurredAt: '1949-10-01T00:00' }), { now: NOW }).occurredAt, undefined)
  assert.equal(validateAccident(filled({ occurredAt: '2019-13-01T10:00' }), { now: NOW }).occurredAt, 'format')
  assert.equal(validateAccident(filled({ uscc: '91370281' }), { now: NOW }).uscc, 'invalid')
  assert.equal(validateAccident(filled({ kind: 'FLOOD' }), { now: NOW }).kind, 'invalid')
  assert.equal(validateAccident(filled({ deaths: '1.5' }), { now: NOW }).deaths, 'notWhole')
  assert.equal(validateAccident(filled({ injuries: '-1' }), { now: NOW }).injuries, 'negative')
  assert.equal(validateAccident(filled({ injuries: '100001' }), { now: NOW }).injuries, 'tooLarge')
  assert.equal(validateAccident(filled({ deaths: '0' }), { now: NOW }).deaths, undefined, '0 when none')
  assert.equal(validateAccident(filled({ description: 'x'.repeat(MAX_DESCRIPTION + 1) }), { now: NOW }).description, 'tooLong')
  assert.equal(validateAccident(filled({ hazardSourceCode: 'x'.repeat(33) }), { now: NOW }).hazardSourceCode, 'tooLong')
  assert.equal(validateAccident(filled({ sourceDocument: 'x'.repeat(501) }), { now: NOW }).sourceDocument, 'tooLong')
})

test('an unregistered enterprise needs its name and county', () => {
  const form = filled({ mode: 'unregistered', uscc: '' })
  const problems = validateAccident(form, { now: NOW })
  assert.equal(problems.uscc, undefined, 'no USCC needed')
  assert.equal(problems.enterpriseName, 'required')
  assert.equal(problems.regionCode, 'required')
  const named = validateAccident({ ...form, enterpriseName: '某化工厂', regionCode: '3702', industryCode: 'chem' }, { now: NOW })
  assert.equal(named.enterpriseName, undefined)
  assert.equal(named.regionCode, 'invalid', 'a six-digit county')
  assert.equal(named.industryCode, 'invalid')
  assert.deepEqual(validateAccident({ ...form, enterpriseName: '某化工厂', regionCode: '370281', industryCode: 'c2614' }, { now: NOW }), {})
})

test('the loss in 万元', () => {
  assert.equal(lossProblem(''), null, 'not known')
  assert.equal(lossProblem('12.5'), null)
  assert.equal(lossProblem('0'), null)
  assert.equal(lossProblem('-3'), 'negative')
  assert.equal(lossProblem('1e3'), 'format')
  assert.equal(lossProblem('12,5'), 'format')
  assert.equal(lossProblem('1000000000000'), 'tooLarge')
  assert.equal(formatLoss(12.5), '12.5')
  assert.equal(formatLoss('3.456'), '3.46')
  assert.equal(formatLoss(null), '')
})

test('the body: registered and unregistered, numbers as numbers', () => {
  assert.deepEqual(accidentBody(filled({ uscc: ' 91370281ma3hw2026n ', hazardSourceCode: ' ', sourceDocument: '青应急〔2019〕12号' })), {
    occurredAt: '2019-03-21T14:48+08:00',
    uscc: USCC,
    enterpriseName: null,
    regionCode: null,
    industryCode: null,
    hazardSourceCode: null,
    kind: 'LEAK',
    deaths: 0,
    injuries: 1,
    directLossWan: 12.5,
    description: '储罐区法兰泄漏',
    sourceDocument: '青应急〔2019〕12号'
  })
  const body = accidentBody(filled({ mode: 'unregistered', uscc: USCC, enterpriseName: ' 某化工厂 ', regionCode: '370281', industryCode: 'c26', directLossWan: '' }))
  assert.equal(body.uscc, null, 'an unregistered enterprise sends no USCC')
  assert.equal(body.enterpriseName, '某化工厂')
  assert.equal(body.regionCode, '370281')
  assert.equal(body.industryCode, 'C26')
  assert.equal(body.directLossWan, null, 'not known')
})

test('a stored record as the form of its correction', () => {
  const form = accidentForm({
    id: 'a1',
    occurredAt: '2019-03-21T06:48:00Z',
    uscc: USCC,
    enterpriseName: '青岛某化工有限公司',
    regionCode: '370281',
    kind: 'LEAK',
    deaths: 0,
    injuries: 2,
    directLossWan: 12.5,
    description: '泄漏',
    sourceDocument: null
  })
  assert.equal(form.mode, 'registered')
  assert.equal(form.occurredAt, '2019-03-21T14:48')
  assert.equal(form.injuries, '2')
  assert.equal(form.deaths, '0')
  assert.equal(form.directLossWan, '12.5')
  assert.equal(form.sourceDocument, '')
  assert.equal(accidentBody(form).occurredAt, '2019-03-21T14:48+08:00', 'the time goes back unchanged')
  assert.equal(accidentForm({ uscc: null, enterpriseName: '老厂', regionCode: '370281' }).mode, 'unregistered')
})

test('void reason', () => {
  assert.equal(voidReasonProblem(' '), 'required')
  assert.equal(voidReasonProblem('重复录入'), null)
  assert.equal(voidReasonProblem('x'.repeat(501)), 'tooLong')
})

test('the list: filters from the URL and the query', () => {
  const f = accidentFilters({ region: '370281', from: '2024-12-31', to: '2024-01-01', kind: 'FIRE', q: ' 储罐 ', voided: 'true', page: '3' })
  assert.deepEqual(f, { region: '370281', from: '2024-01-01', to: '2024-12-31', kind: 'FIRE', q: '储罐', includeVoided: true, page: 3 })
  const bad = accidentFilters({ region: 'x y', from: '2024-02-30', kind: 'FLOOD', page: '-1', voided: 'yes' })
  assert.deepEqual(bad, { region: '', from: '', to: '', kind: '', q: '', includeVoided: false, page: 1 })
  assert.deepEqual(accidentQuery(f), { region: '370281', from: '2024-01-01', to: '2024-12-31', kind: 'FIRE', q: '储罐', includeVoided: 'true', page: 2, size: 20 })
  assert.deepEqual(accidentQuery({ ...f, includeVoided: false }, { withPage: false }), { region: '370281', from: '2024-01-01', to: '2024-12-31', kind: 'FIRE', q: '储罐' })
  assert.deepEqual(accidentQuery(accidentFilters({})), { page: 0, size: 20 })
})

test('the import: the file chosen, the answer, the refusal', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
  assert.equal(importFileProblem({ name: 'accidents.xlsx', size: 1000, head: zip }), null)
  assert.equal(importFileProblem({ name: 'ACCIDENTS.XLSX', size: 1000 }), null)
  assert.equal(importFileProblem({ name: 'notes.txt', size: 10 }), 'notXlsx')
  assert.equal(importFileProblem({ name: 'old.xls', size: 10 }), 'notXlsx')
  assert.equal(importFileProblem({ name: 'renamed.xlsx', size: 10, head: new Uint8Array([0x68, 0x65]) }), 'notXlsx', 'a text file renamed')
  assert.equal(importFileProblem({ name: 'empty.xlsx', size: 0 }), 'empty')
  assert.equal(importFileProblem({ name: 'big.xlsx', size: MAX_IMPORT_BYTES + 1 }), 'tooLarge')

  const ok = importResult({ dryRun: true, rows: 12, created: 10, duplicates: 2, errors: [] })
  assert.deepEqual(ok, { dryRun: true, rows: 12, created: 10, duplicates: 2, errors: [] })
  const refused = {
    status: 422,
    body: {
      dryRun: false,
      rows: 3,
      created: 0,
      duplicates: 0,
      errors: [
        { row: 4, error: { field: 'deaths', code: 'FORMAT', message: "a whole number, not 'x'" } },
        { row: 2, error: { field: 'occurredAt', code: 'IN_FUTURE', message: 'not yet' } }
      ]
    }
  }
  const result = importFailure(refused)
  assert.deepEqual(result.errors.map((e) => [e.row, e.field, e.code]), [
    [2, 'occurredAt', 'IN_FUTURE'],
    [4, 'deaths', 'FORMAT']
  ])
  const tooMany = importFailure({ status: 400, body: { status: 400, code: 'VALIDATION', fieldErrors: [{ field: 'file', code: 'TOO_MANY_ROWS', message: 'at most 50000' }] } })
  assert.deepEqual(tooMany.errors, [{ row: 0, field: 'file', code: 'TOO_MANY_ROWS', message: 'at most 50000' }])
  assert.equal(importFailure({ status: 400, body: { status: 400, message: 'not an Excel .xlsx file (found text)' } }), null, 'shown as the error it is')
  assert.equal(importFailure({ status: 500, body: {} }), null)
  assert.equal(importResult(null), null)
})

test('field errors of a refusal', () => {
  const list = accidentFieldErrors({ status: 400, body: { fieldErrors: [{ field: 'occurredAt', code: 'DUPLICATE', message: 'registered' }] } })
  assert.deepEqual(list, [{ field: 'occurredAt', code: 'DUPLICATE', message: 'registered' }])
  assert.equal(accidentFieldErrors({ status: 403, body: {} }), null)
})

test('field error texts: translated, with the detail where it says more', () => {
  const messages = { 'accidents.fieldErrors.DUPLICATE': '已登记', 'accidents.fieldErrors.FORMAT': '格式不正确' }
  const te = (key) => key in messages || key === 'accidents.fieldErrors.withDetail'
  const t = (key, params) => (key === 'accidents.fieldErrors.withDetail' ? `${params.text}（${params.detail}）` : messages[key])
  assert.equal(fieldErrorText({ field: 'occurredAt', code: 'DUPLICATE', message: "this enterprise's 泄漏 is registered" }, t, te), '已登记')
  assert.equal(fieldErrorText({ field: 'deaths', code: 'FORMAT', message: "a whole number, not 'x'" }, t, te), "格式不正确（a whole number, not 'x'）")
  assert.equal(fieldErrorText({ field: 'x', code: 'SOMETHING_NEW', message: 'as the server says' }, t, te), 'as the server says')
  assert.equal(fieldErrorText({ field: 'x', code: 'SOMETHING_NEW' }, t, te), 'SOMETHING_NEW')
})

test('lead times split into days, hours and minutes; the windows go from a day to a month', async () => {
  const { leadParts, PRECURSOR_WINDOWS } = await import('./accidents.js')
  assert.deepEqual(leadParts(90), { d: 0, h: 1, m: 30 })
  assert.deepEqual(leadParts(1440 * 2 + 61), { d: 2, h: 1, m: 1 })
  assert.deepEqual(leadParts(-5), { d: 0, h: 0, m: 0 }, 'never negative')
  assert.deepEqual(leadParts(null), { d: 0, h: 0, m: 0 })
  assert.equal(PRECURSOR_WINDOWS[0], 24)
  assert.equal(PRECURSOR_WINDOWS.at(-1), 720, 'the server allows at most 720 hours')
})
