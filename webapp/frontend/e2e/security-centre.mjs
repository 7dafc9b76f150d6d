#!/usr/bin/env node
// End-to-end check of the security centre page (安全中心) of the HazardWatch web UI against a running backend that runs
// the security centre (the national node's SM2 certificate authority), as an administrator with national scope holding
// exchange:administer (the first `admin`), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language):
//   - opens 安全中心 from the 系统管理 menu; the authority card shows the root certificate's subject and serial;
//   - 节点: the node of organisation 370281 is listed as online (a heartbeat within 3 minutes);
//   - 证书: certificates are listed; those of 370281 include a REVOKED and an ACTIVE one;
//   - 接入令牌: the creation form with an empty organisation code shows a field error and sends nothing; a token for
//     370211, role county (县级), 2 hours is shown once in its dialog, and after closing it the list has its row.
// The backend is expected to have an enrolled node 370281 that sends heartbeats, a revoked and an active certificate
// of 370281 and some enrolment tokens. Every run creates one more token for 370211 (never used; it expires in 2 h).
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user name (national scope, exchange:administer)          (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (page, token dialog, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[security-centre] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const NODE_REFRESH_WAIT = 40000 // the nodes table refreshes every 30 s

const NODE_ORG = '370281' // enrolled node with heartbeats, a revoked and an active certificate
const TOKEN_ORG = '370211' // the token created by this script
const TOKEN_ROLE = 'county'
const TOKEN_ROLE_LABEL = '县级'
const TOKEN_HOURS = 2

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
} = createHarness({ tag: 'security-centre', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []

// The <input> of an el-input / el-input-number by its test id (el-input puts the test id on the <input> itself,
// el-input-number on its wrapper).
const inputOf = (id) => `input${tid(id)}, ${tid(id)} input`
const TOKENS_API = /\/api\/exchange\/tokens(\?|$)/

// ---- page helpers ----------------------------------------------------------------------------------------

/** Waits until the page knows whether this node runs the security centre; fails unless it does. */
async function waitCentreReady() {
  const state = await waitAttribute(tid('security-centre-page'), 'data-state', ['ready', 'unavailable'])
  if (state === 'unavailable') fail(`the page says this node does not run the security centre: ${await textOf(tid('sc-unavailable'))}`)
  if (state === null) fail(`the security centre page did not load within ${WAIT / 1000} s${await visibleErrors()}`)
}

/** The security centre page, ready (opened by its address when another page is shown). */
async function openCentre() {
  if (!(await page.$(`${tid('security-centre-page')}[data-state="ready"]`))) await open('/security-centre')
  await waitCentreReady()
}

/** Shows one tab of the page (nodes, certificates, tokens) by clicking its label. */
async function showTab(name) {
  await openCentre()
  const outcome = await firstVisible({ tabs: tid('sc-tabs'), nationalOnly: tid('sc-national-only') })
  if (outcome === 'nationalOnly') fail(`the page says the security centre needs national scope: ${await textOf(tid('sc-national-only'))}`)
  if (outcome === null) fail(`the tabs did not appear within ${WAIT / 1000} s${await visibleErrors()}`)
  await page.click(tid(`sc-tab-${name}`))
  if (name !== 'nodes') {
    try {
      await page.waitForURL((url) => url.hash.includes(`tab=${name}`), { timeout: 5000 })
    } catch {
      fail(`the address did not follow the ${name} tab: ${page.url()}`)
    }
  }
}

/** Closes any open dialog (its close button, else Escape), so that a failed check does not block the next ones. */
async function closeDialogs() {
  for (let i = 0; i < 3; i++) {
    const open = await page.evaluate(() =>
      [...document.querySelectorAll('.el-overlay-dialog, .el-overlay')].some((el) => el.getClientRects().length > 0)
    )
    if (!open) return
    const close = await page.$(`${tid('sc-token-close')}, ${tid('sc-revoke-cancel')}`)
    if (close && (await close.isVisible())) await close.click().catch(() => {})
    else await page.keyboard.press('Escape')
    await page.waitForTimeout(400)
  }
}

/** The rows of the token list: [{id, organisation, state}]. */
async function tokenRows() {
  return page.$$eval('tr[data-testid^="sc-token-row-"]', (els) =>
    els.map((el) => ({ id: el.getAttribute('data-id'), organisation: el.getAttribute('data-organisation'), state: el.getAttribute('data-state') }))
  )
}

/** Waits until the token list has loaded (rows, or its empty notice); fails on its error. */
async function waitTokensLoaded() {
  const outcome = await firstVisible({
    row: 'tr[data-testid^="sc-token-row-"]',
    empty: '.tokens .el-empty',
    error: tid('sc-tokens-error')
  })
  if (outcome === 'error') fail(`the token list shows an error: ${await textOf(tid('sc-tokens-error'))}`)
  if (outcome === null) fail(`the token list did not load within ${WAIT / 1000} s${await visibleErrors()}`)
}

/** Visible texts of the token form's errors (field errors and the form's alert), for failure messages. */
async function tokenFormErrors() {
  return page.$$eval(`${tid('sc-token-form')} ${tid('sc-field-error')}, ${tid('sc-token-form-error')}`, (els) =>
    els.filter((e) => e.getClientRects().length).map((e) => `${e.getAttribute('data-field') || 'form'}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. The page from the 系统管理 menu; the authority certificate.
  await check('2a menu opens security centre', ['1 login'], async () => {
    await waitMenuFinal()
    await clickMenuEntry('nav-system-group', 'nav-security-centre', 'the 安全中心 menu entry')
    await waitVisible(tid('security-centre-page'), 'the security centre page')
    await waitCentreReady()
    const label = await textOf(tid('nav-security-centre'))
    return `${new URL(page.url()).hash}${label ? ` (menu entry "${label}")` : ''}`
  })

  await check('2b authority certificate', ['1 login'], async () => {
    await openCentre()
    const outcome = await firstVisible({
      subject: tid('sc-authority-subject'),
      error: tid('sc-authority-error'),
      unparsed: tid('sc-authority-unparsed')
    })
    if (outcome === 'error') fail(`the authority card shows an error: ${await textOf(tid('sc-authority-error'))}`)
    if (outcome === 'unparsed') fail('the page could not read the authority certificate')
    if (outcome === null) fail(`the authority certificate did not appear within ${WAIT / 1000} s${await visibleErrors()}`)
    const subject = (await textOf(tid('sc-authority-subject'))) || ''
    const serial = (await textOf(tid('sc-authority-serial'))) || ''
    const dataSerial = (await attribute(tid('sc-authority'), 'data-serial')) || ''
    if (!subject || subject === '—' || subject === '-') fail(`the authority shows no subject ("${subject}")`)
    if (!serial) fail('the authority shows no serial')
    if (dataSerial && dataSerial !== serial) fail(`the card's data-serial "${dataSerial}" differs from the serial shown "${serial}"`)
    await screenshot('authority')
    return `subject "${subject}", serial ${serial}`
  })

  // 3. Nodes: 370281 is online.
  await check(`3 node ${NODE_ORG} online`, ['2b authority certificate'], async () => {
    await showTab('nodes')
    const row = `tr${tid(`sc-node-row-${NODE_ORG}`)}`
    const outcome = await firstVisible({ row, error: tid('sc-nodes-error') })
    if (outcome === 'error') fail(`the nodes table shows an error: ${await textOf(tid('sc-nodes-error'))}`)
    if (outcome === null) {
      const listed = await page.$$eval('tr[data-testid^="sc-node-row-"]', (els) => els.map((el) => el.getAttribute('data-organisation')))
      fail(`no row for ${NODE_ORG} within ${WAIT / 1000} s (listed: ${listed.join(', ') || 'none'})${await visibleErrors()}`)
    }
    // A heartbeat may just be due: the table refreshes every 30 s.
    const online = await waitAttribute(row, 'data-online', ['true'], NODE_REFRESH_WAIT)
    const text = (await textOf(row)) || ''
    if (online !== 'true') fail(`the row of ${NODE_ORG} says offline after ${NODE_REFRESH_WAIT / 1000} s: ${text}`)
    if (!(await page.$(`${row} ${tid('sc-node-online')}`))) fail(`the row of ${NODE_ORG} has no online tag: ${text}`)
    const tag = await textOf(`${row} ${tid('sc-node-online')}`)
    if (tag !== '在线') fail(`the online tag says "${tag}"`)
    const lastSeen = await textOf(`${row} ${tid('sc-node-last-seen')}`)
    const role = await attribute(row, 'data-role')
    const count = await textOf(tid('sc-nodes-count'))
    return `${NODE_ORG} (${role || 'no role'}) ${tag}, last heartbeat ${lastSeen || '(none shown)'}; ${count}`
  })

  // 4. Certificates: rows; 370281 has a revoked and an active one.
  await check(`4 certificates of ${NODE_ORG}`, ['2b authority certificate'], async () => {
    await showTab('certificates')
    const anyRow = 'tr[data-testid^="sc-cert-row-"]'
    const outcome = await firstVisible({ row: anyRow, empty: '.certificates .el-empty', error: tid('sc-certificates-error') })
    if (outcome === 'error') fail(`the certificates table shows an error: ${await textOf(tid('sc-certificates-error'))}`)
    if (outcome === 'empty') fail('the certificates table is empty')
    if (outcome === null) fail(`no certificate rows within ${WAIT / 1000} s${await visibleErrors()}`)
    const total = (await page.$$(anyRow)).length

    // Only 370281's (filtered by the server), all statuses.
    await page.fill(inputOf('sc-cert-filter'), NODE_ORG)
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'GET' && /\/api\/exchange\/certificates\?/.test(r.url()) && new URL(r.url()).searchParams.get('organisation') === NODE_ORG,
        { timeout: WAIT }
      ),
      page.click(tid('sc-cert-search'))
    ])
    if (!response.ok()) fail(`GET /api/exchange/certificates?organisation=${NODE_ORG} answered ${response.status()}`)
    await page.waitForFunction(
      (org) => {
        const rows = [...document.querySelectorAll('tr[data-testid^="sc-cert-row-"]')]
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-organisation') === org)
      },
      NODE_ORG,
      { timeout: WAIT, polling: 200 }
    ).catch(() => null)
    const rows = await page.$$eval(anyRow, (els) =>
      els.map((el) => ({
        serial: el.getAttribute('data-serial'),
        organisation: el.getAttribute('data-organisation'),
        status: el.getAttribute('data-status'),
        tag: (el.querySelector('[data-testid="sc-cert-status"]')?.textContent || '').trim(),
        revocable: !!el.querySelector('[data-testid^="sc-revoke-"]')
      }))
    )
    const others = rows.filter((r) => r.organisation !== NODE_ORG)
    if (others.length) fail(`the filter for ${NODE_ORG} shows ${others.length} row(s) of ${[...new Set(others.map((r) => r.organisation))].join(', ')}`)
    const revoked = rows.filter((r) => r.status === 'REVOKED')
    const active = rows.filter((r) => r.status === 'ACTIVE')
    const statuses = rows.map((r) => r.status).join(', ') || 'none'
    if (!revoked.length) fail(`no REVOKED certificate of ${NODE_ORG} among ${rows.length} (statuses: ${statuses})`)
    if (!active.length) fail(`no ACTIVE certificate of ${NODE_ORG} among ${rows.length} (statuses: ${statuses})`)
    const badTag = [...revoked.filter((r) => r.tag !== '已吊销'), ...active.filter((r) => r.tag !== '有效')]
    if (badTag.length) fail(`status tags do not match: ${badTag.map((r) => `${r.serial} ${r.status} shows "${r.tag}"`).join('; ')}`)
    const wrongButton = [...revoked.filter((r) => r.revocable), ...active.filter((r) => !r.revocable)]
    if (wrongButton.length) fail(`revoke buttons do not match the status: ${wrongButton.map((r) => `${r.serial} ${r.status}`).join('; ')}`)
    const reasons = await page.$$(`tr[data-testid^="sc-cert-row-"][data-status="REVOKED"] ${tid('sc-cert-reason')}`)
    return `${total} certificate(s) listed; ${NODE_ORG}: ${rows.length}, ${active.length} ACTIVE (e.g. ${active[0].serial}), ${revoked.length} REVOKED (e.g. ${revoked[0].serial}, ${reasons.length} with a reason)`
  })

  // 5. Tokens: an empty organisation code is refused by the form, nothing is sent.
  await check('5 empty organisation code refused', ['2b authority certificate'], async () => {
    await showTab('tokens')
    await waitVisible(tid('sc-token-form'), 'the token creation form')
    await waitTokensLoaded()
    const before = (await tokenRows()).length
    const sent = []
    const onRequest = (req) => {
      if (req.method() === 'POST' && TOKENS_API.test(req.url())) sent.push(req.url())
    }
    page.on('request', onRequest)
    try {
      await page.fill(inputOf('sc-token-organisation'), '')
      await page.click(tid('sc-token-submit'))
      const error = `${tid('sc-token-form')} ${tid('sc-field-error')}[data-field="organisationCode"]`
      await waitVisible(error, 'the field error of the empty organisation code')
      const message = await textOf(error)
      if (!message) fail('the field error of the organisation code is empty')
      await page.waitForTimeout(1000)
      if (sent.length) fail(`the form was sent (${sent.length} POST /api/exchange/tokens)`)
      if (await page.$(tid('sc-token-dialog'))) {
        if (await page.isVisible(tid('sc-token-dialog'))) fail('a token dialog opened')
      }
      const after = (await tokenRows()).length
      if (after !== before) fail(`the token list has ${after} row(s) now, ${before} before`)
      return `"${message}", no request sent, still ${after} token(s)`
    } finally {
      page.off('request', onRequest)
    }
  })

  // 6. A token for 370211, county, 2 hours: shown once; then listed.
  await check(`6 create token for ${TOKEN_ORG}`, ['2b authority certificate'], async () => {
    await showTab('tokens')
    await waitVisible(tid('sc-token-form'), 'the token creation form')
    await waitTokensLoaded()
    const before = (await tokenRows()).filter((r) => r.organisation === TOKEN_ORG).map((r) => r.id)

    await page.fill(inputOf('sc-token-organisation'), TOKEN_ORG)
    await page.click(tid('sc-token-role'))
    const option = `.el-select-dropdown__item[data-role="${TOKEN_ROLE}"]`
    await waitVisible(option, `the role ${TOKEN_ROLE} among the roles offered`)
    await page.click(option)
    await page.fill(inputOf('sc-token-hours'), String(TOKEN_HOURS))
    await page.press(inputOf('sc-token-hours'), 'Tab') // el-input-number takes the value on change
    const hours = await page.inputValue(inputOf('sc-token-hours'))
    if (Number(hours) !== TOKEN_HOURS) fail(`the hours field shows "${hours}", expected ${TOKEN_HOURS}`)
    const code = await page.inputValue(inputOf('sc-token-organisation'))
    if (code !== TOKEN_ORG) fail(`the organisation code field shows "${code}"`)
    // The field errors of the former check go once each field is validated with its new value.
    const cleared = await page
      .waitForFunction(
        (sel) => ![...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0),
        `${tid('sc-token-form')} ${tid('sc-field-error')}`,
        { timeout: 5000, polling: 200 }
      )
      .then(() => true)
      .catch(() => false)
    if (!cleared) fail(`the form still shows errors before sending: ${(await tokenFormErrors()).join(' | ')}`)

    const answer = page
      .waitForResponse((r) => r.request().method() === 'POST' && TOKENS_API.test(r.url()), { timeout: WAIT })
      .catch(() => null)
    await page.click(tid('sc-token-submit'))
    const outcome = await firstVisible({
      value: inputOf('sc-token-value'),
      error: tid('sc-token-form-error'),
      field: `${tid('sc-token-form')} ${tid('sc-field-error')}`
    })
    if (outcome === 'error' || outcome === 'field') fail(`creating the token was refused: ${(await tokenFormErrors()).join(' | ')}`)
    if (outcome === null) fail(`the token dialog did not appear within ${WAIT / 1000} s${await visibleErrors()}`)
    const response = await answer
    let details = null
    if (response) {
      if (response.status() !== 201 && response.status() !== 200) fail(`POST /api/exchange/tokens answered ${response.status()}`)
      details = ((await response.json().catch(() => null)) || {}).details || null
    }

    const token = await page.inputValue(inputOf('sc-token-value'))
    if (!token || !token.trim()) fail('the dialog shows an empty token')
    const dialog = (await textOf(tid('sc-token-dialog'))) || ''
    if (!dialog.includes(TOKEN_ORG)) fail(`the dialog does not name ${TOKEN_ORG}: ${dialog.slice(0, 200)}`)
    if (!dialog.includes(TOKEN_ROLE_LABEL)) fail(`the dialog does not name the role ${TOKEN_ROLE_LABEL}: ${dialog.slice(0, 200)}`)
    if (!(await page.$(tid('sc-token-once')))) fail('the dialog does not say the token is shown only once')
    let validity = ''
    if (details && details.expiresAt && details.createdAt) {
      const ms = Date.parse(details.expiresAt) - Date.parse(details.createdAt)
      if (Number.isFinite(ms)) {
        if (Math.abs(ms - TOKEN_HOURS * 3600000) > 120000) fail(`the token is valid ${(ms / 3600000).toFixed(2)} h, expected ${TOKEN_HOURS} h`)
        validity = `, valid ${TOKEN_HOURS} h`
      }
    }
    await screenshot('token-dialog')

    await page.click(tid('sc-token-close'))
    try {
      await page.waitForSelector(inputOf('sc-token-value'), { state: 'hidden', timeout: WAIT })
    } catch {
      fail('the token dialog did not close')
    }

    // The new row: by the id the server answered, else a row of 370211 that was not there before.
    const id = details && details.id !== undefined && details.id !== null ? String(details.id) : null
    let row = null
    if (id) {
      row = `tr${tid(`sc-token-row-${id}`)}`
      await waitVisible(row, `the row of token ${id}`)
      const org = await attribute(row, 'data-organisation')
      if (org !== TOKEN_ORG) fail(`the row of token ${id} shows organisation ${org}`)
    } else {
      const found = await page
        .waitForFunction(
          ([org, known]) => {
            const el = [...document.querySelectorAll('tr[data-testid^="sc-token-row-"]')].find(
              (r) => r.getAttribute('data-organisation') === org && !known.includes(r.getAttribute('data-id'))
            )
            return el ? el.getAttribute('data-id') : null
          },
          [TOKEN_ORG, before],
          { timeout: WAIT, polling: 250 }
        )
        .then((h) => h.jsonValue())
        .catch(() => null)
      if (!found) fail(`no new row for ${TOKEN_ORG} in the token list within ${WAIT / 1000} s (${before.length} before)`)
      row = `tr${tid(`sc-token-row-${found}`)}`
    }
    const state = await attribute(row, 'data-state')
    const text = (await textOf(row)) || ''
    if (state !== 'VALID') fail(`the new token's row says ${state}: ${text}`)
    if (!text.includes(TOKEN_ROLE_LABEL)) fail(`the new token's row does not show the role ${TOKEN_ROLE_LABEL}: ${text}`)
    const listText = (await textOf(tid('sc-tokens'))) || ''
    if (listText.includes(token)) fail('the token list shows the token value')
    const after = (await tokenRows()).filter((r) => r.organisation === TOKEN_ORG).length
    return `token of ${token.length} characters${validity}; the list has ${after} row(s) of ${TOKEN_ORG} (${before.length} before): ${text.slice(0, 100)}`
  })
  await closeDialogs()

  await check('7 no page errors', [], noPageErrors)
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
