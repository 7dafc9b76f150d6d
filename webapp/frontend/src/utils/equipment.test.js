// Unit tests of the equipment-inspection helpers: node --test src/utils/equipment.test.js (Node's own test runner, no
// dependency; the helpers import only pure modules).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  addDays,
  addMonths,
  canKeepEquipment,
  chinaToday,
  dateText,
  daysBetween,
  defaultValidUntil,
  EQUIPMENT_KINDS,
  equipmentBody,
  equipmentFieldErrors,
  equipmentState,
  equipmentStateTag,
  equipmentVisibility,
  hasCertificate,
  inspectionBody,
  intervalProblem,
  KIND_INTERVALS,
  labelKey,
  parseDate,
  recordsOf,
  resultTagType,
  retireReasonProblem,
  ruleInterval,
  sortByUrgency,
  stateRank,
  summaryCounts,
  validateEquipment,
  validateInspection
} from './equipment.js'

test('the kinds and the intervals of their rules', () => {
  assert.deepEqual(EQUIPMENT_KINDS, ['PRESSURE_VESSEL', 'PRESSURE_PIPING', 'SAFETY_VALVE', 'GAS_DETECTOR', 'PRESSURE_GAUGE', 'LIGHTNING_PROTECTION', 'LIFTING', 'OTHER'])
  assert.equal(ruleInterval('PRESSURE_VESSEL'), 36)
  assert.equal(ruleInterval('SAFETY_VALVE'), 12)
  assert.equal(ruleInterval('PRESSURE_GAUGE'), 6)
  assert.equal(ruleInterval('LIFTING'), 24)
  assert.equal(ruleInterval('toString'), null, 'no inherited keys')
  assert.equal(ruleInterval('BOILER'), null)
  assert.equal(Object.values(KIND_INTERVALS).length, 8)
})

test('state and result tags, label keys', () => {
  assert.deepEqual(equipmentStateTag('OUT_OF_SERVICE'), { type: 'danger', effect: 'dark' })
  assert.equal(equipmentStateTag('DUE').type, 'warning')
  assert.equal(equipmentStateTag('OK').type, 'success')
  assert.equal(equipmentStateTag('RETIRED').effect, 'plain')
  assert.equal(resultTagType('FAIL'), 'danger')
  assert.equal(resultTagType('CONDITIONAL'), 'warning')
  assert.equal(resultTagType('X'), 'info')
  assert.equal(labelKey('kinds', 'GAS_DETECTOR'), 'equipment.kinds.GAS_DETECTOR')
  assert.equal(labelKey('states', 'OVERDUE'), 'equipment.states.OVERDUE')
  assert.equal(labelKey('results', 'PASS'), 'equipment.results.PASS')
  assert.equal(labelKey('results', 'MAYBE'), null)
})

test('who sees and who keeps the equipment', () => {
  assert.equal(equipmentVisibility({ kind: 'REGION', code: '370281' }), 'none', 'a county regulator sees nothing')
  assert.equal(equipmentVisibility({ kind: 'PARK', code: 'P01' }), 'park')
  assert.equal(equipmentVisibility({ kind: 'ENTERPRISE', code: 'X' }), 'enterprise')
  assert.equal(equipmentVisibility({ kind: 'ALL' }), 'all')
  assert.equal(equipmentVisibility(null), '')
  const own = { kind: 'ENTERPRISE', code: '91370281MA3HW2026N' }
  assert.equal(canKeepEquipment(own, true, '91370281MA3HW2026N'), true)
  assert.equal(canKeepEquipment(own, true, '91370200OTHER00001'), false, 'not another enterprise')
  assert.equal(canKeepEquipment(own, true), true)
  assert.equal(canKeepEquipment(own, false, '91370281MA3HW2026N'), false, 'needs equipment:edit')
  assert.equal(canKeepEquipment({ kind: 'PARK', code: 'P01' }, true, '91370281MA3HW2026N'), false, 'the park only reads')
  assert.equal(canKeepEquipment({ kind: 'ALL' }, true, 'anything'), true)
})

test('dates: months as java.time adds them, days, China today', () => {
  assert.equal(addMonths('2026-11-30', 12), '2027-11-30')
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28', 'the last day of a shorter month')
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29', 'a leap year')
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28')
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28')
  assert.equal(addMonths('2026-12-15', 36), '2029-12-15')
  assert.equal(addMonths('2026-02-30', 1), null, 'no such day')
  assert.equal(addMonths('soon', 1), null)
  assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  assert.equal(daysBetween('2026-11-30', '2026-12-30'), 30)
  assert.equal(daysBetween('2026-11-30', '2026-11-29'), -1)
  assert.equal(daysBetween('x', '2026-11-29'), null)
  assert.deepEqual(parseDate('2026-02-28'), [2026, 2, 28])
  assert.equal(parseDate('2026-13-01'), null)
  // 2026-11-30T17:00Z is already 1 December in China
  assert.equal(chinaToday(Date.parse('2026-11-30T17:00:00Z')), '2026-12-01')
  assert.equal(chinaToday(Date.parse('2026-11-30T15:59:00Z')), '2026-11-30')
  assert.equal(dateText(new Date(2026, 0, 5)), '2026-01-05')
  assert.equal(dateText(' 2026-01-05 '), '2026-01-05')
  assert.equal(dateText(null), '')
})

test('the state is worked out as the server does', () => {
  const today = '2026-11-30'
  assert.equal(equipmentState({ nextDue: '2027-11-30' }, today), 'OK')
  assert.equal(equipmentState({ nextDue: '2026-12-30' }, today), 'DUE', '30 days ahead is due')
  assert.equal(equipmentState({ nextDue: '2026-12-31' }, today), 'OK', '31 days ahead is not')
  assert.equal(equipmentState({ nextDue: '2026-11-30' }, today), 'DUE', 'due today is not yet overdue')
  assert.equal(equipmentState({ nextDue: '2026-11-29' }, today), 'OVERDUE')
  assert.equal(equipmentState({ nextDue: '2027-11-30', lastResult: 'FAIL' }, today), 'OUT_OF_SERVICE')
  assert.equal(equipmentState({ nextDue: '2026-11-29', lastResult: 'FAIL', retired: true }, today), 'RETIRED')
})

test('the most urgent first', () => {
  assert.ok(stateRank('OUT_OF_SERVICE') < stateRank('OVERDUE'))
  assert.ok(stateRank('OVERDUE') < stateRank('DUE'))
  assert.ok(stateRank('DUE') < stateRank('OK'))
  assert.ok(stateRank('OK') < stateRank('RETIRED'))
  assert.ok(stateRank('RETIRED') < stateRank('SOMETHING'))
  const list = [
    { tag: 'B', state: 'OK', nextDue: '2027-01-01' },
    { tag: 'A', state: 'OK', nextDue: '2027-01-01' },
    { tag: 'C', state: 'DUE', nextDue: '2026-12-20' },
    { tag: 'D', state: 'OUT_OF_SERVICE', nextDue: '2026-11-01' },
    { tag: 'E', state: 'OVERDUE', nextDue: '2026-10-01' },
    null
  ]
  assert.deepEqual(sortByUrgency(list).map((e) => e.tag), ['D', 'E', 'C', 'A', 'B'])
})

test('summary counts and records', () => {
  assert.deepEqual(summaryCounts({ total: 5, ok: 2, due: 1, overdue: 1, outOfService: 1 }), { total: 5, ok: 2, due: 1, overdue: 1, outOfService: 1 })
  assert.deepEqual(summaryCounts(null), { total: 0, ok: 0, due: 0, overdue: 0, outOfService: 0 })
  const piece = {
    records: [
      { id: 1, inspectedOn: '2025-11-30' },
      { id: 3, inspectedOn: '2026-11-30', certificateSha256: 'ab'.repeat(32) },
      { id: 2, inspectedOn: '2026-11-30' }
    ]
  }
  assert.deepEqual(recordsOf(piece).map((r) => r.id), [3, 2, 1])
  assert.equal(hasCertificate(piece.records[1]), true)
  assert.equal(hasCertificate(piece.records[0]), false)
})

test('the interval may only be shorter than the rule', () => {
  assert.equal(intervalProblem(12, 'SAFETY_VALVE'), null)
  assert.equal(intervalProblem(6, 'SAFETY_VALVE'), null)
  assert.equal(intervalProblem(13, 'SAFETY_VALVE'), 'longerThanRule')
  assert.equal(intervalProblem(24, 'SAFETY_VALVE'), 'longerThanRule')
  assert.equal(intervalProblem(36, 'PRESSURE_VESSEL'), null)
  assert.equal(intervalProblem(0, 'SAFETY_VALVE'), 'range')
  assert.equal(intervalProblem(121, undefined), 'range')
  assert.equal(intervalProblem(1.5, 'OTHER'), 'invalid')
  assert.equal(intervalProblem('', 'OTHER'), null, 'empty: the rule applies')
})

test('the register form is checked as the server does', () => {
  assert.deepEqual(validateEquipment({}), { uscc: 'required', tag: 'required', name: 'required', kind: 'required' })
  const form = { uscc: '91370281MA3HW2026N', tag: 'PSV-101', name: '1#储罐安全阀', kind: 'SAFETY_VALVE', intervalMonths: 12, firstDue: '2026-12-01' }
  assert.deepEqual(validateEquipment(form), {})
  assert.equal(validateEquipment({ ...form, tag: 'PSV 101' }).tag, 'invalid', 'no spaces')
  assert.equal(validateEquipment({ ...form, tag: '安全阀-1/a.b_c' }).tag, undefined, 'letters of any script, digits and - _ / .')
  assert.equal(validateEquipment({ ...form, tag: 'T'.repeat(65) }).tag, 'tooLong')
  assert.equal(validateEquipment({ ...form, intervalMonths: 18 }).intervalMonths, 'longerThanRule')
  assert.equal(validateEquipment({ ...form, kind: 'BOILER' }).kind, 'invalid')
  assert.equal(validateEquipment({ ...form, firstDue: '2026-02-30' }).firstDue, 'invalid')
  assert.equal(validateEquipment({ ...form, registrationCode: 'R'.repeat(65) }).registrationCode, 'tooLong')
  assert.deepEqual(equipmentBody({ ...form, hazardSourceCode: ' ', firstDue: new Date(2026, 11, 1) }), {
    uscc: '91370281MA3HW2026N',
    tag: 'PSV-101',
    name: '1#储罐安全阀',
    kind: 'SAFETY_VALVE',
    hazardSourceCode: null,
    registrationCode: null,
    intervalMonths: 12,
    firstDue: '2026-12-01'
  })
  assert.equal(equipmentBody({ ...form, intervalMonths: '' }).intervalMonths, null)
})

test('the inspection form is checked as the server does', () => {
  const options = { intervalMonths: 12, today: '2026-11-30' }
  const form = { inspectedOn: '2026-11-30', agency: '青岛特检院', result: 'PASS', certificateNumber: 'QD-2026-001', validUntil: '', note: '' }
  assert.deepEqual(validateInspection(form, options), {})
  assert.deepEqual(validateInspection({}, options), { inspectedOn: 'required', agency: 'required', result: 'required' })
  assert.equal(validateInspection({ ...form, inspectedOn: '2026-12-01' }, options).inspectedOn, 'future')
  assert.equal(validateInspection({ ...form, result: 'FAIL' }, options).note, 'required', 'a FAIL says what failed')
  assert.deepEqual(validateInspection({ ...form, result: 'FAIL', note: '整定压力偏高' }, options), {})
  assert.equal(validateInspection({ ...form, validUntil: '2026-11-29' }, options).validUntil, 'beforeInspection')
  assert.equal(validateInspection({ ...form, validUntil: '2027-12-01' }, options).validUntil, 'beyondInterval')
  assert.equal(validateInspection({ ...form, validUntil: '2027-11-30' }, options).validUntil, undefined, 'the interval itself is allowed')
  assert.equal(validateInspection({ ...form, result: 'FAIL', note: 'x', validUntil: '2030-01-01' }, options).validUntil, undefined, 'ignored for a FAIL')
  assert.equal(validateInspection({ ...form, agency: 'a'.repeat(201) }, options).agency, 'tooLong')
  assert.equal(defaultValidUntil('2026-11-30', 'PASS', 12), '2027-11-30')
  assert.equal(defaultValidUntil('2026-11-30', 'CONDITIONAL', 6), '2027-05-30')
  assert.equal(defaultValidUntil('2026-11-30', 'FAIL', 12), '2026-11-30')
  assert.equal(defaultValidUntil('', 'PASS', 12), null)
  assert.deepEqual(inspectionBody({ ...form, result: 'FAIL', validUntil: '2027-01-01', note: ' 泄漏 ' }), {
    inspectedOn: '2026-11-30',
    agency: '青岛特检院',
    result: 'FAIL',
    certificateNumber: 'QD-2026-001',
    validUntil: null,
    note: '泄漏'
  })
  assert.equal(inspectionBody({ ...form, validUntil: '2027-06-30' }).validUntil, '2027-06-30')
  assert.equal(retireReasonProblem(''), 'required')
  assert.equal(retireReasonProblem('r'.repeat(501)), 'tooLong')
  assert.equal(retireReasonProblem('报废更换'), null)
})

test('field errors of a refusal', () => {
  const refused = { status: 400, body: { fieldErrors: [{ field: 'intervalMonths', code: 'LONGER_THAN_RULE', message: 'at most 12 months for SAFETY_VALVE' }] } }
  assert.deepEqual(equipmentFieldErrors(refused), [{ field: 'intervalMonths', code: 'LONGER_THAN_RULE', message: 'at most 12 months for SAFETY_VALVE' }])
  assert.equal(equipmentFieldErrors({ status: 403, body: {} }), null)
})

test('the own enterprise of enterprise people', async () => {
  const { ownEnterprise, normaliseUscc } = await import('./scope.js')
  const profile = { scope: { kind: 'ENTERPRISE', code: '91370281MA3HW2026N' }, organisation: { level: 'ENTERPRISE', name: '青岛示例化工有限公司', enterpriseUscc: '91370281MA3HW2026N' } }
  assert.deepEqual(ownEnterprise(profile), { uscc: '91370281MA3HW2026N', name: '青岛示例化工有限公司' })
  assert.equal(ownEnterprise({ scope: { kind: 'PARK', code: 'P01' } }), null)
  assert.equal(ownEnterprise({ scope: { kind: 'ALL' } }), null)
  assert.equal(ownEnterprise(null), null)
  assert.equal(ownEnterprise({ scope: { kind: 'ENTERPRISE', code: 'X' }, organisation: { level: 'COUNTY', name: '胶州市应急局' } }).name, '', 'not the enterprise name')
  assert.equal(normaliseUscc(' 91370281ma3hw2026n '), '91370281MA3HW2026N')
})
