#!/usr/bin/env node
// End-to-end check of 远程实时调阅 (remote live read, requirement C3) on the 授权访问 page of the HazardWatch web UI
// against a running upper-level node whose exchange links run and below which the enterprise's data comes up (e.g. the
// national node of `./hazardwatch tree`), as a user holding monitoring:view who may see that enterprise's live data (the
// first `admin`), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language):
//   - opens 授权访问 (#/access) and its tab 远程实时调阅;
//   - chooses the enterprise HW_LIVE_QUERY_ENTERPRISE in the form (offered from the points this node keeps of lower
//     nodes, or typed), optionally types the point ids of HW_LIVE_QUERY_POINTS (checks that they are sent qualified,
//     "<USCC>:<id>"), enters the reason 浏览器测试：远程实时调阅 and sends it (POST /api/exchange/queries/live, 202);
//   - waits up to 60 s until the query's row in the list says 已应答 (ANSWERED; the page asks every 2 s);
//   - opens it: the values table has at least HW_LIVE_QUERY_MIN_VALUES rows and at least one shows a number; rows
//     without a reading show "—" and 无读数; the time read and the answering node are shown; the page stops asking;
//   - switches to English once (tab "Remote live read", status "Answered"), then back to Chinese.
// The server keeps the query and audits it here and at the answering node; nothing else changes.
//
// Environment:
//   HW_URL                    UI address, e.g. http://127.0.0.1:8284/          (default http://127.0.0.1:8181/)
//   HW_USER                   login user name (monitoring:view, sees the enterprise's live data)   (required)
//   HW_PASSWORD               login password                                                       (required)
//   HW_LIVE_QUERY_ENTERPRISE  USCC of an enterprise below this node, e.g. 91370281MA3HW2026N       (required)
//   HW_LIVE_QUERY_MIN_VALUES  the values table must have at least this many rows                   (default 1)
//   HW_LIVE_QUERY_POINTS      optional: point ids to ask for, separated by commas (qualified or not), e.g. A-T101-LT
//   HW_SCREENSHOT_DIR         optional directory for PNG screenshots (form, result, failures)
//   CHROMIUM                  Chromium executable                                 (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[live-query] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const ENTERPRISE = (process.env.HW_LIVE_QUERY_ENTERPRISE || '').trim().toUpperCase()
const MIN_VALUES_TEXT = (process.env.HW_LIVE_QUERY_MIN_VALUES || '1').trim()
const MIN_VALUES = Number(MIN_VALUES_TEXT)
const POINTS = (process.env.HW_LIVE_QUERY_POINTS || '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean)
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''
const REASON = '浏览器测试：远程实时调阅'

const WAIT = 30000 // per wait: the backend may be busy
const ANSWER_WAIT = 60000 // the query goes down hop by hop, the answer comes back up
const QUIET_MS = 5000 // after the answer: no more polls of the query within this time
const NUMBER = /^-?\d+(\.\d+)?(\s|$)/

const {
  log,
  attach,
  check,
  environmentFailure,
  runChecks,
  screenshot,
  textOf,
  visibleErrors,
  firstVisible,
  waitVisible,
  waitAttribute,
  attribute,
  waitMenuFinal,
  open,
  login,
  noPageErrors
} = createHarness({ tag: 'live-query', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
let queryId = ''

const SEND_API = /\/api\/exchange\/queries\/live(\?|$)/
const queryApi = (id) => new RegExp(`/api/exchange/queries/${id}(\\?|$)`)
const rowOf = (id) => `tr${tid('live-query-row')}[data-id="${id}"]`
const VALUE_ROWS = `${tid('live-query-values')} tr${tid('live-query-value-row')}`

// ---- page helpers ----------------------------------------------------------------------------------------

/** The 远程实时调阅 tab of the access page, shown (the page opened by its address when another page is shown). */
async function showLiveTab() {
  if (!(await page.$(tid('access-page')))) await open('/access')
  await waitVisible(tid('access-page'), 'the 授权访问 page')
  await waitMenuFinal()
  if (!(await page.$(tid('access-tab-live')))) {
    fail(`the page offers no 远程实时调阅 tab (${USER} lacks monitoring:view?)${await visibleErrors()}`)
  }
  await page.click(tid('access-tab-live'))
  try {
    await page.waitForURL((url) => url.hash.includes('tab=live'), { timeout: 5000 })
  } catch {
    fail(`the address did not follow the live tab: ${page.url()}`)
  }
  await waitVisible(tid('live-query-form'), 'the remote live read form')
}

/** Visible texts of the form's errors (field errors, the form's alert, the 403 alert), for failure messages. */
async function formErrors() {
  return page.$$eval(
    `${tid('live-query-form')} ${tid('live-query-field-error')}, ${tid('live-query-form-error')}, ${tid('live-query-forbidden')}`,
    (els) =>
      els
        .filter((e) => e.getClientRects().length)
        .map((e) => `${e.getAttribute('data-field') || e.getAttribute('data-testid')}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

/** Chooses the enterprise: the option offered for it, or (not offered) the code typed as it is. */
async function chooseEnterprise() {
  await page.click(tid('live-query-enterprise'))
  await page.keyboard.type(ENTERPRISE)
  const option = `.el-select-dropdown__item[data-uscc="${ENTERPRISE}"]`
  const offered = (await firstVisible({ option }, 5000)) === 'option'
  if (offered) {
    await page.click(option)
  } else {
    const codes = await page.$$eval('.el-select-dropdown__item[data-uscc]', (els) => els.map((el) => el.getAttribute('data-uscc')))
    log(`note: ${ENTERPRISE} is not offered (${codes.length} enterprise(s) offered${codes.length ? `: ${codes.slice(0, 5).join(', ')}` : ''}); typed instead`)
    await page.keyboard.press('Enter')
  }
  const chosen = await waitAttribute(tid('live-query-enterprise-field'), 'data-enterprise', [ENTERPRISE], 5000)
  if (chosen !== ENTERPRISE) {
    fail(`the form holds enterprise "${await attribute(tid('live-query-enterprise-field'), 'data-enterprise')}", expected ${ENTERPRISE}`)
  }
  await page.keyboard.press('Escape').catch(() => {})
  return offered ? 'chosen from the list' : 'typed'
}

/** Types the point ids into the points field, one tag each. */
async function enterPoints() {
  await page.click(tid('live-query-points'))
  for (const id of POINTS) {
    await page.keyboard.type(id)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.press('Escape').catch(() => {})
  const expected = POINTS.map((id) => (id.startsWith(`${ENTERPRISE}:`) ? id : `${ENTERPRISE}:${id}`))
  const shown = ((await attribute(tid('live-query-points-field'), 'data-point-ids')) || '').split(',').filter(Boolean)
  const missing = expected.filter((id) => !shown.includes(id))
  if (missing.length) fail(`the form would not send ${missing.join(', ')} (it holds ${shown.join(', ') || 'none'})`)
  return expected
}

/** The rows of the values table: [{pointId, hasValue, value, text, noReading}]. */
async function valueRows() {
  return page.$$eval(VALUE_ROWS, (els) =>
    els.map((el) => {
      const cell = el.querySelector('[data-testid="live-query-value"]')
      return {
        pointId: el.getAttribute('data-point-id'),
        hasValue: el.getAttribute('data-has-value') === 'true',
        value: cell ? cell.getAttribute('data-value') : null,
        text: cell ? cell.textContent.replace(/\s+/g, ' ').trim() : '',
        noReading: !!el.querySelector('[data-testid="live-query-no-reading"]')
      }
    })
  )
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. The access page and its 远程实时调阅 tab.
  await check('2 live tab', ['1 login'], async () => {
    await showLiveTab()
    const label = await textOf(tid('access-tab-live'))
    if (label !== '远程实时调阅') fail(`the tab says "${label}"`)
    return `${new URL(page.url()).hash}, tab "${label}"`
  })

  // 3. The form: enterprise, points (optional), reason; sent with 202.
  await check(`3 send a live query for ${ENTERPRISE}`, ['2 live tab'], async () => {
    const how = await chooseEnterprise()
    const expectedPoints = POINTS.length ? await enterPoints() : []
    await page.fill(`textarea${tid('live-query-reason')}, ${tid('live-query-reason')} textarea`, REASON)
    await screenshot('form')

    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && SEND_API.test(r.url()), { timeout: WAIT }).catch(() => null)
    await page.click(tid('live-query-submit'))
    const response = await answer
    if (!response) fail(`no POST /api/exchange/queries/live within ${WAIT / 1000} s: ${(await formErrors()).join(' | ') || 'no form error shown'}`)
    if (response.status() !== 202) {
      const body = await response.json().catch(() => null)
      await page.waitForTimeout(500)
      fail(
        `POST /api/exchange/queries/live answered ${response.status()}${body?.message ? ` (${body.message})` : ''}: ` +
          `${(await formErrors()).join(' | ') || 'no form error shown'}`
      )
    }
    let sent = {}
    try {
      sent = JSON.parse(response.request().postData() || '{}')
    } catch {
      sent = {}
    }
    if (sent.enterprise !== ENTERPRISE) fail(`the form sent enterprise ${JSON.stringify(sent.enterprise)}, expected ${ENTERPRISE}`)
    if (sent.reason !== REASON) fail(`the form sent reason ${JSON.stringify(sent.reason)}`)
    const sentPoints = Array.isArray(sent.pointIds) ? sent.pointIds : []
    if (JSON.stringify(sentPoints) !== JSON.stringify(expectedPoints)) {
      fail(`the form sent pointIds ${JSON.stringify(sentPoints)}, expected ${JSON.stringify(expectedPoints)}`)
    }
    const query = (await response.json().catch(() => null)) || {}
    if (!query.id) fail('the answer names no query id')
    if (query.type !== 'live-query') fail(`the answer is of type ${JSON.stringify(query.type)}`)
    queryId = query.id
    await waitVisible(rowOf(queryId), `the row of query ${queryId}`)
    return `query ${queryId} (${how}), ${expectedPoints.length ? `${expectedPoints.length} point(s)` : 'all points'}, status ${query.status}`
  })

  // 4. The answer comes back: 已应答 in the list.
  await check('4 answered', [`3 send a live query for ${ENTERPRISE}`], async () => {
    const row = rowOf(queryId)
    const status = await waitAttribute(row, 'data-status', ['ANSWERED', 'REFUSED'], ANSWER_WAIT)
    const detail = (await textOf(`${row} ${tid('live-query-detail')}`)) || ''
    if (status === 'REFUSED') fail(`the query was refused: ${detail || (await textOf(row))}`)
    if (status === null) fail(`the query is still ${await attribute(row, 'data-status')} after ${ANSWER_WAIT / 1000} s: ${await textOf(row)}${await visibleErrors()}`)
    const tag = await textOf(`${row} ${tid('live-query-status')}`)
    if (tag !== '已应答') fail(`the status tag of the answered query says "${tag}"`)
    const text = (await textOf(row)) || ''
    if (!text.includes(REASON)) fail(`the row does not show the reason ${REASON}: ${text}`)
    if (!text.includes(USER)) fail(`the row does not name ${USER} as the sender: ${text}`)
    return `${tag}${detail ? `: ${detail}` : ''}`
  })

  // 5. Opened: the values.
  await check('5 values', ['4 answered'], async () => {
    const result = `${tid('live-query-result')}[data-id="${queryId}"]`
    const [fetched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && queryApi(queryId).test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(`${tid('live-query-open')}[data-id="${queryId}"]`)
    ])
    if (!fetched) fail(`opening the query asked no GET /api/exchange/queries/${queryId}`)
    if (!fetched.ok()) fail(`GET /api/exchange/queries/${queryId} answered ${fetched.status()}`)
    const state = await waitAttribute(result, 'data-state', ['ready', 'refused', 'unreadable', 'error'], WAIT)
    if (state === null) fail(`the values were not shown within ${WAIT / 1000} s (state "${await attribute(result, 'data-state')}")${await visibleErrors()}`)
    if (state !== 'ready') fail(`the opened query shows "${state}": ${await textOf(result)}`)
    const rows = await valueRows()
    if (rows.length < MIN_VALUES) fail(`the values table has ${rows.length} row(s), expected at least ${MIN_VALUES}`)
    const read = rows.filter((r) => r.hasValue)
    if (!read.length) fail(`none of the ${rows.length} value(s) has a reading: ${rows.slice(0, 5).map((r) => `${r.pointId} "${r.text}"`).join('; ')}`)
    const notNumbers = read.filter((r) => !NUMBER.test(r.text) || !Number.isFinite(Number(r.value)))
    if (notNumbers.length) fail(`values without a number shown: ${notNumbers.slice(0, 5).map((r) => `${r.pointId} "${r.text}"`).join('; ')}`)
    const unmarked = rows.filter((r) => !r.hasValue && (!r.text.startsWith('—') || !r.noReading))
    if (unmarked.length) fail(`rows without a reading not marked "— 无读数": ${unmarked.slice(0, 5).map((r) => `${r.pointId} "${r.text}"`).join('; ')}`)
    const foreign = rows.filter((r) => !String(r.pointId).startsWith(`${ENTERPRISE}:`))
    if (foreign.length) fail(`points of another enterprise listed: ${foreign.slice(0, 5).map((r) => r.pointId).join(', ')}`)
    const readAt = await textOf(tid('live-query-read-at'))
    if (!readAt) fail('the time the values were read is not shown')
    const node = await textOf(tid('live-query-node'))
    await screenshot('result')
    const first = read[0]
    return `${rows.length} row(s), ${read.length} with a reading (e.g. ${first.pointId} = ${first.text}), read at ${readAt}${node ? ` by node ${node}` : ''}`
  })

  // 5b. The page stops asking once the query is answered.
  await check('5b polling stopped', ['5 values'], async () => {
    let polls = 0
    const listener = (request) => {
      if (request.method() === 'GET' && queryApi(queryId).test(request.url())) polls++
    }
    page.on('request', listener)
    try {
      await page.waitForTimeout(QUIET_MS)
    } finally {
      page.off('request', listener)
    }
    if (polls) fail(`the answered query was asked for ${polls} more time(s) within ${QUIET_MS / 1000} s`)
    return `no request for ${QUIET_MS / 1000} s`
  })

  // 6. English once.
  await check('6 English', ['4 answered'], async () => {
    await page.click(`${tid('lang-switch')} ${tid('lang-en')}`)
    try {
      await page.waitForFunction(
        (sel) => (document.querySelector(sel)?.textContent || '').trim() === 'Remote live read',
        tid('access-tab-live'),
        { timeout: 10000, polling: 200 }
      )
    } catch {
      fail(`the English tab label "Remote live read" did not appear (it says "${await textOf(tid('access-tab-live'))}")`)
    }
    const tag = await textOf(`${rowOf(queryId)} ${tid('live-query-status')}`)
    if (tag !== 'Answered') fail(`the status tag says "${tag}" in English`)
    await screenshot('english')
    await page.click(`${tid('lang-switch')} ${tid('lang-zh-CN')}`)
    await page
      .waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === '远程实时调阅', tid('access-tab-live'), { timeout: 10000 })
      .catch(() => null)
    return `tab "Remote live read", status "${tag}"`
  })

  await check('7 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_LIVE_QUERY_ENTERPRISE'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  if (!/^[0-9A-Z]{18}$/.test(ENTERPRISE)) {
    environmentFailure(`HW_LIVE_QUERY_ENTERPRISE must be an 18-character unified social credit code (is "${ENTERPRISE}")`)
    return
  }
  if (!Number.isInteger(MIN_VALUES) || MIN_VALUES < 1) {
    environmentFailure(`HW_LIVE_QUERY_MIN_VALUES must be a whole number of at least 1 (is "${MIN_VALUES_TEXT}")`)
    return
  }
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}; live query for ${ENTERPRISE}${POINTS.length ? ` (points ${POINTS.join(', ')})` : ''}, at least ${MIN_VALUES} value(s)`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
