// The boundaries of the one map (一张图, J1), loaded from the app's own files (public/geo/, cut by scripts/build-geo.mjs;
// no online tiles) and registered with ECharts as 'hw-100000' (the country) or 'hw-<code>': never as 'china', a name
// ECharts treats specially (it would move the South China Sea islands and Taiwan's label). Each file is fetched once
// per page load; a failed fetch is tried again the next time.
import echarts from '../../plugins/echarts.js'
import { boundsOfRings, interiorPoints, polygonsOf } from '../../utils/geoJson.js'
import { geoSource, mapNameOf, toDivision6 } from '../../utils/oneMap.js'

const BASE = `${import.meta.env.BASE_URL || './'}geo/`

/** A boundary file or feature that is not there (or could not be read). */
export class GeoMissing extends Error {
  constructor(code, status) {
    super(`no boundaries for ${code || 'the country'} (${status})`)
    this.name = 'GeoMissing'
    this.code = code
    this.status = status
  }
}

const files = new Map()
const registered = new Map()
let namesPromise = null

async function fetchJson(file) {
  let response
  try {
    response = await fetch(`${BASE}${file}.json`, { credentials: 'same-origin' })
  } catch (err) {
    throw new GeoMissing(file, err?.message || 'network')
  }
  if (!response.ok) throw new GeoMissing(file, response.status)
  try {
    return await response.json()
  } catch {
    throw new GeoMissing(file, 'not JSON')
  }
}

function fetchFile(file) {
  if (!files.has(file)) {
    const promise = fetchJson(file)
    promise.catch(() => files.delete(file))
    files.set(file, promise)
  }
  return files.get(file)
}

/** {code: name} of every province, city and county of the boundary files ({} when they cannot be read). */
export function loadGeoNames() {
  if (!namesPromise) {
    namesPromise = fetchJson('names').catch(() => {
      namesPromise = null
      return {}
    })
  }
  return namesPromise
}

/**
 * A feature ready for ECharts: the region's name is its code (geo.nameProperty 'code'), its label point (cp) a point
 * surely inside it; the boundary lines share the code 'line' (drawn, never clicked).
 */
function prepare(feature) {
  const props = feature.properties || {}
  const code = props.code ? String(props.code) : 'line'
  const points = code === 'line' ? [] : interiorPoints(feature.geometry, 15)
  return {
    type: 'Feature',
    properties: { code, name: String(props.name || code), ...(points.length ? { cp: points[0] } : {}) },
    geometry: feature.geometry,
    // candidates for a click inside the region (window.__hwMap.regionPixel), the best first
    points: points.slice(0, 24)
  }
}

/**
 * Registers the map of a division ('' the country) unless done before; resolves to {mapName, code, regions: [{code,
 * name, cp, points}] (without the lines), bounds [w, s, e, n]}. Rejects with GeoMissing when its file or feature is not
 * there. names: {code: name} (see geoSource).
 */
export async function ensureMap(code, names) {
  const c = toDivision6(code)
  const source = geoSource(c, names)
  if (!source) throw new GeoMissing(String(code), 'not a division')
  const mapName = mapNameOf(c)
  if (registered.has(mapName)) return registered.get(mapName)
  const collection = await fetchFile(source.file)
  let features = Array.isArray(collection?.features) ? collection.features : []
  if (source.pick) features = features.filter((f) => f?.properties?.code === source.pick)
  if (!features.some((f) => f?.properties?.code)) throw new GeoMissing(c, 'no feature')
  const prepared = features.map(prepare)
  echarts.registerMap(mapName, { type: 'FeatureCollection', features: prepared.map(({ points, ...f }) => f) })
  const regions = prepared
    .filter((f) => f.properties.code !== 'line')
    .map((f) => ({ code: f.properties.code, name: f.properties.name, cp: f.properties.cp || null, points: f.points }))
  const bounds = boundsOfRings(prepared.flatMap((f) => polygonsOf(f.geometry).map((p) => p[0] || [])))
  const info = Object.freeze({ mapName, code: c, regions, bounds })
  registered.set(mapName, info)
  return info
}
