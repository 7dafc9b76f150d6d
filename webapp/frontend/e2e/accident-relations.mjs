#!/usr/bin/env node
// End-to-end check of 事故关联分析 (alarm-to-accident relation, B5) in the HazardWatch web UI against a running node with
// demo data, as a user holding analytics:view (e.g. `admin`: nationwide scope), driving Debian's Chromium through
// playwright-core. It changes nothing on the server (the export is audited). No number is written here: every one is
// read from the API with the page's own session and compared with what the page shows.
//
// What it does, in Chinese (the default language):
//   - opens 统计分析 → 事故关联分析 from the header (#/analytics/accident-relations; the last twelve months, 24 hours);
//   - the panel of the method and its limits is visible (open the first time), names its limits (association is not
//     causation, …), closes and opens again;
//   - the accidents, those with alarms before them, the alarms and the accidents per 1,000 alarms equal GET
//     /api/analytics/accident-relations asked for the same region, months and window (the alarms of this month grow
//     meanwhile, so on a difference the page is refreshed and both are read again, up to three times);
//   - the rules table has as many rows as the API's rules, by lift, each with its accidents and its items labelled
//     (no raw "TYPE/KIND"); without accidents the page says where accidents are registered (no charts, no rules);
//   - the charts (by kind, point type, industry) are drawn when there are accidents;
//   - drills into a region (HW_REGION, else the first row one level down that can be drilled into): the URL's query
//     (region=) and the breadcrumb follow, and the figures equal the API's for that region;
//   - sets the window to 48 hours (and, when the API names one, an industry): the URL follows, and 导出 Excel asks GET
//     /api/analytics/accident-relations/export with the page's region, months, industry and window (the button's
//     data-href too), answering an .xlsx ("PK");
//   - switches to English: the title, the method panel and the rules' item labels are English; back to Chinese;
//   - no uncaught page errors.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding analytics:view, e.g. admin                  (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_REGION          optional: the code of a part one level below the user's top to drill into, e.g. 37
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (top, the region, English, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted: 10 when all pass; the last line is "[accident-relations] N passed, M failed". Exit code 0
// when all passed, else 1.

import { URL_BASE, createHarness, downloadedBytes, fail, hashQuery, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'
import { createAnalysisHelpers, readUntilAgreed } from './lib/analysis.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const REGION = (process.env.HW_REGION || '').trim().toUpperCase()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the relation of a large region takes a while
const PAGE_HASH = '#/analytics/accident-relations'
const READS = 3 // reads of the page and the API until they agree (this month's alarms move meanwhile)
const CHARTS = ['accident-relations-chart-kind', 'accident-relations-chart-point-type', 'accident-relations-chart-industry']
const HOURS = 48
const CJK = /[\u3400-\u9fff]/

const harness = createHarness({ tag: 'accident-relations', screenshotDir: SCREENSHOT_DIR, wait: WAIT })
const { log, attach, check, environmentFailure, runChecks, screenshot, textOf, visibleErrors, waitVisible, attribute, attributesOf, apiGet, undrawnCharts, clickForDownload, login, noPageErrors } = harness

let page = null
const consoleErrors = []

// ---- page helpers ----------------------------------------------------------------------------------------

const PAGE = tid('accident-relations-page')
const childRow = (code) => `tr${tid('relation-child-row')}[data-code="${code}"]`
const { openAnalysisPage, waitNextLoad, breadcrumbCodes, drillInto } = createAnalysisHelpers(harness, PAGE)

/** The query of the relation the page shows (as the server answered it): "?region=…&from=…&to=…&industry=…&hours=…". */
async function shownQuery(region) {
  const params = new URLSearchParams()
  if (region) params.set('region', region)
  for (const [name, attr] of [['from', 'data-shown-from'], ['to', 'data-shown-to']]) {
    const value = await attribute(PAGE, attr)
    if (value) params.set(name, value)
  }
  const industry = await attribute(PAGE, 'data-industry')
  if (industry) params.set('industry', industry)
  const hours = (await attribute(PAGE, 'data-shown-hours')) || (await attribute(PAGE, 'data-hours'))
  if (hours) params.set('hours', hours)
  const text = params.toString()
  return text ? `?${text}` : ''
}

async function serverRelation(region) {
  const query = await shownQuery(region)
  const answer = await apiGet(`/analytics/accident-relations${query}`)
  if (answer.status !== 200 || !answer.body || typeof answer.body.accidents !== 'number') fail(`GET /api/analytics/accident-relations${query} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

async function refreshPage(region) {
  const before = Number(await attribute(PAGE, 'data-loads')) || 0
  await page.click(tid('accident-relations-refresh'))
  await waitNextLoad(before, `刷新 of "${region}" brought no new answer`)
}

async function shownKpis() {
  const value = async (id) => attribute(tid(id), 'data-value')
  return {
    accidents: Number(await value('accident-relations-accidents')),
    accidentsWithAlarms: Number(await value('accident-relations-with-alarms')),
    alarms: Number(await value('accident-relations-alarms')),
    per1000: await value('accident-relations-per1000')
  }
}

function apiKpis(r) {
  return { accidents: Number(r.accidents), accidentsWithAlarms: Number(r.accidentsWithAlarms), alarms: Number(r.alarms), per1000: r.per1000 === null || r.per1000 === undefined ? '' : String(r.per1000) }
}

const samePer1000 = (shown, api) => (shown === '' || api === '' ? shown === api : Math.abs(Number(shown) - Number(api)) < 1e-9)
const same = (s, a) => s.accidents === a.accidents && s.accidentsWithAlarms === a.accidentsWithAlarms && s.alarms === a.alarms && samePer1000(s.per1000, a.per1000)
const describe = (k) => `${k.accidents} accidents (${k.accidentsWithAlarms} with alarms before), ${k.alarms} alarms, per 1,000: ${k.per1000 === '' ? 'none' : k.per1000}`

/** Compares the KPIs shown with the API's for a region, refreshing on a difference up to READS times. */
async function compareKpis(region, where) {
  const { agreed, read, shown, answer, expected } = await readUntilAgreed({
    reads: READS,
    refresh: () => refreshPage(region),
    shown: shownKpis,
    server: () => serverRelation(region),
    expected: apiKpis,
    same
  })
  if (!agreed) fail(`${where}: the page shows ${describe(shown)}, the API says ${describe(expected)} after ${READS} reads`)
  if (read > 1) log(`note: ${where}: the page and the API agreed at read ${read} (the alarms moved)`)
  if (shown.accidentsWithAlarms > shown.accidents) fail(`${where}: ${shown.accidentsWithAlarms} accidents with alarms of ${shown.accidents}`)
  return { api: answer, kpis: shown, reads: read }
}

async function ruleRowsShown() {
  return page.$$eval(tid('accident-relations-rule-row'), (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id'),
      accidents: Number(el.getAttribute('data-accidents')),
      lift: Number(el.getAttribute('data-lift')),
      items: [...el.querySelectorAll('[data-testid="accident-relations-rule-item"]')].map((i) => ({ key: i.getAttribute('data-item'), text: i.textContent.replace(/\s+/g, ' ').trim() }))
    }))
  )
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 统计分析 → 事故关联分析.
  await check('2 relation page', ['1 login'], () =>
    openAnalysisPage({ user: USER, entryId: 'nav-accident-relation-analysis', entryName: '事故关联分析', hash: PAGE_HASH, title: '事故关联分析', where: tid('accident-relations-where') })
  )

  // 3. The method and its limits, visible from the start.
  await check('3 method and limits', ['2 relation page'], async () => {
    const panel = tid('accident-relations-method')
    await waitVisible(panel, 'the method panel')
    if ((await attribute(panel, 'data-open')) !== 'true') fail('the method panel is closed the first time')
    await waitVisible(tid('accident-relations-method-body'), 'the method text')
    const limits = await attributesOf(`${tid('accident-relations-limits')} li`, 'data-limit')
    for (const wanted of ['few', 'causation', 'days', 'missing', 'shelved', 'baseline']) if (!limits.includes(wanted)) fail(`the limits do not name "${wanted}" (they name ${limits.join(', ')})`)
    const text = await textOf(tid('accident-relations-method-body'))
    for (const phrase of ['每 1,000 次报警', '关联不等于因果', '企业日', '提升度']) if (!text.includes(phrase)) fail(`the method does not say "${phrase}"`)
    await page.click(tid('accident-relations-method-toggle'))
    await page.waitForSelector(tid('accident-relations-method-body'), { state: 'hidden', timeout: 5000 }).catch(() => fail('the method panel did not close'))
    await page.click(tid('accident-relations-method-toggle'))
    await waitVisible(tid('accident-relations-method-body'), 'the method text opened again', 5000)
    return `open, ${limits.length} limits, closes and opens`
  })

  // 4. The key figures as the API's.
  let top = null
  await check('4 figures as the API', ['2 relation page'], async () => {
    const { api, kpis, reads } = await compareKpis('', 'the top')
    top = api
    await screenshot('top')
    return `${describe(kpis)} over ${api.from} to ${api.to}, ${api.windowHours} h (${api.area?.name || '全国'}; ${reads} read(s))`
  })

  // 5. The rules as the API's; or, without accidents, the explanation.
  await check('5 rules as the API', ['4 figures as the API'], async () => {
    const rules = Array.isArray(top.patterns?.rules) ? top.patterns.rules : []
    if (!top.accidents) {
      await waitVisible(tid('accident-relations-empty'), 'the explanation of a period without accidents')
      const text = await textOf(tid('accident-relations-empty'))
      if (!text.includes('事故登记')) fail(`the explanation does not name 事故登记: "${text}"`)
      if (await page.$(tid('accident-relations-rule-row'))) fail('rules are listed without accidents')
      log('note: no accidents in the period: the rules, the charts and the drill-down have nothing to show')
      return `no accidents: "${text}"`
    }
    const shown = await ruleRowsShown()
    if (shown.length !== rules.length) fail(`the table has ${shown.length} rule(s), the API ${rules.length}`)
    const min = Number(top.patterns?.minAccidents) || 0
    for (let i = 0; i < shown.length; i++) {
      const r = shown[i]
      if (i > 0 && r.lift > shown[i - 1].lift + 1e-9) fail(`rule ${i + 1} (${r.id}) has a higher lift than the one before it`)
      if (r.accidents < min) fail(`rule ${r.id} rests on ${r.accidents} accident(s), fewer than ${min}`)
      for (const item of r.items) if (!item.text || item.text.includes('/') || !CJK.test(item.text)) fail(`item ${item.key} is labelled "${item.text}"`)
    }
    const apiIds = rules.map((r) => (r.items || []).join('+')).sort()
    const shownIds = shown.map((r) => r.items.map((i) => i.key).join('+')).sort()
    if (apiIds.join(',') !== shownIds.join(',')) fail(`the rules shown (${shownIds.join(', ')}) are not the API's (${apiIds.join(', ')})`)
    const first = shown[0]
    return `${shown.length} rule(s)${first ? `, the first ${first.items.map((i) => i.text).join(' + ')} (lift ${first.lift}, ${first.accidents} accidents)` : ''}`
  })

  // 6. The charts drawn.
  await check('6 charts rendered', ['4 figures as the API'], async () => {
    if (!top.accidents) return 'no accidents: no charts'
    // A chart for each breakdown the API has rows of (the page says "no data" instead of an empty chart).
    const ids = CHARTS.filter((id, i) => (top[['byKind', 'byPointType', 'byIndustry'][i]] || []).length > 0)
    const missing = await undrawnCharts(ids)
    if (missing.length) fail(`no canvas drawn in ${missing.join(', ')}`)
    const bars = Number(await attribute(tid('accident-relations-chart-kind'), 'data-points')) || 0
    if ((top.byKind || []).length && bars !== top.byKind.length) fail(`the kind chart has ${bars} bar(s), the API ${top.byKind.length} kind(s)`)
    return `${ids.length} charts drawn (${ids.join(', ')})`
  })

  // 7. Drilling into a region.
  let region = ''
  await check('7 drill down', ['4 figures as the API'], async () => {
    const count = Number(await attribute(tid('relation-children'), 'data-count')) || 0
    if (!top.accidents || !count) return `nothing to drill into (${top.accidents} accidents, ${count} part(s) one level down)`
    let code = REGION
    if (!code) code = await attribute(`${tid('relation-child-row')}[data-drillable="true"]`, 'data-code')
    if (!code) fail('no row one level down can be drilled into')
    const row = childRow(code)
    if (!(await page.$(row))) fail(`no row for ${code} one level down`)
    const rowAccidents = Number(await attribute(row, 'data-total'))
    await drillInto(row, code)
    const crumbs = await breadcrumbCodes()
    if (crumbs[crumbs.length - 1] !== code) fail(`the breadcrumb ends at "${crumbs[crumbs.length - 1]}", not ${code}`)
    const { kpis } = await compareKpis(code, code)
    if (kpis.accidents !== rowAccidents) log(`note: ${code}: its row said ${rowAccidents} accidents, the region ${kpis.accidents}`)
    region = code
    await screenshot('region')
    return `region=${code}, ${describe(kpis)}, breadcrumb ${crumbs.map((c) => c || '(top)').join(' > ')}`
  })

  // 8. The filters in the URL and in the export.
  await check('8 export carries the filters', ['2 relation page'], async () => {
    const before = Number(await attribute(PAGE, 'data-loads')) || 0
    await page.fill(`${tid('accident-relations-hours')} input`, String(HOURS))
    await page.keyboard.press('Tab')
    try {
      await page.waitForURL((url) => hashQuery(url).get('hours') === String(HOURS), { timeout: 10000 })
    } catch {
      fail(`the URL did not take hours=${HOURS} (at ${page.url()})`)
    }
    await waitNextLoad(before, `the window of ${HOURS} h brought no new answer`)
    const shownHours = await attribute(PAGE, 'data-shown-hours')
    if (shownHours !== String(HOURS)) fail(`the page shows a window of ${shownHours} h`)
    // An industry the API names, when there is one.
    const current = await serverRelation(region)
    const industry = (current.byIndustry || []).map((r) => String(r.key || '')).find((k) => /^[A-Z]?[0-9]{1,4}$/.test(k)) || ''
    if (industry) {
      const n = Number(await attribute(PAGE, 'data-loads')) || 0
      await page.fill(tid('accident-relations-industry'), industry)
      await page.keyboard.press('Enter')
      try {
        await page.waitForURL((url) => hashQuery(url).get('industry') === industry, { timeout: 10000 })
      } catch {
        fail(`the URL did not take industry=${industry} (at ${page.url()})`)
      }
      await waitNextLoad(n, `the industry ${industry} brought no new answer`)
    }
    const expected = { region, from: await attribute(PAGE, 'data-from'), hours: String(HOURS), industry }
    const href = await attribute(tid('accident-relations-export'), 'data-href')
    const hrefParams = new URL(href, 'http://x').searchParams
    for (const [name, value] of Object.entries(expected)) {
      if ((hrefParams.get(name) || '') !== value) fail(`the export's address says ${name}=${hrefParams.get(name)}, the page ${value || '(none)'}: ${href}`)
    }
    const { response, download } = await clickForDownload(tid('accident-relations-export'), /\/api\/analytics\/accident-relations\/export(\?|$)/)
    if (!response) fail(`no GET /api/analytics/accident-relations/export${await visibleErrors()}`)
    const asked = new URL(response.url()).searchParams
    for (const [name, value] of Object.entries(expected)) {
      if ((asked.get(name) || '') !== value) fail(`the export asked ${name}=${asked.get(name)}, the page shows ${value || '(none)'}: ${response.url()}`)
    }
    if (response.status() !== 200) fail(`the export answered ${response.status()}${await visibleErrors()}`)
    if (!download) fail(`the browser saved no file${await visibleErrors()}`)
    const bytes = await downloadedBytes(download)
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') fail(`${download.suggestedFilename()} is no .xlsx: it starts with ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))}`)
    return `${new URL(response.url()).search}: ${download.suggestedFilename()}, ${bytes.length} bytes`
  })

  // 9. English.
  await check('9 English', ['2 relation page'], async () => {
    await page.click(`${tid('lang-switch')} ${tid('lang-en')}`)
    try {
      await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === 'Alarm–accident relation', `${PAGE} .page-title`, { timeout: 10000, polling: 200 })
    } catch {
      fail(`the English title did not appear (it says "${await textOf(`${PAGE} .page-title`)}")`)
    }
    const method = await textOf(tid('accident-relations-method'))
    if (!method.includes('Method and limits') || !method.includes('Association is not causation')) fail(`the method panel is not in English: "${method.slice(0, 120)}…"`)
    const items = (await ruleRowsShown()).flatMap((r) => r.items)
    const chinese = items.filter((i) => CJK.test(i.text))
    if (chinese.length) fail(`item labels still in Chinese: ${chinese.map((i) => `${i.key} "${i.text}"`).join(', ')}`)
    await screenshot('english')
    await page.click(`${tid('lang-switch')} ${tid('lang-zh-CN')}`)
    await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === '事故关联分析', `${PAGE} .page-title`, { timeout: 10000, polling: 200 }).catch(() => fail('the Chinese title did not come back'))
    return `title, method${items.length ? `, ${items.length} item label(s) (e.g. "${items[0].text}")` : ''} in English; back to Chinese`
  })

  await check('10 no page errors', [], noPageErrors)
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
    log(`opening ${URL_BASE} as ${USER}${REGION ? `; drilling into ${REGION}` : ''}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
