#!/usr/bin/env node
// End-to-end check of the alarm console (报警控制台) and the alarm settings page (指标管理) of the HazardWatch web UI
// against a running backend, driving Debian's Chromium through playwright-core (no Playwright browser download needed).
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user name                                               (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_ALARM_POINT     id of the point the test harness drives into a HIGH alarm      (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (console, detail, editor, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Protocol with the harness: the script logs in and opens the console; once the console shows that its live stream
// is connected (data-live="connected") it prints the line "[alarm-console] READY" on stdout. The harness then forces
// HW_ALARM_POINT into a HIGH alarm; the script waits up to 30 s for that alarm's row in state UNACKED_ACTIVE to be
// pushed into the open page (the page is not reloaded meanwhile), acknowledges it with a comment, and checks the
// journal and the point's alarm settings.
// Every check is counted; the last line is "[alarm-console] N passed, M failed". Exit code 0 when all passed, else 1.

import {
  URL_BASE,
  CHROMIUM_ARGS,
  createHarness,
  fail,
  launchChromium,
  missingEnvironment,
  newPage,
  tid
} from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const POINT = process.env.HW_ALARM_POINT
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const PUSH_WAIT = 30000 // for the forced alarm to be pushed into the page
const COMMENT = `e2e acknowledgement ${new Date().toISOString()}`

const {
  log,
  attach,
  passedNames,
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
  open,
  clickMenuEntry,
  login,
  noPageErrors
} = createHarness({ tag: 'alarm-console', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

const cssString = (value) => JSON.stringify(String(value))
const pointRow = (state) =>
  `tr${tid('alarm-row')}[data-point-id=${cssString(POINT)}]${state ? `[data-state=${cssString(state)}]` : ''}`
const alarmRow = (id) => `tr${tid('alarm-row')}[data-alarm-id=${cssString(id)}]`

// ---- page helpers ----------------------------------------------------------------------------------------

let page = null

/** Rows of the live list as the page shows them. */
async function liveRows() {
  return page.$$eval(`tr${tid('alarm-row')}`, (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-alarm-id'),
      pointId: r.getAttribute('data-point-id'),
      state: r.getAttribute('data-state'),
      kind: r.getAttribute('data-kind'),
      priority: r.getAttribute('data-priority'),
      annunciated: r.getAttribute('data-annunciated'),
      limit: r.getAttribute('data-limit'),
      acknowledgedBy: r.getAttribute('data-acknowledged-by')
    }))
  )
}

/** GET of an API path with the page's session, from inside the page. */
async function apiGet(apiPath) {
  return page.evaluate(async (p) => {
    const raw = window.sessionStorage.getItem('hazardwatch.session')
    const token = raw ? JSON.parse(raw).token : null
    const response = await fetch(new URL('/api' + p, window.location.origin), {
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store'
    })
    return { status: response.status, body: await response.json().catch(() => null) }
  }, apiPath)
}

// ---- the checks ------------------------------------------------------------------------------------------

// What the checks learn about the pushed alarm.
const pushed = { id: null, kind: null, priority: null, limit: null, viaPoll: false, seenBefore: false }

async function run() {
  // 1. Login.
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. The console opens from the menu and its live stream connects; then the harness is told to raise the alarm.
  await check('2 console live-connected', ['1 login'], async () => {
    await clickMenuEntry('nav-alarm-group', 'nav-alarms', 'the 报警控制台 menu entry')
    await waitVisible(tid('alarm-console'), 'the alarm console')
    const live = await waitAttribute(tid('alarm-console'), 'data-live', ['connected'])
    if (live !== 'connected') {
      fail(`data-live is "${await attribute(tid('alarm-console'), 'data-live')}" after ${WAIT / 1000} s${await visibleErrors()}`)
    }
    await waitVisible(tid('alarm-live-table'), 'the live alarm table')
    return `data-live="connected", ${(await liveRows()).length} open alarm row(s) shown`
  })

  // The list as it was before the harness acts, and a marker that a page reload would wipe out.
  const pollsWithAlarm = [] // safety polls of the open alarms that already contain the alarm (a push or a poll?)
  const onResponse = async (response) => {
    const url = response.url()
    if (!/\/api\/alarms\?/.test(url) || !/state=OPEN/.test(url)) return
    try {
      const body = await response.json()
      const items = Array.isArray(body?.items) ? body.items : []
      if (items.some((a) => a.pointId === POINT && a.state === 'UNACKED_ACTIVE')) pollsWithAlarm.push(Date.now())
    } catch {
      // not JSON: not a list
    }
  }
  let readyAt = Date.now()
  if (passedNames.has('2 console live-connected')) {
    const before = await liveRows()
    pushed.seenBefore = before.some((r) => r.pointId === POINT && r.state === 'UNACKED_ACTIVE')
    await page.evaluate(() => {
      window.__alarmConsoleE2e = true
    })
    page.on('response', onResponse)
    // The harness raises the alarm on this line (printed only once the console's live stream is connected).
    console.log('[alarm-console] READY')
    readyAt = Date.now()
  }

  // 3. The forced alarm is pushed into the open page.
  await check('3 pushed alarm row', ['2 console live-connected'], async () => {
    try {
      await page.waitForSelector(pointRow('UNACKED_ACTIVE'), { state: 'attached', timeout: PUSH_WAIT })
    } catch {
      const rows = (await liveRows()).filter((r) => r.pointId === POINT)
      fail(
        `no UNACKED_ACTIVE row for ${POINT} within ${PUSH_WAIT / 1000} s` +
          (rows.length ? ` (rows of the point: ${rows.map((r) => `#${r.id} ${r.kind} ${r.state}`).join(', ')})` : '') +
          `; console data-live="${await attribute(tid('alarm-console'), 'data-live')}"${await visibleErrors()}`
      )
    }
    const seenAt = Date.now()
    page.off('response', onResponse)
    const marker = await page.evaluate(() => window.__alarmConsoleE2e === true)
    if (!marker) fail('the page was reloaded while waiting for the alarm')
    const rows = (await liveRows()).filter((r) => r.pointId === POINT && r.state === 'UNACKED_ACTIVE')
    // Prefer the HIGH alarm the harness raises; the point may have a second-level one too.
    const row = rows.find((r) => r.kind === 'HIGH') || rows[0]
    Object.assign(pushed, { id: row.id, kind: row.kind, priority: row.priority, limit: row.limit })
    pushed.viaPoll = pollsWithAlarm.some((at) => at <= seenAt)
    if (row.annunciated !== 'true') fail(`the row of alarm #${row.id} is not annunciated (shelved or suppressed)`)
    await screenshot('console')
    const how = pushed.seenBefore
      ? 'row was already listed before READY'
      : pushed.viaPoll
        ? 'a safety poll also brought it'
        : 'pushed by the live stream, no list reload'
    return `alarm #${row.id} ${row.kind} priority ${row.priority} after ${((seenAt - readyAt) / 1000).toFixed(1)} s (${how})`
  })

  // 4. An unacknowledged, annunciated HIGH priority alarm sounds the tone.
  await check('4 sound on', ['3 pushed alarm row'], async () => {
    const sound = await attribute(tid('alarm-console'), 'data-sound')
    if (pushed.priority === 'HIGH') {
      if (sound !== 'on') fail(`data-sound is "${sound}" with the unacknowledged HIGH alarm #${pushed.id} listed`)
      const muted = await attribute(tid('alarm-console'), 'data-muted')
      return `data-sound="on"${muted === 'true' ? ' (muted by the user setting)' : ''}`
    }
    const others = (await liveRows()).filter((r) => r.state === 'UNACKED_ACTIVE' && r.priority === 'HIGH' && r.annunciated === 'true')
    const expected = others.length ? 'on' : 'off'
    if (sound !== expected) fail(`data-sound is "${sound}", expected "${expected}" (alarm #${pushed.id} has priority ${pushed.priority})`)
    return `alarm #${pushed.id} has priority ${pushed.priority} (not HIGH): data-sound="${sound}" as expected`
  })

  // 5. Acknowledge it through the UI with a comment.
  await check('5 acknowledge with comment', ['3 pushed alarm row'], async () => {
    const button = `${tid('alarm-ack')}[data-alarm-id=${cssString(pushed.id)}]`
    await waitVisible(button, `the 确认 button of alarm #${pushed.id}`)
    if (await page.$eval(button, (el) => el.disabled || el.classList.contains('is-disabled'))) {
      fail(`the 确认 button of alarm #${pushed.id} is disabled (row state ${await attribute(alarmRow(pushed.id), 'data-state')})`)
    }
    await page.click(button)
    await waitVisible(`${tid('alarm-ack-popover')}[data-alarm-id=${cssString(pushed.id)}]`, 'the acknowledgement popover')
    await page.fill(tid('alarm-ack-comment'), COMMENT)
    await page.click(tid('alarm-ack-confirm'))
    const state = await waitAttribute(alarmRow(pushed.id), 'data-state', ['ACKED_ACTIVE'], WAIT)
    if (state !== 'ACKED_ACTIVE') {
      const now = await attribute(alarmRow(pushed.id), 'data-state')
      fail(`the row of alarm #${pushed.id} shows ${now === null ? 'no row' : `state ${now}`} after acknowledging${await visibleErrors()}`)
    }
    return `alarm #${pushed.id} acknowledged with comment "${COMMENT}"`
  })

  // 6. The row shows the acknowledgement and who made it.
  await check('6 row acknowledged by user', ['5 acknowledge with comment'], async () => {
    const by = await attribute(alarmRow(pushed.id), 'data-acknowledged-by')
    const cell = await textOf(`${alarmRow(pushed.id)} ${tid('alarm-acked-by')}`)
    if (by !== USER) fail(`acknowledgedBy is "${by}", expected "${USER}"`)
    if (cell !== USER) fail(`the 确认人 cell shows "${cell}", expected "${USER}"`)
    const stateTag = await attribute(`${alarmRow(pushed.id)} ${tid('alarm-state')}`, 'data-state')
    if (stateTag !== 'ACKED_ACTIVE') fail(`the state tag shows ${stateTag}`)
    return `state ACKED_ACTIVE, acknowledged by ${by}`
  })

  // 7. The tone stops once no unacknowledged HIGH alarm is shown (the simulated plant may have others).
  await check('7 sound off when no unacked HIGH alarm remains', ['5 acknowledge with comment'], async () => {
    const others = (await liveRows()).filter((r) => r.state === 'UNACKED_ACTIVE' && r.priority === 'HIGH' && r.annunciated === 'true')
    if (others.length) {
      const sound = await attribute(tid('alarm-console'), 'data-sound')
      if (sound !== 'on') fail(`data-sound is "${sound}" while ${others.length} other unacknowledged HIGH alarm(s) are listed`)
      return `${others.length} other unacknowledged HIGH alarm(s) listed (${others.map((r) => `#${r.id}`).join(', ')}): data-sound stays "on"`
    }
    const sound = await waitAttribute(tid('alarm-console'), 'data-sound', ['off'], 5000)
    if (sound !== 'off') fail(`data-sound is "${await attribute(tid('alarm-console'), 'data-sound')}" with no unacknowledged HIGH alarm listed`)
    return 'no unacknowledged HIGH alarm listed: data-sound="off"'
  })

  // 8. The detail drawer's journal has the activation and the acknowledgement with its comment.
  await check('8 journal', ['5 acknowledge with comment'], async () => {
    const button = `${tid('alarm-detail-open')}[data-alarm-id=${cssString(pushed.id)}]`
    await waitVisible(button, `the 详情 button of alarm #${pushed.id}`)
    await page.click(button)
    await waitVisible(`${tid('alarm-detail')}[data-alarm-id=${cssString(pushed.id)}]`, 'the detail drawer')
    try {
      await page.waitForFunction(
        () => {
          const types = [...document.querySelectorAll('[data-testid="alarm-journal-entry"]')].map((e) => e.getAttribute('data-type'))
          return types.includes('ACTIVATED') && types.includes('ACKNOWLEDGED')
        },
        null,
        { timeout: WAIT, polling: 250 }
      )
    } catch {
      const types = await page.$$eval(tid('alarm-journal-entry'), (list) => list.map((e) => e.getAttribute('data-type')))
      fail(`the journal shows [${types.join(', ')}], expected ACTIVATED and ACKNOWLEDGED${await visibleErrors()}`)
    }
    const entries = await page.$$eval(tid('alarm-journal-entry'), (list) =>
      list.map((e) => ({
        type: e.getAttribute('data-type'),
        actor: e.getAttribute('data-actor'),
        comment: (e.querySelector('[data-testid="alarm-journal-comment"]')?.textContent || '').trim()
      }))
    )
    const ack = entries.find((e) => e.type === 'ACKNOWLEDGED' && e.comment === COMMENT)
    if (!ack) {
      const acks = entries.filter((e) => e.type === 'ACKNOWLEDGED')
      fail(`no ACKNOWLEDGED entry with the comment "${COMMENT}" (acknowledgements: ${acks.map((e) => `${e.actor} "${e.comment}"`).join(', ')})`)
    }
    if (ack.actor !== USER) fail(`the ACKNOWLEDGED entry names "${ack.actor}", expected "${USER}"`)
    await screenshot('detail')
    return `${entries.length} entries: ${entries.map((e) => e.type).join(', ')}; acknowledged by ${ack.actor} with the comment`
  })

  // 9. The detail drawer links to the point's alarm settings.
  await check('9 detail links to the settings editor', ['8 journal'], async () => {
    await page.click(tid('alarm-detail-settings'))
    await waitVisible(`${tid('alarm-definition-editor')}[data-point-id=${cssString(POINT)}]`, `the alarm settings editor of ${POINT}`)
    await page.keyboard.press('Escape')
    try {
      await page.waitForSelector(tid('alarm-definition-editor'), { state: 'hidden', timeout: 10000 })
    } catch {
      fail('the editor did not close on Escape')
    }
    return `editor of ${POINT} opened from the alarm's detail drawer`
  })

  // 10. The settings page lists the point; its editor shows the high limit the server has.
  await check('10 alarm settings editor shows the high limit', ['1 login'], async () => {
    await open('/monitor')
    await clickMenuEntry('nav-alarm-group', 'nav-alarm-settings', 'the 指标管理 menu entry')
    await waitVisible(tid('alarm-settings-table'), 'the alarm settings table')
    await page.fill(tid('alarm-settings-search'), POINT)
    const edit = `${tid('alarm-settings-edit')}[data-point-id=${cssString(POINT)}]`
    await waitVisible(edit, `the settings row of ${POINT}`)
    await page.click(edit)
    const editor = `${tid('alarm-definition-editor')}[data-point-id=${cssString(POINT)}]`
    await waitVisible(editor, `the alarm settings editor of ${POINT}`)
    if ((await waitAttribute(editor, 'data-loaded', ['true'])) !== 'true') fail(`the settings of ${POINT} did not load${await visibleErrors()}`)
    const shown = (await page.inputValue(tid('alarm-def-high-value'))).trim()
    const api = await apiGet(`/points/${encodeURIComponent(POINT)}/alarm-definition`)
    if (api.status !== 200) fail(`GET /api/points/${POINT}/alarm-definition answered ${api.status}`)
    const high = api.body?.settings?.high
    if (!high) {
      if (shown !== '') fail(`the server has no high limit, the editor shows "${shown}"`)
      fail(`${POINT} has no high limit`)
    }
    if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(shown) || Math.abs(Number(shown) - Number(high.value)) > 1e-9 * Math.max(1, Math.abs(high.value))) {
      fail(`the editor shows high "${shown}", the server has ${high.value}`)
    }
    await screenshot('editor')
    const note = pushed.kind === 'HIGH' && pushed.limit !== null
      ? Math.abs(Number(pushed.limit) - Number(high.value)) < 1e-9 ? ', the limit the alarm was raised at' : ` (the alarm was raised at ${pushed.limit})`
      : ''
    return `high limit ${shown}${high.priority ? ` (priority ${high.priority})` : ''}${note}`
  })

  // 11-15. The pages around the console load their data from the real backend. DistributionIT disposed of an alarm
  // with a plan before this script runs, so there is a disposal and a plan to show.
  const pages = [
    ['11 disposals page', 'nav-disposals', '报警处置', 'disposal-row'],
    ['12 KPI page', 'nav-alarm-kpis', '报警绩效', 'kpi-row'],
    ['13 emergency plans page', 'nav-emergency-plans', '应急预案', 'plan-row']
  ]
  for (const [name, nav, what, row] of pages) {
    await check(name, ['1 login'], async () => {
      await open('/monitor')
      await clickMenuEntry('nav-alarm-group', nav, `the ${what} menu entry`)
      await waitVisible(tid(row), `a row of the ${what} page`)
      if (await firstVisible({ error: tid('error-banner') }, 1000)) fail(`the ${what} page shows an error${await visibleErrors()}`)
      const rows = await page.$$(tid(row))
      return `${rows.length} row(s)`
    })
  }
  await check('14 disposal detail with its report', ['11 disposals page'], async () => {
    await open('/monitor')
    await clickMenuEntry('nav-alarm-group', 'nav-disposals', 'the 报警处置 menu entry')
    await waitVisible(tid('disposal-row'), 'a disposal row')
    await page.click(tid('disposal-row'))
    await waitVisible(tid('disposal-timeline'), 'the disposal timeline')
    await waitVisible(tid('disposal-report'), 'the report button')
    const steps = await page.$$(tid('disposal-step'))
    if (steps.length < 2) fail(`the timeline shows ${steps.length} step(s)`)
    await screenshot('disposal')
    return `${steps.length} steps, report button shown`
  })
  await check('15 early warning page', ['1 login'], async () => {
    await open('/early-warning')
    await waitVisible(tid('risk-enterprise'), 'an enterprise risk card')
    await waitVisible(tid('risk-model'), 'the model explanation')
    return `${(await page.$$(tid('risk-enterprise'))).length} enterprise card(s)`
  })

  // 16. No uncaught errors in the page.
  await check('16 no page errors', [], noPageErrors)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_ALARM_POINT'])
  if (missing) {
    environmentFailure(missing)
    return
  }

  // The tone is checked through data-sound; let the page create its audio context without a gesture.
  const browser = await launchChromium([...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'])
  try {
    page = await newPage(browser)
    attach(page)
    log(`opening ${URL_BASE}, alarm point ${POINT}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
