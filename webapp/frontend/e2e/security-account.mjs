#!/usr/bin/env node
// End-to-end check of the account and authorised-access pages and of the permission-filtered menu of the HazardWatch
// web UI against a running backend (docs/security-api-draft.md), driving Debian's Chromium through playwright-core.
//
// Environment:
//   HW_URL                    UI address, e.g. http://127.0.0.1:8181/            (default http://127.0.0.1:8181/)
//   HW_USER                   login user name of an administrator, e.g. admin     (required)
//   HW_PASSWORD               its password                                         (required)
//   HW_E2E_LIMITED_USER       a second user WITHOUT adapter:administer            (optional: check 4 is skipped without)
//   HW_E2E_LIMITED_PASSWORD   its password                                         (optional, with the user)
//   HW_SCREENSHOT_DIR         optional directory for PNG screenshots (account page, access page, failures)
//   CHROMIUM                  Chromium executable                                  (default /usr/bin/chromium)
//
// The users must not have to change their password (mustChangePassword) nor give a TOTP code. Nothing is changed on
// the server: the access request form is only submitted empty (refused by the page itself).
// Every check is counted; the last line is "[security-account] N passed, M failed". Exit code 0 when all passed, else 1.

import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const LIMITED_USER = process.env.HW_E2E_LIMITED_USER || ''
const LIMITED_PASSWORD = process.env.HW_E2E_LIMITED_PASSWORD || ''
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy

// Top-level menu entries (always in the DOM when shown; the sub-menus' entries are rendered only when opened) and
// the permission(s) that show them (any of).
const MENU = {
  'nav-monitor': ['monitoring:view'],
  'nav-trend': ['monitoring:view'],
  'nav-alarm-group': ['alarm:view', 'disposal:view'],
  'nav-early-warning': ['warning:view'],
  'nav-tasks': ['task:view'],
  'nav-adapters': ['adapter:administer'],
  'nav-grading': ['registry:view'],
  'nav-enterprises': ['registry:view'],
  'nav-regions': ['registry:view'],
  'nav-hazard-sources': ['registry:view'],
  // 危险源登记, 隐患排查治理 and 设备检验 are in the 安全管理 group
  'nav-safety-group': ['registration:view', 'hidden-danger:view', 'equipment:view'],
  'nav-registry-transfer': ['registry:view'],
  // 安全中心 and 数据交换 (exchange:administer; its 下发指令 tab with alarm:configure) are in the system group too, and
  // 授权访问 for monitoring:view (its 远程实时调阅 tab)
  'nav-system-group': ['user:administer', 'audit:view', 'access:request', 'access:approve', 'monitoring:view', 'exchange:administer', 'alarm:configure']
}

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
  waitVisible,
  open,
  login,
  noPageErrors
} = createHarness({ tag: 'security-account', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

// ---- page helpers ----------------------------------------------------------------------------------------

let page = null

/** GET /api/auth/me with the page's session cookie: the truth the page is compared with. */
async function fetchMe() {
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    return { status: response.status, body: response.ok ? await response.json() : await response.text() }
  })
  if (answer.status !== 200) fail(`GET /api/auth/me answered ${answer.status}: ${String(answer.body).slice(0, 200)}`)
  return answer.body
}

/** Waits until the layout has loaded the permissions (the menu is final). */
async function waitMenuFinal() {
  try {
    await page.waitForSelector(`${tid('app-header')}[data-me="loaded"]`, { timeout: WAIT })
  } catch {
    const state = await page.getAttribute(tid('app-header'), 'data-me').catch(() => null)
    fail(`the permissions were not loaded (data-me="${state}")${await visibleErrors()}`)
  }
}

/** Which top-level menu entries are shown, compared with the user's permissions; returns a description. */
async function menuFollowsPermissions(permissions) {
  const held = new Set(permissions)
  const wrong = []
  const shown = []
  for (const [id, needs] of Object.entries(MENU)) {
    const present = (await page.$(tid(id))) !== null
    const allowed = needs.some((p) => held.has(p))
    if (present) shown.push(id.replace(/^nav-/, ''))
    if (present !== allowed) wrong.push(`${id} ${present ? 'shown' : 'hidden'} but ${allowed ? 'permitted' : 'not permitted'}`)
  }
  if (wrong.length) fail(wrong.join('; '))
  return `shown: ${shown.join(', ') || 'none'}`
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  // 1. Login as the administrator; the menu follows GET /api/auth/me.
  await check('1a login', [], () => login(USER, PASSWORD))

  let me = null
  await check('1b menu follows permissions', ['1a login'], async () => {
    await waitMenuFinal()
    me = await fetchMe()
    if (!Array.isArray(me.permissions)) fail('GET /api/auth/me has no permissions list')
    return await menuFollowsPermissions(me.permissions)
  })

  await check('1c my account in the user menu', ['1a login'], async () => {
    await page.click(tid('current-user'))
    await waitVisible(tid('nav-account'), 'the 我的账户 entry of the user menu')
    const text = await textOf(tid('nav-account'))
    if (!text.includes('我的账户')) fail(`the user menu entry shows "${text}", expected "我的账户"`)
    await page.click(tid('current-user')) // closes the menu again
    return text
  })

  // 2. My account: organisation, roles, sessions.
  await check('2a account profile', ['1b menu follows permissions'], async () => {
    await open('/account')
    await waitVisible(`${tid('account-profile')}[data-loaded="true"]`, 'the profile of 我的账户')
    const org = me.organisation?.name || ''
    const shownOrg = (await textOf(tid('account-organisation-name'))) || ''
    if (!org) fail('GET /api/auth/me has no organisation name')
    if (shownOrg !== org) fail(`the profile shows organisation "${shownOrg}", expected "${org}"`)
    const roleNames = (me.roles || []).map((r) => r.name || r.code).filter(Boolean)
    if (!roleNames.length) fail(`${USER} has no roles in GET /api/auth/me`)
    const shownRoles = await page.$$eval(tid('account-role'), (els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()))
    const missing = roleNames.filter((name) => !shownRoles.includes(name))
    if (missing.length) fail(`the profile lacks role(s) ${missing.join(', ')} (shows ${shownRoles.join(', ') || 'none'})`)
    const username = await textOf(tid('account-username'))
    if (username !== me.username) fail(`the profile shows user "${username}", expected "${me.username}"`)
    return `${shownOrg}; roles ${shownRoles.join(', ')}`
  })

  await check('2b account sessions', ['2a account profile'], async () => {
    await waitVisible(`${tid('account-session-row')}[data-current="true"]`, 'this session in the session list')
    const rows = await page.$$(tid('account-session-row'))
    if (!(await page.$(tid('account-logout-all')))) fail('no "退出所有设备" button')
    return `${rows.length} session(s), this one marked`
  })

  await check('2c password policy', ['2a account profile'], async () => {
    await waitVisible(tid('account-policy'), 'the password policy')
    return (await textOf(tid('account-policy'))).slice(0, 120)
  })
  if (passedNames.has('2a account profile')) await screenshot('account')

  // 3. Authorised access: an empty request is refused by the page, nothing is sent.
  await check('3a access page', ['1b menu follows permissions'], async () => {
    const held = new Set(me.permissions)
    if (!held.has('access:request')) fail(`${USER} lacks access:request: the request form is not offered`)
    await open('/access')
    await waitVisible(tid('access-request-form'), 'the access request form')
    await waitVisible(tid('access-request-table'), 'the access request table')
    return `tab ${await page.getAttribute(tid('access-request-table'), 'data-tab')}`
  })

  await check('3b invalid request refused by the page', ['3a access page'], async () => {
    const sent = []
    const listener = (request) => {
      if (request.method() === 'POST' && /\/api\/access\/requests(\?|$)/.test(request.url())) sent.push(request.url())
    }
    page.on('request', listener)
    try {
      await page.fill(`${tid('access-form-reason')}`, '')
      await page.click(tid('access-form-submit'))
      const errors = `${tid('access-request-form')} ${tid('access-field-error')}`
      await waitVisible(errors, 'a field error of the request form', 10000)
      await page.waitForTimeout(1000)
      const fields = await page.$$eval(errors, (els) => els.map((el) => `${el.getAttribute('data-field')}: ${el.textContent.trim()}`))
      if (!fields.some((f) => f.startsWith('regionCode:'))) fail(`no error under the region (errors: ${fields.join(' | ')})`)
      if (!fields.some((f) => f.startsWith('reason:'))) fail(`no error under the reason (errors: ${fields.join(' | ')})`)
      if (sent.length) fail(`the invalid form was sent: POST ${sent.join(', ')}`)
      return fields.join(' | ')
    } finally {
      page.off('request', listener)
    }
  })
  if (passedNames.has('3a access page')) await screenshot('access')

  // 4. A user without adapter:administer sees no 数据采集 entry and cannot open the page.
  if (!LIMITED_USER || !LIMITED_PASSWORD) {
    log('skipped 4 limited user menu: set HW_E2E_LIMITED_USER and HW_E2E_LIMITED_PASSWORD to run it')
  } else {
    const first = page
    page = await newPage(first.context().browser())
    attach(page)
    await check('4a limited user login', [], () => login(LIMITED_USER, LIMITED_PASSWORD))
    await check('4b limited user menu', ['4a limited user login'], async () => {
      await waitMenuFinal()
      const limited = await fetchMe()
      if ((limited.permissions || []).includes('adapter:administer')) {
        fail(`${LIMITED_USER} holds adapter:administer; choose a user without it`)
      }
      if (await page.$(tid('nav-adapters'))) fail('the menu shows nav-adapters (数据采集)')
      return await menuFollowsPermissions(limited.permissions || [])
    })
    await check('4c limited user kept off the adapters page', ['4b limited user menu'], async () => {
      await open('/adapters')
      try {
        await page.waitForFunction(() => !location.hash.startsWith('#/adapters'), null, { timeout: 10000 })
      } catch {
        fail(`#/adapters stayed open for ${LIMITED_USER}`)
      }
      return `redirected to ${await page.evaluate(() => location.hash)}`
    })
  }

  // 5. No uncaught errors in the page.
  await check('5 no page errors', [], noPageErrors)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  if (!!LIMITED_USER !== !!LIMITED_PASSWORD) {
    environmentFailure('set both HW_E2E_LIMITED_USER and HW_E2E_LIMITED_PASSWORD, or neither')
    return
  }

  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    log(`opening ${URL_BASE}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
