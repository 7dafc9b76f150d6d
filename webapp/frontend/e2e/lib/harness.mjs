// What the browser checks in e2e/*.mjs share: the UI address and the Chromium they drive (playwright-core, Debian's
// Chromium), the login form, and for the scripts that count their checks the bookkeeping (check() with "requires",
// checks not run, the summary and the exit code) and the page helpers. Each script keeps its own checks; every line
// is printed with the script's tag, e.g. "[alarm-console] ok   1 login".

import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

/** The UI address as given (HW_URL), and the app's address without a route (#...). */
export const URL_BASE = process.env.HW_URL || 'http://127.0.0.1:8181/'
export const APP = URL_BASE.replace(/#.*$/, '')
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'

/** Headless, and nothing that reaches out to the network by itself. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export function launchChromium(args = CHROMIUM_ARGS) {
  return chromium.launch({ executablePath: CHROMIUM, args })
}

/** A page in a new context: Chinese locale, 1440 x 900. */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  return context.newPage()
}

/** A failed check with a clear message (other errors are reported as they are). */
export class CheckFailure extends Error {}

export function fail(message) {
  throw new CheckFailure(message)
}

export const tid = (id) => `[data-testid="${id}"]`

/** The query of the route in a URL's hash (#/analytics/alarms?region=… gives region=…). */
export function hashQuery(url) {
  const hash = new URL(String(url)).hash
  const index = hash.indexOf('?')
  return new URLSearchParams(index < 0 ? '' : hash.slice(index + 1))
}

/** The bytes of a file the browser saved (a playwright Download); empty when it has none. */
export async function downloadedBytes(download) {
  const file = await download.path()
  return file ? fs.readFileSync(file) : Buffer.alloc(0)
}

/** log(message) prints "[tag] message" on stdout. */
export function logger(tag) {
  return (message) => console.log(`[${tag}] ${message}`)
}

/** The message for the required environment variables that are not set, or null when all are. */
export function missingEnvironment(names) {
  const missing = names.filter((name) => !process.env[name])
  return missing.length ? `missing environment variable(s): ${missing.join(', ')}` : null
}

/** Fills in the login form and submits it. */
export async function submitLogin(page, user, password) {
  await page.fill(tid('login-username'), user)
  await page.fill(tid('login-password'), password)
  await page.click(tid('login-submit'))
}

/**
 * Bookkeeping and page helpers of one script.
 *   tag                 prefix of every line, e.g. 'alarm-console'
 *   screenshotDir       directory for screenshots ('' for none); files are named <tag>-<name>.png
 *   wait                default timeout of the waits, in ms
 *   collapseWhitespace  textOf() collapses runs of white space (else it only trims)
 * The page is given with attach(page) once it is open.
 */
export function createHarness({ tag, screenshotDir = '', wait = 30000, collapseWhitespace = true }) {
  const log = logger(tag)
  let page = null
  const pageErrors = []

  /**
   * Uses the page for the helpers. defaultTimeout: the page's default timeout (null: leave it); fullPageErrors: keep
   * uncaught page errors whole (else their first line).
   */
  function attach(p, { defaultTimeout = wait, fullPageErrors = false } = {}) {
    page = p
    if (defaultTimeout !== null) page.setDefaultTimeout(defaultTimeout)
    page.on('pageerror', (err) => pageErrors.push(fullPageErrors ? String(err) : String(err).split('\n')[0]))
  }

  // ---- check bookkeeping ---------------------------------------------------------------------------------

  const results = [] // {name, ok, message}
  const passedNames = new Set()

  /**
   * Runs one check. requires: names of earlier checks that must have passed (otherwise this one fails as not run).
   * fn returns a short description of what was seen, or throws (CheckFailure: a clear message; else: the error).
   */
  async function check(name, requires, fn) {
    const missing = requires.filter((r) => !passedNames.has(r))
    if (missing.length) {
      results.push({ name, ok: false, message: `not run: ${missing.join(', ')} failed` })
      log(`FAIL ${name}: not run, ${missing.join(', ')} failed`)
      return false
    }
    try {
      const detail = await fn()
      results.push({ name, ok: true, message: detail || '' })
      passedNames.add(name)
      log(`ok   ${name}${detail ? `: ${detail}` : ''}`)
      return true
    } catch (err) {
      const message = err instanceof CheckFailure ? err.message : (err && err.message ? err.message.split('\n')[0] : String(err))
      results.push({ name, ok: false, message })
      log(`FAIL ${name}: ${message}`)
      await screenshot(`fail-${name.split(' ')[0]}`)
      return false
    }
  }

  /** Records a failed precondition of the environment (the script then stops without opening the browser). */
  function environmentFailure(message) {
    results.push({ name: 'environment', ok: false, message })
    log(`FAIL environment: ${message}`)
  }

  /**
   * Runs main, then prints the failures (on stderr; checks not run because of them are only counted) and the last
   * line "[tag] N passed, M failed", and exits: 0 when all passed, else 1.
   */
  async function runChecks(main) {
    let crashed = null
    try {
      await main()
    } catch (err) {
      crashed = (err && err.stack) || String(err)
      console.error(`[${tag}] ERROR: ${crashed}`)
      results.push({ name: 'run', ok: false, message: crashed.split('\n')[0] })
    }
    const passed = results.filter((r) => r.ok).length
    const failed = results.length - passed
    // Summary of the failures themselves (checks not run because of them are only counted).
    for (const r of results.filter((x) => !x.ok && !x.message.startsWith('not run:'))) {
      console.error(`[${tag}] failed: ${r.name}: ${r.message}`)
    }
    console.log(`[${tag}] ${passed} passed, ${failed} failed`)
    process.exit(failed ? 1 : 0)
  }

  // ---- page helpers --------------------------------------------------------------------------------------

  async function screenshot(name) {
    if (!screenshotDir || !page) return
    try {
      fs.mkdirSync(screenshotDir, { recursive: true })
      const file = path.join(screenshotDir, `${tag}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      log(`screenshot written to ${file}`)
    } catch (err) {
      log(`note: screenshot ${name} failed: ${err.message.split('\n')[0]}`)
    }
  }

  async function textOf(selector) {
    const handle = await page.$(selector)
    if (!handle) return null
    const text = await handle.textContent()
    if (text === null) return null
    return collapseWhitespace ? text.replace(/\s+/g, ' ').trim() : text.trim()
  }

  /** Text of the visible error banners / error messages on the page, for failure messages. */
  async function visibleErrors() {
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="error-banner"], .el-alert--error, .el-message--error')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.textContent.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
    )
    return texts.length ? `; error shown: ${[...new Set(texts)].join(' | ')}` : ''
  }

  /**
   * Waits until one of the selectors matches a visible element; returns its key, or null after the timeout.
   * outcomes: {key: selector}, tried in order.
   */
  async function firstVisible(outcomes, timeout = wait) {
    try {
      const handle = await page.waitForFunction(
        (entries) => {
          for (const [key, selector] of entries) {
            const el = document.querySelector(selector)
            if (el && el.getClientRects().length > 0) return key
          }
          return null
        },
        Object.entries(outcomes),
        { timeout, polling: 250 }
      )
      return await handle.jsonValue()
    } catch (err) {
      if (err && err.name === 'TimeoutError') return null
      throw err
    }
  }

  async function waitVisible(selector, what, timeout = wait) {
    try {
      await page.waitForSelector(selector, { state: 'visible', timeout })
    } catch {
      fail(`${what} did not appear within ${Math.round(timeout / 1000)} s${await visibleErrors()}`)
    }
  }

  /** Waits until an attribute of the first element matching selector has one of the values; returns it or null. */
  async function waitAttribute(selector, name, values, timeout = wait) {
    try {
      const handle = await page.waitForFunction(
        ([sel, attr, wanted]) => {
          const el = document.querySelector(sel)
          const v = el ? el.getAttribute(attr) : null
          return wanted.includes(v) ? v : null
        },
        [selector, name, values],
        { timeout, polling: 200 }
      )
      return await handle.jsonValue()
    } catch (err) {
      if (err && err.name === 'TimeoutError') return null
      throw err
    }
  }

  async function attribute(selector, name) {
    const el = await page.$(selector)
    return el ? el.getAttribute(name) : null
  }

  /**
   * Opens a page from a header sub-menu: rests the pointer on the group, clicks the entry (test id nav-<route>) and
   * waits for #/<route> (or the hash given, for a route whose path is not its entry's name, e.g.
   * '#/analytics/hazard-sources'). A pop-up that closed under the pointer (el-sub-menu's hover timers on a busy machine)
   * is opened again, up to three times; a retry is said in the log, so it stays visible.
   */
  async function clickMenuEntry(groupId, entryId, what, { hash: expected } = {}) {
    const hash = expected || '#/' + entryId.replace(/^nav-/, '')
    for (let attempt = 1; attempt <= 3; attempt++) {
      await waitVisible(tid(groupId), `the menu group ${groupId}`)
      await page.hover(tid(groupId))
      await waitVisible(tid(entryId), what)
      await page.click(tid(entryId))
      try {
        await page.waitForURL((url) => url.hash.startsWith(hash), { timeout: 5000 })
        if (attempt > 1) log(`note: ${what} opened ${hash} only at click ${attempt}`)
        return
      } catch {
        // the pointer leaves the menu, so the next hover opens the group anew
        await page.mouse.move(0, 0)
      }
    }
    fail(`${what} did not open ${hash} after 3 clicks (at ${page.url()})${await visibleErrors()}`)
  }

  /** Waits until the layout has loaded the permissions (the menu, the tabs and the buttons follow them). */
  async function waitMenuFinal() {
    try {
      await page.waitForSelector(`${tid('app-header')}[data-me="loaded"]`, { timeout: wait })
    } catch {
      const state = await attribute(tid('app-header'), 'data-me').catch(() => null)
      fail(`the permissions were not loaded (data-me="${state}")${await visibleErrors()}`)
    }
  }

  /**
   * Opens a page from a header sub-menu once the menu is final (waitMenuFinal): fails with the message missing when
   * the menu has no group groupId (e.g. the user lacks the permission), else clickMenuEntry(groupId, entryId, what).
   */
  async function openFromMenu(groupId, entryId, what, { hash, missing }) {
    await waitMenuFinal()
    if (!(await page.$(tid(groupId)))) fail(missing)
    await clickMenuEntry(groupId, entryId, what, { hash })
  }

  /** A GET of the API with the page's session cookie, from inside the page: {status, body (the JSON or null), text}. */
  async function apiGet(apiPath) {
    return page.evaluate(async (p) => {
      const response = await fetch(new URL('/api' + p, window.location.origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      const text = await response.text()
      let json = null
      try {
        json = JSON.parse(text)
      } catch {
        json = null
      }
      return { status: response.status, body: json, text: text.slice(0, 300) }
    }, apiPath)
  }

  /** An attribute of every element matching selector, in document order. */
  async function attributesOf(selector, name) {
    return page.$$eval(selector, (els, attr) => els.map((el) => el.getAttribute(attr)), name)
  }

  /** The chart containers (test ids) without a drawn canvas (none of non-zero size), after waiting for them a while. */
  async function undrawnCharts(ids) {
    try {
      await page.waitForFunction(
        (list) =>
          list.every((id) => {
            const el = document.querySelector(`[data-testid="${id}"]`)
            return !!el && [...el.querySelectorAll('canvas')].some((c) => c.width > 0 && c.height > 0 && c.getBoundingClientRect().width > 0)
          }),
        ids,
        { timeout: 15000, polling: 250 }
      )
      return []
    } catch {
      return page.evaluate(
        (list) =>
          list.filter((id) => {
            const el = document.querySelector(`[data-testid="${id}"]`)
            return !el || ![...el.querySelectorAll('canvas')].some((c) => c.width > 0 && c.height > 0 && c.getBoundingClientRect().width > 0)
          }),
        ids
      )
    }
  }

  /**
   * Clicks selector and waits for the GET it asks (an address matching urlPattern) and for the file the browser saves:
   * {response, download}, each null when none came within timeout ms.
   */
  async function clickForDownload(selector, urlPattern, timeout = 60000) {
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && urlPattern.test(r.url()), { timeout }).catch(() => null),
      page.waitForEvent('download', { timeout }).catch(() => null),
      page.click(selector)
    ])
    return { response, download }
  }

  /** Opens a route of the app (#hashPath). */
  async function open(hashPath) {
    const target = APP + '#' + hashPath
    try {
      await page.goto(target, { waitUntil: 'domcontentloaded', timeout: wait })
    } catch (err) {
      fail(`cannot open ${target}: ${err.message.split('\n')[0]}`)
    }
  }

  /** Opens HW_URL and logs in; returns "logged in as <user>" (a check's description), or fails. */
  async function login(user, password) {
    try {
      await page.goto(URL_BASE, { waitUntil: 'domcontentloaded', timeout: wait })
    } catch (err) {
      fail(`cannot open ${URL_BASE}: ${err.message.split('\n')[0]}`)
    }
    await waitVisible(tid('login-username'), `login form at ${page.url()}`)
    await submitLogin(page, user, password)
    const outcome = await firstVisible({ ok: tid('logout'), error: tid('login-error') })
    if (outcome === 'error') fail(`login rejected: ${await textOf(tid('login-error'))}`)
    if (outcome === null) fail(`no response to the login within ${wait / 1000} s`)
    return `logged in as ${user}`
  }

  /** Fails when the page reported uncaught errors; a check's body. */
  async function noPageErrors() {
    if (pageErrors.length) fail(`${pageErrors.length} uncaught page error(s): ${pageErrors.join(' | ')}`)
    return 'none'
  }

  return {
    log,
    attach,
    // the page given with attach() and the default timeout, for helpers built on the harness (lib/analysis.mjs)
    attachedPage: () => page,
    wait,
    pageErrors,
    results,
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
    attributesOf,
    open,
    clickMenuEntry,
    waitMenuFinal,
    openFromMenu,
    apiGet,
    undrawnCharts,
    clickForDownload,
    login,
    noPageErrors
  }
}
