// Unit tests of the one map's helpers: node --test src/utils/oneMap.test.js (Node's own test runner, no dependency; the
// helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  GRADE_KEYS,
  STATES,
  STATE_COLORS,
  breadcrumb,
  cleanMarkers,
  divisionLevel,
  divisionPrefix,
  escapeHtml,
  facetCounts,
  filterMarkers,
  filtersActive,
  filtersQuery,
  geoSource,
  gradeKey,
  inArea,
  invalidCoordinates,
  isDrillTarget,
  mapCodeOfArea,
  mapNameOf,
  mapPageQuery,
  mapPageState,
  markerGroups,
  markerMatches,
  markerSymbol,
  markerSymbolSize,
  normaliseState,
  parentOf,
  parseFilters,
  regionPath,
  stateRank,
  toDivision6,
  worstState
} from './oneMap.js'

const NAMES = { 370000: '山东省', 370200: '青岛市', 370281: '胶州市', 110000: '北京市', 110105: '朝阳区', 420000: '湖北省', 429004: '仙桃市' }

function m(uscc, { region = '370281', grade = 1, state = 'NORMAL', industry = 'FINE_CHEMICALS', lon = 120, lat = 36 } = {}) {
  return { uscc, name: uscc, regionCode: region, grade, state, industryGroup: industry, longitude: lon, latitude: lat, hazardSources: 1, activeAlarms: 0 }
}

test('state priority: ALARM over WARNING over FAULT over NORMAL over UNMONITORED; unknown is UNMONITORED', () => {
  assert.deepEqual(STATES, ['ALARM', 'WARNING', 'FAULT', 'NORMAL', 'UNMONITORED'])
  assert.ok(stateRank('ALARM') > stateRank('WARNING'))
  assert.ok(stateRank('WARNING') > stateRank('FAULT'))
  assert.ok(stateRank('FAULT') > stateRank('NORMAL'))
  assert.ok(stateRank('NORMAL') > stateRank('UNMONITORED'))
  assert.equal(stateRank('nonsense'), stateRank('UNMONITORED'))
  assert.equal(normaliseState(undefined), 'UNMONITORED')
  assert.equal(worstState('NORMAL', 'FAULT'), 'FAULT')
  assert.equal(worstState('ALARM', 'WARNING'), 'ALARM')
  assert.equal(worstState('x', 'NORMAL'), 'NORMAL')
  // every state has its colour, alarm red
  for (const s of STATES) assert.match(STATE_COLORS[s], /^#[0-9a-f]{6}$/)
  assert.equal(STATE_COLORS.ALARM, '#e53935')
})

test('grades: keys, the most severe the biggest, ungraded the smallest', () => {
  assert.equal(gradeKey(1), '1')
  assert.equal(gradeKey('4'), '4')
  assert.equal(gradeKey(null), 'none')
  assert.equal(gradeKey(0), 'none')
  assert.equal(gradeKey(5), 'none')
  assert.equal(gradeKey(''), 'none')
  const sizes = GRADE_KEYS.map((k) => markerSymbolSize(k === 'none' ? null : Number(k)))
  assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a))
  assert.ok(sizes[0] > sizes[4])
  assert.equal(markerSymbol(1), 'diamond')
  assert.equal(markerSymbol(null), 'circle')
})

test('markers are checked: no coordinates counted apart, unknown values normalised, frozen', () => {
  const { markers, invalid } = cleanMarkers([
    m('A'),
    { ...m('B'), longitude: null },
    { ...m('C'), latitude: 91 },
    { ...m('D'), longitude: '121.5', latitude: '31.2', grade: null, state: 'WHAT', industryGroup: 'X' },
    null,
    { name: 'no uscc' }
  ])
  assert.equal(invalid, 2)
  assert.deepEqual(markers.map((x) => x.uscc), ['A', 'D'])
  assert.equal(markers[1].longitude, 121.5)
  assert.equal(markers[1].grade, null)
  assert.equal(markers[1].state, 'UNMONITORED')
  assert.equal(markers[1].industryGroup, 'OTHER')
  assert.ok(Object.isFrozen(markers[0]))
  assert.deepEqual(cleanMarkers(undefined), { markers: [], invalid: 0 })
  assert.equal(invalidCoordinates([m('A'), { ...m('B'), longitude: null }, { ...m('C'), latitude: 91 }, null]), 2)
})

test('division codes, levels and prefixes', () => {
  assert.equal(toDivision6('37'), '370000')
  assert.equal(toDivision6('3702'), '370200')
  assert.equal(toDivision6('370281'), '370281')
  assert.equal(toDivision6('370281P01'), '370281')
  assert.equal(toDivision6(''), '')
  assert.equal(toDivision6(null), '')
  assert.equal(toDivision6('91370281MA3HW2026N'), null)
  assert.equal(divisionLevel('370000'), 'PROVINCE')
  assert.equal(divisionLevel('370200'), 'CITY')
  assert.equal(divisionLevel('370281'), 'COUNTY')
  assert.equal(divisionLevel(''), 'NATION')
  assert.equal(divisionLevel('x'), null)
  assert.equal(divisionPrefix('370000'), '37')
  assert.equal(divisionPrefix('370200'), '3702')
  assert.equal(divisionPrefix('370281'), '370281')
  assert.equal(divisionPrefix(''), '')
  assert.ok(inArea({ regionCode: '370281' }, '370000'))
  assert.ok(!inArea({ regionCode: '320281' }, '370000'))
  assert.ok(inArea({ regionCode: '320281' }, ''))
})

test('the path of a division: municipalities and province-governed counties have no city level', () => {
  assert.deepEqual(regionPath(''), [''])
  assert.deepEqual(regionPath('370000'), ['', '370000'])
  assert.deepEqual(regionPath('370200'), ['', '370000', '370200'])
  assert.deepEqual(regionPath('370281'), ['', '370000', '370200', '370281'])
  assert.deepEqual(regionPath('370281', NAMES), ['', '370000', '370200', '370281'])
  assert.deepEqual(regionPath('110105'), ['', '110000', '110105'])
  assert.deepEqual(regionPath('110105', NAMES), ['', '110000', '110105'])
  assert.deepEqual(regionPath('429004'), ['', '420000', '429004'])
  assert.deepEqual(regionPath('429004', NAMES), ['', '420000', '429004'])
  // Taiwan's (and other) county-level codes whose middle digits are 00: under the province itself
  assert.deepEqual(regionPath('710001', { ...NAMES, 710000: '台湾省' }), ['', '710000', '710001'])
  assert.deepEqual(regionPath('710001'), ['', '710000', '710001'])
  assert.equal(parentOf('370281'), '370200')
  assert.equal(parentOf('370000'), '')
  assert.equal(parentOf(''), null)
})

test('boundary files: country, province and city have their own; a county is picked from its parent', () => {
  assert.deepEqual(geoSource(''), { file: 'china', pick: null })
  assert.deepEqual(geoSource('370000'), { file: '370000', pick: null })
  assert.deepEqual(geoSource('370200'), { file: '370200', pick: null })
  assert.deepEqual(geoSource('370281'), { file: '370200', pick: '370281' })
  assert.deepEqual(geoSource('110105'), { file: '110000', pick: '110105' })
  assert.deepEqual(geoSource('429004', NAMES), { file: '420000', pick: '429004' })
  assert.equal(geoSource('nonsense'), null)
  // never the name ECharts reserves
  assert.equal(mapNameOf(''), 'hw-100000')
  assert.equal(mapNameOf('370000'), 'hw-370000')
  assert.equal(mapNameOf('37'), 'hw-370000')
})

test('drill targets are divisions below the area shown', () => {
  assert.ok(isDrillTarget('370000', ''))
  assert.ok(isDrillTarget('370200', '370000'))
  assert.ok(!isDrillTarget('370000', '370000'))
  assert.ok(!isDrillTarget('320000', '370000'))
  assert.ok(!isDrillTarget('', '370000'))
  assert.ok(!isDrillTarget('line', ''))
})

test('the map of an answer’s area', () => {
  assert.equal(mapCodeOfArea({ code: '', kind: 'NATION' }), '')
  assert.equal(mapCodeOfArea({ code: '37', kind: 'PROVINCE' }), '370000')
  assert.equal(mapCodeOfArea({ code: '370000', kind: 'PROVINCE' }), '370000')
  assert.equal(mapCodeOfArea({ code: '370281P01', kind: 'PARK' }), '370281')
  assert.equal(mapCodeOfArea({ code: '91370281MA3HW2026N', kind: 'ENTERPRISE' }, [m('X', { region: '370281' })]), '370281')
  assert.equal(mapCodeOfArea({ code: '91370281MA3HW2026N', kind: 'ENTERPRISE' }, []), '')
  assert.equal(mapCodeOfArea(null), '')
})

test('filters: grade, state and industry group, applied to the area’s markers', () => {
  const markers = [
    m('A', { grade: 1, state: 'ALARM' }),
    m('B', { grade: 2, state: 'NORMAL', industry: 'PETROCHEMICALS' }),
    m('C', { grade: null, state: 'FAULT' }),
    m('D', { grade: 1, state: 'NORMAL', region: '320581' }),
    m('E', { grade: 3, state: 'WARNING', industry: 'COAL_CHEMICALS' })
  ]
  const none = { grades: [], states: [], industry: '' }
  assert.equal(filterMarkers(markers, none).length, 5)
  assert.equal(filterMarkers(markers, none, '370000').length, 4)
  assert.deepEqual(filterMarkers(markers, { ...none, grades: ['1'] }).map((x) => x.uscc), ['A', 'D'])
  assert.deepEqual(filterMarkers(markers, { ...none, grades: ['1'] }, '370000').map((x) => x.uscc), ['A'])
  assert.deepEqual(filterMarkers(markers, { ...none, grades: ['none', '3'] }).map((x) => x.uscc), ['C', 'E'])
  assert.deepEqual(filterMarkers(markers, { ...none, states: ['ALARM', 'WARNING'] }).map((x) => x.uscc), ['A', 'E'])
  assert.deepEqual(filterMarkers(markers, { ...none, industry: 'PETROCHEMICALS' }).map((x) => x.uscc), ['B'])
  assert.deepEqual(filterMarkers(markers, { grades: ['1', '2'], states: ['NORMAL'], industry: '' }).map((x) => x.uscc), ['B', 'D'])
  assert.ok(markerMatches(markers[0], null))
  assert.ok(!filtersActive(none))
  assert.ok(filtersActive({ ...none, states: ['ALARM'] }))
})

test('counts next to the filters: each option as if chosen, the other filters kept; they add up', () => {
  const markers = [
    m('A', { grade: 1, state: 'ALARM' }),
    m('B', { grade: 2, state: 'NORMAL', industry: 'PETROCHEMICALS' }),
    m('C', { grade: null, state: 'FAULT' }),
    m('D', { grade: 1, state: 'NORMAL', region: '320581' }),
    m('E', { grade: 3, state: 'WARNING', industry: 'COAL_CHEMICALS' })
  ]
  const all = facetCounts(markers, { grades: [], states: [], industry: '' })
  assert.equal(all.total, 5)
  assert.equal(all.shown, 5)
  assert.deepEqual(all.grades, { 1: 2, 2: 1, 3: 1, 4: 0, none: 1 })
  assert.deepEqual(all.states, { ALARM: 1, WARNING: 1, FAULT: 1, NORMAL: 2, UNMONITORED: 0 })
  assert.deepEqual(all.industries, { FINE_CHEMICALS: 3, PETROCHEMICALS: 1, COAL_CHEMICALS: 1, OTHER: 0 })
  for (const counts of [all.grades, all.states, all.industries]) assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), all.total)
  const graded = facetCounts(markers, { grades: ['1'], states: [], industry: '' })
  assert.equal(graded.shown, 2)
  // the grade's own counts do not narrow by the grade chosen; the states' do
  assert.deepEqual(graded.grades, all.grades)
  assert.deepEqual(graded.states, { ALARM: 1, WARNING: 0, FAULT: 0, NORMAL: 1, UNMONITORED: 0 })
  assert.equal(Object.values(graded.states).reduce((a, b) => a + b, 0), graded.shown)
  const inShandong = facetCounts(markers, { grades: ['1'], states: [], industry: '' }, '370000')
  assert.equal(inShandong.total, 4)
  assert.equal(inShandong.shown, 1)
  assert.equal(filterMarkers(markers, { grades: ['1'], states: [], industry: '' }, '370000').length, inShandong.shown)
})

test('drawing groups: one per state and grade, the worst drawn last', () => {
  const groups = markerGroups([
    m('A', { grade: 1, state: 'ALARM' }),
    m('B', { grade: 4, state: 'NORMAL' }),
    m('C', { grade: 1, state: 'NORMAL' }),
    m('D', { grade: 4, state: 'NORMAL' }),
    m('E', { grade: null, state: 'UNMONITORED' })
  ])
  assert.deepEqual(groups.map((g) => g.key), ['UNMONITORED|none', 'NORMAL|4', 'NORMAL|1', 'ALARM|1'])
  assert.equal(groups[1].markers.length, 2)
  assert.equal(groups[3].color, STATE_COLORS.ALARM)
  assert.ok(groups[3].size > groups[1].size)
})

test('the page state in the URL', () => {
  assert.deepEqual(mapPageState({}), { region: '', filters: { grades: [], states: [], industry: '' } })
  const state = mapPageState({ region: '37', grade: '2,1,x', state: 'alarm,FAULT', industry: 'coal_chemicals' })
  assert.deepEqual(state, { region: '370000', filters: { grades: ['1', '2'], states: ['ALARM', 'FAULT'], industry: 'COAL_CHEMICALS' } })
  assert.deepEqual(mapPageQuery(state), { region: '370000', grade: '1,2', state: 'ALARM,FAULT', industry: 'COAL_CHEMICALS' })
  assert.deepEqual(mapPageQuery({ region: '', filters: parseFilters({}) }), {})
  assert.equal(mapPageState({ region: 'garbage' }).region, '')
  assert.deepEqual(filtersQuery(null), {})
})

test('breadcrumb: from the country, or folded into the user’s scope', () => {
  assert.deepEqual(breadcrumb('370281', { names: NAMES }), [
    { code: '', name: undefined },
    { code: '370000', name: '山东省' },
    { code: '370200', name: '青岛市' },
    { code: '370281', name: '胶州市' }
  ])
  assert.deepEqual(
    breadcrumb('370281', { scopeCode: '37', names: NAMES }).map((c) => c.code),
    ['', '370200', '370281']
  )
  assert.equal(breadcrumb('', { scopeCode: '37', names: NAMES })[0].name, '山东省')
  assert.deepEqual(breadcrumb('', { scopeCode: '370281P01', names: NAMES }).map((c) => c.code), [''])
  assert.deepEqual(breadcrumb('370281', { scopeCode: '91370281MA3HW2026N' }).map((c) => c.code), [''])
  assert.deepEqual(breadcrumb('110105', { names: NAMES }).map((c) => c.code), ['', '110000', '110105'])
})

test('tooltip text is escaped', () => {
  assert.equal(escapeHtml('<b>"A" & \'B\'</b>'), '&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;')
  assert.equal(escapeHtml(null), '')
})
