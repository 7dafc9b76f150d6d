#!/usr/bin/env node
// End-to-end check of the data exchange page (数据交换) of the HazardWatch web UI against a running node whose exchange
// links run (feature hazardwatch-exchange; e.g. a node of `./hazardwatch tree`), as an administrator holding
// exchange:administer and alarm:configure (the first `admin`), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language):
//   - opens 数据交换 from the 系统管理 menu; the page shows this node's organisation code (or says it has not enrolled);
//   - 链路与消息: the links table has at least one row (the parent or a child); the message log has at least one
//     ACCEPTED (已接收) or SENT (已发送) message within 30 s (it refreshes every 5 s); when there are older entries,
//     "加载更早的记录" appends older ones;
//   - 下发指令, only with HW_EXPECT_COMMAND_POINT: sends a threshold change through the form for that point (a lower
//     node's point, "<USCC>:<point>"), high limit = HW_EXPECT_COMMAND_HIGH, reason 浏览器测试, and waits up to 60 s until
//     the commands table shows the command as 已生效 (APPLIED); without it a "skipped" line is printed;
//   - switches to English once and checks the page heading "Data exchange", then back to Chinese.
// Nothing is changed on the server unless HW_EXPECT_COMMAND_POINT is given (then the point's high limit at the
// enterprise node).
//
// Environment:
//   HW_URL                   UI address, e.g. http://127.0.0.1:8284/               (default http://127.0.0.1:8181/)
//   HW_USER                  login user name (exchange:administer, alarm:configure)  (required)
//   HW_PASSWORD              login password                                         (required)
//   HW_EXPECT_COMMAND_POINT  optional: point id to send a threshold change for, e.g. 91370281MA3HW2026N:A-T101-LT
//   HW_EXPECT_COMMAND_HIGH   the high limit to send (a number; required with HW_EXPECT_COMMAND_POINT)
//   HW_SCREENSHOT_DIR        optional directory for PNG screenshots (page, commands, failures)
//   CHROMIUM                 Chromium executable                                     (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[exchange-links] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''
const COMMAND_POINT = (process.env.HW_EXPECT_COMMAND_POINT || '').trim()
const COMMAND_HIGH = (process.env.HW_EXPECT_COMMAND_HIGH || '').trim()
const COMMAND_REASON = '浏览器测试'

const WAIT = 30000 // per wait: the backend may be busy
const MESSAGE_WAIT = 30000 // the message log adds new entries every 5 s
const COMMAND_WAIT = 60000 // the command goes down hop by hop, the answer comes back up

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
  clickMenuEntry,
  login,
  noPageErrors
} = createHarness({ tag: 'exchange-links', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []

// The <input> of an el-input / el-input-number by its test id (el-input puts the test id on the <input> itself,
// el-input-number on its wrapper).
const inputOf = (id) => `input${tid(id)}, ${tid(id)} input`
const LINK_ROWS = 'tr[data-testid^="link-row-"]'
const MESSAGE_ROWS = 'tr[data-testid^="message-row-"]'
const DELIVERED_ROWS = `${MESSAGE_ROWS}[data-status="ACCEPTED"], ${MESSAGE_ROWS}[data-status="SENT"]`
const COMMAND_API = /\/api\/exchange\/commands\/threshold(\?|$)/

// ---- page helpers ----------------------------------------------------------------------------------------

/** Waits until the page has loaded the links; fails when this node does not run the exchange or they cannot load. */
async function waitExchangeReady() {
  const state = await waitAttribute(tid('exchange-page'), 'data-state', ['ready', 'unavailable', 'error'])
  if (state === 'unavailable') fail(`the page says this node does not run the data exchange: ${await textOf(tid('exchange-unavailable'))}`)
  if (state === 'error') fail(`the links could not be loaded: ${await textOf(tid('links-error'))}`)
  if (state === null) fail(`the data exchange page did not load within ${WAIT / 1000} s${await visibleErrors()}`)
}

/** The data exchange page, ready (opened by its address when another page is shown). */
async function openExchange() {
  if (!(await page.$(`${tid('exchange-page')}[data-state="ready"]`))) await open('/exchange')
  await waitExchangeReady()
}

/** Shows one tab of the page (links, commands) by clicking its label. */
async function showTab(name) {
  await openExchange()
  await waitVisible(tid(`exchange-tab-${name}`), `the ${name} tab`)
  await page.click(tid(`exchange-tab-${name}`))
  if (name !== 'links') {
    try {
      await page.waitForURL((url) => url.hash.includes(`tab=${name}`), { timeout: 5000 })
    } catch {
      fail(`the address did not follow the ${name} tab: ${page.url()}`)
    }
  }
}

/** The rows of the message log: [{id, status, direction, neighbour, type, tag}]. */
async function messageRows() {
  return page.$$eval(MESSAGE_ROWS, (els) =>
    els.map((el) => ({
      id: Number(el.getAttribute('data-id')),
      status: el.getAttribute('data-status'),
      direction: el.getAttribute('data-direction'),
      neighbour: el.getAttribute('data-neighbour'),
      type: el.getAttribute('data-type'),
      tag: (el.querySelector('[data-testid="message-status"]')?.textContent || '').trim()
    }))
  )
}

/** Visible texts of the command form's errors (field errors and the form's alert), for failure messages. */
async function commandFormErrors() {
  return page.$$eval(`${tid('command-form')} ${tid('command-field-error')}, ${tid('command-form-error')}`, (els) =>
    els.filter((e) => e.getClientRects().length).map((e) => `${e.getAttribute('data-field') || 'form'}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. The page from the 系统管理 menu; this node's organisation code.
  await check('2 menu opens data exchange', ['1 login'], async () => {
    await waitMenuFinal()
    await clickMenuEntry('nav-system-group', 'nav-exchange', 'the 数据交换 menu entry')
    await waitVisible(tid('exchange-page'), 'the data exchange page')
    await waitExchangeReady()
    const label = await textOf(tid('nav-exchange'))
    const title = await textOf(tid('exchange-title'))
    if (title !== '数据交换') fail(`the page heading says "${title}"`)
    const outcome = await firstVisible({ enrolled: tid('exchange-organisation'), notEnrolled: tid('exchange-not-enrolled') })
    const node =
      outcome === 'enrolled'
        ? `organisation ${await textOf(tid('exchange-organisation'))}`
        : outcome === 'notEnrolled'
          ? `NOT ENROLLED: ${await textOf(tid('exchange-not-enrolled'))}`
          : 'no organisation shown'
    return `${new URL(page.url()).hash}${label ? ` (menu entry "${label}")` : ''}, ${node}`
  })

  // 3. The links: at least one row.
  await check('3 links table', ['2 menu opens data exchange'], async () => {
    await showTab('links')
    await waitVisible(tid('links-table'), 'the links table')
    const outcome = await firstVisible({ row: LINK_ROWS, empty: '.links .el-empty', error: tid('links-error') })
    if (outcome === 'error') fail(`the links table shows an error: ${await textOf(tid('links-error'))}`)
    if (outcome === 'empty') fail('the links table is empty (no parent configured, no child has sent)')
    if (outcome === null) fail(`no link rows within ${WAIT / 1000} s${await visibleErrors()}`)
    const rows = await page.$$eval(LINK_ROWS, (els) =>
      els.map((el) => ({
        neighbour: el.getAttribute('data-neighbour'),
        role: el.getAttribute('data-role'),
        connected: el.getAttribute('data-connected'),
        roleTag: (el.querySelector('[data-testid="link-role"]')?.textContent || '').trim(),
        state: (el.querySelector('[data-testid="link-connected"], [data-testid="link-disconnected"]')?.textContent || '').trim()
      }))
    )
    const badRole = rows.filter((r) => (r.role === 'parent' && r.roleTag !== '上级') || (r.role === 'child' && r.roleTag !== '下级'))
    if (badRole.length) fail(`role tags do not match: ${badRole.map((r) => `${r.neighbour} ${r.role} shows "${r.roleTag}"`).join('; ')}`)
    const badState = rows.filter((r) => r.state !== (r.connected === 'true' ? '已连接' : '未连接'))
    if (badState.length) fail(`connection tags do not match: ${badState.map((r) => `${r.neighbour} ${r.connected} shows "${r.state}"`).join('; ')}`)
    await screenshot('links')
    return `${rows.length} link(s): ${rows.map((r) => `${r.neighbour} ${r.roleTag} ${r.state}`).join(', ')}`
  })

  // 4. The message log: an ACCEPTED or SENT message.
  await check('4 message log', ['2 menu opens data exchange'], async () => {
    await showTab('links')
    await waitVisible(tid('message-log'), 'the message log')
    const outcome = await firstVisible({ row: DELIVERED_ROWS, error: tid('message-log-error') }, MESSAGE_WAIT)
    if (outcome === 'error') fail(`the message log shows an error: ${await textOf(tid('message-log-error'))}`)
    const rows = await messageRows()
    if (outcome === null) {
      const statuses = [...new Set(rows.map((r) => r.status))].join(', ') || 'none'
      fail(`no ACCEPTED or SENT message within ${MESSAGE_WAIT / 1000} s (${rows.length} row(s), statuses: ${statuses})${await visibleErrors()}`)
    }
    const delivered = rows.filter((r) => r.status === 'ACCEPTED' || r.status === 'SENT')
    const badTag = delivered.filter((r) => r.tag !== (r.status === 'ACCEPTED' ? '已接收' : '已发送'))
    if (badTag.length) fail(`status tags do not match: ${badTag.slice(0, 5).map((r) => `${r.id} ${r.status} shows "${r.tag}"`).join('; ')}`)
    const ids = rows.map((r) => r.id)
    const unordered = ids.findIndex((id, i) => i > 0 && id >= ids[i - 1])
    if (unordered > 0) fail(`the log is not newest first: id ${ids[unordered]} follows ${ids[unordered - 1]}`)
    const first = delivered[0]
    return `${rows.length} row(s), ${delivered.length} ACCEPTED/SENT, e.g. #${first.id} ${first.direction} ${first.neighbour} ${first.type} ${first.tag}`
  })

  // 4b. Paging backwards, when there are older entries.
  await check('4b load older', ['4 message log'], async () => {
    if (!(await page.isVisible(tid('message-load-older')))) {
      const note = (await textOf(tid('message-shown'))) || ''
      return `skipped: no older entries (${note})`
    }
    const before = await messageRows()
    const smallest = Math.min(...before.map((r) => r.id))
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'GET' && /\/api\/exchange\/messages\?/.test(r.url()) && new URL(r.url()).searchParams.get('before') === String(smallest),
        { timeout: WAIT }
      ),
      page.click(tid('message-load-older'))
    ])
    if (!response.ok()) fail(`GET /api/exchange/messages?before=${smallest} answered ${response.status()}`)
    const grown = await page
      .waitForFunction(
        ([sel, min]) => [...document.querySelectorAll(sel)].some((el) => Number(el.getAttribute('data-id')) < min),
        [MESSAGE_ROWS, smallest],
        { timeout: WAIT, polling: 200 }
      )
      .then(() => true)
      .catch(() => false)
    if (!grown) fail(`no entry older than #${smallest} was added`)
    const after = await messageRows()
    const ids = after.map((r) => r.id)
    if (new Set(ids).size !== ids.length) fail('the log shows an entry twice after loading older ones')
    return `${before.length} -> ${after.length} row(s), oldest now #${Math.min(...ids)}`
  })

  // 5. A threshold change through the form, answered APPLIED.
  if (COMMAND_POINT) {
    await check(`5 threshold change for ${COMMAND_POINT}`, ['2 menu opens data exchange'], async () => {
      await showTab('commands')
      await waitVisible(tid('command-form'), 'the command form')

      // The point: the select filters by what is typed; the option carries the point id.
      await page.click(tid('command-point'))
      await page.keyboard.type(COMMAND_POINT)
      const option = `.el-select-dropdown__item[data-point-id="${COMMAND_POINT}"]`
      try {
        await page.waitForSelector(option, { state: 'visible', timeout: WAIT })
      } catch {
        const offered = await page.$$eval('.el-select-dropdown__item[data-point-id]', (els) => els.map((el) => el.getAttribute('data-point-id')))
        fail(`${COMMAND_POINT} is not offered (${offered.length} point(s) offered${offered.length ? `, e.g. ${offered.slice(0, 5).join(', ')}` : ''})${await visibleErrors()}`)
      }
      await page.click(option)

      await page.click(tid('command-limit-high-set'))
      const mode = await waitAttribute(tid('command-limit-high'), 'data-mode', ['set'], 5000)
      if (mode !== 'set') fail('the high limit did not switch to "设为"')
      await page.fill(inputOf('command-limit-high-value'), COMMAND_HIGH)
      await page.press(inputOf('command-limit-high-value'), 'Tab') // el-input-number takes the value on change
      const shown = await page.inputValue(inputOf('command-limit-high-value'))
      if (Number(shown) !== Number(COMMAND_HIGH)) fail(`the high limit field shows "${shown}", expected ${COMMAND_HIGH}`)
      await page.fill(`textarea${tid('command-reason')}, ${tid('command-reason')} textarea`, COMMAND_REASON)

      const answer = page
        .waitForResponse((r) => r.request().method() === 'POST' && COMMAND_API.test(r.url()), { timeout: WAIT })
        .catch(() => null)
      await page.click(tid('command-submit'))
      const response = await answer
      if (!response) fail(`no POST /api/exchange/commands/threshold within ${WAIT / 1000} s: ${(await commandFormErrors()).join(' | ') || 'no form error shown'}`)
      if (response.status() !== 202) {
        await page.waitForTimeout(500)
        fail(`POST /api/exchange/commands/threshold answered ${response.status()}: ${(await commandFormErrors()).join(' | ')}`)
      }
      const command = (await response.json().catch(() => null)) || {}
      if (!command.id) fail('the answer names no command id')
      let sentLimits = null
      try {
        sentLimits = JSON.parse(response.request().postData() || '{}').limits
      } catch {
        sentLimits = null
      }
      if (!sentLimits || Number(sentLimits.high) !== Number(COMMAND_HIGH) || Object.keys(sentLimits).length !== 1) {
        fail(`the form sent limits ${JSON.stringify(sentLimits)}, expected {"high":${COMMAND_HIGH}}`)
      }

      const row = `tr${tid(`command-row-${command.id}`)}`
      await waitVisible(row, `the row of command ${command.id}`)
      const pointShown = await attribute(row, 'data-point-id')
      if (pointShown !== COMMAND_POINT) fail(`the row of command ${command.id} names point ${pointShown}`)
      const status = await waitAttribute(row, 'data-status', ['APPLIED', 'REFUSED'], COMMAND_WAIT)
      const text = (await textOf(row)) || ''
      if (status === 'REFUSED') fail(`the command was refused: ${(await textOf(`${row} ${tid('command-detail')}`)) || text}`)
      if (status === null) fail(`the command is still ${await attribute(row, 'data-status')} after ${COMMAND_WAIT / 1000} s: ${text}`)
      const tag = await textOf(`${row} ${tid('command-status')}`)
      if (tag !== '已生效') fail(`the status tag of the applied command says "${tag}"`)
      if (!text.includes(COMMAND_REASON)) fail(`the row does not show the reason ${COMMAND_REASON}: ${text}`)
      await screenshot('command')
      const detail = await textOf(`${row} ${tid('command-detail')}`)
      return `command ${command.id}: high -> ${COMMAND_HIGH}, ${tag}${detail ? ` (${detail})` : ''}`
    })
  } else {
    log('skipped 5 threshold change: HW_EXPECT_COMMAND_POINT is not set')
  }

  // 6. English once.
  await check('6 English', ['2 menu opens data exchange'], async () => {
    await openExchange()
    await page.click(`${tid('lang-switch')} ${tid('lang-en')}`)
    try {
      await page.waitForFunction(
        (sel) => (document.querySelector(sel)?.textContent || '').trim() === 'Data exchange',
        tid('exchange-title'),
        { timeout: 10000, polling: 200 }
      )
    } catch {
      fail(`the English heading "Data exchange" did not appear (the heading says "${await textOf(tid('exchange-title'))}")`)
    }
    const tabLabel = await textOf(tid('exchange-tab-links'))
    if (tabLabel !== 'Links and messages') fail(`the links tab says "${tabLabel}" in English`)
    await screenshot('english')
    await page.click(`${tid('lang-switch')} ${tid('lang-zh-CN')}`)
    await page
      .waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === '数据交换', tid('exchange-title'), { timeout: 10000 })
      .catch(() => null)
    return `heading "Data exchange", tab "${tabLabel}"`
  })

  await check('7 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  if (COMMAND_POINT && !(COMMAND_HIGH !== '' && Number.isFinite(Number(COMMAND_HIGH)))) {
    environmentFailure(`HW_EXPECT_COMMAND_HIGH must be a number with HW_EXPECT_COMMAND_POINT (is "${COMMAND_HIGH}")`)
    return
  }
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}${COMMAND_POINT ? `; threshold change for ${COMMAND_POINT}, high ${COMMAND_HIGH}` : ''}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
