// Grid clustering of the one map's markers (一张图, J1). Pure: the page gives the markers, the view's bounds in degrees and
// the size of a grid cell in degrees (so many pixels at the current zoom); nothing here knows ECharts. The grid is anchored
// at longitude 0 / latitude 0, not at the view, so that panning keeps every cluster where it is and only zooming changes
// them (smaller cells: clusters split).

import { STATES, stateRank, worstState } from './oneMap.js'

/** Cluster when more markers than this are in view (fewer: every marker is drawn by itself). */
export const CLUSTER_THRESHOLD = 300

/** Cell size in screen pixels. */
export const CLUSTER_CELL_PX = 64

/**
 * Bounds grown by a fraction of their size on every side ([west, south, east, north]): what is drawn reaches past the
 * view, so that a pan shows markers before the re-clustering that follows it.
 */
export function expandBounds(bounds, fraction = 0.5) {
  const [w, s, e, n] = bounds
  const dx = (e - w) * fraction
  const dy = (n - s) * fraction
  return [w - dx, s - dy, e + dx, n + dy]
}

export function inBounds(marker, [w, s, e, n]) {
  const x = marker.longitude
  const y = marker.latitude
  return x >= w && x <= e && y >= s && y <= n
}

/**
 * The cell size in degrees for `cellPx` pixels, given the view's bounds in degrees and the chart's size in pixels:
 * {cellLon, cellLat}.
 */
export function cellSizeFor(bounds, widthPx, heightPx, cellPx = CLUSTER_CELL_PX) {
  const [w, s, e, n] = bounds
  const cellLon = widthPx > 0 ? ((e - w) / widthPx) * cellPx : 1
  const cellLat = heightPx > 0 ? ((n - s) / heightPx) * cellPx : 1
  return { cellLon: Math.abs(cellLon) || 1e-6, cellLat: Math.abs(cellLat) || 1e-6 }
}

function emptyByState() {
  const counts = {}
  for (const s of STATES) counts[s] = 0
  return counts
}

/**
 * Markers of a view, clustered when too many.
 *   markers    [{uscc, longitude, latitude, state, ...}] (any order; only finite coordinates count)
 *   view       [west, south, east, north]: what the chart shows
 *   cellLon    grid cell width in degrees, cellLat its height
 *   threshold  cluster only when more than this many markers are in view
 *   margin     how far past the view markers are still drawn (a fraction of the view, see expandBounds)
 * Returns {inView (markers in the view), drawn (markers in the grown view), clustered (whether clustering applied),
 * singles: [marker] (drawn by themselves: all of them, or those alone in their cell), clusters: [{key, longitude,
 * latitude (the members' mean), count, state (the worst), byState {ALARM: n, ...}, bounds [w, s, e, n], members:
 * [marker]}]}. The counts of the clusters and the singles add up to drawn.
 */
export function clusterMarkers(markers, { view, cellLon, cellLat, threshold = CLUSTER_THRESHOLD, margin = 0.5 }) {
  const list = Array.isArray(markers) ? markers : []
  const grown = expandBounds(view, margin)
  let inView = 0
  const drawnMarkers = []
  for (const m of list) {
    if (!m || !Number.isFinite(m.longitude) || !Number.isFinite(m.latitude)) continue
    if (!inBounds(m, grown)) continue
    drawnMarkers.push(m)
    if (inBounds(m, view)) inView++
  }
  if (inView <= threshold) {
    return { inView, drawn: drawnMarkers.length, clustered: false, singles: drawnMarkers, clusters: [] }
  }
  const cells = new Map()
  for (const m of drawnMarkers) {
    const cx = Math.floor(m.longitude / cellLon)
    const cy = Math.floor(m.latitude / cellLat)
    const key = `${cx}:${cy}`
    let cell = cells.get(key)
    if (!cell) {
      cell = { key, sumLon: 0, sumLat: 0, count: 0, state: null, byState: emptyByState(), bounds: [Infinity, Infinity, -Infinity, -Infinity], members: [] }
      cells.set(key, cell)
    }
    cell.sumLon += m.longitude
    cell.sumLat += m.latitude
    cell.count++
    const state = STATES.includes(m.state) ? m.state : 'UNMONITORED'
    cell.byState[state]++
    cell.state = cell.state === null ? state : worstState(cell.state, state)
    const b = cell.bounds
    if (m.longitude < b[0]) b[0] = m.longitude
    if (m.latitude < b[1]) b[1] = m.latitude
    if (m.longitude > b[2]) b[2] = m.longitude
    if (m.latitude > b[3]) b[3] = m.latitude
    cell.members.push(m)
  }
  const singles = []
  const clusters = []
  for (const cell of cells.values()) {
    if (cell.count === 1) {
      singles.push(cell.members[0])
      continue
    }
    clusters.push({
      key: cell.key,
      longitude: cell.sumLon / cell.count,
      latitude: cell.sumLat / cell.count,
      count: cell.count,
      state: cell.state,
      byState: cell.byState,
      bounds: cell.bounds,
      members: cell.members
    })
  }
  // the worst on top when drawn in order; then the biggest
  clusters.sort((a, b) => stateRank(a.state) - stateRank(b.state) || a.count - b.count)
  return { inView, drawn: drawnMarkers.length, clustered: true, singles, clusters }
}

/** Symbol size of a cluster: grows with the logarithm of its count, 22 to 54 px. */
export function clusterSymbolSize(count) {
  const n = Math.max(2, Number(count) || 2)
  return Math.round(Math.min(54, 22 + Math.log10(n) * 11))
}

/**
 * Where a click on a cluster zooms to: the centre of its members and a zoom that fits them into about half the view
 * (at least twice the current zoom, at most maxZoom).
 *   cluster  {bounds, longitude, latitude}
 *   view     the view's bounds in degrees; zoom the current zoom
 */
export function zoomIntoCluster(cluster, { view, zoom, maxZoom = 200 }) {
  const [w, s, e, n] = cluster.bounds
  const [vw, vs, ve, vn] = view
  const spanX = Math.max(e - w, 1e-6)
  const spanY = Math.max(n - s, 1e-6)
  const fit = Math.min((ve - vw) / spanX, (vn - vs) / spanY) * 0.5
  const factor = Math.max(2, Math.min(fit, 8))
  return { center: [(w + e) / 2, (s + n) / 2], zoom: Math.min(maxZoom, zoom * factor) }
}
