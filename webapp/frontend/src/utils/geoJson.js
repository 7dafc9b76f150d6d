// GeoJSON helpers of the one map (一张图, J1), shared by scripts/build-geo.mjs (which cuts the boundary files shipped in
// public/geo/) and the page (which registers them with ECharts). Pure: no DOM, no ECharts, so that Node runs them too.

/** The six-digit division code of a feature's gb property ("156370000" → "370000"), or '' (a boundary line has none). */
export function codeOfGb(gb) {
  const text = String(gb ?? '').trim()
  const match = /^156([0-9]{6})$/.exec(text)
  return match ? match[1] : ''
}

function roundTo(value, factor) {
  return Math.round(value * factor) / factor
}

/** One ring or line rounded, without the points that repeat the one before (rounding makes many). */
function roundPath(points, factor) {
  const out = []
  let lastX = NaN
  let lastY = NaN
  for (const p of points) {
    const x = roundTo(Number(p[0]), factor)
    const y = roundTo(Number(p[1]), factor)
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue
    if (x === lastX && y === lastY) continue
    out.push([x, y])
    lastX = x
    lastY = y
  }
  return out
}

/** A ring rounded, closed, or null when fewer than three distinct points remain. */
function roundRing(ring, factor) {
  const out = roundPath(ring, factor)
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop()
  if (out.length < 3) return null
  out.push([out[0][0], out[0][1]])
  return out
}

function roundPolygon(rings, factor) {
  const exterior = rings.length ? roundRing(rings[0], factor) : null
  if (!exterior) return null
  return [exterior, ...rings.slice(1).map((r) => roundRing(r, factor)).filter(Boolean)]
}

/**
 * A geometry with its coordinates rounded to `decimals` places (4: about 11 m), repeated points dropped, rings that
 * collapse to fewer than three points dropped; null when nothing remains. Polygon, MultiPolygon, LineString and
 * MultiLineString; other types are returned as they are.
 */
export function roundGeometry(geometry, decimals = 4) {
  if (!geometry || typeof geometry !== 'object') return null
  const factor = 10 ** decimals
  const c = geometry.coordinates
  switch (geometry.type) {
    case 'Polygon': {
      const polygon = roundPolygon(c || [], factor)
      return polygon ? { type: 'Polygon', coordinates: polygon } : null
    }
    case 'MultiPolygon': {
      const polygons = (c || []).map((p) => roundPolygon(p || [], factor)).filter(Boolean)
      return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null
    }
    case 'LineString': {
      const line = roundPath(c || [], factor)
      return line.length >= 2 ? { type: 'LineString', coordinates: line } : null
    }
    case 'MultiLineString': {
      const lines = (c || []).map((l) => roundPath(l || [], factor)).filter((l) => l.length >= 2)
      return lines.length ? { type: 'MultiLineString', coordinates: lines } : null
    }
    default:
      return geometry
  }
}

// ---- simplification that keeps shared borders shared ------------------------------------------------------------------

/** Douglas-Peucker on a path: the indexes kept (first and last always), for a tolerance in degrees. */
function douglasPeucker(points, tolerance) {
  const n = points.length
  const keep = new Uint8Array(n)
  if (n === 0) return keep
  keep[0] = 1
  keep[n - 1] = 1
  const t2 = tolerance * tolerance
  const stack = [[0, n - 1]]
  while (stack.length) {
    const [a, b] = stack.pop()
    if (b - a < 2) continue
    const [ax, ay] = points[a]
    const [bx, by] = points[b]
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy
    let max = -1
    let index = -1
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]
      let d
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2))
        d = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
      }
      if (d > max) {
        max = d
        index = i
      }
    }
    if (max > t2) {
      keep[index] = 1
      stack.push([a, index], [index, b])
    }
  }
  return keep
}

const keyOf = (p) => `${p[0]},${p[1]}`

/** An arc simplified the same whichever way it runs (shared borders run opposite ways in their two rings). */
function simplifyArc(arc, tolerance) {
  if (arc.length <= 2) return arc
  const first = keyOf(arc[0])
  const last = keyOf(arc[arc.length - 1])
  const reversed = first > last || (first === last && keyOf(arc[1]) > keyOf(arc[arc.length - 2]))
  const path = reversed ? [...arc].reverse() : arc
  const keep = douglasPeucker(path, tolerance)
  const out = path.filter((_, i) => keep[i])
  return reversed ? out.reverse() : out
}

/**
 * Polygons simplified (Douglas-Peucker, tolerance in degrees) without gaps or overlaps between neighbours: a vertex where
 * the set of polygons sharing it changes (a junction of borders) stays, and each stretch between two junctions is
 * simplified the same way in every ring it belongs to. Rings that would shrink below four points (small islands) stay
 * as they were: nothing disappears. Features: [{geometry, …}] (Polygon / MultiPolygon; others pass as they are);
 * returns new features with new geometries.
 */
export function simplifyFeatures(features, tolerance) {
  if (!(tolerance > 0)) return features
  // which features each vertex belongs to
  const owners = new Map()
  features.forEach((f, index) => {
    for (const polygon of polygonsOf(f.geometry)) {
      for (const ring of polygon) {
        for (const p of ring) {
          const k = keyOf(p)
          let set = owners.get(k)
          if (!set) owners.set(k, (set = new Set()))
          set.add(index)
        }
      }
    }
  })
  const signature = (p) => [...owners.get(keyOf(p))].sort((a, b) => a - b).join(',')

  function simplifyRing(ring) {
    // the ring without its closing point
    const pts = ring.slice(0, ring.length - 1)
    const n = pts.length
    if (n < 4) return ring
    const sig = pts.map(signature)
    const fixed = []
    for (let i = 0; i < n; i++) {
      const prev = sig[(i - 1 + n) % n]
      const next = sig[(i + 1) % n]
      if (sig[i] !== prev || sig[i] !== next) fixed.push(i)
    }
    if (!fixed.length) {
      // one owner set all round (an island, or an enclave and the hole it fills): split at the smallest and the largest
      // point, the same two in both rings of an enclave
      let lo = 0
      let hi = 0
      for (let i = 1; i < n; i++) {
        if (keyOf(pts[i]) < keyOf(pts[lo])) lo = i
        if (keyOf(pts[i]) > keyOf(pts[hi])) hi = i
      }
      fixed.push(...(lo < hi ? [lo, hi] : [hi, lo]))
    }
    const out = []
    for (let j = 0; j < fixed.length; j++) {
      const from = fixed[j]
      const to = fixed[(j + 1) % fixed.length]
      const arc = [pts[from]]
      for (let i = (from + 1) % n; arc.length <= n; i = (i + 1) % n) {
        arc.push(pts[i])
        if (i === to) break
      }
      out.push(...simplifyArc(arc, tolerance).slice(0, -1))
    }
    if (out.length < 3) return ring
    return [...out, out[0]]
  }

  return features.map((f) => {
    const g = f.geometry
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f
    const polygons = polygonsOf(g).map((polygon) => polygon.map(simplifyRing))
    return { ...f, geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons } }
  })
}

/** The number of positions of a geometry. */
export function pointCount(geometry) {
  let n = 0
  const walk = (a) => {
    if (!Array.isArray(a)) return
    if (typeof a[0] === 'number') n++
    else for (const x of a) walk(x)
  }
  walk(geometry?.coordinates)
  return n
}

/** The polygons of a geometry as arrays of rings ([] for lines). */
export function polygonsOf(geometry) {
  if (!geometry) return []
  if (geometry.type === 'Polygon') return [geometry.coordinates || []]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates || []
  return []
}

/** Area of a ring (shoelace, in square degrees; positive whatever the winding). */
export function ringArea(ring) {
  let sum = 0
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]
    const [x2, y2] = ring[(i + 1) % n]
    sum += x1 * y2 - x2 * y1
  }
  return Math.abs(sum) / 2
}

/** [west, south, east, north] of rings, or null. */
export function boundsOfRings(rings) {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < w) w = x
      if (x > e) e = x
      if (y < s) s = y
      if (y > n) n = y
    }
  }
  return w <= e && s <= n ? [w, s, e, n] : null
}

/** The x where the rings (even-odd: holes count) cross the horizontal line at latitude y, sorted. */
function crossings(rings, y) {
  const xs = []
  for (const ring of rings) {
    for (let i = 0, n = ring.length; i < n; i++) {
      const [x1, y1] = ring[i]
      const [x2, y2] = ring[(i + 1) % n]
      if (y1 === y2) continue
      if ((y >= Math.min(y1, y2)) && (y < Math.max(y1, y2))) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1))
    }
  }
  return xs.sort((a, b) => a - b)
}

/**
 * Points inside a geometry, the best first: scan lines across its largest polygon at `lines` latitudes; on each, the
 * middle of every stretch inside (holes left out), ranked by the stretch's width times how central the latitude is. The
 * first is where a label or a click sits well (unlike the centroid, which may fall outside a crescent such as Inner
 * Mongolia or Gansu). [] for lines or an empty geometry.
 */
export function interiorPoints(geometry, lines = 9) {
  const polygons = polygonsOf(geometry)
  if (!polygons.length) return []
  let best = null
  let bestArea = -1
  for (const polygon of polygons) {
    const area = polygon.length ? ringArea(polygon[0]) : 0
    if (area > bestArea) {
      bestArea = area
      best = polygon
    }
  }
  const bounds = best ? boundsOfRings(best) : null
  if (!bounds) return []
  const [, south, , north] = bounds
  const height = north - south
  const candidates = []
  for (let k = 1; k <= lines; k++) {
    const y = south + (height * k) / (lines + 1)
    const xs = crossings(best, y)
    // middle lines first: 1 at the centre, 0.5 at the edges
    const centrality = 1 - Math.abs(k / (lines + 1) - 0.5)
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1] - xs[i]
      if (width > 0) candidates.push({ point: [(xs[i] + xs[i + 1]) / 2, y], score: width * centrality })
    }
  }
  candidates.sort((a, b) => b.score - a.score)
  return candidates.map((c) => c.point)
}

/** The best interior point of a geometry ([lon, lat]), or null. */
export function interiorPoint(geometry) {
  return interiorPoints(geometry)[0] || null
}

/** Whether [x, y] lies inside a geometry's polygons (even-odd, holes count). */
export function containsPoint(geometry, [x, y]) {
  for (const polygon of polygonsOf(geometry)) {
    let inside = false
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]
        const [xj, yj] = ring[j]
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
      }
    }
    if (inside) return true
  }
  return false
}
