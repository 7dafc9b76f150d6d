// Unit tests of the one map's grid clustering: node --test src/utils/mapClusters.test.js (Node's own test runner, no
// dependency; the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  CLUSTER_THRESHOLD,
  cellSizeFor,
  clusterMarkers,
  clusterSymbolSize,
  expandBounds,
  zoomIntoCluster
} from './mapClusters.js'

const VIEW = [110, 30, 120, 40] // 10° × 10°

function marker(i, longitude, latitude, state = 'NORMAL') {
  return { uscc: `U${i}`, longitude, latitude, state }
}

/** n markers in a square lattice filling [w, s, e, n]. */
function lattice(n, [w, s, e, north], state = 'NORMAL') {
  const side = Math.ceil(Math.sqrt(n))
  const out = []
  for (let i = 0; i < n; i++) {
    const x = w + ((i % side) + 0.5) * ((e - w) / side)
    const y = s + (Math.floor(i / side) + 0.5) * ((north - s) / side)
    out.push(marker(i, x, y, state))
  }
  return out
}

test('few markers in view are drawn one by one, without clusters', () => {
  const markers = lattice(50, VIEW)
  const result = clusterMarkers(markers, { view: VIEW, cellLon: 1, cellLat: 1 })
  assert.equal(result.clustered, false)
  assert.equal(result.inView, 50)
  assert.equal(result.singles.length, 50)
  assert.deepEqual(result.clusters, [])
})

test('more than the threshold in view: grid clusters whose counts add up to the markers drawn', () => {
  const markers = lattice(2000, VIEW)
  const result = clusterMarkers(markers, { view: VIEW, cellLon: 1, cellLat: 1 })
  assert.equal(result.clustered, true)
  assert.equal(result.inView, 2000)
  assert.equal(result.drawn, 2000)
  const counted = result.clusters.reduce((sum, c) => sum + c.count, 0) + result.singles.length
  assert.equal(counted, 2000)
  // a 10 × 10 grid of 1° cells over the view
  assert.equal(result.clusters.length + result.singles.length, 100)
  for (const c of result.clusters) {
    assert.equal(c.members.length, c.count)
    assert.equal(Object.values(c.byState).reduce((a, b) => a + b, 0), c.count)
    // the cluster sits at its members' mean, inside its cell
    const cx = Math.floor(c.longitude)
    const cy = Math.floor(c.latitude)
    assert.ok(c.members.every((m) => Math.floor(m.longitude) === cx && Math.floor(m.latitude) === cy))
  }
})

test('the threshold is the number in view, not the number loaded', () => {
  // 1000 markers far outside the view (and its margin), 10 inside
  const far = lattice(1000, [70, 0, 75, 5]).map((m, i) => ({ ...m, uscc: `F${i}` }))
  const near = lattice(10, VIEW).map((m, i) => ({ ...m, uscc: `N${i}` }))
  const result = clusterMarkers([...far, ...near], { view: VIEW, cellLon: 1, cellLat: 1 })
  assert.equal(result.clustered, false)
  assert.equal(result.inView, 10)
  assert.equal(result.drawn, 10)
  assert.equal(CLUSTER_THRESHOLD, 300)
})

test('markers just past the view are drawn (the margin), those beyond it are not', () => {
  const markers = [marker(1, 121, 35), marker(2, 125.5, 35), marker(3, 131, 35)]
  const result = clusterMarkers(markers, { view: VIEW, cellLon: 1, cellLat: 1, margin: 0.5 })
  // the view grown by half its size on each side reaches 125° east: 121 is drawn, 125.5 and 131 are not
  assert.deepEqual(expandBounds(VIEW, 0.5), [105, 25, 125, 45])
  assert.deepEqual(result.singles.map((m) => m.uscc), ['U1'])
  assert.equal(result.inView, 0)
})

test('the worst state of a cluster wins', () => {
  // 400 normal markers on a lattice; in the cell [110, 112) × [30, 32) a fault, a warning and an alarm, in the cell
  // [112, 114) × [30, 32) a fault only
  const markers = lattice(400, VIEW)
  const fault = marker('F', 110.5, 30.5, 'FAULT')
  const warning = marker('W', 110.6, 30.6, 'WARNING')
  const alarm = marker('A', 110.7, 30.7, 'ALARM')
  const fault2 = marker('F2', 112.5, 30.5, 'FAULT')
  const result = clusterMarkers([fault, ...markers, warning, alarm, fault2], { view: VIEW, cellLon: 2, cellLat: 2 })
  assert.equal(result.clustered, true)
  const cellOf = (m) => result.clusters.find((c) => c.members.includes(m))
  const first = cellOf(alarm)
  assert.equal(first, cellOf(fault))
  assert.equal(first, cellOf(warning))
  assert.equal(first.state, 'ALARM')
  assert.equal(first.byState.ALARM, 1)
  assert.equal(first.byState.WARNING, 1)
  assert.equal(first.byState.FAULT, 1)
  assert.equal(first.byState.NORMAL, first.count - 3)
  assert.equal(cellOf(fault2).state, 'FAULT')
  // clusters of nothing but normal markers stay NORMAL; unknown states count as UNMONITORED and lose against NORMAL
  const plain = result.clusters.find((c) => c.members.every((m) => m.state === 'NORMAL'))
  assert.equal(plain.state, 'NORMAL')
  const odd = clusterMarkers([...lattice(400, VIEW), marker('X', 110.1, 30.1, 'WHATEVER')], { view: VIEW, cellLon: 2, cellLat: 2 })
  const oddCell = odd.clusters.find((c) => c.members.some((m) => m.uscc === 'UX'))
  assert.equal(oddCell.state, 'NORMAL')
  assert.equal(oddCell.byState.UNMONITORED, 1)
  // a cell of unmonitored markers only is UNMONITORED
  const dark = clusterMarkers([...lattice(400, VIEW), ...lattice(4, [118.1, 38.1, 119.9, 39.9], 'UNMONITORED')].filter((m, i) => i >= 400 || m.longitude < 118 || m.latitude < 38), { view: VIEW, cellLon: 2, cellLat: 2 })
  assert.equal(dark.clusters.find((c) => c.key === '59:19').state, 'UNMONITORED')
  // drawn in order, the worst last (on top)
  const ranks = result.clusters.map((c) => ['UNMONITORED', 'NORMAL', 'FAULT', 'WARNING', 'ALARM'].indexOf(c.state))
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b))
})

test('a cluster splits when zoomed in (smaller cells), and panning keeps the grid', () => {
  const markers = lattice(1600, VIEW)
  const coarse = clusterMarkers(markers, { view: VIEW, cellLon: 2, cellLat: 2 })
  const fine = clusterMarkers(markers, { view: VIEW, cellLon: 0.5, cellLat: 0.5 })
  assert.ok(fine.clusters.length > coarse.clusters.length, `${fine.clusters.length} > ${coarse.clusters.length}`)
  // each fine cluster lies within one coarse cluster
  for (const f of fine.clusters) {
    const owners = new Set(f.members.map((m) => coarse.clusters.find((c) => c.members.includes(m))?.key))
    assert.equal(owners.size, 1)
  }
  // two markers of one coarse cell end up in two clusters
  const two = [marker('a', 111.1, 31.1), marker('b', 111.9, 31.9)]
  const crowd = lattice(400, [115, 35, 120, 40])
  const zoomedOut = clusterMarkers([...two, ...crowd], { view: VIEW, cellLon: 1, cellLat: 1 })
  const zoomedIn = clusterMarkers([...two, ...crowd], { view: VIEW, cellLon: 0.5, cellLat: 0.5 })
  assert.ok(zoomedOut.clusters.some((c) => c.members.includes(two[0]) && c.members.includes(two[1])))
  assert.ok(zoomedIn.singles.includes(two[0]) && zoomedIn.singles.includes(two[1]))
  // a pan by whole cells keeps the same clusters for the markers in both views
  const panned = clusterMarkers(markers, { view: [111, 31, 121, 41], cellLon: 2, cellLat: 2 })
  const keysOf = (r) => new Map(r.clusters.map((c) => [c.key, c.count]))
  const before = keysOf(coarse)
  const after = keysOf(panned)
  const shared = [...before.keys()].filter((k) => after.has(k))
  assert.ok(shared.length > 0)
  for (const k of shared) assert.equal(after.get(k), before.get(k))
})

test('markers without coordinates are left out', () => {
  const markers = [...lattice(10, VIEW), { uscc: 'bad', longitude: NaN, latitude: 35, state: 'ALARM' }, { uscc: 'nil', longitude: null, latitude: null }]
  const result = clusterMarkers(markers, { view: VIEW, cellLon: 1, cellLat: 1 })
  assert.equal(result.drawn, 10)
  assert.equal(clusterMarkers(null, { view: VIEW, cellLon: 1, cellLat: 1 }).drawn, 0)
})

test('cell size from the view and the chart size', () => {
  assert.deepEqual(cellSizeFor(VIEW, 1000, 500, 50), { cellLon: 0.5, cellLat: 1 })
  const { cellLon } = cellSizeFor(VIEW, 0, 0)
  assert.ok(cellLon > 0)
})

test('cluster symbols grow with their count, within bounds', () => {
  assert.equal(clusterSymbolSize(2), clusterSymbolSize(1))
  assert.ok(clusterSymbolSize(100) > clusterSymbolSize(10))
  assert.ok(clusterSymbolSize(1e9) <= 54)
  assert.ok(clusterSymbolSize(2) >= 22)
})

test('a click on a cluster zooms in on its members, at least twice', () => {
  const cluster = { bounds: [112, 32, 113, 33], longitude: 112.4, latitude: 32.6 }
  const { center, zoom } = zoomIntoCluster(cluster, { view: VIEW, zoom: 1.5 })
  assert.deepEqual(center, [112.5, 32.5])
  assert.ok(zoom >= 3)
  assert.ok(zoom <= 1.5 * 8)
  // a cluster of one spot (all at the same place) still zooms, within the limit
  const spot = zoomIntoCluster({ bounds: [112, 32, 112, 32] }, { view: VIEW, zoom: 150, maxZoom: 200 })
  assert.equal(spot.zoom, 200)
})
