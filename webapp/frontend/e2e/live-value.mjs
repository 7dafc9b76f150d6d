#!/usr/bin/env node
// End-to-end check of the HazardWatch web UI against a running backend, driving Debian's Chromium
// through playwright-core (no Playwright browser download needed).
//
// Environment:
//   HW_URL         UI address, e.g. http://127.0.0.1:8181/          (default http://127.0.0.1:8181/)
//   HW_USER        login user name                                    (required)
//   HW_PASSWORD    login password                                     (required)
//   HW_POINT       id of a point shown on the live monitoring page    (required)
//   HW_SCREENSHOT  optional PNG path for a screenshot at the end
//   CHROMIUM       Chromium executable                                (default /usr/bin/chromium)
//
// Exit code 0 on success, 1 on failure (with the reason on stderr).

import {
  URL_BASE as URL,
  CheckFailure,
  createHarness,
  fail,
  launchChromium,
  missingEnvironment,
  newPage,
  submitLogin
} from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const POINT = process.env.HW_POINT
const SCREENSHOT = process.env.HW_SCREENSHOT || ''

const REFRESH_MS = 2000 // the monitor page polls every 2 s
const NUMBER = /^-?\d+(\.\d+)?$/

// One check: the lines of its steps, then "live-value: 1 passed, 0 failed" (or the reason and "0 passed, 1 failed").
// Texts are only trimmed, white space inside is kept.
const { log, attach, pageErrors, textOf } = createHarness({ tag: 'live-value', collapseWhitespace: false })

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_POINT'])
  if (missing) fail(missing)

  const valueSelector = `[data-testid="point-value-${POINT}"]`

  const browser = await launchChromium()
  try {
    const page = await newPage(browser)
    attach(page, { defaultTimeout: null, fullPageErrors: true })

    // 1. Login page, in Chinese by default.
    log(`opening ${URL}`)
    try {
      await page.goto(URL, { waitUntil: 'domcontentloaded', timeout: 30000 })
    } catch (err) {
      fail(`cannot open ${URL}: ${err.message.split('\n')[0]}`)
    }
    try {
      await page.waitForSelector('[data-testid="login-username"]', { timeout: 30000 })
    } catch {
      fail(`login form did not appear at ${page.url()}${pageErrors.length ? ` (page errors: ${pageErrors.join(' | ')})` : ''}`)
    }
    const loginText = (await page.textContent('body')) || ''
    if (!loginText.includes('登录')) fail('login page is not in Chinese: text "登录" not found')
    log('login page shown in Chinese')

    // 2. A wrong password is refused with a Chinese message, then the right one logs in.
    await submitLogin(page, USER, PASSWORD + '-wrong')
    try {
      await page.waitForSelector('[data-testid="login-error"]', { timeout: 15000 })
    } catch {
      fail('a wrong password did not show a login error')
    }
    const refusal = await textOf('[data-testid="login-error"]')
    if (!refusal.includes('用户名或密码错误')) fail(`wrong-password message is not the Chinese one: "${refusal}"`)
    log(`wrong password refused: ${refusal}`)
    await submitLogin(page, USER, PASSWORD)
    const outcome = await Promise.race([
      page.waitForSelector('[data-testid="logout"]', { timeout: 30000 }).then(() => 'ok', () => 'timeout'),
      page.waitForSelector('[data-testid="login-error"]', { timeout: 30000 }).then(() => 'error', () => 'timeout')
    ])
    if (outcome === 'error') {
      fail(`login rejected: ${await textOf('[data-testid="login-error"]')}`)
    }
    if (outcome === 'timeout') fail('no response to the login within 30 s')
    log(`logged in as ${USER}`)

    // 3. Wait for the point's live value.
    try {
      await page.waitForFunction(
        ({ selector, pattern }) => {
          const el = document.querySelector(selector)
          return !!el && new RegExp(pattern).test(el.textContent.trim())
        },
        { selector: valueSelector, pattern: NUMBER.source },
        { timeout: 30000, polling: 250 }
      )
    } catch {
      const present = await page.$(`[data-testid="point-${POINT}"]`)
      const banner = await textOf('[data-testid="error-banner"]')
      fail(present
        ? `point ${POINT} shows no numeric value after 30 s (shown: "${await textOf(valueSelector)}")${banner ? `; error banner: ${banner}` : ''}`
        : `point ${POINT} is not on the monitoring page after 30 s${banner ? `; error banner: ${banner}` : ''}`)
    }
    const first = await textOf(valueSelector)
    log(`point ${POINT} value: ${first}`)

    // 4. Wait until the value changes, or until two refreshes went by.
    const refreshSelector = '[data-testid="last-refresh"]'
    let lastRefresh = await textOf(refreshSelector)
    let refreshes = 0
    let latest = first
    const deadline = Date.now() + REFRESH_MS * 2 + 8000
    while (Date.now() < deadline) {
      await page.waitForTimeout(250)
      latest = await textOf(valueSelector)
      if (latest !== null && !NUMBER.test(latest)) fail(`value of ${POINT} became non-numeric: "${latest}"`)
      if (latest !== first) break
      const refreshText = await textOf(refreshSelector)
      if (refreshText !== lastRefresh) {
        lastRefresh = refreshText
        refreshes++
        if (refreshes >= 2) break
      }
    }
    if (latest !== first) {
      log(`point ${POINT} value changed: ${first} -> ${latest}`)
    } else if (refreshes >= 2) {
      log(`point ${POINT} value unchanged after ${refreshes} refreshes: ${latest}`)
    } else {
      fail(`the monitoring page did not refresh within ${Math.round((REFRESH_MS * 2 + 8000) / 1000)} s (last refresh: ${lastRefresh})`)
    }

    // 5. Grade the calculator's example inventory (氯 12.5 t + 氨 80 t, 60 people):
    //    S = 12.5/5 + 80/10 = 10.5; R = 1.5 x (4 x 2.5 + 2 x 8) = 39 -> 三级.
    await page.goto(URL.replace(/#.*$/, '') + '#/grading')
    await page.waitForSelector('[data-testid="grading-calculate"]', { timeout: 15000 })
    await page.click('[data-testid="grading-calculate"]')
    try {
      await page.waitForSelector('[data-testid="grading-grade"]', { timeout: 15000 })
    } catch {
      fail(`no grade shown: ${await textOf('[data-testid="grading-error"]')}`)
    }
    const grade = await textOf('[data-testid="grading-grade"]')
    if (!grade.includes('三级')) fail(`expected grade 三级, saw "${grade}"`)
    log(`grading calculator: ${grade}`)
    // The enterprise page shows the division tree (provinces from the database).
    await page.goto(URL.replace(/#.*$/, '') + '#/enterprises')
    try {
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="region-tree"]')?.textContent || '').includes('山东省'),
        null, { timeout: 15000 })
    } catch {
      fail('the region tree on the enterprise page does not show 山东省')
    }
    log(`enterprise page: ${await textOf('[data-testid="enterprise-total"]')}`)
    await page.goto(URL.replace(/#.*$/, '') + '#/monitor')
    await page.waitForSelector(`[data-testid="point-value-${POINT}"]`, { timeout: 15000 })

    // 6. Switch to English.
    await page.click('[data-testid="lang-switch"] [data-testid="lang-en"]')
    try {
      await page.waitForFunction(
        () => {
          const nav = document.querySelector('[data-testid="nav-monitor"]')
          return !!nav && nav.textContent.includes('Live monitoring')
        },
        null,
        { timeout: 10000 }
      )
    } catch {
      fail(`English nav label "Live monitoring" did not appear (nav shows "${await textOf('[data-testid="nav-monitor"]')}")`)
    }
    log('language switched to English')

    if (SCREENSHOT) {
      await page.screenshot({ path: SCREENSHOT, fullPage: true })
      log(`screenshot written to ${SCREENSHOT}`)
    }
    if (pageErrors.length) log(`note: page reported errors: ${pageErrors.join(' | ')}`)

    console.log(`HW_POINT ${POINT} = ${latest}`)
  } finally {
    await browser.close().catch(() => {})
  }
}

try {
  await main()
  console.log('live-value: 1 passed, 0 failed')
  process.exit(0)
} catch (err) {
  const reason = err instanceof CheckFailure ? err.message : (err && err.stack) || String(err)
  console.error(`[live-value] FAILED: ${reason}`)
  console.log('live-value: 0 passed, 1 failed')
  process.exit(1)
}
