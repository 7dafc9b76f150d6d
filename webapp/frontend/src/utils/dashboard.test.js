// Unit tests of the wall screen helpers: node --test src/utils/dashboard.test.js (Node's own test runner, no dependency;
// the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  KPI_KEYS,
  WORST_MAX,
  areaCodeOf,
  chinaClock,
  chinaHour,
  chinaTime,
  connectionState,
  dashboardSummary,
  enterpriseCard,
  fillHours,
  formatCount,
  formatDelta,
  formatRate,
  gradeDonutOption,
  hourChartOption,
  kpiDeltas,
  kpiValues,
  markersOf,
  onlineRate,
  riskBarOption,
  selectedUscc,
  worstRows
} from './dashboard.js'

const USCC = '91370281MA3HW2026N'
const label = (key, params) => (params ? `<${key}:${JSON.stringify(params)}>` : `<${key}>`)

const DATA = {
  area: { code: '37', name: '山东省', kind: 'PROVINCE' },
  generatedAt: '2026-11-05T06:03:22Z',
  enterprises: 120,
  hazardSources: { total: 345, byGrade: { 1: 12, 2: 40, 3: 100, 4: 188 } },
  alarmsToday: { process: 56, instrument: 7 },
  alarmsThisHour: { process: 3, instrument: 0 },
  activeAlarms: 9,
  todayByHour: [
    { hour: 0, process: 1, instrument: 0 },
    { hour: 3, process: 2, instrument: 1 },
    { hour: 14, process: 3, instrument: 0 }
  ],
  warnings: { predictions: 4, byRiskLevel: { RED: 1, ORANGE: 3, YELLOW: 10, BLUE: 106 } },
  worstEnterprises: [
    { uscc: USCC, name: '青岛某化工有限公司', regionCode: '370281', riskLevel: 'RED', score: 88.46, activeAlarms: 3 },
    { uscc: '91370200MA3HW0001X', name: '', regionCode: '370211', riskLevel: 'PURPLE', score: null, activeAlarms: 0 }
  ],
  accidentsThisYear: { count: 3, deaths: 1, injuries: 4 },
  monitoring: { points: 1200, online: 1180 }
}

test('the summary: every number present', () => {
  const s = dashboardSummary(DATA)
  assert.deepEqual(s.area, { code: '37', name: '山东省', kind: 'PROVINCE' })
  assert.equal(s.enterprises, 120)
  assert.deepEqual(s.hazardSources, { total: 345, byGrade: { 1: 12, 2: 40, 3: 100, 4: 188 }, ungraded: 5 })
  assert.deepEqual(s.alarmsToday, { process: 56, instrument: 7, total: 63 })
  assert.deepEqual(s.alarmsThisHour, { process: 3, instrument: 0, total: 3 })
  assert.equal(s.activeAlarms, 9)
  assert.deepEqual(s.warnings, { predictions: 4, byRiskLevel: { RED: 1, ORANGE: 3, YELLOW: 10, BLUE: 106 } })
  assert.deepEqual(s.accidents, { count: 3, deaths: 1, injuries: 4 })
  assert.deepEqual(s.monitoring, { points: 1200, online: 1180, offline: 20, rate: 98.3 })
  assert.equal(s.worst.length, 2)
  const empty = dashboardSummary(null)
  assert.equal(empty.enterprises, 0)
  assert.deepEqual(empty.alarmsToday, { process: 0, instrument: 0, total: 0 })
  assert.equal(empty.monitoring.rate, null)
  assert.deepEqual(empty.worst, [])
  assert.equal(dashboardSummary({ area: { code: null } }).area.code, '')
})

test('the worst enterprises: at most ten, in order, unknown levels dropped', () => {
  const rows = worstRows(DATA.worstEnterprises)
  assert.deepEqual(rows[0], { rank: 1, uscc: USCC, name: '青岛某化工有限公司', regionCode: '370281', riskLevel: 'RED', score: 88.5, activeAlarms: 3 })
  assert.equal(rows[1].name, '91370200MA3HW0001X')
  assert.equal(rows[1].riskLevel, '')
  assert.equal(rows[1].score, null)
  const many = Array.from({ length: 14 }, (_, i) => ({ uscc: `U${i}`, name: `E${i}` }))
  assert.equal(worstRows(many).length, WORST_MAX)
  assert.deepEqual(worstRows([null, {}, 'x']), [])
  assert.deepEqual(worstRows(null), [])
})

test('KPI values and their changes since the last read', () => {
  const s = dashboardSummary(DATA)
  assert.deepEqual(Object.keys(kpiValues(s)), KPI_KEYS)
  assert.deepEqual(kpiValues(s), { enterprises: 120, hazardSources: 345, alarmsToday: 63, alarmsThisHour: 3, activeAlarms: 9, predictions: 4, accidents: 3, online: 1180 })
  const next = dashboardSummary({ ...DATA, alarmsToday: { process: 60, instrument: 7 }, activeAlarms: 7, monitoring: { points: 1200, online: 1181 } })
  const d = kpiDeltas(s, next)
  assert.equal(d.alarmsToday, 4)
  assert.equal(d.activeAlarms, -2)
  assert.equal(d.online, 1)
  assert.equal(d.enterprises, 0)
  // No previous read, or another area: no change.
  assert.deepEqual(Object.values(kpiDeltas(null, s)), KPI_KEYS.map(() => 0))
  assert.deepEqual(Object.values(kpiDeltas(dashboardSummary({ ...DATA, area: { code: '' } }), s)), KPI_KEYS.map(() => 0))
  assert.equal(formatDelta(4), '+4')
  assert.equal(formatDelta(-2), '−2')
  assert.equal(formatDelta(0), '')
  assert.equal(formatDelta(undefined), '')
})

test('formatting of counts and rates', () => {
  assert.equal(formatCount(1234567), '1,234,567')
  assert.equal(formatCount(120), '120')
  assert.equal(formatCount(-3), '0')
  assert.equal(formatCount(null), '0')
  assert.equal(onlineRate(1200, 1180), 98.3)
  assert.equal(onlineRate(0, 0), null)
  assert.equal(onlineRate(10, 12), 100)
  assert.equal(formatRate(98.3), '98.3%')
  assert.equal(formatRate(null), '—')
})

test('hours of today filled from 0 to the current hour', () => {
  const hours = fillHours(DATA.todayByHour, 15)
  assert.equal(hours.length, 16)
  assert.deepEqual(hours[0], { hour: 0, process: 1, instrument: 0 })
  assert.deepEqual(hours[1], { hour: 1, process: 0, instrument: 0 })
  assert.deepEqual(hours[3], { hour: 3, process: 2, instrument: 1 })
  assert.deepEqual(hours[15], { hour: 15, process: 0, instrument: 0 })
  // The last hour sent counts even when the clock says less; hours out of range are left out, a repeated one added.
  assert.equal(fillHours(DATA.todayByHour, 2).length, 15)
  assert.equal(fillHours([{ hour: 24, process: 9 }, { hour: -1 }, { hour: 'x' }], 1).length, 2)
  assert.deepEqual(fillHours([{ hour: 2, process: 1 }, { hour: 2, process: 2, instrument: 1 }], 2)[2], { hour: 2, process: 3, instrument: 1 })
  assert.deepEqual(fillHours(null, 0), [{ hour: 0, process: 0, instrument: 0 }])
  assert.deepEqual(fillHours([], undefined), [])
  assert.equal(fillHours([], 30).length, 24)
})

test('the clock in China', () => {
  const at = new Date('2026-11-05T16:03:22Z') // 00:03:22 on 6 November in China, a Friday
  assert.deepEqual(chinaClock(at), { date: '2026-11-06', time: '00:03:22', weekday: 5 })
  assert.equal(chinaHour(at), 0)
  assert.equal(chinaHour(new Date('2026-11-05T06:59:59Z')), 14)
  assert.equal(chinaTime('2026-11-05T06:03:22Z'), '14:03:22')
  assert.equal(chinaTime(''), '')
  assert.deepEqual(chinaClock('nonsense'), { date: '', time: '', weekday: 0 })
})

test('the map: markers, area code and the selection', () => {
  assert.deepEqual(markersOf({ markers: [{ uscc: USCC }] }), [{ uscc: USCC }])
  assert.deepEqual(markersOf({}), [])
  assert.deepEqual(markersOf(null), [])
  assert.equal(areaCodeOf({ area: { code: '37' } }), '37')
  assert.equal(areaCodeOf({ area: { code: null } }), '')
  assert.equal(areaCodeOf(null), '')
  assert.equal(selectedUscc(` ${USCC} `), USCC)
  assert.equal(selectedUscc({ uscc: USCC, name: 'x' }), USCC)
  assert.equal(selectedUscc({ code: USCC }), USCC)
  assert.equal(selectedUscc(null), '')
})

test('the connection state', () => {
  assert.equal(connectionState({}), 'connecting')
  assert.equal(connectionState({ hasData: true }), 'ok')
  assert.equal(connectionState({ hasData: true, failed: true }), 'lost')
  assert.equal(connectionState({ hasData: false, failed: true }), 'failed')
})

test('chart options keep their shape from one read to the next', () => {
  const s = dashboardSummary(DATA)
  const donut = gradeDonutOption(s, label, { fontSize: 20 })
  assert.deepEqual(donut.series[0].data.map((d) => d.value), [12, 40, 100, 188])
  assert.equal(donut.legend.textStyle.fontSize, 18)
  const risk = riskBarOption(s, label)
  assert.deepEqual(risk.yAxis.data, ['<risk.BLUE>', '<risk.YELLOW>', '<risk.ORANGE>', '<risk.RED>'])
  assert.deepEqual(risk.series[0].data.map((d) => d.value), [106, 10, 3, 1])
  assert.equal(risk.series[0].data[3].itemStyle.color, '#e02020')
  const hours = hourChartOption(fillHours(DATA.todayByHour, 14), label)
  assert.equal(hours.xAxis.data.length, 24)
  assert.equal(hours.series.length, 2)
  assert.deepEqual(hours.series[0].data.slice(0, 4), [1, 0, 0, 2])
  assert.equal(hours.series[0].data[14], 3)
  assert.equal(hours.series[0].data[15], '-')
  assert.equal(hours.series[1].data[3], 1)
  const later = hourChartOption(fillHours(DATA.todayByHour, 20), label)
  assert.equal(later.series[0].data.length, 24)
  assert.equal(later.series[0].data[20], 0)
})

test('the card of an enterprise selected on the map', () => {
  const worst = worstRows(DATA.worstEnterprises)
  assert.deepEqual(enterpriseCard(USCC, worst, []), { uscc: USCC, name: '青岛某化工有限公司', riskLevel: 'RED', score: 88.5, activeAlarms: 3 })
  const markers = [{ uscc: 'U2', name: '乙公司', riskLevel: 'YELLOW', score: '41.26' }]
  assert.deepEqual(enterpriseCard({ uscc: 'U2' }, worst, markers), { uscc: 'U2', name: '乙公司', riskLevel: 'YELLOW', score: 41.3, activeAlarms: null })
  assert.deepEqual(enterpriseCard('U3', worst, markers), { uscc: 'U3', name: 'U3', riskLevel: '', score: null, activeAlarms: null })
  assert.equal(enterpriseCard(null, worst, markers), null)
})
