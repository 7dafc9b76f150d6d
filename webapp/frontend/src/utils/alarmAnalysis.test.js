// Unit tests of the alarm analysis helpers: node --test src/utils/alarmAnalysis.test.js (Node's own test runner, no
// dependency; the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ALARM_KINDS,
  CATEGORY_COLORS,
  HOURS,
  MAX_MONTHS,
  POINT_TYPES,
  SEASONS,
  addMonths,
  alarmApiQuery,
  alarmChildRows,
  alarmKpis,
  alarmState,
  alarmStateQuery,
  chinaMonth,
  childrenStackOption,
  defaultMonths,
  deviceApiQuery,
  deviceSummary,
  hourBarOption,
  industryRows,
  kindBarOption,
  monthBarOption,
  monthRows,
  monthsBetween,
  normalisePointId,
  normalisePointType,
  pointTypeBarOption,
  seasonPieOption,
  series,
  sparklinePoints,
  validMonth
} from './alarmAnalysis.js'

const USCC = '91370281MA3HW2026N'
const THIS_MONTH = '2026-03'
const label = (key, params) => (params ? `<${key}:${JSON.stringify(params)}>` : `<${key}>`)

const months = (from, n, value = (i) => i) => Object.fromEntries(Array.from({ length: n }, (_, i) => [addMonths(from, i), value(i)]))

const ANALYSIS = {
  regionCode: '3702',
  regionName: '青岛市',
  childLevel: 'COUNTY',
  from: '2025-04',
  to: '2026-03',
  total: 30,
  byCategory: { PROCESS: 21, INSTRUMENT: 9 },
  byPointType: { LEVEL: 4, TEMPERATURE: 6, PRESSURE: 3, FLOW: 0, COMBUSTIBLE_GAS: 12, TOXIC_GAS: 5, OTHER: 0 },
  byMonth: months('2025-04', 12, (i) => (i === 9 ? 10 : i === 0 ? 20 : 0)),
  byMonthOfYear: { 1: 10, 4: 20 },
  bySeason: { SPRING: 20, SUMMER: 0, AUTUMN: 0, WINTER: 10 },
  byHour: { 0: 1, 8: 20, 23: 9 },
  children: [
    { code: '370281', name: '胶州市', total: 25, process: 18, instrument: 7, byMonthOfYear: { 4: 25 } },
    { code: '370211', name: '', total: 5, process: 3, instrument: 2, byMonthOfYear: {} }
  ],
  industries: [
    { code: 'C26', name: '化学原料和化学制品制造业', total: 24, process: 16, instrument: 8, byMonthOfYear: { 1: 4, 4: 20 } },
    { code: '', name: '未登记行业', total: 6, process: 5, instrument: 1, byMonthOfYear: { 1: 6 } }
  ],
  live: { at: '2026-03-05T06:00:00Z', today: 4, thisHour: 1, todayProcess: 3, todayInstrument: 1, byPointType: { LEVEL: 4 } },
  upTo: '2026-03-05T05:59:57Z'
}

test('months: valid, added, counted, this month in China', () => {
  assert.equal(validMonth('2026-03'), true)
  assert.equal(validMonth('2026-13'), false)
  assert.equal(validMonth('2026-3'), false)
  assert.equal(validMonth('1900-01'), false)
  assert.equal(addMonths('2026-03', -11), '2025-04')
  assert.equal(addMonths('2026-01', -1), '2025-12')
  assert.equal(addMonths('2025-12', 1), '2026-01')
  assert.equal(addMonths('2026-03', -119), '2016-04')
  assert.equal(addMonths('nope', 1), null)
  assert.equal(monthsBetween('2025-04', '2026-03'), 12)
  assert.equal(monthsBetween('2026-03', '2026-03'), 1)
  assert.equal(monthsBetween('2026-04', '2026-03'), 0)
  assert.deepEqual(defaultMonths('2026-03'), { from: '2025-04', to: '2026-03' })
  // 2026-03-31 16:30 UTC is already April 1st in China.
  assert.equal(chinaMonth(Date.UTC(2026, 2, 31, 16, 30)), '2026-04')
  assert.equal(chinaMonth(Date.UTC(2026, 2, 31, 15, 30)), '2026-03')
})

test('point types and point ids as typed', () => {
  assert.equal(normalisePointType('level'), 'LEVEL')
  assert.equal(normalisePointType('KRQT'), 'COMBUSTIBLE_GAS')
  assert.equal(normalisePointType('qt'), 'OTHER')
  assert.equal(normalisePointType('PH'), '')
  assert.equal(normalisePointType(undefined), '')
  assert.equal(normalisePointId('  B-GT201 '), 'B-GT201')
  assert.equal(normalisePointId(''), '')
  assert.equal(normalisePointId('a b'), '')
  assert.equal(normalisePointId('a/b'), '')
  assert.equal(normalisePointId('x'.repeat(65)), '')
})

test('the state in the URL: defaults, bounds, read back as written', () => {
  const defaults = alarmState({}, { thisMonth: THIS_MONTH })
  assert.deepEqual(defaults, { region: '', parent: '', from: '2025-04', to: '2026-03', industry: '', pointType: '' })
  assert.deepEqual(alarmStateQuery(defaults, { thisMonth: THIS_MONTH }), {}, 'the defaults leave the URL empty')

  const s = alarmState({ region: '370200', from: '2024-01', to: '2024-06', industry: 'c26', pointType: 'yw' }, { thisMonth: THIS_MONTH })
  assert.deepEqual(s, { region: '3702', parent: '', from: '2024-01', to: '2024-06', industry: 'C26', pointType: 'LEVEL' })
  const q = alarmStateQuery(s, { thisMonth: THIS_MONTH })
  assert.deepEqual(q, { region: '3702', from: '2024-01', to: '2024-06', industry: 'C26', pointType: 'LEVEL' })
  assert.deepEqual(alarmState(q, { thisMonth: THIS_MONTH }), s, 'read back as it was')

  // Only a last month: the first follows it (the eleven before), and is left out of the URL again.
  const lastOnly = alarmState({ to: '2025-06' }, { thisMonth: THIS_MONTH })
  assert.equal(lastOnly.from, '2024-07')
  assert.deepEqual(alarmStateQuery(lastOnly, { thisMonth: THIS_MONTH }), { to: '2025-06' })

  assert.equal(alarmState({ to: '2026-04' }, { thisMonth: THIS_MONTH }).to, THIS_MONTH, 'no month after this one')
  assert.deepEqual(
    (({ from, to }) => ({ from, to }))(alarmState({ from: '2026-02', to: '2025-11' }, { thisMonth: THIS_MONTH })),
    { from: '2025-11', to: '2026-02' },
    'swapped'
  )
  const long = alarmState({ from: '2000-01' }, { thisMonth: THIS_MONTH })
  assert.equal(monthsBetween(long.from, long.to), MAX_MONTHS, 'at most 120 months')
  assert.equal(long.from, '2016-04')
  assert.equal(alarmState({ industry: '26x', pointType: 'PH' }, { thisMonth: THIS_MONTH }).industry, '')
  assert.equal(alarmState({ region: USCC, parent: '370281' }, { thisMonth: THIS_MONTH }).parent, '370281')
  assert.equal(alarmState({ region: '370281', parent: '3702' }, { thisMonth: THIS_MONTH }).parent, '', 'only an enterprise has a parent')
})

test('the API queries leave the server its defaults', () => {
  const s = alarmState({}, { thisMonth: THIS_MONTH })
  assert.deepEqual(alarmApiQuery(s, { thisMonth: THIS_MONTH }), {})
  assert.deepEqual(alarmApiQuery({ ...s, region: '37', industry: '26', pointType: 'FLOW' }, { thisMonth: THIS_MONTH }), {
    region: '37',
    industry: '26',
    pointType: 'FLOW'
  })
  assert.deepEqual(alarmApiQuery({ ...s, from: '2025-01' }, { thisMonth: THIS_MONTH }), { from: '2025-01' })
  assert.deepEqual(alarmApiQuery({ ...s, from: '2024-07', to: '2025-06' }, { thisMonth: THIS_MONTH }), { to: '2025-06' })
  assert.deepEqual(deviceApiQuery({ region: '37', from: '2024-01', to: '2024-06', industry: '26' }, { thisMonth: THIS_MONTH }), {
    from: '2024-01',
    to: '2024-06'
  })
  assert.deepEqual(deviceApiQuery(s, { thisMonth: THIS_MONTH }), {})
})

test('KPIs: process alarms and instrument faults apart, live figures on their own', () => {
  const k = alarmKpis(ANALYSIS)
  assert.deepEqual(k, {
    total: 30,
    process: 21,
    instrument: 9,
    today: 4,
    thisHour: 1,
    todayProcess: 3,
    todayInstrument: 1,
    liveAt: '2026-03-05T06:00:00Z',
    upTo: '2026-03-05T05:59:57Z'
  })
  const polled = alarmKpis(ANALYSIS, { at: '2026-03-05T06:00:30Z', today: 6, thisHour: 3, todayProcess: 4, todayInstrument: 2 })
  assert.equal(polled.today, 6, 'a newer live part replaces the one of the analysis')
  assert.equal(polled.total, 30, 'the statistics stay as loaded')
  assert.deepEqual(alarmKpis(null), { total: 0, process: 0, instrument: 0, today: 0, thisHour: 0, todayProcess: 0, todayInstrument: 0, liveAt: '', upTo: '' })
  assert.equal(alarmKpis({ total: -3, byCategory: { PROCESS: 'x' } }).total, 0)
})

test('months, hours, parts and industries as rows', () => {
  const rows = monthRows({ '2026-02': 2, '2025-12': 1, junk: 9, '2026-01': 0 })
  assert.deepEqual(rows, [
    { month: '2025-12', alarms: 1 },
    { month: '2026-01', alarms: 0 },
    { month: '2026-02', alarms: 2 }
  ])
  assert.deepEqual(series({ 0: 1, 23: 2 }, HOURS).length, 24)
  assert.deepEqual(series({ 0: 1, 23: 2 }, HOURS).filter(Boolean), [1, 2])

  const children = alarmChildRows(ANALYSIS, { unnamed: '?' })
  assert.equal(children.length, 2)
  assert.deepEqual(
    children.map((r) => [r.code, r.name, r.total, r.process, r.instrument, r.drillable]),
    [
      ['370281', '胶州市', 25, 18, 7, true],
      ['370211', '370211', 5, 3, 2, true]
    ]
  )
  assert.equal(children[0].months[3], 25, 'April is the fourth month')
  const enterprises = alarmChildRows({ childLevel: 'ENTERPRISE', children: [{ code: USCC, name: '某化工', total: 1 }, { code: '', total: 2 }] }, { unnamed: '未登记企业' })
  assert.deepEqual(
    enterprises.map((r) => [r.name, r.drillable]),
    [
      ['某化工', true],
      ['未登记企业', false]
    ]
  )

  const industries = industryRows(ANALYSIS, { unregistered: 'No industry' })
  assert.deepEqual(
    industries.map((r) => [r.code, r.name, r.total, r.process, r.instrument, r.peak, r.share]),
    [
      ['C26', '化学原料和化学制品制造业', 24, 16, 8, 4, 80],
      ['', 'No industry', 6, 5, 1, 1, 20]
    ]
  )
  assert.equal(industryRows({ industries: [{ code: '26', total: 0 }] })[0].peak, 0, 'no peak without alarms')
})

test('the seasonal line of an industry', () => {
  assert.equal(sparklinePoints([]), '')
  assert.equal(sparklinePoints([0, 10, 5], { width: 24, height: 14, pad: 2 }), '2,12 12,2 22,7')
  assert.equal(sparklinePoints([0, 0], { width: 10, height: 10, pad: 0 }), '0,10 10,10', 'along the bottom without alarms')
  const points = sparklinePoints(Array.from({ length: 12 }, (_, i) => i)).split(' ')
  assert.equal(points.length, 12)
})

test('the charts: one category per month, hour, point type, season and kind', () => {
  const month = monthBarOption(ANALYSIS.byMonth, label)
  assert.equal(month.xAxis.data.length, 12)
  assert.equal(month.xAxis.data[0], '2025-04')
  assert.equal(month.series[0].data[0], 20)
  assert.equal(month.series[0].data[9], 10)
  assert.equal(month.series[0].name, '<charts.alarms>')

  const season = seasonPieOption(ANALYSIS.bySeason, label)
  assert.deepEqual(season.series[0].data.map((d) => [d.key, d.value]), SEASONS.map((s) => [s, ANALYSIS.bySeason[s]]))
  assert.equal(season.series[0].data[0].name, '<seasons.SPRING>')

  const hour = hourBarOption(ANALYSIS.byHour, label)
  assert.equal(hour.xAxis.data.length, 24)
  assert.equal(hour.xAxis.data[8], '<charts.hourLabel:{"h":"8"}>')
  assert.deepEqual(hour.series[0].data.map((d) => d.value).filter(Boolean), [1, 20, 9])
  assert.equal(hour.series[0].data[8].itemStyle.color, '#f56c6c', 'the busiest hour stands out')
  assert.notEqual(hour.series[0].data[0].itemStyle.color, '#f56c6c')
  const even = hourBarOption(Object.fromEntries(HOURS.map((h) => [h, 2])), label)
  assert.ok(even.series[0].data.every((d) => d.itemStyle.color !== '#f56c6c'), 'no peak when the alarms spread evenly')
  assert.ok(hourBarOption({}, label).series[0].data.every((d) => d.value === 0 && d.itemStyle.color !== '#f56c6c'), 'nor without alarms')

  const types = pointTypeBarOption(ANALYSIS.byPointType, label)
  assert.deepEqual(types.xAxis.data, POINT_TYPES.map((p) => `<pointTypes.${p}>`))
  assert.deepEqual(types.series[0].data.map((d) => d.value), [4, 6, 3, 0, 12, 5, 0])
  assert.equal(types.series[0].label.formatter({ value: 12 }), '12 (40%)')

  const stack = childrenStackOption(alarmChildRows(ANALYSIS), label)
  assert.deepEqual(stack.xAxis.data, ['胶州市', '370211'])
  assert.deepEqual(
    stack.series.map((s) => [s.name, s.stack, s.itemStyle.color, s.data]),
    [
      ['<categories.PROCESS>', 'category', CATEGORY_COLORS.PROCESS, [18, 3]],
      ['<categories.INSTRUMENT>', 'category', CATEGORY_COLORS.INSTRUMENT, [7, 2]]
    ]
  )

  const kinds = kindBarOption({ HIGH: 3, FAULT: 2, BOGUS: 9 }, label)
  assert.equal(kinds.xAxis.data.length, ALARM_KINDS.length)
  assert.deepEqual(kinds.series[0].data.map((d) => d.value), [0, 0, 3, 0, 0, 2])
})

test('one instrument', () => {
  const d = deviceSummary({ pointId: 'B-GT201', name: '储罐温度', pointType: 'TEMPERATURE', enterpriseCode: USCC, from: '2025-04', to: '2026-03', total: 7, byKind: { HIGH: 3, HIGH_HIGH: 1, FAULT: 3 } })
  assert.equal(d.total, 7)
  assert.equal(d.process, 4)
  assert.equal(d.instrument, 3)
  assert.equal(d.pointType, 'TEMPERATURE')
  assert.equal(deviceSummary(null).total, 0)
})
