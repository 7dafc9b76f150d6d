#!/usr/bin/env node
// End-to-end check of 隐患排查治理 (hidden-danger investigation and governance, requirement E1) in the HazardWatch web
// UI against a running node, as a user who plays both the enterprise's and the supervisor's part (e.g. `admin`: every
// permission, nationwide scope), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language), on an investigation and a hidden danger of its own:
//   - opens 隐患排查治理 from the 安全管理 menu (#/hidden-dangers);
//   - 排查活动: plans a supervision investigation (监管检查) of HW_ENTERPRISE with a two-line checklist (POST
//     /api/hidden-dangers/inspections, 201; the checklist sent as two items);
//   - 登记隐患: records a MAJOR hidden danger of the enterprise, linked to that investigation (chosen in the form), and
//     opens it at #/hidden-dangers/<id> (已登记);
//   - 下达整改通知: the dialog refuses to send it without the notice number (field error, nothing sent), then issues it
//     (整改中, the notice number shown prominently, the deadline shown);
//   - 整改上报 is refused by the server (no evidence, governance project not complete) and the dialog shows both reasons;
//   - the governance project: funds with three decimals are refused by the form, then saved (measures, 35.5 万元,
//     responsible, deadline); progress to 50 %, then to 100 %;
//   - uploads an EVIDENCE photo (a PNG written by this script) through its input and checks that the SHA-256 shown, the
//     server's and the one of the bytes downloaded with the page's session are the one computed with node:crypto; the
//     photo previews as an image;
//   - 整改上报 (待验收), 验收销号 (已销号, no steps left, no uploads); the timeline has every entry (recorded, notice,
//     project, progress twice, evidence, report, acceptance) and as many as the server keeps;
//   - the investigation counts the hidden danger and is completed with its result (已完成);
//   - 统计 loads (at least one closed); 隐患台账 lists it as 已销号 / 重大隐患; no uncaught page errors.
// The server keeps the investigation and the hidden danger (closed) and audits every step.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user holding hidden-danger:view, :rectify and :supervise with nationwide scope, e.g. admin
//                                                                                   (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_ENTERPRISE      USCC of an enterprise in the registry, e.g. 91370281MA3HW2026N (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (form, notice, governance, closed, statistics, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[hidden-dangers] N passed, M failed". Exit code 0 when all passed, else 1.

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const ENTERPRISE = (process.env.HW_ENTERPRISE || '').trim().toUpperCase()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const RUN = new Date().toISOString()
const INSPECTION_TITLE = `浏览器测试：罐区监管检查 ${RUN}`
const CHECKLIST = ['储罐液位计及高液位报警完好', '呼吸阀、阻火器完好']
const LOCATION = `浏览器测试：罐区A 1#储罐呼吸阀（${RUN}）`
const DESCRIPTION = '呼吸阀阀盘锈蚀卡涩，储罐超压风险。'
const NOTICE = `胶应急隐改〔${new Date().getFullYear()}〕E2E-${Date.now() % 100000}号`
const RESPONSIBLE = '张工'
const RECTIFICATION = '已更换呼吸阀并校验，附更换后照片。'
const PROGRESS_STEPS = [50, 100]

const STATUS_ZH = { FOUND: '已登记', RECTIFYING: '整改中', AWAITING_ACCEPTANCE: '待验收', CLOSED: '已销号' }

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
} = createHarness({ tag: 'hidden-dangers', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
let inspectionId = ''
let dangerId = ''
const photo = { path: '', name: 'rectified-valve.png', size: 0, sha256: '' }

// ---- the photo uploaded ----------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc])
}

/** A small RGB PNG: a 16 x 16 green square with a white cross, different in every run (a pixel carries the time). */
function tinyPng() {
  const size = 16
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const stamp = Date.now()
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = [0] // filter: none
    for (let x = 0; x < size; x++) {
      if (x === 0 && y === 0) row.push(stamp & 0xff, (stamp >> 8) & 0xff, (stamp >> 16) & 0xff)
      else row.push(...(x === 8 || y === 8 ? [255, 255, 255] : [46, 160, 67]))
    }
    rows.push(Buffer.from(row))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

function writePhoto() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-hidden-dangers-'))
  const bytes = tinyPng()
  photo.path = path.join(dir, photo.name)
  fs.writeFileSync(photo.path, bytes)
  photo.size = bytes.length
  photo.sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  return dir
}

// ---- page helpers ----------------------------------------------------------------------------------------

const detailOf = (id) => `${tid('danger-detail')}[data-id="${id}"]`
const actionsApi = (id, action) => new RegExp(`/api/hidden-dangers/${id}/actions/${action}(\\?|$)`)
const NOTE = `textarea${tid('danger-action-note')}, ${tid('danger-action-note')} textarea`
const inputOf = (id) => `input${tid(id)}, ${tid(id)} input`
const textareaOf = (id) => `textarea${tid(id)}, ${tid(id)} textarea`

/** A call of the API with the page's session (its cookie, and the CSRF token the tab keeps), from inside the page. */
async function api(method, apiPath, body) {
  return page.evaluate(
    async ({ method: m, apiPath: p, body: b }) => {
      const raw = window.sessionStorage.getItem('hazardwatch.session')
      const csrf = raw ? JSON.parse(raw).csrfToken : null
      const headers = { Accept: 'application/json' }
      if (csrf) headers['X-CSRF-Token'] = csrf
      if (b !== undefined) headers['Content-Type'] = 'application/json'
      const response = await fetch(new URL('/api' + p, window.location.origin), {
        method: m,
        headers,
        body: b === undefined ? undefined : JSON.stringify(b),
        credentials: 'same-origin',
        cache: 'no-store'
      })
      const text = await response.text()
      let json = null
      try {
        json = JSON.parse(text)
      } catch {
        json = null
      }
      return { status: response.status, body: json, text: text.slice(0, 300) }
    },
    { method, apiPath, body }
  )
}

/** The hidden danger as the server has it now. */
async function serverDanger(id) {
  const answer = await api('GET', `/hidden-dangers/${encodeURIComponent(id)}`)
  if (answer.status !== 200 || !answer.body) fail(`GET /api/hidden-dangers/${id} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** Waits for the detail in the given status; fails with what is shown otherwise. */
async function waitStatus(status, timeout = WAIT) {
  const shown = await waitAttribute(detailOf(dangerId), 'data-status', [status], timeout)
  if (shown !== status) fail(`the hidden danger shows status "${await attribute(detailOf(dangerId), 'data-status')}", expected ${status}${await visibleErrors()}`)
  const tag = await textOf(`${detailOf(dangerId)} .status-bar ${tid('danger-status')}[data-status="${status}"]`)
  if (tag !== STATUS_ZH[status]) fail(`the status tag says "${tag}", expected "${STATUS_ZH[status]}"`)
  return tag
}

/** The texts of the action dialog's errors (field errors and the alert), for failure messages. */
async function dialogErrors() {
  return page.$$eval(`${tid('danger-action-field-error')}, ${tid('danger-action-error')}`, (els) =>
    els
      .filter((e) => e.getClientRects().length)
      .map((e) => `${e.getAttribute('data-field') || e.getAttribute('data-testid')}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

/** Closes the dialog with the given test id by its close button (Escape would close the drawer as well). */
async function closeDialog(testid) {
  const button = `${tid(testid)} .el-dialog__headerbtn`
  if (await page.$(button)) await page.click(button)
  await page.waitForSelector(tid(testid), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

/** Opens the step's dialog from its button. */
async function openStep(action) {
  const button = `${detailOf(dangerId)} ${tid(`danger-action-${action}`)}`
  if ((await firstVisible({ button }, 10000)) !== 'button') {
    fail(`no ${action} button (offered: ${(await attribute(detailOf(dangerId), 'data-actions')) || 'nothing'})${await visibleErrors()}`)
  }
  await page.click(button)
  await waitVisible(`${tid('danger-action-form-wrap')}[data-action="${action}"]`, `the ${action} dialog`)
}

/** Confirms the open step's dialog; returns the POST's response (or fails when none was sent). */
async function confirmStep(action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && actionsApi(dangerId, action).test(r.url()), { timeout: WAIT }).catch(() => null),
    page.click(`${tid('danger-action-confirm')}[data-action="${action}"]`)
  ])
  if (!response) fail(`confirming ${action} sent no POST .../actions/${action}: ${(await dialogErrors()).join(' | ') || 'no error shown'}`)
  return response
}

/** Takes a step through its button and the dialog (note optional); the detail must reach `expect`. */
async function takeStep(action, { note = '', expect }) {
  await openStep(action)
  if (note) await page.fill(NOTE, note)
  const response = await confirmStep(action)
  if (response.status() !== 200) {
    const body = await response.json().catch(() => null)
    await page.waitForTimeout(500)
    fail(`${action} answered ${response.status()}${body?.message ? ` (${body.message})` : ''}: ${(await dialogErrors()).join(' | ') || 'no error shown'}`)
  }
  try {
    await page.waitForSelector(`${tid('danger-action-form-wrap')}[data-action="${action}"]`, { state: 'hidden', timeout: 10000 })
  } catch {
    fail(`the ${action} dialog stayed open after the step`)
  }
  await waitStatus(expect)
  const now = await serverDanger(dangerId)
  if (now.status !== expect) fail(`after ${action} the server has the hidden danger in status ${now.status}, expected ${expect}`)
  return now
}

/** Chooses the enterprise HW_ENTERPRISE in an enterprise select (test id prefix), by typing its USCC. */
async function chooseEnterprise(testid) {
  const field = tid(`${testid}-field`)
  if ((await attribute(field, 'data-uscc')) === ENTERPRISE) return
  await page.click(tid(testid))
  await page.keyboard.type(ENTERPRISE)
  const option = `.el-select-dropdown__item${tid(`${testid}-option`)}[data-uscc="${ENTERPRISE}"]`
  const typed = inputOf(`${testid}-input`)
  const seen = await firstVisible({ option, typed }, 15000)
  if (seen === 'typed') {
    // The enterprise search is not open to the user: the form takes the USCC typed.
    await page.fill(typed, ENTERPRISE)
  } else if (seen === 'option') {
    await page.click(option)
  } else {
    fail(`${ENTERPRISE} is not offered when typing it${await visibleErrors()}`)
  }
  const chosen = await waitAttribute(field, 'data-uscc', [ENTERPRISE], 5000)
  if (chosen !== ENTERPRISE) fail(`the form holds the enterprise "${await attribute(field, 'data-uscc')}"`)
}

/** Watches the POSTs matching a pattern while fn runs; returns their URLs. */
async function postsDuring(pattern, fn) {
  const sent = []
  const listener = (request) => {
    if (request.method() === 'POST' && pattern.test(request.url())) sent.push(request.url())
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

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 隐患排查治理 from the 安全管理 menu.
  await check('2 hidden-dangers page', ['1 login'], async () => {
    await openFromMenu('nav-safety-group', 'nav-hidden-dangers', 'the 隐患排查治理 entry', { missing: `the menu has no 安全管理 group (${USER} lacks hidden-danger:view?)` })
    await waitVisible(tid('hidden-dangers-page'), 'the 隐患排查治理 page')
    const title = await textOf(`${tid('hidden-dangers-page')} .page-title`)
    if (title !== '隐患排查治理') fail(`the page title says "${title}"`)
    await waitVisible(tid('hidden-dangers-table'), 'the hidden-danger register')
    if (!(await page.$(tid('hd-new')))) fail(`there is no 登记隐患 button (${USER} lacks hidden-danger:rectify and :supervise?)`)
    const group = await textOf(`${tid('nav-safety-group')} .el-sub-menu__title`)
    return `menu "${group}" → 隐患排查治理, ${new URL(page.url()).hash}`
  })

  // 3. 排查活动: a supervision investigation with a two-line checklist.
  await check('3 plan an investigation', ['2 hidden-dangers page'], async () => {
    await page.click(tid('hd-tab-inspections'))
    await waitVisible(tid('hd-inspections-table'), 'the investigations')
    await page.click(tid('hd-inspection-plan'))
    await waitVisible(tid('inspection-form'), 'the 计划排查 form')
    await chooseEnterprise('inspection-uscc')
    await page.click(`${tid('inspection-kind')} [data-kind="SUPERVISION"]`)
    await page.fill(inputOf('inspection-title'), INSPECTION_TITLE)
    await page.fill(textareaOf('inspection-checklist'), `${CHECKLIST[0]}\n\n  ${CHECKLIST[1]}  \n`)
    await page.fill(inputOf('inspection-inspector'), '浏览器测试检查组')
    await page.click(tid('inspection-planned-now'))
    const count = await attribute(tid('inspection-checklist-count'), 'data-count')
    if (count !== String(CHECKLIST.length)) fail(`the form counts ${count} checklist item(s), expected ${CHECKLIST.length}`)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/hidden-dangers\/inspections(\?|$)/.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('inspection-form-submit'))
    ])
    if (!response) fail(`no POST /api/hidden-dangers/inspections${await visibleErrors()}`)
    if (response.status() !== 201) fail(`POST /api/hidden-dangers/inspections answered ${response.status()}${await visibleErrors()}`)
    const sent = JSON.parse(response.request().postData() || '{}')
    if (sent.kind !== 'SUPERVISION' || sent.uscc !== ENTERPRISE || JSON.stringify(sent.checklist) !== JSON.stringify(CHECKLIST) || !sent.plannedAt) {
      fail(`the form sent ${JSON.stringify(sent)}`)
    }
    const created = await response.json().catch(() => null)
    if (!created?.id) fail('the answer names no investigation id')
    inspectionId = String(created.id)
    const row = `tr${tid('inspection-row')}[data-id="${inspectionId}"]`
    await waitVisible(row, `the row of investigation ${inspectionId}`)
    const status = await attribute(row, 'data-status')
    if (status !== 'PLANNED') fail(`the investigation row says ${status}`)
    return `investigation ${inspectionId} (监管检查, ${sent.checklist.length} items), 计划中`
  })

  // 4. 登记隐患: a major one, linked to the investigation.
  await check('4 record a major hidden danger', ['3 plan an investigation'], async () => {
    await page.click(tid('hd-new'))
    await waitVisible(tid('danger-form'), 'the 登记隐患 form')
    await chooseEnterprise('danger-form-uscc')
    await page.click(tid('danger-form-inspection'))
    const option = `.el-select-dropdown__item${tid('danger-form-inspection-option')}[data-inspection-id="${inspectionId}"]`
    if ((await firstVisible({ option }, 15000)) !== 'option') fail(`investigation ${inspectionId} is not offered${await visibleErrors()}`)
    await page.click(option)
    await page.click(`${tid('danger-form-level')} [data-level="MAJOR"]`)
    await waitVisible(tid('danger-form-major-hint'), 'the hint that a major hidden danger goes to the county')
    await page.click(tid('danger-form-category'))
    const category = `.el-select-dropdown__item${tid('danger-form-category-option')}[data-category="EQUIPMENT"]`
    await waitVisible(category, 'the category 设备设施')
    await page.click(category)
    await page.fill(inputOf('danger-form-location'), LOCATION)
    await page.fill(textareaOf('danger-form-description'), DESCRIPTION)
    await screenshot('form')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/hidden-dangers(\?|$)/.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('danger-form-submit'))
    ])
    if (!response) fail(`no POST /api/hidden-dangers${await visibleErrors()}`)
    if (response.status() !== 201) fail(`POST /api/hidden-dangers answered ${response.status()}${await visibleErrors()}`)
    const sent = JSON.parse(response.request().postData() || '{}')
    if (sent.level !== 'MAJOR' || sent.category !== 'EQUIPMENT' || sent.uscc !== ENTERPRISE || String(sent.inspectionId) !== inspectionId || sent.location !== LOCATION) {
      fail(`the form sent ${JSON.stringify(sent)}`)
    }
    try {
      await page.waitForURL((url) => /^#\/hidden-dangers\/[^/?]+/.test(url.hash), { timeout: 10000 })
    } catch {
      fail(`the page did not open the new hidden danger at #/hidden-dangers/<id> (at ${page.url()})`)
    }
    dangerId = decodeURIComponent(/^#\/hidden-dangers\/([^/?]+)/.exec(new URL(page.url()).hash)[1])
    const state = await waitAttribute(detailOf(dangerId), 'data-state', ['ready', 'notfound', 'error'])
    if (state !== 'ready') fail(`the detail of ${dangerId} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
    await waitStatus('FOUND')
    const level = await attribute(detailOf(dangerId), 'data-level')
    if (level !== 'MAJOR') fail(`the detail says level ${level}`)
    const linked = await attribute(`${detailOf(dangerId)} ${tid('danger-detail-inspection')}`, 'data-inspection-id')
    if (linked !== inspectionId) fail(`the detail names investigation "${linked}"`)
    log(`RECORDED ${dangerId}`)
    return `hidden danger ${dangerId}: 重大隐患, 已登记, in investigation ${inspectionId}`
  })

  // 5. 下达整改通知 without its number: refused by the dialog, nothing sent.
  await check('5 notice refused without its number', ['4 record a major hidden danger'], async () => {
    await openStep('ASSIGN')
    const asNotice = await attribute(tid('danger-action-form-wrap'), 'data-notice')
    if (asNotice !== 'true') fail('the arrangement of a major hidden danger is not the rectification notice')
    await page.fill(inputOf('danger-action-responsible'), RESPONSIBLE)
    await page.click(`${tid('danger-action-deadline-in')}[data-days="15"]`)
    const deadline = await attribute(tid('danger-action-deadline'), 'data-value')
    if (!deadline || Date.parse(deadline) <= Date.now()) fail(`the deadline chosen is "${deadline}"`)
    let refusal = ''
    const sent = await postsDuring(actionsApi(dangerId, 'ASSIGN'), async () => {
      await page.click(`${tid('danger-action-confirm')}[data-action="ASSIGN"]`)
      const error = `${tid('danger-action-field-error')}[data-field="noticeNumber"]`
      await waitVisible(error, 'the error under the empty notice number', 10000)
      refusal = await textOf(error)
    })
    if (sent.length) fail(`the notice was sent without its number: POST ${sent.join(', ')}`)
    return `"${refusal}", nothing sent (deadline ${deadline})`
  })

  // 6. 下达整改通知 with its number: 整改中, the number shown prominently.
  await check('6 issue the rectification notice', ['5 notice refused without its number'], async () => {
    await page.fill(inputOf('danger-action-notice'), NOTICE)
    const response = await confirmStep('ASSIGN')
    if (response.status() !== 200) fail(`ASSIGN answered ${response.status()}: ${(await dialogErrors()).join(' | ')}`)
    const sent = JSON.parse(response.request().postData() || '{}')
    if (sent.noticeNumber !== NOTICE || sent.responsible !== RESPONSIBLE || !sent.deadline) fail(`the dialog sent ${JSON.stringify(sent)}`)
    await page.waitForSelector(tid('danger-action-form-wrap'), { state: 'hidden', timeout: 10000 }).catch(() => null)
    await waitStatus('RECTIFYING')
    await waitVisible(`${detailOf(dangerId)} ${tid('danger-notice')}`, 'the rectification notice')
    const number = await textOf(`${detailOf(dangerId)} ${tid('danger-notice-number')}`)
    if (number !== NOTICE) fail(`the notice shows "${number}", expected "${NOTICE}"`)
    const deadline = await attribute(`${detailOf(dangerId)} ${tid('danger-deadline')}`, 'data-deadline')
    if (!deadline) fail('no deadline is shown')
    await screenshot('notice')
    return `整改中, notice ${number}, deadline ${deadline}`
  })

  // 7. 整改上报 now: refused by the server, both reasons shown.
  await check('7 report refused without evidence and governance', ['6 issue the rectification notice'], async () => {
    await openStep('REPORT')
    const missing = ((await attribute(tid('danger-action-missing'), 'data-missing')) || '').split(',')
    if (!missing.includes('evidence') || !missing.includes('governance')) fail(`the dialog lists as missing "${missing.join(',')}"`)
    await page.fill(NOTE, RECTIFICATION)
    const response = await confirmStep('REPORT')
    if (response.status() !== 400) fail(`REPORT answered ${response.status()}, expected 400`)
    await waitVisible(tid('danger-action-error'), 'the refusal in the dialog')
    const reasons = await page.$$eval(tid('danger-action-other-error'), (els) =>
      els.map((el) => ({ field: el.getAttribute('data-field'), code: el.getAttribute('data-code'), text: el.textContent.trim() }))
    )
    const evidence = reasons.find((r) => r.field === 'attachments' && r.code === 'EVIDENCE_REQUIRED')
    const governance = reasons.find((r) => r.field === 'governance' && r.code === 'NOT_COMPLETE')
    if (!evidence || !governance) fail(`the dialog shows ${JSON.stringify(reasons)}`)
    await screenshot('report-refused')
    await closeDialog('danger-action-dialog')
    const server = await serverDanger(dangerId)
    if (server.status !== 'RECTIFYING') fail(`the server has it in status ${server.status}`)
    return `400 shown: "${evidence.text}" / "${governance.text}"`
  })

  // 8. The governance project: three decimals refused by the form, then saved.
  await check('8 governance project', ['6 issue the rectification notice'], async () => {
    const panel = `${detailOf(dangerId)} ${tid('danger-governance')}`
    await waitVisible(`${panel} ${tid('danger-governance-form')}`, 'the governance project form')
    await page.fill(textareaOf('danger-governance-measures'), '更换呼吸阀、阻火器；增设储罐压力远传及高压联锁。')
    await page.fill(inputOf('danger-governance-funds'), '12.345')
    await page.fill(inputOf('danger-governance-responsible'), '王厂长')
    await page.click(`${tid('danger-governance-deadline-in')}[data-days="30"]`)
    const planApi = new RegExp(`/api/hidden-dangers/${dangerId}/governance(\\?|$)`)
    let refusal = ''
    const sent = await postsDuring(planApi, async () => {
      await page.click(tid('danger-governance-save'))
      const error = `${tid('danger-governance-field-error')}[data-field="funds"]`
      await waitVisible(error, 'the error under funds of three decimals', 10000)
      refusal = await textOf(error)
    })
    if (sent.length) fail(`funds of three decimals were sent: ${sent.join(', ')}`)
    await page.fill(inputOf('danger-governance-funds'), '35.5')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && planApi.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('danger-governance-save'))
    ])
    if (!response) fail(`no POST .../governance${await visibleErrors()}`)
    if (response.status() !== 200) fail(`POST .../governance answered ${response.status()}${await visibleErrors()}`)
    const body = JSON.parse(response.request().postData() || '{}')
    if (body.funds !== 35.5 || !body.deadline || !body.measures) fail(`the form sent ${JSON.stringify(body)}`)
    const present = await waitAttribute(panel, 'data-present', ['true'])
    if (present !== 'true') fail('the project is not shown as set')
    const funds = await attribute(`${panel} ${tid('danger-governance-funds-text')}`, 'data-funds')
    if (Number(funds) !== 35.5) fail(`the project shows funds "${funds}"`)
    return `"${refusal}" for 12.345; saved with 35.5 万元`
  })

  // 9. Progress, forward only: 50 %, then 100 %.
  await check('9 governance progress to 100', ['8 governance project'], async () => {
    const panel = `${detailOf(dangerId)} ${tid('danger-governance')}`
    const progressApi = new RegExp(`/api/hidden-dangers/${dangerId}/governance/progress(\\?|$)`)
    for (const percent of PROGRESS_STEPS) {
      await waitVisible(`${panel} ${tid('danger-progress-input')}`, 'the progress input')
      const input = `${tid('danger-progress-input')} input`
      await page.fill(input, String(percent))
      await page.press(input, 'Tab')
      await page.fill(textareaOf('danger-progress-note'), `浏览器测试：完成 ${percent}%`)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && progressApi.test(r.url()), { timeout: WAIT }).catch(() => null),
        page.click(tid('danger-progress-save'))
      ])
      if (!response) fail(`no POST .../governance/progress for ${percent} %${await visibleErrors()}`)
      if (response.status() !== 200) fail(`the progress ${percent} % answered ${response.status()}${await visibleErrors()}`)
      const shown = await waitAttribute(panel, 'data-progress', [String(percent)])
      if (shown !== String(percent)) fail(`the project shows ${await attribute(panel, 'data-progress')} %, expected ${percent}`)
    }
    const server = await serverDanger(dangerId)
    if (server.governance?.progressPercent !== 100) fail(`the server has the project at ${server.governance?.progressPercent} %`)
    await screenshot('governance')
    return `progress ${PROGRESS_STEPS.join(' → ')} %`
  })

  // 10. The evidence photo, its SHA-256 everywhere the one of the file.
  await check('10 upload evidence', ['6 issue the rectification notice'], async () => {
    const input = `input${tid('danger-upload-EVIDENCE')}`
    await page.waitForSelector(input, { state: 'attached', timeout: WAIT })
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/attachments\?/.test(r.url()) && r.url().includes('stage=EVIDENCE'), { timeout: WAIT }).catch(() => null),
      page.setInputFiles(input, photo.path)
    ])
    if (!response) fail(`the photo was not sent${await visibleErrors()}`)
    if (response.status() !== 201) fail(`the upload answered ${response.status()}${await visibleErrors()}`)
    const row = `${detailOf(dangerId)} tr${tid('danger-attachment-row')}[data-stage="EVIDENCE"][data-file-name="${photo.name}"]`
    await waitVisible(row, 'the evidence row')
    const shown = await attribute(row, 'data-sha256')
    if (shown !== photo.sha256) fail(`the row has SHA-256 ${shown}, the file ${photo.sha256}`)
    const title = await attribute(`${row} ${tid('danger-attachment-sha256')}`, 'title')
    if (!title || !title.includes(photo.sha256)) fail(`the full SHA-256 is not in the title ("${title}")`)
    const attachmentId = await attribute(row, 'data-id')
    const server = await serverDanger(dangerId)
    const kept = (server.attachments || []).find((a) => String(a.id) === attachmentId)
    if (!kept || kept.sha256 !== photo.sha256 || kept.stage !== 'EVIDENCE' || kept.size !== photo.size) fail(`the server keeps ${JSON.stringify(kept)}`)
    // The bytes as the server gives them back, fetched with the page's session.
    const answer = await page.evaluate(async (p) => {
      const response = await fetch(new URL('/api' + p, window.location.origin), { credentials: 'same-origin', cache: 'no-store' })
      const bytes = new Uint8Array(await response.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return { status: response.status, header: response.headers.get('X-Content-SHA256') || '', base64: btoa(binary) }
    }, `/hidden-dangers/${encodeURIComponent(dangerId)}/attachments/${encodeURIComponent(attachmentId)}`)
    if (answer.status !== 200) fail(`GET the photo answered ${answer.status}`)
    const digest = crypto.createHash('sha256').update(Buffer.from(answer.base64, 'base64')).digest('hex')
    if (digest !== photo.sha256) fail(`the bytes downloaded have SHA-256 ${digest}, the file ${photo.sha256}`)
    if (answer.header && answer.header !== photo.sha256) fail(`X-Content-SHA256 says ${answer.header}`)
    // The preview shows it as an image, its bytes checked against the recorded SHA-256.
    await page.click(`${row} ${tid('danger-attachment-preview')}`)
    const preview = `${tid('danger-preview')}[data-document-id="${attachmentId}"]`
    const state = await waitAttribute(preview, 'data-state', ['ready', 'error'])
    if (state !== 'ready') fail(`the preview is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
    if ((await attribute(preview, 'data-kind')) !== 'image') fail(`the photo previews as "${await attribute(preview, 'data-kind')}"`)
    const hash = await attribute(preview, 'data-hash-check')
    if (hash === 'mismatch') fail('the preview says the bytes differ from the recorded SHA-256')
    await closeDialog('danger-preview-dialog')
    return `${photo.name} (${photo.size} B), SHA-256 ${photo.sha256.slice(0, 16)}… on the row, the server, the download${answer.header ? ' and its header' : ''}${hash ? `; preview ${hash}` : ''}`
  })

  // 11. 整改上报 with evidence and the project complete.
  await check('11 report the rectification', ['9 governance progress to 100', '10 upload evidence'], async () => {
    const missing = await page.$(`${detailOf(dangerId)} ${tid('danger-report-missing')}`)
    if (missing) fail(`the detail still lists as missing: ${await attribute(`${detailOf(dangerId)} ${tid('danger-report-missing')}`, 'data-missing')}`)
    const now = await takeStep('REPORT', { note: RECTIFICATION, expect: 'AWAITING_ACCEPTANCE' })
    if (now.rectification !== RECTIFICATION) fail(`the server keeps the rectification ${JSON.stringify(now.rectification)}`)
    if (await page.$(`${detailOf(dangerId)} input${tid('danger-upload-EVIDENCE')}`)) fail('new evidence can still be added while awaiting acceptance')
    return '待验收, no more evidence uploads'
  })

  // 12. 验收销号: closed, nothing more to do.
  await check('12 accept and close', ['11 report the rectification'], async () => {
    await takeStep('ACCEPT', { note: '浏览器测试：验收合格。', expect: 'CLOSED' })
    const actions = await attribute(detailOf(dangerId), 'data-actions')
    if (actions) fail(`steps are still offered on the closed hidden danger: ${actions}`)
    await waitVisible(`${detailOf(dangerId)} ${tid('danger-no-actions')}`, 'the note that no step is left')
    if (await page.$(`${detailOf(dangerId)} input[data-testid^="danger-upload-"]`)) fail('files can still be added once closed')
    await screenshot('closed')
    return '已销号, no steps, no uploads'
  })

  // 13. The timeline: every entry, as many as the server keeps.
  await check('13 timeline', ['12 accept and close'], async () => {
    const events = await page.$$eval(`${detailOf(dangerId)} ${tid('danger-event')}`, (els) =>
      els.map((el) => ({ kind: el.getAttribute('data-kind'), action: el.getAttribute('data-action'), to: el.getAttribute('data-to') }))
    )
    // recorded, notice, project, each progress step, the evidence, report, acceptance
    const expected = 1 + 1 + 1 + PROGRESS_STEPS.length + 1 + 1 + 1
    if (events.length !== expected) fail(`the timeline has ${events.length} entries, expected ${expected}: ${events.map((e) => e.action || e.kind).join(', ')}`)
    if (events[0].kind !== 'created') fail(`the timeline starts with "${events[0].kind}"`)
    const steps = events.filter((e) => e.kind === 'step').map((e) => e.action)
    if (steps.join(',') !== 'ASSIGN,REPORT,ACCEPT') fail(`the steps are ${steps.join(' → ')}`)
    const count = await attribute(`${detailOf(dangerId)} ${tid('danger-timeline')}`, 'data-count')
    if (Number(count) !== events.length) fail(`the timeline says data-count ${count} for ${events.length} entries`)
    const server = await serverDanger(dangerId)
    if ((server.events || []).length !== events.length) fail(`the server keeps ${(server.events || []).length} events, the page shows ${events.length}`)
    return `${events.length} entries: ${events.map((e) => e.action || e.kind).join(' → ')}`
  })

  // 14. The investigation counts the hidden danger, and is completed with its result.
  await check('14 complete the investigation', ['4 record a major hidden danger'], async () => {
    await closeDrawer()
    await page.click(tid('hd-tab-inspections'))
    const row = `tr${tid('inspection-row')}[data-id="${inspectionId}"]`
    await waitVisible(row, `the row of investigation ${inspectionId}`)
    const found = Number(await attribute(row, 'data-danger-count'))
    if (!(found >= 1)) fail(`the investigation counts ${found} hidden danger(s)`)
    await page.click(`${row} ${tid('inspection-complete')}`)
    await waitVisible(`${tid('inspection-complete-wrap')}[data-id="${inspectionId}"]`, 'the 完成排查 dialog')
    await page.fill(textareaOf('inspection-result'), '浏览器测试：检查 2 项，发现重大隐患 1 条，已闭环。')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/inspections\/\d+\/complete/.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('inspection-complete-confirm'))
    ])
    if (!response || response.status() !== 200) fail(`completing answered ${response ? response.status() : 'nothing'}${await visibleErrors()}`)
    const status = await waitAttribute(row, 'data-status', ['DONE'])
    if (status !== 'DONE') fail(`the investigation row says ${await attribute(row, 'data-status')}`)
    return `${found} hidden danger(s) found, 已完成`
  })

  // 15. 统计 loads.
  await check('15 statistics', ['12 accept and close'], async () => {
    await page.click(tid('hd-tab-stats'))
    await waitVisible(`${tid('hd-stats')}[data-loaded="true"]`, 'the statistics')
    const closed = Number(await attribute(tid('hd-stat-closed'), 'data-count'))
    if (!(closed >= 1)) fail(`the statistics count ${closed} closed in the period`)
    const levels = await page.$$eval(tid('hd-stat-level'), (els) => els.map((el) => `${el.getAttribute('data-level')}:${el.getAttribute('data-count')}`))
    const categories = (await page.$$(tid('hd-stat-category'))).length
    if (categories !== 8) fail(`the statistics show ${categories} categories`)
    const open = await attribute(tid('hd-stat-open'), 'data-count')
    const overdue = await attribute(tid('hd-stat-overdue'), 'data-count')
    const regions = (await page.$$(tid('hd-stat-region-row'))).length
    await screenshot('statistics')
    return `${open} open (${levels.join(', ')}), ${overdue} overdue, ${closed} closed, ${regions} region row(s)`
  })

  // 16. 隐患台账: the hidden danger, closed.
  await check('16 hidden danger in the register', ['12 accept and close'], async () => {
    await page.click(tid('hd-tab-list'))
    const row = `tr${tid('danger-row')}[data-id="${dangerId}"]`
    await waitVisible(row, `the register row of ${dangerId}`)
    const status = await attribute(row, 'data-status')
    const level = await attribute(row, 'data-level')
    const overdue = await attribute(row, 'data-overdue')
    if (status !== 'CLOSED' || level !== 'MAJOR' || overdue !== 'false') fail(`the row says ${status} / ${level} / overdue ${overdue}`)
    return `row ${dangerId}: ${status}, ${level}`
  })

  await check('17 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

/** Closes the detail drawer (its close button), leaving the list page. */
async function closeDrawer() {
  const close = '.el-drawer__close-btn'
  if (await page.$(close)) await page.click(close)
  try {
    await page.waitForURL((url) => /^#\/hidden-dangers(\?|$)/.test(url.hash), { timeout: 10000 })
  } catch {
    fail(`closing the drawer left the page at ${page.url()}`)
  }
  await page.waitForSelector(tid('danger-detail'), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_ENTERPRISE'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  const dir = writePhoto()
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}; an investigation and a major hidden danger of ${ENTERPRISE}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await runChecks(main)
