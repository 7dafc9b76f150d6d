#!/usr/bin/env node
// End-to-end check of the active/standby banner on the data acquisition page (数据采集) of a node of an active/standby
// pair, driving Debian's Chromium through playwright-core.
//
// Environment:
//   HW_URL       UI address, e.g. http://127.0.0.1:8181/   (default http://127.0.0.1:8181/)
//   HW_USER      login user name                          (required)
//   HW_PASSWORD  login password                           (required)
//   HW_ROLE      the role the page must show: active or standby (required)
//   CHROMIUM     Chromium executable                      (default /usr/bin/chromium)
//
// The last line is "[failover-role] passed" or "[failover-role] FAILED: why"; exit code 0 or 1.

import { APP, launchChromium, logger, newPage, submitLogin } from './lib/harness.mjs'

const { HW_USER: USER, HW_PASSWORD: PASSWORD, HW_ROLE: ROLE } = process.env
const EXPECTED_TEXT = { active: '本节点为主采集节点', standby: '本节点为备用采集节点' }
const log = logger('failover-role')

// Stops at the first failure.
function fail(message) {
  log(`FAILED: ${message}`)
  process.exit(1)
}

async function main() {
  if (!USER || !PASSWORD || !EXPECTED_TEXT[ROLE]) fail('set HW_USER, HW_PASSWORD and HW_ROLE (active or standby)')
  const browser = await launchChromium(['--headless', '--no-sandbox', '--disable-gpu'])
  try {
    const page = await newPage(browser)
    await page.goto(APP, { waitUntil: 'domcontentloaded', timeout: 30000 })
    await page.waitForSelector('[data-testid="login-username"]', { timeout: 30000 })
    await submitLogin(page, USER, PASSWORD)
    await page.waitForSelector('[data-testid="logout"]', { timeout: 30000 })
    await page.goto(`${APP}#/adapters`, { waitUntil: 'domcontentloaded', timeout: 30000 })
    try {
      await page.waitForSelector(`[data-testid="failover-role"][data-role="${ROLE}"]`, { timeout: 30000 })
    } catch {
      const shown = await page.$('[data-testid="failover-role"]')
      fail(shown ? `the banner shows role "${await shown.getAttribute('data-role')}", not "${ROLE}"` : 'no active/standby banner')
    }
    const text = (await page.textContent('[data-testid="failover-role"]')) || ''
    if (!text.includes(EXPECTED_TEXT[ROLE])) fail(`the banner is not the Chinese one: "${text.trim()}"`)
    log(text.trim())
    log('passed')
  } finally {
    await browser.close()
  }
}

main().catch((err) => fail(err.message.split('\n')[0]))
