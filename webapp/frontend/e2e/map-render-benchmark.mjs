#!/usr/bin/env node
// Rendering benchmark of 一张图 (the one map, J1): opens #/map with N generated markers (GET /api/map/markers answered by
// page.route, spread over China's provinces around real places) and prints, over several runs, the time from the
// navigation to the first full render with the markers (window.__hwMap.renderedAt), that render's own time (setOption to
// ECharts' 'finished'), the time of the re-clustering after a zoom with the mouse wheel, and the JS heap in use (CDP,
// after a garbage collection). It changes nothing on a server.
//
//   node e2e/map-render-benchmark.mjs --url http://127.0.0.1:4173/            (vite preview: every API call answered here)
//   node e2e/map-render-benchmark.mjs --url http://127.0.0.1:8181/ --user admin --password secret
//                                                                             (a live node: its login, only the markers mocked)
// Options: --markers N (default 12000), --runs R (default 5), --width W --height H (viewport, default 1440 × 900),
// --seed S (the markers' random seed, default 1), --json (one JSON line per run and the summary as JSON).
// Against vite preview, build first: npx vite build --outDir /tmp/mapbuild && npx vite preview --outDir /tmp/mapbuild.
// Chromium: CHROMIUM (default /usr/bin/chromium), launched as the other e2e scripts do (lib/harness.mjs).

import { CHROMIUM_ARGS, launchChromium, submitLogin, tid } from './lib/harness.mjs'

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback
}
const flag = (name) => process.argv.includes(`--${name}`)

const URL_ARG = option('url', process.env.HW_URL || 'http://127.0.0.1:4173/')
const APP = URL_ARG.replace(/#.*$/, '')
const USER = option('user', '')
const PASSWORD = option('password', '')
const N = Number(option('markers', '12000'))
const RUNS = Number(option('runs', '5'))
const WIDTH = Number(option('width', '1440'))
const HEIGHT = Number(option('height', '900'))
const SEED = Number(option('seed', '1'))
const JSON_OUT = flag('json')
const WAIT = 120000

// ---- the markers ----------------------------------------------------------------------------------------------------

// Places with chemical industry per province: [province code, longitude, latitude, spread in degrees, weight].
const PLACES = [
  ['37', 118.05, 36.8, 1.6, 14], ['37', 119.2, 37.4, 0.8, 4], ['37', 118.6, 35.0, 0.7, 3], // Shandong (Zibo, Dongying, Linyi)
  ['32', 120.3, 31.6, 0.9, 10], ['32', 119.0, 33.6, 0.8, 4], ['32', 120.9, 32.1, 0.5, 3], // Jiangsu
  ['33', 121.5, 29.9, 0.6, 6], ['33', 120.6, 30.3, 0.5, 3], // Zhejiang (Ningbo, Shaoxing)
  ['31', 121.35, 30.8, 0.25, 3], // Shanghai (Jinshan)
  ['44', 113.3, 23.1, 0.8, 5], ['44', 111.0, 21.6, 0.5, 3], // Guangdong (Guangzhou, Maoming)
  ['13', 114.5, 38.0, 1.2, 5], ['13', 118.3, 39.6, 0.6, 2], // Hebei
  ['12', 117.5, 39.0, 0.3, 2], // Tianjin
  ['21', 122.0, 40.8, 1.0, 4], ['21', 121.6, 38.9, 0.3, 2], // Liaoning
  ['41', 113.6, 34.7, 1.4, 4], // Henan
  ['42', 114.3, 30.6, 1.2, 3], ['42', 111.3, 30.7, 0.5, 2], // Hubei
  ['43', 112.9, 28.2, 1.2, 2], // Hunan
  ['34', 117.3, 31.8, 1.0, 3], // Anhui
  ['35', 119.3, 26.1, 0.8, 2], ['35', 118.9, 25.0, 0.5, 2], // Fujian
  ['36', 115.9, 28.7, 1.0, 2], // Jiangxi
  ['51', 104.1, 30.7, 1.2, 3], // Sichuan
  ['50', 106.5, 29.6, 0.8, 2], // Chongqing
  ['61', 108.9, 34.3, 1.0, 2], ['61', 109.7, 38.3, 0.6, 3], // Shaanxi (Xi'an, Yulin)
  ['64', 106.4, 38.2, 0.6, 2], // Ningxia (Ningdong)
  ['15', 109.8, 39.6, 1.2, 3], ['15', 111.7, 40.8, 0.7, 1], // Inner Mongolia (Ordos, Hohhot)
  ['14', 112.5, 37.8, 1.2, 2], // Shanxi
  ['65', 87.6, 43.8, 1.5, 2], ['65', 84.9, 44.4, 0.8, 1], // Xinjiang (Urumqi, Dushanzi)
  ['62', 103.8, 36.1, 1.0, 1], // Gansu
  ['45', 108.3, 22.8, 1.0, 1], ['45', 109.1, 21.5, 0.4, 1], // Guangxi
  ['53', 102.7, 25.0, 1.0, 1], // Yunnan
  ['52', 106.7, 26.6, 1.0, 1], // Guizhou
  ['22', 125.3, 43.9, 1.0, 1], // Jilin
  ['23', 126.6, 45.8, 1.2, 1], ['23', 125.0, 46.6, 0.5, 1], // Heilongjiang (Harbin, Daqing)
  ['46', 110.3, 20.0, 0.5, 1], // Hainan
  ['63', 101.8, 36.6, 0.8, 1], // Qinghai
  ['11', 116.4, 39.9, 0.4, 1] // Beijing
]
const STATES = [['ALARM', 3], ['WARNING', 6], ['FAULT', 4], ['NORMAL', 72], ['UNMONITORED', 15]]
const GRADES = [[1, 6], [2, 14], [3, 30], [4, 40], [null, 10]]
const GROUPS = ['FINE_CHEMICALS', 'PETROCHEMICALS', 'COAL_CHEMICALS', 'OTHER']

function random(seed) {
  let s = seed >>> 0 || 1
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function weighted(rand, list) {
  const total = list.reduce((n, [, w]) => n + w, 0)
  let r = rand() * total
  for (const [v, w] of list) {
    r -= w
    if (r < 0) return v
  }
  return list[list.length - 1][0]
}

function gauss(rand) {
  return Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand())
}

/** The answer of GET /api/map/markers with n markers. */
export function generateMarkers(n, seed = 1) {
  const rand = random(seed)
  const placeWeights = PLACES.map((p, i) => [i, p[4]])
  const markers = []
  const byGrade = { 1: 0, 2: 0, 3: 0, 4: 0 }
  const byState = { ALARM: 0, WARNING: 0, FAULT: 0, NORMAL: 0, UNMONITORED: 0 }
  for (let i = 0; i < n; i++) {
    const [province, lon, lat, spread] = PLACES[weighted(rand, placeWeights)]
    const state = weighted(rand, STATES)
    const grade = weighted(rand, GRADES)
    const city = String(1 + Math.floor(rand() * 9)).padStart(2, '0')
    const county = String(1 + Math.floor(rand() * 20)).padStart(2, '0')
    const serial = String(i).padStart(9, '0')
    markers.push({
      uscc: `91${province}${city}${county}${serial}`.slice(0, 17) + 'X',
      name: `示范化工企业${i + 1}号有限公司`,
      regionCode: `${province}${city}${county}`,
      parkCode: null,
      industryCode: '2614',
      industryGroup: GROUPS[Math.floor(rand() * GROUPS.length)],
      longitude: Math.round((lon + gauss(rand) * spread * 0.5) * 1e5) / 1e5,
      latitude: Math.round((lat + gauss(rand) * spread * 0.4) * 1e5) / 1e5,
      grade,
      hazardSources: grade ? 1 + Math.floor(rand() * 5) : 0,
      state,
      activeAlarms: state === 'ALARM' ? 1 + Math.floor(rand() * 4) : 0,
      riskLevel: state === 'WARNING' ? 'ORANGE' : state === 'ALARM' ? 'RED' : state === 'UNMONITORED' ? null : 'BLUE'
    })
    if (grade) byGrade[grade]++
    byState[state]++
  }
  return {
    area: { code: '', name: '全国', kind: 'NATION' },
    generatedAt: new Date().toISOString(),
    markers,
    unplaced: Math.round(n / 100),
    counts: { byGrade, byState }
  }
}

// ---- mocked API (without --user: every call is answered here) -------------------------------------------------------

const PROFILE = {
  username: 'benchmark',
  displayName: 'Benchmark',
  csrfToken: 'benchmark-csrf',
  expiresAt: new Date(Date.now() + 8 * 3600 * 1000).toISOString(),
  mustChangePassword: false,
  permissions: ['analytics:view', 'registry:view', 'alarm:view', 'monitoring:view', 'warning:view', 'disposal:view'],
  scope: { kind: 'ALL', all: true, code: '' },
  roles: [],
  organisation: { code: 'BENCH', name: 'Benchmark', level: 'NATION' }
}

function json(route, status, body) {
  return route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) })
}

async function mockApi(page, answerText, { everything }) {
  await page.route((url) => url.pathname.startsWith('/api/'), async (route) => {
    const url = new URL(route.request().url())
    const path = url.pathname.replace(/^.*?\/api\//, '/')
    if (path === '/map/markers') return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: answerText })
    if (path.startsWith('/map/enterprises/')) {
      const uscc = decodeURIComponent(path.split('/').pop())
      return json(route, 200, { uscc, name: uscc, state: 'NORMAL', hazardSources: [], activeAlarms: [], alarmsToday: 0, accidents: 0 })
    }
    if (!everything) return route.continue()
    if (path === '/auth/me') return json(route, 200, PROFILE)
    if (path === '/health') return json(route, 200, { status: 'UP', components: {} })
    return json(route, 404, { error: 'NOT_FOUND', message: 'not part of the benchmark' })
  })
}

// ---- one run --------------------------------------------------------------------------------------------------------

async function heapUsed(cdp) {
  try {
    await cdp.send('HeapProfiler.collectGarbage')
  } catch {
    // not available: measured without
  }
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null
  return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') }
}

async function run(browser, answerText, index) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: WIDTH, height: HEIGHT } })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (err) => errors.push(String(err).split('\n')[0]))
  try {
    await mockApi(page, answerText, { everything: !USER })
    if (USER) {
      await page.goto(APP, { waitUntil: 'domcontentloaded', timeout: WAIT })
      await page.waitForSelector(tid('login-username'), { timeout: WAIT })
      await submitLogin(page, USER, PASSWORD)
      await page.waitForSelector(tid('logout'), { timeout: WAIT })
    }
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(`${APP}#/map`, { waitUntil: 'commit', timeout: WAIT })
    // the first full render that drew the markers
    await page.waitForFunction((n) => window.__hwMap && window.__hwMap.renderedShown === n && window.__hwMap.renderedAt > 0, N, { timeout: WAIT, polling: 50 })
    const first = await page.evaluate(() => {
      const m = window.__hwMap
      const nav = performance.getEntriesByType('navigation')[0]
      return {
        renderedAt: m.renderedAt,
        renderMs: m.renderMs,
        markers: m.markers,
        clusters: m.clusters,
        inView: m.inView,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null
      }
    })
    const heapAfterRender = await heapUsed(cdp)

    // a zoom with the wheel over the middle of the map: the re-clustering that follows it
    const box = await page.locator(tid('one-map-chart')).boundingBox()
    const before = await page.evaluate(() => window.__hwMap.reclusteredAt)
    // over eastern China (Shandong, Jiangsu: the densest part), four wheel steps in a row: one re-clustering once the
    // wheel rests
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.45)
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, -400)
      await page.waitForTimeout(40)
    }
    await page.waitForFunction((t) => window.__hwMap.reclusteredAt > t, before, { timeout: WAIT, polling: 50 })
    const zoom = await page.evaluate(() => ({ ms: window.__hwMap.reclusterMs, zoom: window.__hwMap.zoom, markers: window.__hwMap.markers, clusters: window.__hwMap.clusters, inView: window.__hwMap.inView }))

    // a filter change (states ALARM only): the markers drawn again at once
    const beforeUpdate = await page.evaluate(() => window.__hwMap.updatedAt)
    await page.click(`${tid('one-map-filter-state-option')}[data-value="ALARM"]`)
    await page.waitForFunction((t) => window.__hwMap.updatedAt > t, beforeUpdate, { timeout: WAIT, polling: 50 })
    const filter = await page.evaluate(() => ({ ms: window.__hwMap.updateMs, shown: window.__hwMap.shown }))
    const heapEnd = await heapUsed(cdp)
    const result = {
      run: index + 1,
      navigationToRenderMs: first.renderedAt,
      fullRenderMs: first.renderMs,
      reclusterMs: zoom.ms,
      filterMs: filter.ms,
      heapUsedMB: heapAfterRender.used !== null ? heapAfterRender.used / 1048576 : null,
      heapUsedEndMB: heapEnd.used !== null ? heapEnd.used / 1048576 : null,
      first,
      zoom,
      filter,
      errors
    }
    return result
  } finally {
    await context.close().catch(() => {})
  }
}

// ---- statistics -----------------------------------------------------------------------------------------------------

function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo)
}

const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—')

async function main() {
  const answer = generateMarkers(N, SEED)
  const answerText = JSON.stringify(answer)
  console.log(`[map-benchmark] ${APP}#/map, ${N} markers (${(answerText.length / 1048576).toFixed(1)} MB of JSON), ${RUNS} runs, ${WIDTH}×${HEIGHT}, ${USER ? `logged in as ${USER}` : 'every API call mocked'}`)
  const browser = await launchChromium([...CHROMIUM_ARGS, '--enable-precise-memory-info'])
  const results = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const r = await run(browser, answerText, i)
      results.push(r)
      if (JSON_OUT) console.log(JSON.stringify(r))
      else {
        console.log(
          `[map-benchmark] run ${r.run}: navigation → rendered ${fmt(r.navigationToRenderMs)} ms, full render ${fmt(r.fullRenderMs)} ms ` +
            `(${r.first.markers} markers + ${r.first.clusters} clusters drawn, ${r.first.inView} in view), ` +
            `zoom ×${fmt(r.zoom.zoom, 2)} re-cluster ${fmt(r.reclusterMs)} ms (${r.zoom.markers} + ${r.zoom.clusters}), ` +
            `filter ${fmt(r.filterMs)} ms (${r.filter.shown} shown), heap ${fmt(r.heapUsedMB, 1)} MB` +
            (r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : '')
        )
      }
    }
  } finally {
    await browser.close().catch(() => {})
  }
  const summary = {}
  for (const key of ['navigationToRenderMs', 'fullRenderMs', 'reclusterMs', 'filterMs', 'heapUsedMB']) {
    const values = results.map((r) => r[key])
    summary[key] = { p50: percentile(values, 50), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values) }
  }
  if (JSON_OUT) console.log(JSON.stringify({ markers: N, runs: RUNS, summary }))
  else {
    console.log(`[map-benchmark] ${N} markers, ${RUNS} runs:          p50        p95`)
    const line = (label, key, unit, digits = 0) => console.log(`[map-benchmark]   ${label.padEnd(28)} ${fmt(summary[key].p50, digits).padStart(8)} ${unit} ${fmt(summary[key].p95, digits).padStart(8)} ${unit}`)
    line('navigation → rendered', 'navigationToRenderMs', 'ms')
    line('full render (setOption…)', 'fullRenderMs', 'ms')
    line('zoom re-cluster', 'reclusterMs', 'ms')
    line('filter (state = ALARM)', 'filterMs', 'ms')
    line('JS heap used after render', 'heapUsedMB', 'MB', 1)
  }
  const failed = results.some((r) => r.errors.length)
  process.exit(failed ? 1 : 0)
}

main().catch((err) => {
  console.error(`[map-benchmark] ERROR: ${(err && err.stack) || err}`)
  process.exit(1)
})
