#!/usr/bin/env node
// End-to-end check of 事故登记 (the accident register) in the HazardWatch web UI against a running node, as a user who
// records accidents of the enterprise HW_ENTERPRISE (accident:view and accident:edit, e.g. `admin`: nationwide scope),
// driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language), with an accident of its own (a unique time in the past, so that
// reruns do not collide, and a unique token in its description, so that the list can be searched for it):
//   - opens 事故登记 from the 安全管理 menu (#/accidents);
//   - 登记事故 with nothing filled in is refused by the form (errors under the required fields, nothing sent);
//   - registers a 泄漏 (LEAK) accident of HW_ENTERPRISE at that time: 0 deaths, 1 injury, 12.5 万元 direct loss; the
//     POST /api/accidents answers 201 with what was sent (the time as China's wall clock), and the row shows it (found
//     with the search box);
//   - registering the same accident again (same enterprise, minute and type) is refused: the DUPLICATE error under the
//     time field, no second row;
//   - 修改: injuries corrected to 2 (PUT /api/accidents/<id>, 200), the row shows 2;
//   - its drawer lists the alarms of the enterprise in the 72 hours before it (事故前报警), as many as the API counts;
//   - 作废: refused without a reason (nothing sent), then voided with one (POST …/void, 200): the row is gone, and
//     comes back with 含已作废, marked 已作废 and no longer editable;
//   - 导入: a text file, and a text file named .xlsx, are refused by the dialog with a clear error (nothing sent);
//   - no uncaught page errors.
// The server keeps the voided record (its reason too) and audits every change.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                       (default http://127.0.0.1:8181/)
//   HW_USER            login user holding accident:view and accident:edit, nationwide scope or one covering the
//                      enterprise, e.g. admin                                         (required)
//   HW_PASSWORD        login password                                                 (required)
//   HW_ENTERPRISE      USCC of an enterprise in the registry, e.g. 91370281MA3HW2026N (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (form, list, voided, import, failures)
//   CHROMIUM           Chromium executable                                             (default /usr/bin/chromium)
//
// Every check is counted (9 when all pass); the last line is "[accidents] N passed, M failed". Exit code 0 when all
// passed, else 1.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const ENTERPRISE = (process.env.HW_ENTERPRISE || '').trim().toUpperCase()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const STAMP = Date.now()
const TOKEN = `E2E-${STAMP}`
const DESCRIPTION = `浏览器测试 ${TOKEN}：罐区输送泵出口法兰垫片老化泄漏，现场作业人员 1 人轻微灼伤，已堵漏处置。`
const REASON = `浏览器测试 ${TOKEN}：测试数据，作废`
const DUPLICATE_TEXT = '该企业同一时间（分钟）的同类事故已登记'

/**
 * A unique minute in the past, China's wall clock ("YYYY-MM-DDTHH:mm"): between about one and ten years back, at a
 * random minute of the day, so that a rerun does not hit the accident of an earlier run (same enterprise, minute, type).
 */
function pastChinaMinute() {
  const days = 400 + Math.floor(Math.random() * 3200)
  const minutes = Math.floor(Math.random() * 1440)
  const at = STAMP - days * 86400000 - minutes * 60000
  return new Date(at + 8 * 3600000).toISOString().slice(0, 16)
}

const OCCURRED = pastChinaMinute()
const OCCURRED_TEXT = OCCURRED.replace('T', ' ')

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
  openFromMenu,
  login,
  noPageErrors
} = createHarness({ tag: 'accidents', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
let accidentId = ''

// ---- page helpers ----------------------------------------------------------------------------------------

const inputOf = (id) => `input${tid(id)}, ${tid(id)} input`
const textareaOf = (id) => `textarea${tid(id)}, ${tid(id)} textarea`
const rowOf = (id) => `tr${tid('accident-row')}[data-id="${id}"]`
const fieldError = (field) => `${tid('accident-field-error')}[data-field="${field}"]`
const ACCIDENTS_API = /\/api\/accidents(\?|$)/

/** Watches the requests (a method, a URL pattern) while fn runs; returns their URLs. */
async function requestsDuring(method, pattern, fn) {
  const sent = []
  const listener = (request) => {
    if (request.method() === method && pattern.test(request.url())) sent.push(request.url())
  }
  page.on('request', listener)
  try {
    await fn()
    await page.waitForTimeout(500)
  } finally {
    page.off('request', listener)
  }
  return sent
}

/** Chooses the enterprise HW_ENTERPRISE in the form, by typing its USCC (an enterprise's own people have it already). */
async function chooseEnterprise(testid) {
  const field = tid(`${testid}-field`)
  if ((await attribute(field, 'data-uscc')) === ENTERPRISE) return
  await page.click(tid(testid))
  await page.keyboard.type(ENTERPRISE)
  const option = `.el-select-dropdown__item${tid(`${testid}-option`)}[data-uscc="${ENTERPRISE}"]`
  const typed = inputOf(`${testid}-input`)
  const seen = await firstVisible({ option, typed }, 15000)
  if (seen === 'typed') await page.fill(typed, ENTERPRISE)
  else if (seen === 'option') await page.click(option)
  else fail(`${ENTERPRISE} is not offered when typing it${await visibleErrors()}`)
  const chosen = await waitAttribute(field, 'data-uscc', [ENTERPRISE], 5000)
  if (chosen !== ENTERPRISE) fail(`the form holds the enterprise "${await attribute(field, 'data-uscc')}"`)
}

/** Types the time into the date-time picker (as a person may) and takes it with Enter. */
async function fillTime(local) {
  const input = `${tid('accident-form-occurred-at')} input`
  await page.click(input)
  await page.fill(input, local.replace('T', ' '))
  await page.keyboard.press('Enter')
  const value = await waitAttribute(tid('accident-form-occurred-at'), 'data-value', [local], 5000)
  if (value !== local) fail(`the time field holds "${await attribute(tid('accident-form-occurred-at'), 'data-value')}", expected ${local}`)
}

async function chooseKind(kind) {
  await page.click(tid('accident-form-kind'))
  const option = `.el-select-dropdown__item${tid('accident-form-kind-option')}[data-kind="${kind}"]`
  await waitVisible(option, `the type ${kind}`)
  await page.click(option)
}

/** Opens 登记事故 and fills in the accident of this run. */
async function fillNewAccident() {
  await page.click(tid('accident-new'))
  await waitVisible(`${tid('accident-form')}[data-id=""]`, 'the 登记事故 form')
  const mode = `${tid('accident-form-mode')} [data-mode="registered"]`
  if (await page.$(mode)) await page.click(mode)
  await chooseEnterprise('accident-form-uscc')
  await fillTime(OCCURRED)
  await chooseKind('LEAK')
  await page.fill(inputOf('accident-form-deaths'), '0')
  await page.fill(inputOf('accident-form-injuries'), '1')
  await page.fill(inputOf('accident-form-loss'), '12.5')
  await page.fill(textareaOf('accident-form-description'), DESCRIPTION)
}

/** Clicks 保存 and waits for the answer of the request matching (method, pattern). */
async function save(method, pattern) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && pattern.test(r.url()), { timeout: WAIT }).catch(() => null),
    page.click(tid('accident-save'))
  ])
  if (!response) fail(`no ${method} was sent${await visibleErrors()}`)
  return response
}

async function closeDialog(testid) {
  const button = `${tid(testid)} .el-dialog__headerbtn`
  if (await page.$(button)) await page.click(button).catch(() => {})
  await page.waitForSelector(tid(testid), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

/** Searches the list for the token of this run. */
async function searchToken() {
  await page.fill(inputOf('accident-filter-q'), TOKEN)
  await page.keyboard.press('Enter')
  try {
    await page.waitForURL((url) => url.hash.includes(`q=${encodeURIComponent(TOKEN)}`) || url.hash.includes(`q=${TOKEN}`), { timeout: 10000 })
  } catch {
    fail(`the search did not go into the URL (at ${page.url()})`)
  }
  await waitVisible(`${tid('accident-table')}[data-loaded="true"]`, 'the list')
}

async function rowsWithToken() {
  return page.$$eval(`tr${tid('accident-row')}`, (els) => els.map((el) => el.getAttribute('data-id')))
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 事故登记 from the 安全管理 menu.
  await check('2 accidents page', ['1 login'], async () => {
    await openFromMenu('nav-safety-group', 'nav-accidents', 'the 事故登记 entry', { missing: `the menu has no 安全管理 group (${USER} lacks accident:view?)` })
    await waitVisible(tid('accidents-page'), 'the 事故登记 page')
    const title = await textOf(`${tid('accidents-page')} .page-title`)
    if (title !== '事故登记') fail(`the page title says "${title}"`)
    await waitVisible(`${tid('accident-table')}[data-loaded="true"]`, 'the list of accidents')
    if (!(await page.$(tid('accident-new')))) fail(`there is no 登记事故 button (${USER} lacks accident:edit?)`)
    const total = await attribute(tid('accident-total'), 'data-total')
    return `${new URL(page.url()).hash}, ${total} accident(s) listed`
  })

  // 3. Nothing filled in: the form refuses, nothing is sent.
  await check('3 empty form refused', ['2 accidents page'], async () => {
    await page.click(tid('accident-new'))
    await waitVisible(`${tid('accident-form')}[data-id=""]`, 'the 登记事故 form')
    let fields = []
    const sent = await requestsDuring('POST', ACCIDENTS_API, async () => {
      await page.click(tid('accident-save'))
      await waitVisible(fieldError('occurredAt'), 'the error under the time', 10000)
      fields = await page.$$eval(tid('accident-field-error'), (els) => els.filter((el) => el.textContent.trim()).map((el) => el.getAttribute('data-field')))
    })
    if (sent.length) fail(`an empty accident was sent: POST ${sent.join(', ')}`)
    for (const field of ['occurredAt', 'kind', 'deaths', 'injuries', 'description']) {
      if (!fields.includes(field)) fail(`no error under ${field} (errors under ${fields.join(', ')})`)
    }
    await screenshot('form-empty')
    await closeDialog('accident-form-dialog')
    return `errors under ${fields.join(', ')}; nothing sent`
  })

  // 4. The accident of this run: 泄漏, 0 deaths, 1 injury, 12.5 万元.
  await check('4 register an accident', ['3 empty form refused'], async () => {
    await fillNewAccident()
    await screenshot('form')
    const response = await save('POST', ACCIDENTS_API)
    const body = await response.json().catch(() => null)
    if (response.status() !== 201) fail(`POST /api/accidents answered ${response.status()}${body?.message ? ` (${body.message})` : ''}${await visibleErrors()}`)
    const sent = JSON.parse(response.request().postData() || '{}')
    if (!String(sent.occurredAt || '').startsWith(OCCURRED) || sent.kind !== 'LEAK' || sent.deaths !== 0 || sent.injuries !== 1 || sent.directLossWan !== 12.5 || sent.uscc !== ENTERPRISE) {
      fail(`the form sent ${JSON.stringify(sent)}`)
    }
    if (!body?.id) fail(`the answer has no id: ${JSON.stringify(body)}`)
    accidentId = String(body.id)
    log(`RECORDED ${accidentId} ${OCCURRED_TEXT} ${TOKEN}`)
    await page.waitForSelector(tid('accident-form-dialog'), { state: 'hidden', timeout: 10000 }).catch(() => null)
    await searchToken()
    await waitVisible(rowOf(accidentId), `the row of ${accidentId}`)
    const row = {
      kind: await attribute(rowOf(accidentId), 'data-kind'),
      at: await attribute(rowOf(accidentId), 'data-occurred-at'),
      deaths: await attribute(rowOf(accidentId), 'data-deaths'),
      injuries: await attribute(rowOf(accidentId), 'data-injuries'),
      loss: await attribute(rowOf(accidentId), 'data-loss'),
      local: await attribute(rowOf(accidentId), 'data-local')
    }
    if (row.kind !== 'LEAK' || row.at !== OCCURRED || row.deaths !== '0' || row.injuries !== '1' || Number(row.loss) !== 12.5 || row.local !== 'true') fail(`the row shows ${JSON.stringify(row)}`)
    const tag = await textOf(`${rowOf(accidentId)} ${tid('accident-kind')}`)
    if (tag !== '泄漏') fail(`the type tag says "${tag}"`)
    const time = await textOf(`${rowOf(accidentId)} ${tid('accident-open')}`)
    if (time !== OCCURRED_TEXT) fail(`the row's time reads "${time}", expected ${OCCURRED_TEXT} (China time)`)
    const source = await textOf(`${rowOf(accidentId)} ${tid('accident-source')}`)
    if (source !== '本级') fail(`the source says "${source}"`)
    await screenshot('list')
    return `201, ${accidentId}: 泄漏 at ${time}, 0 dead, 1 injured, 12.5 万元, 本级`
  })

  // 5. The same accident again: DUPLICATE under the time.
  await check('5 duplicate refused', ['4 register an accident'], async () => {
    await fillNewAccident()
    const response = await save('POST', ACCIDENTS_API)
    const body = await response.json().catch(() => null)
    if (response.status() !== 400) fail(`the duplicate answered ${response.status()}`)
    const codes = (body?.fieldErrors || []).map((e) => `${e.field} ${e.code}`)
    if (!codes.includes('occurredAt DUPLICATE')) fail(`the server refused it with ${codes.join(', ') || body?.message}`)
    await waitVisible(fieldError('occurredAt'), 'the error under the time', 10000)
    const text = await textOf(fieldError('occurredAt'))
    if (text !== DUPLICATE_TEXT) fail(`the error under the time says "${text}", expected "${DUPLICATE_TEXT}"`)
    await closeDialog('accident-form-dialog')
    await page.click(tid('accident-refresh'))
    await page.waitForTimeout(800)
    const ids = await rowsWithToken()
    if (ids.length !== 1 || ids[0] !== accidentId) fail(`the list shows ${ids.length} row(s) for ${TOKEN}: ${ids.join(', ')}`)
    return `400 occurredAt DUPLICATE: "${text}"; one row`
  })

  // 6. 修改: 2 injuries.
  await check('6 correct the injuries', ['4 register an accident'], async () => {
    await page.click(`${rowOf(accidentId)} ${tid('accident-edit')}`)
    await waitVisible(`${tid('accident-form')}[data-id="${accidentId}"]`, 'the 修改 form')
    const at = await attribute(tid('accident-form-occurred-at'), 'data-value')
    const injuries = await page.inputValue(inputOf('accident-form-injuries'))
    if (at !== OCCURRED || injuries !== '1') fail(`the form opens with time "${at}" and injuries "${injuries}"`)
    await page.fill(inputOf('accident-form-injuries'), '2')
    const pattern = new RegExp(`/api/accidents/${accidentId}(\\?|$)`)
    const response = await save('PUT', pattern)
    if (response.status() !== 200) {
      const body = await response.json().catch(() => null)
      fail(`PUT answered ${response.status()}${body?.message ? ` (${body.message})` : ''}${await visibleErrors()}`)
    }
    const sent = JSON.parse(response.request().postData() || '{}')
    if (sent.injuries !== 2 || !String(sent.occurredAt || '').startsWith(OCCURRED) || sent.kind !== 'LEAK') fail(`the form sent ${JSON.stringify(sent)}`)
    const shown = await waitAttribute(rowOf(accidentId), 'data-injuries', ['2'])
    if (shown !== '2') fail(`the row shows ${await attribute(rowOf(accidentId), 'data-injuries')} injuries`)
    return 'PUT 200, the row shows 2 injuries'
  })

  // 6b. 事故前报警 (B5): the record's drawer lists the enterprise's alarms before it, as many as the API counts.
  await check('6b alarms before the accident', ['4 register an accident'], async () => {
    await page.click(`${rowOf(accidentId)} ${tid('accident-open')}`)
    await waitVisible(`${tid('accident-detail')}[data-state="ready"]`, 'the record')
    await waitVisible(`${tid('accident-precursors')}[data-state="ready"]`, 'the alarms before it')
    const shown = await attribute(tid('accident-precursors'), 'data-total')
    const answer = await page.evaluate(async (id) => {
      const response = await fetch(new URL(`/api/accidents/${id}/preceding-alarms?hours=72`, window.location.origin), {
        headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      return { status: response.status, body: await response.json().catch(() => null) }
    }, accidentId)
    if (answer.status !== 200 || String(answer.body?.total) !== shown) fail(`the drawer shows ${shown}, the API answered ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`)
    const summary = await textOf(tid('accident-precursors-summary'))
    if (!summary.includes('72')) fail(`the summary reads "${summary}"`)
    await screenshot('precursors')
    await page.keyboard.press('Escape')
    await page.waitForSelector(`${tid('accident-detail')}`, { state: 'hidden', timeout: 10000 }).catch(() => null)
    return `${shown} alarms in the 72 h before: "${summary}"`
  })

  // 7. 作废: refused without a reason, then gone; back with 含已作废, marked.
  await check('7 void the accident', ['4 register an accident'], async () => {
    await page.click(`${rowOf(accidentId)} ${tid('accident-void')}`)
    await waitVisible(`${tid('accident-void-form')}[data-id="${accidentId}"]`, 'the 作废 dialog')
    const voidApi = new RegExp(`/api/accidents/${accidentId}/void`)
    const sent = await requestsDuring('POST', voidApi, async () => {
      await page.click(tid('accident-void-confirm'))
      await waitVisible(tid('accident-void-field-error'), 'the error under the missing reason', 10000)
    })
    if (sent.length) fail(`voided without a reason: POST ${sent.join(', ')}`)
    await page.fill(textareaOf('accident-void-reason'), REASON)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && voidApi.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('accident-void-confirm'))
    ])
    if (!response) fail(`no POST …/void${await visibleErrors()}`)
    if (response.status() !== 200) fail(`the void answered ${response.status()}${await visibleErrors()}`)
    try {
      await page.waitForSelector(rowOf(accidentId), { state: 'detached', timeout: WAIT })
    } catch {
      fail('the voided accident is still listed')
    }
    await page.click(tid('accident-filter-voided'))
    try {
      await page.waitForURL((url) => url.hash.includes('voided=true'), { timeout: 10000 })
    } catch {
      fail(`含已作废 did not go into the URL (at ${page.url()})`)
    }
    await waitVisible(rowOf(accidentId), 'the voided row with 含已作废')
    const voided = await waitAttribute(rowOf(accidentId), 'data-voided', ['true'])
    if (voided !== 'true') fail('the row is not marked voided')
    const tag = await textOf(`${rowOf(accidentId)} ${tid('accident-voided-tag')}`)
    if (tag !== '已作废') fail(`the voided tag says "${tag}"`)
    if ((await attribute(rowOf(accidentId), 'data-editable')) !== 'false' || (await page.$(`${rowOf(accidentId)} ${tid('accident-edit')}`))) fail('the voided record can still be changed')
    await screenshot('voided')
    await page.click(tid('accident-filter-voided'))
    return 'refused without a reason; voided (200), gone from the list, back with 含已作废 as 已作废, read-only'
  })

  // 8. 导入: what is not an .xlsx is refused by the dialog.
  await check('8 import refuses a non-xlsx', ['2 accidents page'], async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-accidents-'))
    try {
      const text = path.join(dir, 'accidents.txt')
      const renamed = path.join(dir, 'renamed-text.xlsx')
      fs.writeFileSync(text, `发生时间,事故类型\n${OCCURRED_TEXT},泄漏\n`)
      fs.writeFileSync(renamed, 'this is plain text, not a workbook\n')
      await page.click(tid('accident-import'))
      await waitVisible(tid('accident-import-form'), 'the 导入 dialog')
      const messages = []
      const sent = await requestsDuring('POST', /\/api\/accidents\/import/, async () => {
        for (const file of [text, renamed]) {
          await page.setInputFiles(`input${tid('accident-import-file')}`, file)
          await waitVisible(tid('accident-import-error'), `the error for ${path.basename(file)}`, 10000)
          const message = await textOf(tid('accident-import-error'))
          if (!message.includes(path.basename(file)) || !message.includes('.xlsx')) fail(`the error for ${path.basename(file)} says "${message}"`)
          messages.push(message)
        }
      })
      if (sent.length) fail(`the file was sent: POST ${sent.join(', ')}`)
      if (await page.isEnabled(tid('accident-import-confirm'))) fail('确认导入 is enabled for a file that is no .xlsx')
      await screenshot('import')
      await closeDialog('accident-import-dialog')
      return `"${messages[0]}"; the renamed text file too; nothing sent`
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  await check('9 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_ENTERPRISE'])
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
    log(`opening ${URL_BASE} as ${USER}; a 泄漏 of ${ENTERPRISE} at ${OCCURRED_TEXT} (China time), ${TOKEN}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
  }
}

await runChecks(main)
