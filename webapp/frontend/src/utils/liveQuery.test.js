// Unit tests of the live query helpers: node --test src/utils/liveQuery.test.js (Node's own test runner, no
// dependency; the helpers import nothing).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  answeringNode,
  enterpriseCodeProblem,
  foreignPointIds,
  hasReading,
  liveQueryBody,
  liveQueryStatusTagType,
  localPointId,
  normalizeEnterpriseCode,
  parseLiveQueryResult,
  qualifyPointId,
  qualifyPointIds,
  readingCount,
  splitPointIds,
  upsertQuery
} from './liveQuery.js'

const USCC = '91370281MA3HW2026N'
const OTHER = '91110000MA0000000X'

test('enterprise codes are normalised and checked', () => {
  assert.equal(normalizeEnterpriseCode(' 91370281ma3hw 2026n '), USCC)
  assert.equal(enterpriseCodeProblem(''), 'required')
  assert.equal(enterpriseCodeProblem('   '), 'required')
  assert.equal(enterpriseCodeProblem('9137'), 'format')
  assert.equal(enterpriseCodeProblem(`${USCC}X`), 'format')
  assert.equal(enterpriseCodeProblem('91370281MA3HW2026-'), 'format')
  assert.equal(enterpriseCodeProblem(USCC.toLowerCase()), null)
})

test('point ids are split on commas, semicolons, white space and line breaks, without repeats', () => {
  assert.deepEqual(splitPointIds('T1-LT, T1-TT\nT2-PT;T1-LT'), ['T1-LT', 'T1-TT', 'T2-PT'])
  assert.deepEqual(splitPointIds(['A，B', ' C 、D ', '', null, 'A']), ['A', 'B', 'C', 'D'])
  assert.deepEqual(splitPointIds(''), [])
  assert.deepEqual(splitPointIds(undefined), [])
})

test('unqualified point ids get the enterprise prefix, qualified ones stay', () => {
  assert.equal(qualifyPointId(USCC, 'T1-LT'), `${USCC}:T1-LT`)
  assert.equal(qualifyPointId(USCC.toLowerCase(), ' T1-LT '), `${USCC}:T1-LT`)
  assert.equal(qualifyPointId(USCC, `${USCC}:T1-LT`), `${USCC}:T1-LT`)
  assert.equal(qualifyPointId(USCC, `${OTHER}:T1-LT`), `${OTHER}:T1-LT`)
  assert.equal(qualifyPointId('', 'T1-LT'), 'T1-LT')
  assert.deepEqual(qualifyPointIds(USCC, ['T1-LT', `${USCC}:T1-LT`, 'T1-TT, T2-PT']), [
    `${USCC}:T1-LT`,
    `${USCC}:T1-TT`,
    `${USCC}:T2-PT`
  ])
  assert.deepEqual(qualifyPointIds(USCC, []), [])
})

test('foreign point ids are those of another enterprise or too long', () => {
  const long = `${USCC}:${'x'.repeat(64)}`
  assert.deepEqual(foreignPointIds(USCC, [`${USCC}:T1-LT`, `${OTHER}:T1-LT`, long, `${USCC}:`]), [`${OTHER}:T1-LT`, long, `${USCC}:`])
  assert.deepEqual(foreignPointIds(USCC, []), [])
  assert.equal(localPointId(`${USCC}:T1-LT`, USCC), 'T1-LT')
  assert.equal(localPointId(`${OTHER}:T1-LT`, USCC), `${OTHER}:T1-LT`)
})

test('status tags', () => {
  assert.equal(liveQueryStatusTagType('ANSWERED'), 'success')
  assert.equal(liveQueryStatusTagType('REFUSED'), 'danger')
  assert.equal(liveQueryStatusTagType('SENT'), 'warning')
  assert.equal(liveQueryStatusTagType('APPLIED'), 'info')
})

test('the query body is read from its JSON string', () => {
  const query = {
    body: JSON.stringify({ commandId: 'c1', origin: '100000', enterprise: USCC, reason: '值班调阅', pointIds: [`${USCC}:T1-LT`], requestedAt: '2026-05-01T08:00:00Z' })
  }
  assert.deepEqual(liveQueryBody(query), { reason: '值班调阅', pointIds: [`${USCC}:T1-LT`], origin: '100000', requestedAt: '2026-05-01T08:00:00Z' })
  assert.deepEqual(liveQueryBody({ body: 'not json' }), { reason: '', pointIds: [], origin: '', requestedAt: '' })
  assert.deepEqual(liveQueryBody(null).pointIds, [])
})

test('the result of an answered query is parsed, values without a reading kept as null', () => {
  const query = {
    id: 'q1',
    enterpriseCode: USCC,
    status: 'ANSWERED',
    result: JSON.stringify({
      enterprise: USCC,
      readAt: '2026-05-01T08:00:02Z',
      values: [
        { pointId: `${USCC}:T1-LT`, name: '储罐 T1-LT', type: 'LEVEL', unit: 'm', value: 7.25, quality: 'GOOD', timestamp: '2026-05-01T08:00:01Z' },
        { pointId: `${USCC}:T1-TT`, name: '储罐 T1-TT', type: 'TEMPERATURE', unit: '℃', value: null, quality: null, timestamp: null },
        { pointId: `${USCC}:T1-PT`, name: 'P', type: 'PRESSURE', unit: '', value: 0, quality: 'UNCERTAIN', timestamp: '2026-05-01T08:00:00Z' },
        'junk'
      ]
    })
  }
  const result = parseLiveQueryResult(query)
  assert.equal(result.enterprise, USCC)
  assert.equal(result.readAt, '2026-05-01T08:00:02Z')
  assert.equal(result.values.length, 3)
  assert.deepEqual(result.values[0], {
    pointId: `${USCC}:T1-LT`,
    name: '储罐 T1-LT',
    type: 'LEVEL',
    unit: 'm',
    value: 7.25,
    quality: 'GOOD',
    timestamp: '2026-05-01T08:00:01Z'
  })
  assert.equal(result.values[1].value, null)
  assert.equal(result.values[2].unit, null)
  assert.equal(hasReading(result.values[0]), true)
  assert.equal(hasReading(result.values[1]), false)
  assert.equal(hasReading(result.values[2]), true)
  assert.equal(readingCount(result), 2)
})

test('no result, or one that cannot be read, is null', () => {
  assert.equal(parseLiveQueryResult({ result: null }), null)
  assert.equal(parseLiveQueryResult({ result: '' }), null)
  assert.equal(parseLiveQueryResult({ result: '{broken' }), null)
  assert.equal(parseLiveQueryResult({ result: '[1,2]' }), null)
  assert.equal(parseLiveQueryResult(null), null)
  assert.deepEqual(parseLiveQueryResult({ enterpriseCode: USCC, result: '{}' }), { enterprise: USCC, readAt: null, values: [] })
  assert.equal(readingCount(null), 0)
})

test('the answering node is read from the detail', () => {
  assert.equal(answeringNode(`3 current values of ${USCC} read at 370281`), '370281')
  assert.equal(answeringNode('none of the points asked for are read at node 370281'), '370281')
  assert.equal(answeringNode(`no points of enterprise ${USCC} are read at node 91370281MA3HW2026N`), USCC)
  assert.equal(answeringNode('current values cannot be read at node 370281'), '370281')
  assert.equal(answeringNode('current values cannot be read at node ?'), '')
  assert.equal(answeringNode('not sent: connection refused'), '')
  assert.equal(answeringNode(null), '')
})

test('a query is put into the list without its result', () => {
  const a = { id: 'a', status: 'SENT', result: null }
  const b = { id: 'b', status: 'SENT', result: null }
  const answered = { id: 'a', status: 'ANSWERED', result: '{"values":[]}' }
  assert.deepEqual(upsertQuery([a, b], answered), [{ id: 'a', status: 'ANSWERED', result: null }, b])
  assert.deepEqual(upsertQuery([b], a), [a, b])
  assert.deepEqual(upsertQuery(null, a), [a])
  assert.deepEqual(upsertQuery([a], null), [a])
})
