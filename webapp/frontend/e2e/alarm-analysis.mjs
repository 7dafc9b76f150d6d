#!/usr/bin/env node
// End-to-end check of 报警分析 (alarm analysis, B1-B4) in the HazardWatch web UI against a running node, as a user
// holding analytics:view (e.g. `admin`: nationwide scope), driving Debian's Chromium through playwright-core. It
// changes nothing on the server (the export is audited).
//
// What it does, in Chinese (the default language):
//   - opens 统计分析 → 报警分析 from the header (#/analytics/alarms; the default period, the last twelve months);
//   - the alarms shown, their process alarms (工艺报警) and instrument faults (仪表故障) equal GET /api/analytics/alarms
//     asked with the page's own session for the same region and months; the statistics follow the alarm table a few
//     seconds behind and may move between the two reads, so on a difference the page is refreshed (刷新) and both are
//     read again, up to three times; "统计截至 …" is shown;
//   - the charts have been drawn: a canvas of non-zero size in each chart container (per month, by season, by hour of
//     day, by point type, and the parts one level down when there are any), one bar per month of the period;
//   - drills through HW_REGION_PATH, clicking the row of each code in the table of the parts one level down: the URL's
//     query (region=) and the breadcrumb follow (its path is the codes drilled so far), and the alarms shown equal the
//     API's for that region (and are at least the row's: the statistics only grow);
//   - the last level of HW_REGION_PATH (a county or a park) lists its enterprises, the same as the API's parts;
//   - 仪表查询 for HW_POINT opens a dialog whose total equals GET /api/analytics/alarms/points/{HW_POINT} over the same
//     months, its charts (by kind, hour, season) drawn; an unknown point id says that there is no such point (404);
//   - 导出 Excel answers an .xlsx (GET /api/analytics/alarms/export: 200, the first bytes "PK");
//   - no uncaught page errors.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding analytics:view, e.g. admin                  (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_REGION_PATH     the codes to drill through from the user's top, comma separated, each a part one level below
//                      the one before, ending at a county or a park, e.g. 37,3702,370281      (required)
//   HW_POINT           a monitoring point id that has alarms in the last twelve months, e.g. B-GT201 (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (top, each level, the dialog, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted: 10 plus one per code of HW_REGION_PATH when all pass (13 for 37,3702,370281); the last line
// is "[alarm-analysis] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, downloadedBytes, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'
import { createAnalysisHelpers, readUntilAgreed } from './lib/analysis.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const REGION_PATH = (process.env.HW_REGION_PATH || '')
  .split(',')
  .map((c) => c.trim().toUpperCase())
  .filter(Boolean)
const POINT = (process.env.HW_POINT || '').trim()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the analysis of a large region takes a while
const PAGE_HASH = '#/analytics/alarms'
const READS = 3 // reads of the page and the API until they agree (the statistics move meanwhile)
const CHARTS = ['alarm-chart-month', 'alarm-chart-season', 'alarm-chart-hour', 'alarm-chart-point-type']
const DEVICE_CHARTS = ['alarm-device-chart-kind', 'alarm-device-chart-hour', 'alarm-device-chart-season']

const harness = createHarness({ tag: 'alarm-analysis', screenshotDir: SCREENSHOT_DIR, wait: WAIT })
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
  apiGet,
  undrawnCharts,
  clickForDownload,
  login,
  noPageErrors
} = harness

let page = null
const consoleErrors = []

// ---- page helpers ----------------------------------------------------------------------------------------

const PAGE = tid('alarm-analysis-page')
const childRow = (code) => `tr${tid('alarm-child-row')}[data-code="${code}"]`
const { openAnalysisPage, waitNextLoad, breadcrumbCodes, expectBreadcrumb, drillInto, expectXlsxExport } = createAnalysisHelpers(harness, PAGE)

/** The months of the analysis the page shows (as the server answered them): "?from=…&to=…" with a region or not. */
async function shownQuery(region) {
  const params = new URLSearchParams()
  if (region) params.set('region', region)
  const from = await attribute(PAGE, 'data-shown-from')
  const to = await attribute(PAGE, 'data-shown-to')
  if (from) params.set('from', from)
  if (to) params.set('to', to)
  const text = params.toString()
  return text ? `?${text}` : ''
}

async function serverAnalysis(region) {
  const query = await shownQuery(region)
  const answer = await apiGet(`/analytics/alarms${query}`)
  if (answer.status !== 200 || !answer.body || typeof answer.body.total !== 'number') fail(`GET /api/analytics/alarms${query} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** Clicks 刷新 and waits for the next answer shown. */
async function refreshPage(region) {
  const before = Number(await attribute(PAGE, 'data-loads')) || 0
  await page.click(tid('alarm-analysis-refresh'))
  await waitNextLoad(before, `刷新 brought no new answer for "${region}"`)
}

async function shownKpis() {
  const value = async (id) => Number(await attribute(tid(id), 'data-value'))
  return {
    total: await value('alarm-analysis-total'),
    process: await value('alarm-analysis-process'),
    instrument: await value('alarm-analysis-instrument'),
    text: await textOf(tid('alarm-analysis-total'))
  }
}

function apiKpis(analysis) {
  return {
    total: Number(analysis.total),
    process: Number(analysis.byCategory?.PROCESS ?? 0),
    instrument: Number(analysis.byCategory?.INSTRUMENT ?? 0)
  }
}

const same = (shown, api) => shown.total === api.total && shown.process === api.process && shown.instrument === api.instrument && Number(shown.text) === api.total
const describe = (k) => `${k.total} (工艺 ${k.process}, 仪表 ${k.instrument})`

/**
 * Compares the KPIs shown with the API's for a region: read both, and on a difference refresh the page and read both
 * again, up to READS times. Returns {api: the answer, kpis, reads}.
 */
async function compareKpis(region, where) {
  const { agreed, read, shown, answer, expected } = await readUntilAgreed({
    reads: READS,
    refresh: () => refreshPage(region),
    shown: shownKpis,
    server: () => serverAnalysis(region),
    expected: apiKpis,
    same
  })
  if (!agreed) fail(`${where}: the page shows ${describe(shown)} ("${shown.text}"), the API says ${describe(expected)} after ${READS} reads`)
  if (read > 1) log(`note: ${where}: the page and the API agreed at read ${read} (the statistics moved)`)
  if (shown.process + shown.instrument !== shown.total) fail(`${where}: process ${shown.process} + instrument ${shown.instrument} is not the total ${shown.total}`)
  return { api: answer, kpis: shown, reads: read }
}

async function rowCodes() {
  return attributesOf(tid('alarm-child-row'), 'data-code')
}

/** Types a point id into 仪表查询, opens it and waits for the dialog's outcome; returns its data-state. */
async function lookUpPoint(pointId) {
  await page.fill(tid('alarm-device-input'), pointId)
  await page.click(tid('alarm-device-open'))
  const dialog = `${tid('alarm-device-dialog')}[data-point="${pointId}"]`
  await waitVisible(dialog, `the dialog of point ${pointId}`)
  try {
    await page.waitForSelector(`${dialog}:is([data-state="ready"], [data-state="error"])`, { timeout: WAIT })
  } catch {
    fail(`the dialog of point ${pointId} is still ${await attribute(dialog, 'data-state')}`)
  }
  return attribute(dialog, 'data-state')
}

/** Closes the instrument's dialog when it is open (after a failure too, so that it covers nothing). */
async function closeDialog() {
  const close = await page.$(tid('alarm-device-close'))
  if (!close || !(await close.isVisible())) return
  await close.click().catch(() => page.keyboard.press('Escape'))
  await page.waitForSelector(tid('alarm-device-dialog'), { state: 'hidden', timeout: 10000 }).catch(() => {})
}

/** Runs a check's body that opens the instrument's dialog, and closes the dialog whatever happened. */
async function withDialog(body) {
  try {
    return await body()
  } finally {
    await closeDialog()
  }
}

/** The months of the page's answer as the device query ("?from=…&to=…"). */
async function deviceQuery() {
  return shownQuery('')
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 统计分析 → 报警分析.
  await check('2 alarm analysis page', ['1 login'], () =>
    openAnalysisPage({ user: USER, entryId: 'nav-alarm-analysis', entryName: '报警分析', hash: PAGE_HASH, title: '报警分析', where: tid('alarm-analysis-where') })
  )

  // 3. The KPIs as the API's, for the user's whole scope; the statistics' time shown.
  await check('3 totals as the API', ['2 alarm analysis page'], async () => {
    const { api, kpis, reads } = await compareKpis('', 'the top')
    const crumbs = await breadcrumbCodes()
    if (crumbs.join(',') !== '') fail(`the breadcrumb at the top has ${crumbs.length} crumb(s): ${crumbs.join(' > ')}`)
    const upTo = await textOf(tid('alarm-analysis-up-to'))
    if (!upTo || !upTo.includes('统计截至')) fail(`no "统计截至 …" next to the statistics (shown: "${upTo}")`)
    await screenshot('top')
    return `${describe(kpis)} over ${api.from} to ${api.to} (${api.regionName || '全国'}; ${reads} read(s)), ${upTo.replace(/^·\s*/, '')}, ${(api.children || []).length} part(s) one level down`
  })

  // 4. The charts drawn, one bar per month.
  await check('4 charts rendered', ['2 alarm analysis page'], async () => {
    const ids = [...CHARTS]
    const children = Number(await attribute(tid('alarm-children'), 'data-count'))
    if (children > 0) ids.push('alarm-chart-children')
    const missing = await undrawnCharts(ids)
    if (missing.length) fail(`no canvas drawn in ${missing.join(', ')}${(await page.$(tid('alarm-hour-note'))) ? ' (the hour chart gave way to its note)' : ''}`)
    const api = await serverAnalysis('')
    const months = Object.keys(api.byMonth || {}).length
    const bars = Number(await attribute(tid('alarm-chart-month'), 'data-points'))
    if (bars !== months) fail(`the month chart has ${bars} bar(s), the API ${months} month(s)`)
    return `${ids.length} charts drawn (${ids.join(', ')}), ${bars} months`
  })

  // 5... Drilling through HW_REGION_PATH.
  let previous = '2 alarm analysis page'
  const drilled = []
  for (const code of REGION_PATH) {
    const name = `${5 + drilled.length} drill into ${code}`
    const ok = await check(name, [previous], async () => {
      const row = childRow(code)
      if (!(await page.$(row))) fail(`no row for ${code} one level down (rows: ${(await rowCodes()).join(', ') || 'none'})`)
      if ((await attribute(row, 'data-drillable')) !== 'true') fail(`the row of ${code} cannot be drilled into`)
      const rowTotal = Number(await attribute(row, 'data-total'))
      await drillInto(row, code)
      drilled.push(code)
      const crumbs = await expectBreadcrumb(drilled)
      const { api, kpis } = await compareKpis(code, code)
      // The statistics only grow: the region has at least the alarms its row had a moment ago.
      if (kpis.total < rowTotal) fail(`the row of ${code} said ${rowTotal} alarms, the region shows ${kpis.total}`)
      if (kpis.total !== rowTotal) log(`note: ${code}: its row said ${rowTotal}, the region ${kpis.total} (new alarms counted meanwhile)`)
      const label = await textOf(`${tid('analysis-crumb')}[data-code="${code}"]`)
      await screenshot(`level-${drilled.length}`)
      return `region=${code} (${label}), ${describe(kpis)} as the API, breadcrumb ${crumbs.length} deep, next level ${api.childLevel || 'none'}`
    })
    if (!ok) break
    previous = name
  }
  // Codes not reached after a failure are counted as failed too.
  for (let i = drilled.length + 1; i < REGION_PATH.length; i++) {
    await check(`${5 + i} drill into ${REGION_PATH[i]}`, [`${5 + i - 1} drill into ${REGION_PATH[i - 1]}`], async () => '')
  }
  const n = 5 + REGION_PATH.length
  const last = REGION_PATH[REGION_PATH.length - 1]

  // The last level: its enterprises, as the API's parts.
  await check(`${n} enterprises of ${last}`, [`${n - 1} drill into ${last}`], async () => {
    const level = await attribute(PAGE, 'data-level')
    if (level !== 'ENTERPRISE') fail(`${last} has "${level || 'nothing'}" one level down, not enterprises (HW_REGION_PATH should end at a county or a park)`)
    const api = await serverAnalysis(last)
    const expected = (api.children || []).map((c) => String(c.code)).sort()
    const shown = (await rowCodes()).sort()
    if (!expected.length) fail(`the API lists no enterprise with alarms under ${last}`)
    if (shown.join(',') !== expected.join(',')) fail(`the rows are ${shown.join(', ') || 'none'}, the API's enterprises ${expected.join(', ')}`)
    const drillable = await page.$$eval(`${tid('alarm-child-row')}[data-drillable="true"]`, (els) => els.length)
    return `${shown.length} enterprise row(s) (${drillable} registered, drillable): ${shown.slice(0, 5).map((c) => c || '(none)').join(', ')}${shown.length > 5 ? ', …' : ''}`
  })

  // 仪表查询: HW_POINT's total as the API's over the same months.
  await check(`${n + 1} instrument ${POINT}`, ['2 alarm analysis page'], () => withDialog(async () => {
    const query = await deviceQuery()
    let shown = null
    let expected = null
    let answer = null
    for (let read = 1; read <= READS; read++) {
      const state = await lookUpPoint(POINT)
      if (state !== 'ready') fail(`the dialog of ${POINT} says: ${await textOf(tid('alarm-device-error'))}`)
      shown = Number(await attribute(tid('alarm-device-total'), 'data-value'))
      answer = await apiGet(`/analytics/alarms/points/${encodeURIComponent(POINT)}${query}`)
      if (answer.status !== 200 || !answer.body) fail(`GET /api/analytics/alarms/points/${POINT}${query} answered ${answer.status}: ${answer.text}`)
      expected = Number(answer.body.total)
      if (shown === expected) break
      await closeDialog()
    }
    if (shown !== expected) fail(`the dialog shows ${shown} alarms for ${POINT}, the API ${expected} after ${READS} reads`)
    if (!expected) log(`note: ${POINT} has no alarms over ${answer.body.from} to ${answer.body.to}`)
    const missing = await undrawnCharts(DEVICE_CHARTS)
    if (missing.length) fail(`no canvas drawn in ${missing.join(', ')}`)
    const nameShown = await textOf(tid('alarm-device-name'))
    await screenshot('instrument')
    return `${POINT} (${nameShown}): ${shown} alarms as the API over ${answer.body.from} to ${answer.body.to}; ${DEVICE_CHARTS.length} charts drawn`
  }))

  // An unknown point id: a clear message.
  await check(`${n + 2} unknown instrument`, ['2 alarm analysis page'], () => withDialog(async () => {
    const unknown = `NO-SUCH-POINT-${Date.now().toString(36).toUpperCase()}`
    const api = await apiGet(`/analytics/alarms/points/${encodeURIComponent(unknown)}`)
    if (api.status !== 404) fail(`GET /api/analytics/alarms/points/${unknown} answered ${api.status}, not 404`)
    const state = await lookUpPoint(unknown)
    if (state !== 'error') fail(`the dialog of ${unknown} is "${state}", not an error`)
    const message = await textOf(tid('alarm-device-error'))
    if (!message || !message.includes('未找到测点') || !message.includes(unknown)) fail(`the message says "${message}"`)
    return `"${message}"`
  }))

  // The workbook: the answer of the export, and the file the browser saves.
  await check(`${n + 3} export xlsx`, ['2 alarm analysis page'], async () => {
    return expectXlsxExport(tid('alarm-analysis-export'), '/api/analytics/alarms/export', /\/api\/analytics\/alarms\/export(\?|$)/)
  })

  // The monthly report of the shown area for the period's last month: a PDF the browser saves.
  await check(`${n + 4} monthly report pdf`, ['2 alarm analysis page'], async () => {
    const month = await page.getAttribute(tid('alarm-analysis-monthly-report'), 'data-month')
    const { response, download } = await clickForDownload(tid('alarm-analysis-monthly-report'), /\/api\/analytics\/monthly-report(\?|$)/, 120000)
    if (!response) fail(`no GET /api/analytics/monthly-report${await visibleErrors()}`)
    if (response.status() !== 200) fail(`the report answered ${response.status()}${await visibleErrors()}`)
    if (!response.url().includes(`month=${month}`)) fail(`the report was asked for ${response.url()}, not month ${month}`)
    if (!download) fail(`the browser saved no file${await visibleErrors()}`)
    const bytes = await downloadedBytes(download)
    if (bytes.subarray(0, 4).toString('latin1') !== '%PDF') fail(`${download.suggestedFilename()} is no PDF: it starts with ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))}`)
    return `${download.suggestedFilename()}: ${bytes.length} bytes, month ${month}`
  })

  await check(`${n + 5} no page errors`, [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_REGION_PATH', 'HW_POINT'])
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
    log(`opening ${URL_BASE} as ${USER}; drilling through ${REGION_PATH.join(' > ')}; instrument ${POINT}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
