// Unit tests of the one map's GeoJSON helpers: node --test src/utils/geoJson.test.js (Node's own test runner, no
// dependency; the helpers are pure).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { codeOfGb, containsPoint, interiorPoint, interiorPoints, pointCount, ringArea, roundGeometry, simplifyFeatures } from './geoJson.js'

test('codes of the gb property', () => {
  assert.equal(codeOfGb('156370000'), '370000')
  assert.equal(codeOfGb(' 156110105 '), '110105')
  assert.equal(codeOfGb(''), '')
  assert.equal(codeOfGb(undefined), '')
  assert.equal(codeOfGb('370000'), '')
})

test('rounding to 4 decimals drops repeated points and collapsed rings, keeps rings closed', () => {
  const polygon = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [[120.000011, 36.000012], [120.000013, 36.000014], [121.123456, 36.5], [120.5, 37.987654], [120.00001, 36.00001]],
        // a hole that collapses to one point
        [[120.3, 36.3], [120.300001, 36.300001], [120.300002, 36.3]]
      ],
      // a sliver of an island that collapses
      [[[130, 40], [130.00001, 40.00001], [130, 40]]]
    ]
  }
  const rounded = roundGeometry(polygon, 4)
  assert.equal(rounded.type, 'MultiPolygon')
  assert.equal(rounded.coordinates.length, 1)
  assert.deepEqual(rounded.coordinates[0], [[[120, 36], [121.1235, 36.5], [120.5, 37.9877], [120, 36]]])
  const line = roundGeometry({ type: 'MultiLineString', coordinates: [[[110.123456, 10.1], [110.123459, 10.1], [111, 11]], [[1, 1], [1.00001, 1]]] })
  assert.deepEqual(line, { type: 'MultiLineString', coordinates: [[[110.1235, 10.1], [111, 11]]] })
  assert.equal(roundGeometry(null), null)
  assert.equal(roundGeometry({ type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0]]] }), null)
})

test('interior points lie inside, also for a crescent whose centroid does not', () => {
  // a C shape: the centroid of its bounding box (5, 5) lies in the gap
  const crescent = {
    type: 'Polygon',
    coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]]
  }
  assert.ok(!containsPoint(crescent, [5, 5]))
  const p = interiorPoint(crescent)
  assert.ok(containsPoint(crescent, p), `${p} inside`)
  for (const q of interiorPoints(crescent)) assert.ok(containsPoint(crescent, q), `${q} inside`)
  // a square with a hole in the middle: not in the hole
  const ring = {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]
    ]
  }
  const r = interiorPoint(ring)
  assert.ok(containsPoint(ring, r), `${r} inside`)
  assert.ok(!containsPoint(ring, [5, 5]))
  // of several polygons, the largest
  const islands = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]]] }
  const i = interiorPoint(islands)
  assert.ok(i[0] > 10 && i[1] > 10)
  assert.equal(interiorPoint({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }), null)
  assert.equal(ringArea([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]), 4)
})

test('simplification keeps shared borders identical and small islands whole', () => {
  // two squares side by side sharing a wiggly border x = 1 (a point every 0.01, wiggling by 0.0001), and an island
  const border = []
  for (let i = 0; i <= 100; i++) border.push([1 + (i % 2 ? 0.0001 : 0), i / 100])
  // the left square runs up the border, the right one down it
  const leftRing = [[0, 0], [1, 0], ...border.slice(1, -1), [1, 1], [0, 1], [0, 0]]
  const rightRing = [[1, 0], [2, 0], [2, 1], [1, 1], ...border.slice(1, -1).reverse(), [1, 0]]
  const island = [[5, 5], [5.001, 5], [5.001, 5.001], [5, 5.001], [5, 5]]
  const features = [
    { geometry: { type: 'Polygon', coordinates: [leftRing] } },
    { geometry: { type: 'MultiPolygon', coordinates: [[rightRing], [island]] } },
    { geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] } }
  ]
  assert.ok(leftRing.length > 100)
  const simplified = simplifyFeatures(features, 0.01)
  const a = simplified[0].geometry.coordinates[0]
  const b = simplified[1].geometry.coordinates[0][0]
  assert.ok(a.length < 10, `left ring simplified to ${a.length} points`)
  const onBorder = (ring) => ring.slice(0, -1).filter(([x]) => x >= 1 && x < 1.001).map(([x, y]) => `${x},${y}`)
  assert.deepEqual(onBorder(a).sort(), onBorder(b).sort())
  // closed rings
  assert.deepEqual(a[0], a[a.length - 1])
  assert.deepEqual(b[0], b[b.length - 1])
  // the island is there as it was, the line untouched
  assert.deepEqual(simplified[1].geometry.coordinates[1][0], island)
  assert.equal(simplified[2], features[2])
  assert.equal(pointCount(features[0].geometry), leftRing.length)
  assert.ok(pointCount(simplified[0].geometry) < pointCount(features[0].geometry))
  // no tolerance: as they were
  assert.equal(simplifyFeatures(features, 0), features)
})
