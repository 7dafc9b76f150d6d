#!/usr/bin/env node
// End-to-end check of 危险源统计分析 (hazard source analysis, A1-A5) in the HazardWatch web UI against a running node, as a
// user holding analytics:view (e.g. `admin`: nationwide scope), driving Debian's Chromium through playwright-core. It
// changes nothing on the server.
//
// What it does, in Chinese (the default language):
//   - opens 统计分析 → 危险源分析 from the header (#/analytics/hazard-sources);
//   - the total of major hazard sources shown (and each grade's) equals GET /api/analytics/hazard-sources, asked with
//     the page's own session for the same region (the user's whole scope);
//   - the charts have been drawn: a canvas of non-zero size in each chart container (grades, accident types, potential
//     death toll, and the parts one level down when there are any);
//   - drills through HW_REGION_PATH, clicking the row of each code in the table of the parts one level down: the URL's
//     query (region=) and the breadcrumb follow (its path is the codes drilled so far), and the total shown equals the
//     API's for that region (and the row's);
//   - a click on the breadcrumb's top goes back to the start (no region in the URL, the first total again);
//   - 历年趋势 shows one point per year of the default range (the last ten years), the same years and totals as GET
//     /api/analytics/hazard-sources/trend, its four charts drawn;
//   - 导出 Excel answers an .xlsx (GET /api/analytics/hazard-sources/export: 200, the first bytes "PK");
//   - no uncaught page errors.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding analytics:view, e.g. admin                  (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_REGION_PATH     the codes to drill through from the user's top, comma separated, each a part one level below
//                      the one before, e.g. 37,3702,370281 (province, city, county; an enterprise's USCC may end it)
//                                                                                     (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (top, each level, trend, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted: 8 plus one per code of HW_REGION_PATH when all pass (11 for 37,3702,370281); the last line
// is "[hazard-analysis] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, fail, hashQuery, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'
import { createAnalysisHelpers } from './lib/analysis.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const REGION_PATH = (process.env.HW_REGION_PATH || '')
  .split(',')
  .map((c) => c.trim().toUpperCase())
  .filter(Boolean)
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the analysis of a large region takes a while
const PAGE_HASH = '#/analytics/hazard-sources'
const OVERVIEW_CHARTS = ['analysis-chart-grade', 'analysis-chart-types', 'analysis-chart-tolls']
const TREND_CHARTS = ['analysis-chart-trend-total', 'analysis-chart-trend-grades', 'analysis-chart-trend-types', 'analysis-chart-trend-accidents']

const harness = createHarness({ tag: 'hazard-analysis', screenshotDir: SCREENSHOT_DIR, wait: WAIT })
const {
  log,
  attach,
  check,
  environmentFailure,
  runChecks,
  screenshot,
  textOf,
  waitVisible,
  waitAttribute,
  attribute,
  attributesOf,
  apiGet,
  undrawnCharts,
  login,
  noPageErrors
} = harness

let page = null
const consoleErrors = []
let topTotal = null

// ---- page helpers ----------------------------------------------------------------------------------------

const PAGE = tid('analysis-page')
const childRow = (code) => `tr${tid('analysis-child-row')}[data-code="${code}"]`
const { openAnalysisPage, waitRegion, breadcrumbCodes, expectBreadcrumb, drillInto, expectXlsxExport } = createAnalysisHelpers(harness, PAGE)

async function serverOverview(region) {
  const query = region ? `?region=${encodeURIComponent(region)}` : ''
  const answer = await apiGet(`/analytics/hazard-sources${query}`)
  if (answer.status !== 200 || !answer.body?.total) fail(`GET /api/analytics/hazard-sources${query} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** Compares the KPIs shown with an overview of the API: the total and each grade. */
async function compareKpis(overview, where) {
  const shown = Number(await attribute(tid('analysis-total'), 'data-value'))
  const text = await textOf(tid('analysis-total'))
  const expected = Number(overview.total.total)
  if (shown !== expected || Number(text) !== expected) fail(`${where}: the total shown is ${shown} ("${text}"), the API says ${expected}`)
  for (const grade of ['1', '2', '3', '4']) {
    const value = Number(await attribute(`${tid('analysis-kpi-grade')}[data-grade="${grade}"]`, 'data-value'))
    const api = Number(overview.total.byGrade?.[grade] ?? 0)
    if (value !== api) fail(`${where}: grade ${grade} shows ${value}, the API says ${api}`)
  }
  return expected
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 统计分析 → 危险源分析.
  await check('2 analysis page', ['1 login'], () =>
    openAnalysisPage({ user: USER, entryId: 'nav-hazard-analysis', entryName: '危险源分析', hash: PAGE_HASH, title: '危险源统计分析', where: tid('analysis-where') })
  )

  // 3. The total as the API's, for the user's whole scope.
  await check('3 total as the API', ['2 analysis page'], async () => {
    const overview = await serverOverview('')
    topTotal = await compareKpis(overview, 'the top')
    const crumbs = await breadcrumbCodes()
    if (crumbs.join(',') !== '') fail(`the breadcrumb at the top has ${crumbs.length} crumb(s): ${crumbs.join(' > ')}`)
    const top = await textOf(tid('analysis-crumb'))
    await screenshot('top')
    return `${topTotal} major hazard sources (${overview.regionName || '全国'}, crumb "${top}"), ${(overview.children || []).length} part(s) one level down`
  })

  // 4. The charts drawn.
  await check('4 charts rendered', ['2 analysis page'], async () => {
    const ids = [...OVERVIEW_CHARTS]
    const children = Number(await attribute(tid('analysis-children'), 'data-count'))
    if (children > 0) ids.push('analysis-chart-children')
    const missing = await undrawnCharts(ids)
    if (missing.length) fail(`no canvas drawn in ${missing.join(', ')}`)
    return `${ids.length} charts drawn (${ids.join(', ')})`
  })

  // 5... Drilling through HW_REGION_PATH.
  let previous = '2 analysis page'
  const drilled = []
  for (const code of REGION_PATH) {
    const name = `${5 + drilled.length} drill into ${code}`
    const ok = await check(name, [previous], async () => {
      const row = childRow(code)
      if (!(await page.$(row))) {
        const codes = await attributesOf(tid('analysis-child-row'), 'data-code')
        fail(`no row for ${code} one level down (rows: ${codes.join(', ') || 'none'})`)
      }
      if ((await attribute(row, 'data-drillable')) !== 'true') fail(`the row of ${code} cannot be drilled into`)
      const rowTotal = Number(await attribute(row, 'data-total'))
      await drillInto(row, code)
      drilled.push(code)
      const crumbs = await expectBreadcrumb(drilled)
      const overview = await serverOverview(code)
      const total = await compareKpis(overview, code)
      if (total !== rowTotal) fail(`the row of ${code} said ${rowTotal} sources, the region shows ${total}`)
      const label = await textOf(`${tid('analysis-crumb')}[data-code="${code}"]`)
      await screenshot(`level-${drilled.length}`)
      return `region=${code} (${label}), ${total} sources as the API, breadcrumb ${crumbs.length} deep, next level ${overview.childLevel || 'none'}`
    })
    if (!ok) break
    previous = name
  }
  // Codes not reached after a failure are counted as failed too.
  for (let i = drilled.length + 1; i < REGION_PATH.length; i++) {
    await check(`${5 + i} drill into ${REGION_PATH[i]}`, [`${5 + i - 1} drill into ${REGION_PATH[i - 1]}`], async () => '')
  }
  const n = 5 + REGION_PATH.length

  // The breadcrumb's top: back to the start.
  await check(`${n} breadcrumb top`, ['3 total as the API'], async () => {
    const top = `${tid('analysis-crumb')}[data-code=""]`
    if ((await attribute(top, 'data-current')) === 'true') fail('the page is at the top already (nothing was drilled into)')
    await page.click(top)
    try {
      await page.waitForURL((url) => !hashQuery(url).has('region') && new URL(String(url)).hash.startsWith(PAGE_HASH), { timeout: 10000 })
    } catch {
      fail(`the URL still names a region (at ${page.url()})`)
    }
    await waitRegion('')
    const crumbs = await breadcrumbCodes()
    if (crumbs.join(',') !== '') fail(`the breadcrumb is ${crumbs.map((c) => c || '(top)').join(' > ')}`)
    const total = await compareKpis(await serverOverview(''), 'back at the top')
    if (total !== topTotal) fail(`the top shows ${total}, ${topTotal} before`)
    return `back at the top, ${total} sources`
  })

  // The trend: one point per year of the default range, as the API's (for the region shown: the top, unless going back
  // failed).
  await check(`${n + 1} trend`, ['2 analysis page'], async () => {
    const region = (await attribute(PAGE, 'data-region')) || ''
    const answer = await apiGet(`/analytics/hazard-sources/trend${region ? `?region=${encodeURIComponent(region)}` : ''}`)
    if (answer.status !== 200 || !Array.isArray(answer.body)) fail(`GET /api/analytics/hazard-sources/trend answered ${answer.status}: ${answer.text}`)
    const years = answer.body
    const section = `${tid('analysis-trend')}[data-loaded="true"]`
    await waitVisible(section, 'the 历年趋势 section')
    const expectedTotals = years.map((y) => Number(y.total)).join(',')
    const totals = await waitAttribute(section, 'data-totals', [expectedTotals], 10000)
    const count = Number(await attribute(section, 'data-years'))
    const from = Number(await attribute(section, 'data-from'))
    const to = Number(await attribute(section, 'data-to'))
    if (count !== years.length) fail(`the trend shows ${count} year(s), the API ${years.length}`)
    if (from !== years[0]?.year || to !== years[years.length - 1]?.year) fail(`the trend runs ${from}-${to}, the API ${years[0]?.year}-${years[years.length - 1]?.year}`)
    if (totals !== expectedTotals) fail(`the trend's totals are ${await attribute(section, 'data-totals')}, the API's ${expectedTotals}`)
    const points = Number(await attribute(tid('analysis-chart-trend-total'), 'data-points'))
    if (points !== years.length) fail(`the line has ${points} point(s) for ${years.length} year(s)`)
    const missing = await undrawnCharts(TREND_CHARTS)
    if (missing.length) fail(`no canvas drawn in ${missing.join(', ')}`)
    await page.$eval(tid('analysis-trend'), (el) => el.scrollIntoView()).catch(() => {})
    await screenshot('trend')
    return `${region || 'top'}: ${count} years ${from}-${to}, totals ${expectedTotals}; ${TREND_CHARTS.length} charts drawn`
  })

  // The workbook: the answer of the export, and the file the browser saves.
  await check(`${n + 2} export xlsx`, ['2 analysis page'], async () => {
    return expectXlsxExport(tid('analysis-export'), '/api/analytics/hazard-sources/export', /\/api\/analytics\/hazard-sources\/export(\?|$)/)
  })

  await check(`${n + 3} no page errors`, [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_REGION_PATH'])
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
    log(`opening ${URL_BASE} as ${USER}; drilling through ${REGION_PATH.join(' > ')}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
