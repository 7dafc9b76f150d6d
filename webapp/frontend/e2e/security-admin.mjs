#!/usr/bin/env node
// End-to-end check of the administration pages of the HazardWatch web UI (organisations, users, roles, audit log)
// against a running backend, as an administrator holding user:administer, audit:view and audit:export (the first
// `admin` holds SYSTEM_ADMIN and AUDITOR), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language):
//   - makes sure 山东省 (37) -> 青岛市 (3702) regulators exist below the national root (creates what is missing, so a
//     fresh server with only its NATIONAL root works) and creates a county organisation for 胶州市 (370281);
//   - creates a user in that county with the role REGULATOR and a one-time password, and finds its row;
//   - checks that a built-in role is read only, and creates a custom role with two permissions;
//   - finds the audit entries of those creations, and verifies the audit chain (intact);
//   - submits an organisation form with an empty name: a field error, no request, nothing created.
// Names carry a timestamp suffix, so reruns do not collide (the province and city organisations are reused).
//
// Environment:
//   HW_URL                UI address, e.g. http://127.0.0.1:8181/                  (default http://127.0.0.1:8181/)
//   HW_ADMIN_USER         administrator's user name (else HW_USER)                  (required)
//   HW_ADMIN_PASSWORD     administrator's password (else HW_PASSWORD)               (required)
//   HW_NEW_PASSWORD       one-time password of the user created (default: a random one meeting the usual policy)
//   HW_SCREENSHOT_DIR     optional directory for PNG screenshots (failures)
//   CHROMIUM              Chromium executable                                       (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[security-admin] N passed, M failed". Exit code 0 when all passed, else 1.

import crypto from 'node:crypto'
import { URL_BASE, createHarness, fail, launchChromium, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_ADMIN_USER || process.env.HW_USER
const PASSWORD = process.env.HW_ADMIN_PASSWORD || process.env.HW_PASSWORD
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy

// Unique per run.
const STAMP = new Date().toISOString().replace(/\D/g, '').slice(2, 14) // yyMMddHHmmss
const COUNTY_NAME = `胶州市应急管理局 e2e-${STAMP}`
const USERNAME = `e2e_reg_${STAMP}`
const DISPLAY_NAME = `测试监管员 ${STAMP}`
const ROLE_NAME = `e2e 值守角色 ${STAMP}`
const NEW_PASSWORD = process.env.HW_NEW_PASSWORD || `Hw-${crypto.randomBytes(6).toString('hex')}-Qz7!`
// Two permissions of the custom role (the administrator holds them); others are taken if the server has not these.
const ROLE_PERMISSIONS = ['alarm:view', 'alarm:acknowledge']

// The regulators above the county: created when missing (a fresh server has only its national root).
const ANCESTORS = [
  { level: 'PROVINCE', regionCode: '37', name: '山东省应急管理厅' },
  { level: 'CITY', regionCode: '3702', name: '青岛市应急管理局' }
]
const COUNTY = { level: 'COUNTY', regionCode: '370281', name: COUNTY_NAME }

const {
  log,
  attach,
  check,
  environmentFailure,
  runChecks,
  textOf,
  visibleErrors,
  firstVisible,
  waitVisible,
  waitAttribute,
  open,
  login,
  noPageErrors
} = createHarness({ tag: 'security-admin', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null

// ---- page helpers ----------------------------------------------------------------------------------------

/** Closes any open dialog or message box (Escape), so that a failed check does not block the next ones. */
async function closeDialogs() {
  for (let i = 0; i < 3; i++) {
    const open = await page.evaluate(() =>
      [...document.querySelectorAll('.el-overlay-dialog, .el-overlay')].some((el) => el.getClientRects().length > 0)
    )
    if (!open) return
    await page.keyboard.press('Escape')
    await page.waitForTimeout(400)
    const cancel = await page.$(`${tid('org-cancel')}, ${tid('user-cancel')}`)
    if (cancel && (await cancel.isVisible())) await cancel.click().catch(() => {})
  }
}

/** Chooses an option of an el-select: clicks the select, then the option (teleported to the body). */
async function chooseOption(selectSelector, optionSelector, what) {
  await page.click(selectSelector)
  await waitVisible(optionSelector, what)
  await page.click(optionSelector)
}

/** The organisation nodes of the tree (only those of expanded branches are rendered). */
async function orgNodes() {
  return page.$$eval('[data-testid^="org-node-"]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-org-id'),
      parentId: el.getAttribute('data-parent-id'),
      level: el.getAttribute('data-level'),
      regionCode: el.getAttribute('data-region-code'),
      name: el.getAttribute('data-name')
    }))
  )
}

async function openOrganisations(id) {
  await open(id ? `/organisations?id=${encodeURIComponent(id)}` : '/organisations')
  const outcome = await firstVisible({ tree: `${tid('org-tree')}[data-loaded="true"]`, error: tid('error-banner') })
  if (outcome === 'error') fail(`the organisations page shows an error: ${await textOf(tid('error-banner'))}`)
  if (outcome === null) fail(`the organisation tree did not load within ${WAIT / 1000} s${await visibleErrors()}`)
  if (id) await waitVisible(`${tid('org-detail')}[data-org-id="${id}"]`, `the detail of organisation ${id}`)
}

/** Selects an organisation in the tree and waits for its detail. */
async function selectOrg(id) {
  const node = tid(`org-node-${id}`)
  if (!(await page.$(node))) await openOrganisations(id)
  else await page.click(node)
  await waitVisible(`${tid('org-detail')}[data-org-id="${id}"]`, `the detail of organisation ${id}`)
}

/**
 * Creates an organisation below the selected one through the dialog; returns its id. Fails with the form's error
 * when the server refuses it.
 */
async function createOrgUnder(parentId, { level, regionCode, name }) {
  await selectOrg(parentId)
  await page.click(tid('org-create'))
  await waitVisible(tid('org-form'), 'the create organisation dialog')
  const levelButton = `${tid('org-level')} [data-level="${level}"]`
  if (!(await page.$(levelButton))) {
    const offered = await page.$$eval(`${tid('org-level')} [data-level]`, (els) => els.map((e) => e.getAttribute('data-level')))
    fail(`level ${level} is not offered under organisation ${parentId} (offered: ${offered.join(', ') || 'none'})`)
  }
  await page.click(levelButton)
  await chooseOption(
    tid('org-region-select'),
    `${tid('org-region-option')}[data-region-code="${regionCode}"]`,
    `region ${regionCode} among the regions offered`
  )
  const chosen = await waitAttribute(tid('org-region'), 'data-region-code', [regionCode], 5000)
  if (chosen !== regionCode) fail(`region ${regionCode} was not taken by the form`)
  await page.fill(tid('org-name-input'), name)
  await page.click(tid('org-submit'))
  const created = `[data-testid^="org-node-"][data-name="${name}"]`
  const outcome = await firstVisible({ created, error: tid('org-form-error'), field: tid('org-field-error') })
  if (outcome === 'error' || outcome === 'field') {
    const texts = await page.$$eval(`${tid('org-form-error')}, ${tid('org-field-error')}`, (els) =>
      els.filter((e) => e.getClientRects().length).map((e) => e.textContent.replace(/\s+/g, ' ').trim())
    )
    fail(`creating "${name}" was refused: ${texts.join(' | ')}`)
  }
  if (outcome === null) fail(`"${name}" did not appear in the tree within ${WAIT / 1000} s${await visibleErrors()}`)
  const id = await page.getAttribute(created, 'data-org-id')
  await waitVisible(`${tid('org-detail')}[data-org-id="${id}"]`, `the detail of the new organisation ${id}`)
  return id
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. Organisations: root, the ancestors, a new county.
  let rootId = null
  await check('2a organisation tree with national root', ['1 login'], async () => {
    await openOrganisations()
    await waitVisible('[data-testid^="org-node-"][data-level="NATIONAL"]', 'the national root in the tree')
    rootId = await page.getAttribute('[data-testid^="org-node-"][data-level="NATIONAL"]', 'data-org-id')
    const name = await page.getAttribute(tid(`org-node-${rootId}`), 'data-name')
    const count = await page.getAttribute(tid('org-tree'), 'data-count')
    return `root "${name}" (id ${rootId}), ${count} organisation(s)`
  })

  // Each level below the one before: province 37 under the root, city 3702 under the province.
  let parentId = rootId
  const notes = []
  let previous = '2a organisation tree with national root'
  for (const ancestor of ANCESTORS) {
    const name = `2b ${ancestor.level.toLowerCase()} ${ancestor.regionCode}`
    const ok = await check(name, [previous], async () => {
      await selectOrg(parentId)
      const existing = (await orgNodes()).find(
        (n) => n.level === ancestor.level && n.regionCode === ancestor.regionCode && n.parentId === String(parentId)
      )
      if (existing) {
        parentId = existing.id
        notes.push(`${ancestor.regionCode} reused`)
        return `reused "${existing.name}" (id ${existing.id})`
      }
      parentId = await createOrgUnder(parentId, ancestor)
      return `created "${ancestor.name}" (id ${parentId})`
    })
    previous = name
    if (!ok) break
  }

  let countyId = null
  await check('2c create county 370281', ['2b city 3702'], async () => {
    countyId = await createOrgUnder(parentId, COUNTY)
    const level = await page.getAttribute(tid('org-detail'), 'data-level')
    const region = await page.getAttribute(tid('org-detail'), 'data-region-code')
    if (level !== 'COUNTY') fail(`the new organisation shows level ${level}`)
    if (region !== '370281') fail(`the new organisation shows region ${region}`)
    return `"${COUNTY_NAME}" (id ${countyId}) under ${parentId}`
  })

  // 3. A user in the county with the role REGULATOR and a one-time password.
  await check('3a create user', ['2c create county 370281'], async () => {
    await open(`/users?organisationId=${encodeURIComponent(countyId)}`)
    await waitVisible(tid('user-create'), 'the new user button')
    await page.click(tid('user-create'))
    await waitVisible(tid('user-form'), 'the user dialog')
    const preset = await waitAttribute(tid('user-organisation'), 'data-org-id', [String(countyId)], 10000)
    if (preset !== String(countyId)) {
      fail(`the dialog did not preset organisation ${countyId} (shows ${await page.getAttribute(tid('user-organisation'), 'data-org-id')})`)
    }
    await page.fill(tid('user-username-input'), USERNAME)
    await page.fill(tid('user-display-name-input'), DISPLAY_NAME)
    await chooseOption(tid('user-roles'), `${tid('user-role-option')}[data-role-code="REGULATOR"]`, 'the role REGULATOR among the roles')
    // Close the role list (a click elsewhere in the dialog).
    await page.click(`${tid('user-dialog')} .el-dialog__title`).catch(() => page.click(tid('user-display-name-input')))
    await page.fill(tid('user-password-input'), NEW_PASSWORD)
    const hint = await textOf(tid('user-password-hint'))
    if (!hint || !hint.includes('首次登录')) fail(`the one-time password hint says "${hint}"`)
    await page.click(tid('user-submit'))
    const row = tid(`user-row-${USERNAME}`)
    const outcome = await firstVisible({ row, error: tid('user-form-error'), field: tid('user-field-error') })
    if (outcome === 'error' || outcome === 'field') {
      const texts = await page.$$eval(`${tid('user-form-error')}, ${tid('user-field-error')}`, (els) =>
        els.filter((e) => e.getClientRects().length).map((e) => e.textContent.replace(/\s+/g, ' ').trim())
      )
      fail(`creating user ${USERNAME} was refused: ${texts.join(' | ')}`)
    }
    if (outcome === null) fail(`no row user-row-${USERNAME} within ${WAIT / 1000} s${await visibleErrors()}`)
    return `${USERNAME} created`
  })

  await check('3b user row', ['3a create user'], async () => {
    const row = tid(`user-row-${USERNAME}`)
    const org = await page.getAttribute(row, 'data-organisation-id')
    const roles = (await page.getAttribute(row, 'data-roles')) || ''
    if (org !== String(countyId)) fail(`the row shows organisation ${org}, expected ${countyId}`)
    if (!roles.split(',').includes('REGULATOR')) fail(`the row shows roles "${roles}", expected REGULATOR`)
    const text = await textOf(row)
    if (!text.includes(DISPLAY_NAME)) fail(`the row does not show the name "${DISPLAY_NAME}": ${text}`)
    if (!text.includes('待修改密码')) fail(`the row does not say the password must be changed: ${text}`)
    return `${text.slice(0, 120)}`
  })

  // 4. Roles: a built-in role is read only; a custom role with two permissions.
  await check('4a built-in role read only', ['1 login'], async () => {
    await open('/roles')
    const builtIn = `${tid('role-item-REGULATOR')}, ${tid('role-item-SYSTEM_ADMIN')}`
    await waitVisible(builtIn, 'a built-in role in the list')
    const item = (await page.$(tid('role-item-REGULATOR'))) ? tid('role-item-REGULATOR') : tid('role-item-SYSTEM_ADMIN')
    const code = await page.getAttribute(item, 'data-code')
    await page.click(item)
    await waitVisible(`${tid('role-editor')}[data-built-in="true"]`, `the editor of ${code}`)
    await waitVisible(tid('role-matrix'), 'the permission matrix')
    if (!(await page.$(tid('role-readonly-hint')))) fail('no read-only notice for the built-in role')
    if (await page.$(tid('role-save'))) fail('the built-in role has a save button')
    if (await page.$(tid('role-delete'))) fail('the built-in role has a delete button')
    const boxes = await page.$$eval(`${tid('role-matrix')} [data-testid^="role-perm-"]`, (els) =>
      els.map((el) => ({ checked: el.getAttribute('data-checked') === 'true', disabled: !!el.querySelector('input')?.disabled }))
    )
    if (!boxes.length) fail('the matrix has no permission checkboxes')
    const enabled = boxes.filter((b) => !b.disabled).length
    if (enabled) fail(`${enabled} of ${boxes.length} permission checkbox(es) can be changed`)
    // (el-input puts the test id on the <input> itself)
    const nameEditable = await page.$eval(tid('role-name-input'), (el) => {
      const input = el.tagName === 'INPUT' ? el : el.querySelector('input')
      return !!input && !input.disabled && !input.readOnly
    })
    if (nameEditable) fail('the name of the built-in role can be edited')
    return `${code}: ${boxes.filter((b) => b.checked).length} of ${boxes.length} permission(s) held, all read only`
  })

  let roleId = null
  let rolePermissions = []
  await check('4b create custom role', ['1 login'], async () => {
    if (!(await page.$(tid('role-create')))) await open('/roles')
    await waitVisible(tid('role-create'), 'the new role button')
    await page.click(tid('role-create'))
    await waitVisible(`${tid('role-editor')}[data-role-id=""]`, 'the new role editor')
    await page.fill(tid('role-name-input'), ROLE_NAME)
    await page.fill(tid('role-description-input'), '端到端测试创建')
    const available = await page.$$eval(`${tid('role-matrix')} [data-testid^="role-perm-"]`, (els) =>
      els.filter((el) => !el.querySelector('input')?.disabled).map((el) => el.getAttribute('data-code'))
    )
    rolePermissions = ROLE_PERMISSIONS.filter((c) => available.includes(c))
    for (const c of available) if (rolePermissions.length < 2 && !rolePermissions.includes(c)) rolePermissions.push(c)
    if (rolePermissions.length < 2) fail(`fewer than two permissions can be granted (${available.join(', ')})`)
    for (const c of rolePermissions) await page.click(tid(`role-perm-${c}`))
    const checked = await page.$$eval(`${tid('role-matrix')} [data-checked="true"]`, (els) => els.map((el) => el.getAttribute('data-code')))
    if (checked.length !== 2) fail(`the matrix shows ${checked.length} permission(s) checked: ${checked.join(', ')}`)
    await page.click(tid('role-save'))
    const item = `[data-testid^="role-item-"][data-role-name="${ROLE_NAME}"]`
    const outcome = await firstVisible({ item, error: tid('role-form-error'), field: tid('role-field-error') })
    if (outcome === 'error' || outcome === 'field') {
      const texts = await page.$$eval(`${tid('role-form-error')}, ${tid('role-field-error')}`, (els) =>
        els.filter((e) => e.getClientRects().length).map((e) => e.textContent.replace(/\s+/g, ' ').trim())
      )
      fail(`creating the role was refused: ${texts.join(' | ')}`)
    }
    if (outcome === null) fail(`the role "${ROLE_NAME}" did not appear in the list within ${WAIT / 1000} s${await visibleErrors()}`)
    roleId = await page.getAttribute(item, 'data-role-id')
    if ((await page.getAttribute(item, 'data-built-in')) !== 'false') fail('the new role is listed as built-in')
    await waitVisible(`${tid('role-editor')}[data-role-id="${roleId}"]`, 'the editor of the new role')
    const saved = await page.$$eval(`${tid('role-matrix')} [data-checked="true"]`, (els) => els.map((el) => el.getAttribute('data-code')))
    if (saved.sort().join(',') !== [...rolePermissions].sort().join(',')) {
      fail(`the saved role holds ${saved.join(', ')}, expected ${rolePermissions.join(', ')}`)
    }
    return `"${ROLE_NAME}" (id ${roleId}) with ${rolePermissions.join(', ')}`
  })

  // 5. Audit log: the entries of the creations; the chain is intact.
  await check('5a audit page', ['1 login'], async () => {
    await open('/audit')
    await waitVisible(tid('audit-filter-actor'), 'the audit filters')
    await page.fill(tid('audit-filter-actor'), USER)
    await page.click(tid('audit-search'))
    const outcome = await firstVisible({ row: 'tr[data-testid^="audit-row-"]', empty: '.audit .el-empty', error: tid('error-banner') })
    if (outcome === 'error') fail(`the audit page shows an error: ${await textOf(tid('error-banner'))}`)
    if (outcome !== 'row') fail(`no audit entries of ${USER}${await visibleErrors()}`)
    const rows = await page.$$eval('tr[data-testid^="audit-row-"]', (els) => els.map((el) => Number(el.getAttribute('data-seq'))))
    const sorted = [...rows].sort((a, b) => b - a)
    if (rows.join(',') !== sorted.join(',')) fail(`the entries are not newest first: ${rows.slice(0, 10).join(', ')}`)
    return `${rows.length} entr(y/ies) of ${USER} shown, newest ${rows[0]}`
  })

  /**
   * Finds the audit row of an action (predicate on the action code) whose target id is one of `ids`, or whose
   * expanded states mention `text`; returns a description. Expands at most 8 candidates.
   */
  async function findAuditEntry(what, actionTest, ids, text) {
    const rows = await page.$$eval('tr[data-testid^="audit-row-"]', (els) =>
      els.map((el) => ({
        seq: el.getAttribute('data-seq'),
        action: el.getAttribute('data-action'),
        targetId: el.getAttribute('data-target-id'),
        outcome: el.getAttribute('data-outcome')
      }))
    )
    const candidates = rows.filter((r) => actionTest(r.action))
    if (!candidates.length) fail(`no ${what} entry among ${rows.length} row(s) (actions: ${[...new Set(rows.map((r) => r.action))].join(', ')})`)
    const direct = candidates.find((r) => ids.filter(Boolean).map(String).includes(r.targetId))
    if (direct) return { row: direct, how: `target ${direct.targetId}` }
    for (const r of candidates.slice(0, 8)) {
      await page.click(tid(`audit-row-${r.seq}`))
      await waitVisible(tid(`audit-detail-${r.seq}`), `the detail of entry ${r.seq}`)
      const detail = (await textOf(tid(`audit-detail-${r.seq}`))) || ''
      if (detail.includes(text)) return { row: r, how: 'states mention it' }
    }
    fail(`${candidates.length} ${what} entr(y/ies) but none about "${text}" (targets: ${candidates.map((r) => r.targetId).join(', ')})`)
  }

  await check('5b audit entries of the creations', ['5a audit page', '2c create county 370281', '3a create user', '4b create custom role'], async () => {
    const org = await findAuditEntry('organisation.*', (a) => /^organisation\./.test(a || ''), [countyId, COUNTY_NAME], COUNTY_NAME)
    const user = await findAuditEntry('user.create', (a) => a === 'user.create', [USERNAME], USERNAME)
    const role = await findAuditEntry('role.*', (a) => /^role\./.test(a || ''), [roleId, ROLE_NAME], ROLE_NAME)
    for (const e of [org, user, role]) if (e.row.outcome !== 'OK') fail(`entry ${e.row.seq} (${e.row.action}) has outcome ${e.row.outcome}`)
    return [org, user, role].map((e) => `${e.row.action} #${e.row.seq} (${e.how})`).join(', ')
  })

  await check('5c entry shows states and hashes', ['5b audit entries of the creations'], async () => {
    const seqs = await page.$$eval('tr[data-testid^="audit-row-"][data-action="user.create"]', (els, username) =>
      els.sort((a, b) => (b.getAttribute('data-target-id') === username) - (a.getAttribute('data-target-id') === username)).map((el) => el.getAttribute('data-seq')),
    USERNAME)
    if (!seqs.length) fail('no user.create entry shown')
    const row = seqs[0]
    if (!(await page.$(tid(`audit-detail-${row}`)))) await page.click(tid(`audit-row-${row}`))
    const detail = tid(`audit-detail-${row}`)
    await waitVisible(detail, `the detail of entry ${row}`)
    const hash = await page.getAttribute(`${detail} ${tid('audit-hash')}`, 'data-hash')
    const prev = await page.getAttribute(`${detail} ${tid('audit-prev-hash')}`, 'data-hash')
    if (!hash) fail(`entry ${row} shows no hash`)
    const after = (await textOf(`${detail} ${tid('audit-after')}`)) || ''
    return `#${row}: hash ${hash.slice(0, 12)}…, prevHash ${prev ? prev.slice(0, 12) + '…' : '(none)'}, after ${after.length} chars`
  })

  await check('5d verify chain intact', ['5a audit page'], async () => {
    await page.click(tid('audit-verify'))
    const intact = await waitAttribute(tid('audit-verify-result'), 'data-intact', ['true', 'false', 'error'], WAIT * 2)
    const text = await textOf(tid('audit-verify-result'))
    if (intact === null) fail(`no verification result within ${(WAIT * 2) / 1000} s`)
    if (intact !== 'true') fail(`the chain is not reported intact: ${text}`)
    if (!text.includes('完整')) fail(`the result says "${text}"`)
    return text
  })

  // 6. An invalid organisation form: a field error, no request, nothing created.
  await check('6 invalid organisation form refused', ['2c create county 370281'], async () => {
    await openOrganisations(countyId)
    const before = Number(await page.getAttribute(tid('org-tree'), 'data-count'))
    const posts = []
    const onRequest = (req) => {
      if (req.method() === 'POST' && /\/api\/organisations(\?|$)/.test(req.url())) posts.push(req.url())
    }
    page.on('request', onRequest)
    try {
      await page.click(tid('org-create'))
      await waitVisible(tid('org-form'), 'the create organisation dialog')
      await page.fill(tid('org-name-input'), '')
      await page.click(tid('org-submit'))
      const error = `${tid('org-field-error')}[data-field="name"]`
      await waitVisible(error, 'the field error of the empty name')
      const message = await textOf(error)
      await page.waitForTimeout(1000)
      if (!(await page.isVisible(tid('org-form')))) fail('the dialog closed')
      if (posts.length) fail(`the form was sent (${posts.length} POST)`)
      await page.click(tid('org-cancel'))
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/organisations(\?|$)/.test(r.url()), { timeout: WAIT }),
        page.click(tid('org-refresh'))
      ])
      const list = await response.json()
      if (!Array.isArray(list)) fail('GET /api/organisations did not answer a list')
      if (list.length !== before) fail(`there are ${list.length} organisations now, ${before} before`)
      return `"${message}", no request sent, still ${list.length} organisation(s)`
    } finally {
      page.off('request', onRequest)
      await closeDialogs()
    }
  })

  await check('7 no page errors', [], noPageErrors)
  if (notes.length) log(`note: ${notes.join(', ')}`)
}

async function main() {
  if (!USER || !PASSWORD) {
    environmentFailure('missing environment variable(s): HW_ADMIN_USER and HW_ADMIN_PASSWORD (or HW_USER and HW_PASSWORD)')
    return
  }
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    log(`opening ${URL_BASE} as ${USER}; run ${STAMP}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
