#!/usr/bin/env node
// End-to-end check of 监控大屏 (the wall screen of the monitoring centre) in the HazardWatch web UI against a running
// node with demo data, as a user holding analytics:view (e.g. `admin`), driving Debian's Chromium through
// playwright-core. It changes nothing on the server. No number is written here: every one is read from the API with the
// page's own session and compared with what the screen shows.
//
// What it does, in Chinese (the default language):
//   - opens 统计分析 → 监控大屏 from the header (#/wall): the screen fills the window, without the application's
//     header, with its exit and full-screen buttons, the title naming the area of the API's answer and a running clock;
//   - the KPI tiles (enterprises, hazard sources, alarms today and this hour, active alarms, predictive warnings,
//     accidents this year, points online) equal the answer of GET /api/dashboard the screen read at its next refresh
//     (taken from the network: alarms counted meanwhile do not matter), the figures that do not move also a read of
//     its own; the title names the answer's area;
//   - the charts (grades, risk levels, today's hours) are drawn; the worst enterprises are the answer's, in its order;
//   - the map's container is rendered (of a real size, with content) and holds as many markers as GET /api/map/markers;
//   - after the refresh interval (15 s) the update time changes by itself, without a "connection lost" mark;
//   - the exit button returns to the application (its header is back); #/wall opened by its address shows the screen;
//   - no uncaught page errors.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding analytics:view, e.g. admin                  (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (the screen, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted: 9 when all pass; the last line is "[wall-dashboard] N passed, M failed". Exit code 0 when
// all passed, else 1.

import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000
const REFRESH_MS = 15000 // the screen's refresh interval (utils/dashboard.js)
const WALL = tid('wall-dashboard')
const CHARTS = ['wall-chart-grades', 'wall-chart-risk', 'wall-chart-hours']

const { log, attach, check, environmentFailure, runChecks, screenshot, textOf, visibleErrors, waitVisible, attribute, openFromMenu, apiGet, login, open, noPageErrors } =
  createHarness({ tag: 'wall-dashboard', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []

async function serverDashboard() {
  const answer = await apiGet('/dashboard')
  if (answer.status !== 200 || !answer.body || typeof answer.body !== 'object') fail(`GET /api/dashboard answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** The KPI tiles of an answer of GET /api/dashboard, as the screen should show them. */
function apiTiles(d) {
  const n = (v) => Number(v) || 0
  return {
    enterprises: n(d.enterprises),
    hazardSources: n(d.hazardSources?.total),
    alarmsToday: n(d.alarmsToday?.process) + n(d.alarmsToday?.instrument),
    alarmsThisHour: n(d.alarmsThisHour?.process) + n(d.alarmsThisHour?.instrument),
    activeAlarms: n(d.activeAlarms),
    predictions: n(d.warnings?.predictions),
    accidents: n(d.accidentsThisYear?.count),
    online: n(d.monitoring?.online)
  }
}

async function shownTiles() {
  const list = await page.$$eval(tid('wall-kpi'), (els) => els.map((el) => [el.getAttribute('data-key'), el.getAttribute('data-value')]))
  return Object.fromEntries(list.map(([k, v]) => [k, v === '' || v === null ? null : Number(v)]))
}

const differences = (shown, api) => Object.keys(api).filter((k) => shown[k] !== api[k]).map((k) => `${k}: shown ${shown[k]}, API ${api[k]}`)

/**
 * The screen's next answer of GET /api/dashboard, taken from the network, and the tiles once the screen has shown it
 * (they equal the answer's within a few seconds, else they are taken as they are): {body, shown}.
 */
async function nextAnswer(what) {
  const timeout = REFRESH_MS * 2 + 10000
  const response = await page
    .waitForResponse((r) => r.request().method() === 'GET' && /\/api\/dashboard(\?|$)/.test(r.url()) && r.status() === 200, { timeout })
    .catch(() => null)
  if (!response) fail(`${what}: the screen read no GET /api/dashboard within ${Math.round(timeout / 1000)} s (state ${await attribute(WALL, 'data-state')})`)
  const body = await response.json().catch(() => null)
  if (!body || typeof body !== 'object') fail(`${what}: GET /api/dashboard answered no JSON`)
  const expected = apiTiles(body)
  await page
    .waitForFunction(
      ([sel, want]) =>
        Object.entries(want).every(([key, value]) => Number(document.querySelector(`${sel}[data-key="${key}"]`)?.getAttribute('data-value')) === value),
      [tid('wall-kpi'), expected],
      { timeout: 5000, polling: 100 }
    )
    .catch(() => {})
  return { body, shown: await shownTiles() }
}

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 统计分析 → 监控大屏: the whole window, without the application's frame.
  await check('2 wall screen full window', ['1 login'], async () => {
    await openFromMenu('nav-analytics-group', 'nav-wall-dashboard', 'the 监控大屏 entry', { hash: '#/wall', missing: `the menu has no 统计分析 group (${USER} lacks analytics:view?)` })
    await waitVisible(WALL, 'the wall screen')
    try {
      await page.waitForSelector(`${WALL}[data-state="ok"]`, { timeout: WAIT })
    } catch {
      fail(`the screen did not show its figures (state ${await attribute(WALL, 'data-state')}): ${await textOf(tid('wall-failed'))}`)
    }
    const header = await page.$(tid('app-header'))
    if (header && (await header.isVisible())) fail("the application's header is shown over the wall screen")
    const box = await page.$eval(WALL, (el) => {
      const r = el.getBoundingClientRect()
      return { width: r.width, height: r.height, vw: window.innerWidth, vh: window.innerHeight }
    })
    if (Math.abs(box.width - box.vw) > 1 || Math.abs(box.height - box.vh) > 1) fail(`the screen is ${box.width}×${box.height}, the window ${box.vw}×${box.vh}`)
    await waitVisible(tid('wall-exit'), 'the exit button')
    await waitVisible(tid('wall-fullscreen'), 'the full-screen button')
    const clockBefore = await attribute(tid('wall-clock'), 'data-time')
    await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.getAttribute('data-time') !== t, [tid('wall-clock'), clockBefore], { timeout: 5000 }).catch(() => fail(`the clock stands at ${clockBefore}`))
    return `${new URL(page.url()).hash}, ${box.width}×${box.height}, "${await textOf(tid('wall-title'))}", clock ${await attribute(tid('wall-clock'), 'data-time')}`
  })

  // 3. The KPI tiles as the API's: those of the screen's next answer of GET /api/dashboard (taken from the network, so
  // that alarms counted meanwhile do not matter), and the figures that do not move as a read of our own.
  let dashboard = null
  await check('3 tiles as the API', ['2 wall screen full window'], async () => {
    const { body, shown } = await nextAnswer('the tiles')
    dashboard = body
    const expected = apiTiles(body)
    const diff = differences(shown, expected)
    if (diff.length) fail(`the tiles differ from the answer of GET /api/dashboard they were drawn from: ${diff.join('; ')}`)
    const own = apiTiles(await serverDashboard())
    for (const key of ['enterprises', 'hazardSources']) if (own[key] !== shown[key]) fail(`${key}: shown ${shown[key]}, GET /api/dashboard now says ${own[key]}`)
    const area = body.area?.name || '全国'
    const title = await textOf(tid('wall-title'))
    if (!title.includes(area)) fail(`the title "${title}" does not name the area ${area}`)
    await screenshot('screen')
    return Object.entries(expected).map(([k, v]) => `${k} ${v}`).join(', ')
  })

  // 4. The charts drawn and the worst enterprises, as in that answer.
  await check('4 charts and worst enterprises', ['3 tiles as the API'], async () => {
    try {
      await page.waitForFunction(
        (list) => list.every((id) => [...(document.querySelector(`[data-testid="${id}"]`)?.querySelectorAll('canvas') || [])].some((c) => c.width > 0 && c.height > 0)),
        CHARTS,
        { timeout: 15000, polling: 250 }
      )
    } catch {
      fail(`not every chart was drawn (${CHARTS.join(', ')})`)
    }
    const { body } = await nextAnswer('the worst enterprises')
    const expected = (body.worstEnterprises || []).slice(0, 10).map((e) => String(e.uscc || ''))
    const shown = await page.$$eval(tid('wall-worst-row'), (els) => els.map((el) => el.getAttribute('data-uscc')))
    if (shown.join(',') !== expected.join(',')) fail(`the worst enterprises shown (${shown.join(', ')}) are not the answer's (${expected.join(', ')})`)
    const total = Number(await attribute(tid('wall-sources-total'), 'data-value'))
    if (total !== Number(body.hazardSources?.total || 0)) fail(`the donut's total says ${total}, the answer ${body.hazardSources?.total}`)
    return `${CHARTS.length} charts drawn; ${shown.length} worst enterprise(s) in the answer's order`
  })

  // 5. The map's container.
  await check('5 map rendered', ['2 wall screen full window'], async () => {
    const map = tid('wall-map')
    await waitVisible(map, 'the map panel')
    try {
      await page.waitForFunction(
        (sel) => {
          const el = document.querySelector(sel)
          if (!el) return false
          const r = el.getBoundingClientRect()
          if (r.width < 200 || r.height < 150) return false
          // Content of its own: a canvas or an SVG drawn, or another element of a real size below the title.
          return [...el.querySelectorAll('canvas, svg, div')].some((c) => {
            const b = c.getBoundingClientRect()
            return b.width > 100 && b.height > 100
          })
        },
        map,
        { timeout: WAIT, polling: 250 }
      )
    } catch {
      fail(`the map panel has no content of a real size${await visibleErrors()}`)
    }
    const answer = await apiGet('/map/markers')
    if (answer.status !== 200) fail(`GET /api/map/markers answered ${answer.status}: ${answer.text}`)
    const expected = Array.isArray(answer.body?.markers) ? answer.body.markers.length : 0
    const shown = Number(await attribute(map, 'data-markers'))
    if (shown !== expected) fail(`the map was given ${shown} marker(s), the API has ${expected}`)
    const size = await page.$eval(map, (el) => `${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`)
    return `${size}, ${shown} marker(s), area "${await attribute(map, 'data-area-code')}"`
  })

  // 6. The refresh by itself.
  await check('6 refreshes by itself', ['2 wall screen full window'], async () => {
    const at = await attribute(WALL, 'data-updated-at')
    const text = await textOf(tid('wall-updated'))
    try {
      await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.getAttribute('data-updated-at') !== v, [WALL, at], { timeout: REFRESH_MS * 2 + 10000, polling: 500 })
    } catch {
      fail(`the update time stayed "${text}" for ${Math.round((REFRESH_MS * 2 + 10000) / 1000)} s (state ${await attribute(WALL, 'data-state')})`)
    }
    const after = await textOf(tid('wall-updated'))
    if (after === text) fail(`the update time shown did not change ("${after}")`)
    if (await page.$(tid('wall-connection-lost'))) fail('the screen says the connection was lost')
    const seconds = ((Number(await attribute(WALL, 'data-updated-at')) - Number(at)) / 1000).toFixed(1)
    return `"${text}" → "${after}" after ${seconds} s`
  })

  // 7. Exit: back to the application.
  await check('7 exit returns to the app', ['2 wall screen full window'], async () => {
    await page.click(tid('wall-exit'))
    try {
      await page.waitForURL((url) => !url.hash.startsWith('#/wall'), { timeout: 10000 })
    } catch {
      fail(`the exit button left the screen at ${page.url()}`)
    }
    await waitVisible(tid('app-header'), "the application's header")
    if (await page.$(WALL)) fail('the wall screen is still there')
    return new URL(page.url()).hash
  })

  // 8. A screen of the monitoring centre is opened by its address (a bookmark, a kiosk's start page).
  await check('8 opens by its address', ['1 login'], async () => {
    await open('/wall')
    await waitVisible(WALL, 'the wall screen opened by its address')
    try {
      await page.waitForSelector(`${WALL}[data-state="ok"]`, { timeout: WAIT })
    } catch {
      fail(`the screen did not show its figures (state ${await attribute(WALL, 'data-state')})`)
    }
    const header = await page.$(tid('app-header'))
    if (header && (await header.isVisible())) fail("the application's header is shown over the wall screen")
    return `${new URL(page.url()).hash}, "${await textOf(tid('wall-updated'))}"`
  })

  await check('9 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
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
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
