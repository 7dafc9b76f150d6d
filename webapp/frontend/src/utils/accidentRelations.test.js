// Unit tests of the alarm-to-accident relation helpers: node --test src/utils/accidentRelations.test.js (Node's own
// test runner, no dependency; the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zhCN from '../i18n/locales/alarmAnalysis.zh-CN.js'
import en from '../i18n/locales/alarmAnalysis.en.js'
import {
  DEFAULT_HOURS,
  MAX_HOURS,
  childLevelOf,
  compareByRate,
  exportHref,
  formatCount,
  formatFractionPercent,
  formatLift,
  formatRate,
  formatSmallPercent,
  hasAccidents,
  industryRateOption,
  industryRateRows,
  itemLabel,
  kindRateOption,
  kindRows,
  normaliseHours,
  patternSummary,
  pointTypeKey,
  pointTypeRateOption,
  pointTypeRows,
  regionRateRows,
  relationApiQuery,
  relationKpis,
  relationState,
  relationStateQuery,
  ruleRows,
  splitItem
} from './accidentRelations.js'

const USCC = '91370281MA3HW2026N'
const THIS_MONTH = '2026-11'
const label = (key, params) => (params ? `<${key}:${JSON.stringify(params)}>` : `<${key}>`)

/** The page's names of point types and kinds from a locale's messages (unknown keys as they are). */
const namesOf = (messages) => ({
  pointType: (k) => messages.alarmAnalysis.pointTypes[k],
  kind: (k) => messages.alarmAnalysis.kinds[k]
})

const DATA = {
  area: { code: '3702', name: '青岛市', kind: 'CITY' },
  from: '2026-01',
  to: '2026-11',
  windowHours: 24,
  accidents: 12,
  accidentsWithAlarms: 7,
  alarms: 34567,
  per1000: 0.347,
  byKind: [
    { key: 'HIGH', name: null, accidents: 2, alarms: 5000, per1000: 0.4 },
    { key: 'HIGH_HIGH', name: null, accidents: 5, alarms: 1200, per1000: 4.17 },
    { key: 'LOW_LOW', name: null, accidents: 0, alarms: 0, per1000: null }
  ],
  byPointType: [
    { key: 'OTHER', name: null, accidents: 0, alarms: 10, per1000: 0 },
    { key: 'CAMERA', name: null, accidents: 1, alarms: 100, per1000: 10 },
    { key: 'GAS', name: null, accidents: 4, alarms: 900, per1000: 4.44 },
    { key: 'TEMPERATURE', name: null, accidents: 3, alarms: 2000, per1000: 1.5 }
  ],
  byIndustry: [
    { key: 'C26', name: '化学原料和化学制品制造业', accidents: 8, alarms: 30000, per1000: 0.267 },
    { key: 'C25', name: '', accidents: 3, alarms: 1000, per1000: 3 },
    { key: '', name: null, accidents: 1, alarms: 0, per1000: null }
  ],
  byRegion: [
    { key: '370211', name: '黄岛区', accidents: 2, alarms: 4000, per1000: 0.5 },
    { key: '370281', name: '胶州市', accidents: 9, alarms: 30000, per1000: 0.3 },
    { key: '370281P01', name: '胶州经济开发区', accidents: 1, alarms: 567, per1000: 1.76 }
  ],
  patterns: {
    transactions: 40150,
    accidentTransactions: 7,
    baseRate: 0.000174,
    minAccidents: 2,
    rules: [
      { items: ['TEMPERATURE/HIGH'], accidents: 2, windows: 400, support: 0.0000498, confidence: 0.005, lift: 28.7 },
      { items: ['GAS/HIGH_HIGH', 'TEMPERATURE/HIGH'], accidents: 3, windows: 41, support: 0.0000747, confidence: 0.0732, lift: 420.5 },
      { items: ['LEVEL/LOW'], accidents: 2, windows: 20000, support: 0.0000498, confidence: 0.0001, lift: 0.57 }
    ]
  }
}

test('the window: whole hours 1 to 720, else 24', () => {
  assert.equal(DEFAULT_HOURS, 24)
  assert.equal(MAX_HOURS, 720)
  assert.equal(normaliseHours('48'), 48)
  assert.equal(normaliseHours(' 1 '), 1)
  assert.equal(normaliseHours('720'), 720)
  assert.equal(normaliseHours(72), 72)
  for (const bad of ['0', '721', '-5', '2.5', 'x', '', null, undefined, '99999']) assert.equal(normaliseHours(bad), 24, String(bad))
})

test('the state from the URL and back', () => {
  const s = relationState({ region: '370281', from: '2026-02', to: '2026-10', industry: 'c26', hours: '72' }, { thisMonth: THIS_MONTH })
  assert.deepEqual(s, { region: '370281', parent: '', from: '2026-02', to: '2026-10', industry: 'C26', hours: 72 })
  assert.deepEqual(relationState(relationStateQuery(s, { thisMonth: THIS_MONTH }), { thisMonth: THIS_MONTH }), s)
  // Defaults: the last twelve months, the whole scope, all industries, 24 hours; a point type is no filter here.
  const d = relationState({ pointType: 'LEVEL', hours: '0' }, { thisMonth: THIS_MONTH })
  assert.deepEqual(d, { region: '', parent: '', from: '2025-12', to: '2026-11', industry: '', hours: 24 })
  assert.deepEqual(relationStateQuery(d, { thisMonth: THIS_MONTH }), {})
  // An enterprise keeps the region it was drilled into from.
  const e = relationState({ region: USCC, parent: '370281' }, { thisMonth: THIS_MONTH })
  assert.equal(e.parent, '370281')
  assert.deepEqual(relationStateQuery(e, { thisMonth: THIS_MONTH }), { region: USCC, parent: '370281' })
  // Months after this one are not taken.
  assert.equal(relationState({ to: '2027-01' }, { thisMonth: THIS_MONTH }).to, THIS_MONTH)
})

test('the API query: the first month always, the last unless this month, the window always', () => {
  const state = relationState({}, { thisMonth: THIS_MONTH })
  assert.deepEqual(relationApiQuery(state, { thisMonth: THIS_MONTH }), { from: '2025-12', hours: 24 })
  const s = relationState({ region: '37', from: '2026-01', to: '2026-06', industry: 'C26', hours: '6' }, { thisMonth: THIS_MONTH })
  assert.deepEqual(relationApiQuery(s, { thisMonth: THIS_MONTH }), { region: '37', from: '2026-01', to: '2026-06', industry: 'C26', hours: 6 })
  assert.equal(
    exportHref(relationApiQuery(s, { thisMonth: THIS_MONTH }), '/api/'),
    '/api/analytics/accident-relations/export?region=37&from=2026-01&to=2026-06&industry=C26&hours=6'
  )
  assert.equal(exportHref({}), '/api/analytics/accident-relations/export')
})

test('the level one level down', () => {
  assert.equal(childLevelOf(''), 'PROVINCE')
  assert.equal(childLevelOf('37'), 'CITY')
  assert.equal(childLevelOf('3702'), 'COUNTY')
  assert.equal(childLevelOf('370281'), 'ENTERPRISE')
  assert.equal(childLevelOf('370281P01'), 'ENTERPRISE')
  assert.equal(childLevelOf(USCC), null)
  assert.equal(childLevelOf(null), 'PROVINCE')
})

test('the key figures', () => {
  const k = relationKpis(DATA)
  assert.equal(k.accidents, 12)
  assert.equal(k.accidentsWithAlarms, 7)
  assert.equal(k.alarms, 34567)
  assert.equal(k.per1000, 0.347)
  assert.equal(k.withAlarmsShare, 58.3)
  assert.equal(k.windowHours, 24)
  assert.deepEqual(k.area, { code: '3702', name: '青岛市', kind: 'CITY' })
  const none = relationKpis({ accidents: 0, alarms: 0, per1000: null })
  assert.equal(none.per1000, null)
  assert.equal(none.withAlarmsShare, 0)
  assert.equal(relationKpis(null).accidents, 0)
  assert.equal(hasAccidents(DATA), true)
  assert.equal(hasAccidents({ accidents: 0 }), false)
  assert.equal(hasAccidents(null), false)
})

test('formatting of rates, percentages, lift and counts', () => {
  assert.equal(formatRate(0.347), '0.347')
  assert.equal(formatRate(0.0012345), '0.00123')
  assert.equal(formatRate(4.1666), '4.17')
  assert.equal(formatRate(12.345), '12.3')
  assert.equal(formatRate(1500.4), '1500')
  assert.equal(formatRate(0), '0')
  assert.equal(formatRate(null), '—')
  assert.equal(formatRate(undefined), '—')
  assert.equal(formatRate('x'), '—')
  assert.equal(formatFractionPercent(0.0732), '7.32%')
  assert.equal(formatFractionPercent(1), '100.00%')
  assert.equal(formatFractionPercent(null), '—')
  assert.equal(formatSmallPercent(0.0000747), '0.00747%')
  assert.equal(formatSmallPercent(0.000174), '0.0174%')
  assert.equal(formatSmallPercent(0.0532), '5.32%')
  assert.equal(formatSmallPercent(0), '0%')
  assert.equal(formatSmallPercent(null), '—')
  assert.equal(formatLift(420.5), '420.50')
  assert.equal(formatLift(0.567), '0.57')
  assert.equal(formatLift(null), '—')
  assert.equal(formatCount(34567), '34,567')
  assert.equal(formatCount(1234567), '1,234,567')
  assert.equal(formatCount(999), '999')
  assert.equal(formatCount(null), '0')
})

test('items: split and labelled in Chinese and English', () => {
  assert.deepEqual(splitItem('GAS/HIGH_HIGH'), { key: 'GAS/HIGH_HIGH', pointType: 'COMBUSTIBLE_GAS', kind: 'HIGH_HIGH' })
  assert.deepEqual(splitItem('KRQT/low'), { key: 'KRQT/low', pointType: 'COMBUSTIBLE_GAS', kind: 'LOW' })
  assert.deepEqual(splitItem('CAMERA'), { key: 'CAMERA', pointType: 'CAMERA', kind: '' })
  assert.equal(pointTypeKey('gas'), 'COMBUSTIBLE_GAS')
  assert.equal(pointTypeKey('COMBUSTIBLE_GAS'), 'COMBUSTIBLE_GAS')
  assert.equal(pointTypeKey('YW'), 'LEVEL')
  assert.equal(pointTypeKey('CAMERA'), 'CAMERA')
  assert.equal(itemLabel('GAS/HIGH_HIGH', namesOf(zhCN)), '可燃气体·高高报')
  assert.equal(itemLabel('TEMPERATURE/HIGH', namesOf(zhCN)), '温度·高报')
  assert.equal(itemLabel('TOXIC_GAS/RATE_OF_CHANGE', namesOf(zhCN)), '有毒气体·变化率报警')
  assert.equal(itemLabel('GAS/HIGH_HIGH', namesOf(en)), 'Combustible gas·High-high')
  // Unknown keys are shown as they are.
  assert.equal(itemLabel('CAMERA/MOTION', namesOf(zhCN)), 'CAMERA·MOTION')
  assert.equal(itemLabel('LEVEL/HIGH'), 'LEVEL·HIGH')
})

test('rows: kinds and point types in their order, industries by rate, regions by accidents', () => {
  assert.deepEqual(kindRows(DATA).map((r) => r.key), ['LOW_LOW', 'HIGH', 'HIGH_HIGH'])
  assert.equal(kindRows(DATA)[0].per1000, null)
  assert.deepEqual(pointTypeRows(DATA).map((r) => r.key), ['TEMPERATURE', 'GAS', 'OTHER', 'CAMERA'])
  assert.deepEqual(pointTypeRows(DATA).map((r) => r.type), ['TEMPERATURE', 'COMBUSTIBLE_GAS', 'OTHER', 'CAMERA'])
  const industries = industryRateRows(DATA, { unregistered: '未登记行业' })
  assert.deepEqual(industries.map((r) => r.key), ['C25', 'C26', ''])
  assert.deepEqual(industries.map((r) => r.name), ['C25', '化学原料和化学制品制造业', '未登记行业'])
  const regions = regionRateRows(DATA, { level: childLevelOf('3702') })
  assert.deepEqual(regions.map((r) => r.code), ['370281', '370211', '370281P01'])
  assert.deepEqual(regions.map((r) => r.drillable), [true, true, true])
  assert.equal(regions[0].total, 9)
  const enterprises = regionRateRows({ byRegion: [{ key: USCC, name: '甲', accidents: 1, alarms: 0, per1000: null }, { key: '某厂', name: '某厂', accidents: 1 }] }, { level: 'ENTERPRISE' })
  assert.deepEqual(enterprises.map((r) => r.drillable), [true, false])
  assert.deepEqual(kindRows(null), [])
  assert.deepEqual(regionRateRows({ byRegion: 'x' }), [])
})

test('sorting by rate: highest first, none last, then accidents', () => {
  const list = [
    { key: 'a', accidents: 1, alarms: 1, per1000: null },
    { key: 'b', accidents: 1, alarms: 1, per1000: 2 },
    { key: 'c', accidents: 5, alarms: 1, per1000: 2 },
    { key: 'd', accidents: 0, alarms: 1, per1000: 9 }
  ]
  assert.deepEqual([...list].sort(compareByRate).map((r) => r.key), ['d', 'c', 'b', 'a'])
})

test('rules by lift with their numbers; the patterns summary', () => {
  const rules = ruleRows(DATA)
  assert.deepEqual(rules.map((r) => r.id), ['GAS/HIGH_HIGH+TEMPERATURE/HIGH', 'TEMPERATURE/HIGH', 'LEVEL/LOW'])
  assert.deepEqual(rules[0].items.map((i) => i.pointType), ['COMBUSTIBLE_GAS', 'TEMPERATURE'])
  assert.equal(rules[0].accidents, 3)
  assert.equal(rules[0].windows, 41)
  assert.equal(rules[0].confidence, 0.0732)
  assert.deepEqual(rules.map((r) => r.strong), [true, true, false])
  assert.deepEqual(ruleRows({ patterns: null }), [])
  assert.deepEqual(ruleRows({ patterns: { rules: [null, { items: [] }] } }).length, 1)
  assert.deepEqual(patternSummary(DATA), { transactions: 40150, accidentTransactions: 7, baseRate: 0.000174, minAccidents: 2 })
  assert.deepEqual(patternSummary({}), { transactions: 0, accidentTransactions: 0, baseRate: null, minAccidents: 0 })
})

test('chart options: one bar per row, rates as values, none as a gap', () => {
  const names = namesOf(zhCN)
  const kinds = kindRateOption(kindRows(DATA), label, names.kind)
  assert.deepEqual(kinds.xAxis.data, ['低低报', '高报', '高高报'])
  assert.deepEqual(kinds.series[0].data.map((d) => d.value), ['-', 0.4, 4.17])
  assert.equal(kinds.series[0].label.formatter({ dataIndex: 0 }), '—')
  assert.equal(kinds.series[0].label.formatter({ dataIndex: 2 }), '4.17')
  assert.equal(
    kinds.tooltip.formatter([{ dataIndex: 2 }]),
    '高高报<br/>&lt;charts.tooltipRate:{&quot;rate&quot;:&quot;4.17&quot;}&gt;<br/>&lt;charts.tooltipCounts:{&quot;accidents&quot;:5,&quot;alarms&quot;:&quot;1,200&quot;}&gt;'
  )
  const types = pointTypeRateOption(pointTypeRows(DATA), label, names.pointType)
  assert.deepEqual(types.xAxis.data, ['温度', '可燃气体', '其他', 'CAMERA'])
  const industries = industryRateOption(industryRateRows(DATA), label)
  assert.equal(industries.series[0].data.length, 3)
})
