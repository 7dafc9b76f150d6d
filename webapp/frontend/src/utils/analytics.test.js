// Unit tests of the hazard source analysis helpers: node --test src/utils/analytics.test.js (Node's own test runner, no
// dependency; the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  GRADE_COLORS,
  accidentTypeBarOption,
  analysisState,
  apiQuery,
  breadcrumbCodes,
  childRows,
  childrenBarOption,
  deathTollBarOption,
  defaultYears,
  drillQuery,
  formatPercent,
  gradePieOption,
  gradeShares,
  isDrillable,
  kpis,
  normaliseIndustry,
  normaliseRegion,
  regionChain,
  regionLevel,
  rememberNames,
  scopeCodeOf,
  sharePercent,
  stateQuery,
  trendAccidentsOption,
  trendGradeShareOption,
  trendRows,
  trendTotalOption,
  trendTypeShareOption,
  typeShares
} from './analytics.js'

const USCC = '91370281MA3HW2026N'
const TODAY = '2026-03-01'
const label = (key) => `<${key}>`

const CELL = {
  code: '37',
  name: '山东省',
  total: 8,
  byGrade: { 1: 1, 2: 2, 3: 3, 4: 1 },
  byAccidentType: { FIRE: 6, EXPLOSION: 4, POISONING: 2 },
  byDeathToll: { UNDER_10: 3, FROM_10_TO_29: 2, FROM_30_TO_99: 1, FROM_100: 0, UNKNOWN: 2 },
  accidents: 3,
  deaths: 2,
  injuries: 5
}

test('region codes: the server forms, their levels', () => {
  assert.equal(normaliseRegion('370000'), '37')
  assert.equal(normaliseRegion('370200'), '3702')
  assert.equal(normaliseRegion(' 370281 '), '370281')
  assert.equal(normaliseRegion('370281p01'), '370281P01')
  assert.equal(normaliseRegion(USCC.toLowerCase()), USCC)
  assert.equal(normaliseRegion('37x'), '', 'not a code: the whole scope')
  assert.equal(normaliseRegion(''), '')
  assert.equal(regionLevel(''), 'NATION')
  assert.equal(regionLevel('37'), 'PROVINCE')
  assert.equal(regionLevel('3702'), 'CITY')
  assert.equal(regionLevel('370281'), 'COUNTY')
  assert.equal(regionLevel('370281P01'), 'PARK')
  assert.equal(regionLevel(USCC), 'ENTERPRISE')
  assert.equal(regionLevel('3'), null)
})

test('the chain and the breadcrumb of a region', () => {
  assert.deepEqual(regionChain('370281'), ['37', '3702', '370281'])
  assert.deepEqual(regionChain('370200'), ['37', '3702'])
  assert.deepEqual(regionChain('370281P01'), ['37', '3702', '370281', '370281P01'])
  assert.deepEqual(regionChain(USCC, '370281'), ['37', '3702', '370281', USCC], 'drilled into from its county')
  assert.deepEqual(regionChain(USCC), [USCC], 'its county unknown')
  assert.deepEqual(breadcrumbCodes(''), [''])
  assert.deepEqual(breadcrumbCodes('370281'), ['', '37', '3702', '370281'], 'nationwide: 全国 first')
  assert.deepEqual(breadcrumbCodes('370281', { scopeCode: '3702' }), ['', '370281'], 'a city regulator: the city is the top')
  assert.deepEqual(breadcrumbCodes('3702', { scopeCode: '370200' }), [''])
  assert.deepEqual(breadcrumbCodes(USCC, { scopeCode: '370281P01', parent: '370281P01' }), ['', USCC], 'a park: the park is the top')
  assert.deepEqual(breadcrumbCodes('', { scopeCode: USCC }), [''])
  assert.equal(scopeCodeOf({ kind: 'ALL' }), '')
  assert.equal(scopeCodeOf({ kind: 'REGION', code: '3702' }), '3702')
  assert.equal(scopeCodeOf(null), '')
})

test('what can be drilled into, and where it leads', () => {
  assert.equal(isDrillable({ code: '37' }, 'PROVINCE'), true)
  assert.equal(isDrillable({ code: '3702' }, 'PROVINCE'), false)
  assert.equal(isDrillable({ code: '3702' }, 'CITY'), true)
  assert.equal(isDrillable({ code: '370281' }, 'COUNTY'), true)
  assert.equal(isDrillable({ code: USCC }, 'ENTERPRISE'), true)
  assert.equal(isDrillable({ code: '某已关闭化工厂' }, 'ENTERPRISE'), false, 'an enterprise never registered has its name as code')
  assert.equal(isDrillable({ code: USCC }, null), false, 'nothing below an enterprise')
  assert.deepEqual(drillQuery('', { code: '37' }, 'PROVINCE'), { region: '37', parent: undefined })
  assert.deepEqual(drillQuery('370281', { code: USCC }, 'ENTERPRISE'), { region: USCC, parent: '370281' })
  assert.equal(drillQuery('370281', { code: '老厂' }, 'ENTERPRISE'), null)
})

test('names remembered from the overviews', () => {
  const cache = new Map([['3702', '青岛市']])
  rememberNames(cache, { regionCode: '3702', regionName: '山东省青岛市', children: [{ code: '370281', name: '胶州市' }, { code: '370211', name: '黄岛区' }] })
  assert.equal(cache.get('3702'), '青岛市', 'the short name stays')
  assert.equal(cache.get('370281'), '胶州市')
  rememberNames(cache, { regionCode: USCC, regionName: '青岛某化工有限公司', children: [] })
  assert.equal(cache.get(USCC), '青岛某化工有限公司')
})

test('the state in the URL: defaults, bounds, only what differs', () => {
  const defaults = analysisState({}, { today: TODAY })
  assert.deepEqual(defaults, { region: '', parent: '', asOf: TODAY, industry: '', from: 2017, to: 2026 })
  assert.deepEqual(defaultYears(2026), { from: 2017, to: 2026 })
  assert.deepEqual(stateQuery(defaults, { today: TODAY }), {}, 'nothing for the defaults')
  const s = analysisState({ region: '370200', asOf: '2020-12-31', industry: ' c26 ', from: '2015', to: '2012' }, { today: TODAY })
  assert.deepEqual(s, { region: '3702', parent: '', asOf: '2020-12-31', industry: 'C26', from: 2012, to: 2015 })
  assert.deepEqual(stateQuery(s, { today: TODAY }), { region: '3702', asOf: '2020-12-31', industry: 'C26', from: '2012', to: '2015' })
  assert.equal(analysisState({ asOf: '2026-03-02' }, { today: TODAY }).asOf, TODAY, 'not in the future')
  assert.equal(analysisState({ asOf: '2025-02-30' }, { today: TODAY }).asOf, TODAY, 'no such day')
  assert.equal(analysisState({ industry: '26-x' }, { today: TODAY }).industry, '')
  assert.deepEqual([analysisState({ from: '1900', to: '2030' }, { today: TODAY }).from, analysisState({ from: '1900', to: '2030' }, { today: TODAY }).to], [2017, 2026])
  const long = analysisState({ from: '1950', to: '2026' }, { today: TODAY })
  assert.equal(long.to - long.from + 1, 50, 'at most fifty years')
  assert.deepEqual(analysisState({ region: USCC, parent: '370281' }, { today: TODAY }).parent, '370281')
  assert.deepEqual(analysisState({ region: '370281', parent: '3702' }, { today: TODAY }).parent, '', 'a parent only for an enterprise')
  assert.equal(normaliseIndustry('2614'), '2614')
  assert.equal(normaliseIndustry('x'), null)
})

test('the API queries', () => {
  const s = { region: '3702', parent: '', asOf: '2020-12-31', industry: '26', from: 2012, to: 2015 }
  assert.deepEqual(apiQuery(s, 'overview', { today: TODAY }), { region: '3702', asOf: '2020-12-31', industry: '26' })
  assert.deepEqual(apiQuery(s, 'trend', { today: TODAY }), { region: '3702', from: '2012', to: '2015', industry: '26' })
  assert.deepEqual(apiQuery(s, 'export', { today: TODAY }), { region: '3702', asOf: '2020-12-31', from: '2012', to: '2015', industry: '26' })
  assert.deepEqual(apiQuery({ region: '', asOf: TODAY, industry: '' }, 'overview', { today: TODAY }), {}, 'today and the scope are the server defaults')
})

test('shares and KPIs', () => {
  assert.equal(sharePercent(1, 3), 33.3)
  assert.equal(sharePercent(2, 3), 66.7)
  assert.equal(sharePercent(1, 3, 0), 33)
  assert.equal(sharePercent(5, 0), 0, 'no total')
  assert.equal(formatPercent(12.345), '12.3%')
  assert.equal(formatPercent(undefined), '0%')
  assert.deepEqual(kpis(CELL), { total: 8, grades: { 1: 1, 2: 2, 3: 3, 4: 1 }, ungraded: 1, accidents: 3, deaths: 2, injuries: 5 })
  assert.deepEqual(kpis(null), { total: 0, grades: { 1: 0, 2: 0, 3: 0, 4: 0 }, ungraded: 0, accidents: 0, deaths: 0, injuries: 0 })
  const shares = gradeShares(CELL)
  assert.deepEqual(shares, { 1: 12.5, 2: 25, 3: 37.5, 4: 12.5, none: 12.5 })
  const thirds = gradeShares({ total: 3, byGrade: { 1: 1, 2: 1, 3: 1 } })
  assert.equal(Object.values(thirds).reduce((a, b) => a + Math.round(b * 10), 0), 1000, 'the largest remainder adds up to 100 %')
  assert.deepEqual(thirds, { 1: 33.4, 2: 33.3, 3: 33.3, 4: 0, none: 0 })
  assert.deepEqual(gradeShares({ total: 0 }), { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 })
  const types = typeShares(CELL)
  assert.deepEqual(types, { FIRE: 75, EXPLOSION: 50, POISONING: 25 })
  assert.ok(types.FIRE + types.EXPLOSION + types.POISONING > 100, 'a source may cause several types')
})

test('the parts one level down and the trend rows', () => {
  const rows = childRows({
    childLevel: 'ENTERPRISE',
    children: [
      { code: USCC, name: '青岛某化工有限公司', total: 2, byGrade: { 2: 1, 4: 1 }, accidents: 1 },
      { code: '某已关闭化工厂', name: '某已关闭化工厂', total: 0, accidents: 1 },
      null
    ]
  })
  assert.equal(rows.length, 2)
  assert.deepEqual([rows[0].drillable, rows[1].drillable], [true, false])
  assert.equal(rows[0].grades['2'], 1)
  const years = trendRows([
    { year: 2025, total: 5, byGrade: { 1: 1 }, accidentsByDeathToll: { UNDER_10: 2 }, accidents: 2 },
    { year: 2024, total: 4 },
    { year: 'x' }
  ])
  assert.deepEqual(years.map((y) => y.year), [2024, 2025], 'oldest first, the unreadable dropped')
  assert.equal(years[1].accidentsByDeathToll.UNDER_10, 2)
  assert.equal(years[0].accidentsByDeathToll.FROM_100, 0)
})

test('the overview charts', () => {
  const pie = gradePieOption(CELL, label)
  const slices = pie.series[0].data
  assert.deepEqual(slices.map((d) => [d.name, d.value]), [
    ['<grades.1>', 1],
    ['<grades.2>', 2],
    ['<grades.3>', 3],
    ['<grades.4>', 1],
    ['<grades.none>', 1]
  ])
  assert.equal(slices[0].itemStyle.color, GRADE_COLORS[1])
  assert.equal(gradePieOption({ total: 1, byGrade: { 1: 1 } }, label).series[0].data.length, 4, 'no ungraded slice when all are graded')
  const types = accidentTypeBarOption(CELL, label)
  assert.deepEqual(types.xAxis.data, ['<types.FIRE>', '<types.EXPLOSION>', '<types.POISONING>'])
  assert.deepEqual(types.series[0].data.map((d) => d.value), [6, 4, 2])
  assert.equal(types.series[0].label.formatter({ value: 6 }), '6 (75%)')
  const tolls = deathTollBarOption(CELL, label)
  assert.deepEqual(tolls.xAxis.data.at(-1), '<tolls.UNKNOWN>', 'UNKNOWN last')
  assert.deepEqual(tolls.series[0].data.map((d) => d.value), [3, 2, 1, 0, 2])
  const children = childrenBarOption(childRows({ childLevel: 'CITY', children: [{ code: '3702', name: '青岛市', total: 3, byGrade: { 1: 1, 3: 1 } }, { code: '3701', name: '济南市', total: 1, byGrade: { 4: 1 } }] }), label)
  assert.deepEqual(children.xAxis.data, ['青岛市', '济南市'])
  assert.deepEqual(children.series.map((s) => s.name), ['<grades.1>', '<grades.2>', '<grades.3>', '<grades.4>', '<grades.none>'])
  assert.ok(children.series.every((s) => s.stack === 'grade'), 'stacked by grade')
  assert.deepEqual(children.series[4].data, [1, 0], 'the ungraded of 青岛市')
})

test('the trend charts: one point per year', () => {
  const rows = trendRows([
    { year: 2024, total: 4, byGrade: { 1: 1, 2: 1, 3: 1, 4: 1 }, byAccidentType: { FIRE: 2, EXPLOSION: 1, POISONING: 4 }, accidentsByDeathToll: { UNDER_10: 3, FROM_10_TO_29: 1 } },
    { year: 2025, total: 0 },
    { year: 2026, total: 2, byGrade: { 2: 1 }, byAccidentType: { FIRE: 1 }, accidentsByDeathToll: { FROM_100: 1 } }
  ])
  const total = trendTotalOption(rows, label)
  assert.deepEqual(total.xAxis.data, ['2024', '2025', '2026'])
  assert.deepEqual(total.series[0].data, [4, 0, 2])
  const grades = trendGradeShareOption(rows, label)
  assert.deepEqual(grades.series.map((s) => s.name), ['<grades.1>', '<grades.2>', '<grades.3>', '<grades.4>', '<grades.none>'])
  assert.deepEqual(grades.series[1].data, [25, 0, 50])
  assert.deepEqual(grades.series[4].data, [0, 0, 50], 'one of the two 2026 sources has no grade')
  assert.equal(grades.yAxis.max, 100)
  const types = trendTypeShareOption(rows, label)
  assert.deepEqual(types.series.map((s) => s.data), [[50, 0, 50], [25, 0, 0], [100, 0, 0]])
  assert.ok(types.series.every((s) => s.type === 'line' && !s.stack), 'overlapping shares are not stacked')
  const accidents = trendAccidentsOption(rows, label)
  assert.deepEqual(accidents.series.map((s) => s.name), ['<accidentTolls.UNDER_10>', '<accidentTolls.FROM_10_TO_29>', '<accidentTolls.FROM_30_TO_99>', '<accidentTolls.FROM_100>'])
  assert.deepEqual(accidents.series[0].data, [3, 0, 0])
  assert.deepEqual(accidents.series[3].data, [0, 0, 1])
  assert.ok(accidents.series.every((s) => s.stack === 'accidents'))
})
