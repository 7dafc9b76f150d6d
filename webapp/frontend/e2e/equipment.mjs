#!/usr/bin/env node
// End-to-end check of 设备检验 (equipment under periodic inspection, requirement E2) in the HazardWatch web UI against a
// running node, as a user who keeps the enterprise's equipment (e.g. `admin`: equipment:view and :edit, nationwide
// scope), driving Debian's Chromium through playwright-core.
//
// What it does, in Chinese (the default language), on two pieces of its own (tags unique per run):
//   - opens 设备检验 from the 安全管理 menu (#/equipment) and reads the summary;
//   - 登记设备: a safety valve (安全阀) of HW_ENTERPRISE tagged PSV-E2E-<time>; the interval follows the kind's rule (12
//     months) and the form refuses 24 months (field error, nothing sent); registered with 12 (POST /api/equipment, 201),
//     it opens at #/equipment/<id>, due today (即将到期);
//   - 记录检验: a PASS inspection today (the day proposed), the next due date previewed and then shown as today + 12
//     months (China's calendar, as the server's), 正常;
//   - uploads the record's certificate (a small PDF written by this script) through its input; the SHA-256 shown, the
//     server's and the one of the bytes downloaded with the page's session are the one computed with node:crypto; the
//     certificate previews as a PDF; no second upload is offered;
//   - a second piece (a gas detector, GD-E2E-<time>): a FAIL without a note is refused by the form (nothing sent), with
//     the note it is recorded and the piece is 停用（检验不合格）, due at once;
//   - the summary counts both pieces (as GET /api/equipment/summary does), the list shows them in their states, the
//     out-of-service card filters the list; no uncaught page errors.
// The server keeps both pieces and the records, and audits every change.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user holding equipment:view and equipment:edit, nationwide scope or the enterprise's own,
//                      e.g. admin                                                    (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_ENTERPRISE      USCC of an enterprise in the registry, e.g. 91370281MA3HW2026N (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (form, detail, failed piece, list, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[equipment] N passed, M failed". Exit code 0 when all passed, else 1.

import crypto from 'node:crypto'
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
const VALVE = { tag: `PSV-E2E-${STAMP}`, name: '浏览器测试：1#储罐安全阀', kind: 'SAFETY_VALVE', interval: 12 }
const DETECTOR = { tag: `GD-E2E-${STAMP}`, name: '浏览器测试：罐区可燃气体检测器', kind: 'GAS_DETECTOR', interval: 12 }
const AGENCY = '青岛市特种设备检验研究院'
const FAIL_NOTE = '浏览器测试：响应时间超差，示值误差超出允许范围。'
const STATE_ZH = { OK: '正常', DUE: '即将到期', OVERDUE: '已逾期', OUT_OF_SERVICE: '停用（检验不合格）', RETIRED: '已报废' }

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
  apiGet,
  openFromMenu,
  login,
  noPageErrors
} = createHarness({ tag: 'equipment', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
const certificate = { path: '', name: 'psv-certificate.pdf', size: 0, sha256: '' }
let summaryBefore = null
let recordId = ''

// ---- dates as the server reckons them (China) ---------------------------------------------------------------

function chinaToday() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** java.time.LocalDate.plusMonths: the day kept, or the shorter month's last day. */
function plusMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

// ---- the certificate uploaded ------------------------------------------------------------------------------

/** A minimal one-page PDF with a line of text; the cross-reference table has the real byte offsets. */
function minimalPdf(text) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let body = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

function writeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-equipment-'))
  const bytes = minimalPdf(`Safety valve ${VALVE.tag} inspection certificate ${new Date().toISOString()}`)
  certificate.path = path.join(dir, certificate.name)
  fs.writeFileSync(certificate.path, bytes)
  certificate.size = bytes.length
  certificate.sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  return dir
}

// ---- page helpers ----------------------------------------------------------------------------------------

const detailOf = (id) => `${tid('equipment-detail')}[data-id="${id}"]`
const inputOf = (id) => `input${tid(id)}, ${tid(id)} input`
const textareaOf = (id) => `textarea${tid(id)}, ${tid(id)} textarea`
const inspectionsApi = (id) => new RegExp(`/api/equipment/${id}/inspections(\\?|$)`)

async function serverPiece(id) {
  const answer = await apiGet(`/equipment/${encodeURIComponent(id)}`)
  if (answer.status !== 200 || !answer.body) fail(`GET /api/equipment/${id} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

async function serverSummary() {
  const answer = await apiGet('/equipment/summary')
  if (answer.status !== 200 || !answer.body) fail(`GET /api/equipment/summary answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** The summary cards' counts as the page shows them. */
async function shownSummary() {
  await waitVisible(`${tid('equipment-summary')}[data-loaded="true"]`, 'the summary')
  const read = async (name) => Number(await attribute(tid('equipment-summary'), name))
  return { total: await read('data-total'), ok: await read('data-ok'), due: await read('data-due'), overdue: await read('data-overdue'), outOfService: await read('data-out-of-service') }
}

/** Chooses the enterprise HW_ENTERPRISE in the register form, by typing its USCC. */
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

/** Opens the register form and fills it for a piece (interval: what to type, or null to keep the rule's). */
async function fillRegisterForm(piece, interval = null) {
  await page.click(tid('equipment-register'))
  await waitVisible(tid('equipment-form'), 'the 登记设备 form')
  await chooseEnterprise('equipment-form-uscc')
  await page.fill(inputOf('equipment-form-tag'), piece.tag)
  await page.fill(inputOf('equipment-form-name'), piece.name)
  await page.click(tid('equipment-form-kind'))
  const option = `.el-select-dropdown__item${tid('equipment-form-kind-option')}[data-kind="${piece.kind}"]`
  await waitVisible(option, `the kind ${piece.kind}`)
  await page.click(option)
  const proposed = await page.inputValue(inputOf('equipment-form-interval'))
  if (proposed !== String(piece.interval)) fail(`the interval proposed for ${piece.kind} is "${proposed}", expected ${piece.interval}`)
  if (interval !== null) await page.fill(inputOf('equipment-form-interval'), String(interval))
  return proposed
}

/** Sends the register form; returns the piece's id once its detail is open. */
async function submitRegisterForm(piece) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/equipment(\?|$)/.test(r.url()), { timeout: WAIT }).catch(() => null),
    page.click(tid('equipment-form-submit'))
  ])
  if (!response) fail(`no POST /api/equipment${await visibleErrors()}`)
  if (response.status() !== 201) {
    const body = await response.json().catch(() => null)
    fail(`POST /api/equipment answered ${response.status()}${body?.message ? ` (${body.message})` : ''}${await visibleErrors()}`)
  }
  const sent = JSON.parse(response.request().postData() || '{}')
  if (sent.tag !== piece.tag || sent.kind !== piece.kind || sent.intervalMonths !== piece.interval || sent.uscc !== ENTERPRISE) fail(`the form sent ${JSON.stringify(sent)}`)
  try {
    await page.waitForURL((url) => /^#\/equipment\/\d+/.test(url.hash), { timeout: 10000 })
  } catch {
    fail(`the page did not open the new piece at #/equipment/<id> (at ${page.url()})`)
  }
  const id = /^#\/equipment\/(\d+)/.exec(new URL(page.url()).hash)[1]
  const state = await waitAttribute(detailOf(id), 'data-state', ['ready', 'notfound', 'error'])
  if (state !== 'ready') fail(`the detail of ${id} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
  return id
}

/** Opens 记录检验 and fills day (kept: today), agency and result. */
async function fillInspection(id, result) {
  await page.click(`${detailOf(id)} ${tid('equipment-inspect')}`)
  await waitVisible(`${tid('equipment-inspect-form')}[data-id="${id}"]`, 'the 记录检验 dialog')
  const day = await attribute(tid('equipment-inspect-on'), 'data-value')
  if (day !== chinaToday()) fail(`the dialog proposes the day "${day}", expected today ${chinaToday()}`)
  await page.fill(inputOf('equipment-inspect-agency'), AGENCY)
  await page.click(`${tid('equipment-inspect-result')} [data-result="${result}"]`)
}

async function confirmInspection(id) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && inspectionsApi(id).test(r.url()), { timeout: WAIT }).catch(() => null),
    page.click(tid('equipment-inspect-confirm'))
  ])
  if (!response) fail(`no POST .../inspections${await visibleErrors()}`)
  if (response.status() !== 200) {
    const body = await response.json().catch(() => null)
    fail(`the inspection answered ${response.status()}${body?.message ? ` (${body.message})` : ''}${await visibleErrors()}`)
  }
  await page.waitForSelector(tid('equipment-inspect-form'), { state: 'hidden', timeout: 10000 }).catch(() => null)
  return JSON.parse(response.request().postData() || '{}')
}

/** Waits for the detail's state; fails with what is shown otherwise. */
async function waitState(id, state) {
  const shown = await waitAttribute(detailOf(id), 'data-equipment-state', [state])
  if (shown !== state) fail(`the piece shows state "${await attribute(detailOf(id), 'data-equipment-state')}", expected ${state}`)
  const tag = await textOf(`${detailOf(id)} .due ${tid('equipment-state')}[data-state="${state}"]`)
  if (tag !== STATE_ZH[state]) fail(`the state tag says "${tag}", expected "${STATE_ZH[state]}"`)
}

async function closeDialog(testid) {
  const button = `${tid(testid)} .el-dialog__headerbtn`
  if (await page.$(button)) await page.click(button)
  await page.waitForSelector(tid(testid), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

async function closeDrawer() {
  const close = '.el-drawer__close-btn'
  if (await page.$(close)) await page.click(close)
  try {
    await page.waitForURL((url) => /^#\/equipment(\?|$)/.test(url.hash), { timeout: 10000 })
  } catch {
    fail(`closing the drawer left the page at ${page.url()}`)
  }
  await page.waitForSelector(tid('equipment-detail'), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 设备检验 from the 安全管理 menu.
  await check('2 equipment page', ['1 login'], async () => {
    await openFromMenu('nav-safety-group', 'nav-equipment', 'the 设备检验 entry', { missing: `the menu has no 安全管理 group (${USER} lacks equipment:view?)` })
    await waitVisible(tid('equipment-page'), 'the 设备检验 page')
    const title = await textOf(`${tid('equipment-page')} .page-title`)
    if (title !== '设备检验') fail(`the page title says "${title}"`)
    if (await page.$(tid('equipment-not-visible'))) fail(`the page says equipment is not visible to ${USER}`)
    if (!(await page.$(tid('equipment-register')))) fail(`there is no 登记设备 button (${USER} lacks equipment:edit, or is not the enterprise's?)`)
    summaryBefore = await shownSummary()
    return `${new URL(page.url()).hash}, summary before ${JSON.stringify(summaryBefore)}`
  })

  // 3. The interval may only be shorter than the rule: 24 months for a safety valve are refused.
  let valveId = ''
  await check('3 interval longer than the rule refused', ['2 equipment page'], async () => {
    await fillRegisterForm(VALVE, 24)
    const rule = await attribute(tid('equipment-form-rule'), 'data-months')
    if (rule !== '12') fail(`the form names the rule's interval "${rule}"`)
    let refusal = ''
    const sent = await postsDuring(/\/api\/equipment(\?|$)/, async () => {
      await page.click(tid('equipment-form-submit'))
      const error = `${tid('equipment-field-error')}[data-field="intervalMonths"]`
      await waitVisible(error, 'the error under the interval', 10000)
      refusal = await textOf(error)
    })
    if (sent.length) fail(`24 months were sent: POST ${sent.join(', ')}`)
    await screenshot('form')
    return `"${refusal}", nothing sent`
  })

  // 4. Registered with the rule's 12 months: due today.
  await check(`4 register ${VALVE.tag}`, ['3 interval longer than the rule refused'], async () => {
    await page.fill(inputOf('equipment-form-interval'), '12')
    valveId = await submitRegisterForm(VALVE)
    const today = chinaToday()
    const due = await attribute(`${detailOf(valveId)} ${tid('equipment-next-due')}`, 'data-date')
    if (due !== today) fail(`the new piece is due "${due}", expected today ${today}`)
    await waitState(valveId, 'DUE')
    const interval = await attribute(`${detailOf(valveId)} ${tid('equipment-detail-interval')}`, 'data-months')
    if (interval !== '12') fail(`the detail says every ${interval} months`)
    log(`REGISTERED ${valveId} ${VALVE.tag}`)
    return `piece ${valveId}: 安全阀 every 12 months, due ${due}, 即将到期`
  })

  // 5. A PASS inspection today: next due today + 12 months.
  await check('5 record a PASS inspection', [`4 register ${VALVE.tag}`], async () => {
    const expected = plusMonths(chinaToday(), 12)
    await fillInspection(valveId, 'PASS')
    await page.fill(inputOf('equipment-inspect-certificate'), `QD-TJ-${STAMP}`)
    const preview = await attribute(tid('equipment-inspect-next-due'), 'data-date')
    if (preview !== expected) fail(`the dialog previews the next due date "${preview}", expected ${expected}`)
    const sent = await confirmInspection(valveId)
    if (sent.result !== 'PASS' || sent.inspectedOn !== chinaToday() || sent.agency !== AGENCY) fail(`the dialog sent ${JSON.stringify(sent)}`)
    await waitState(valveId, 'OK')
    const due = await waitAttribute(`${detailOf(valveId)} ${tid('equipment-next-due')}`, 'data-date', [expected])
    if (due !== expected) fail(`the piece is due "${await attribute(`${detailOf(valveId)} ${tid('equipment-next-due')}`, 'data-date')}", expected ${expected}`)
    const shown = await textOf(`${detailOf(valveId)} ${tid('equipment-next-due')}`)
    if (shown !== expected) fail(`the next due date reads "${shown}"`)
    const row = `${detailOf(valveId)} tr${tid('equipment-record')}`
    await waitVisible(row, 'the inspection record')
    recordId = await attribute(row, 'data-id')
    const until = await attribute(row, 'data-valid-until')
    if (until !== expected) fail(`the record is valid until "${until}"`)
    const server = await serverPiece(valveId)
    if (server.nextDue !== expected || server.state !== 'OK') fail(`the server has the piece due ${server.nextDue} in state ${server.state}`)
    return `合格 on ${chinaToday()}, next due ${shown}, 正常`
  })

  // 6. The certificate: uploaded once, its SHA-256 everywhere the file's.
  await check('6 upload the certificate', ['5 record a PASS inspection'], async () => {
    const input = `${detailOf(valveId)} input${tid('equipment-certificate-upload')}[data-record-id="${recordId}"]`
    await page.waitForSelector(input, { state: 'attached', timeout: WAIT })
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/certificate\?/.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.setInputFiles(input, certificate.path)
    ])
    if (!response) fail(`the certificate was not sent${await visibleErrors()}`)
    if (response.status() !== 200) fail(`the upload answered ${response.status()}${await visibleErrors()}`)
    const row = `${detailOf(valveId)} tr${tid('equipment-record')}[data-id="${recordId}"]`
    const has = await waitAttribute(row, 'data-has-certificate', ['true'])
    if (has !== 'true') fail('the record does not show its certificate')
    const shown = await attribute(row, 'data-sha256')
    if (shown !== certificate.sha256) fail(`the record has SHA-256 ${shown}, the file ${certificate.sha256}`)
    const title = await attribute(`${row} ${tid('equipment-certificate-sha256')}`, 'title')
    if (title !== certificate.sha256) fail(`the full SHA-256 is not in the title ("${title}")`)
    if (await page.$(`${row} input${tid('equipment-certificate-upload')}`)) fail('a second certificate upload is still offered')
    const server = await serverPiece(valveId)
    const kept = (server.records || []).find((r) => String(r.id) === recordId)
    if (!kept || kept.certificateSha256 !== certificate.sha256 || kept.certificateFileName !== certificate.name) fail(`the server keeps ${JSON.stringify(kept)}`)
    const answer = await page.evaluate(async (p) => {
      const response = await fetch(new URL('/api' + p, window.location.origin), { credentials: 'same-origin', cache: 'no-store' })
      const bytes = new Uint8Array(await response.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return { status: response.status, header: response.headers.get('X-Content-SHA256') || '', base64: btoa(binary) }
    }, `/equipment/${valveId}/inspections/${recordId}/certificate`)
    if (answer.status !== 200) fail(`GET the certificate answered ${answer.status}`)
    const bytes = Buffer.from(answer.base64, 'base64')
    const digest = crypto.createHash('sha256').update(bytes).digest('hex')
    if (digest !== certificate.sha256) fail(`the bytes downloaded have SHA-256 ${digest}, the file ${certificate.sha256}`)
    if (bytes.subarray(0, 4).toString('latin1') !== '%PDF') fail('the certificate downloaded is no PDF')
    if (answer.header && answer.header !== certificate.sha256) fail(`X-Content-SHA256 says ${answer.header}`)
    await page.click(`${row} ${tid('equipment-certificate-preview')}`)
    const preview = `${tid('equipment-preview')}[data-document-id="${recordId}"]`
    const state = await waitAttribute(preview, 'data-state', ['ready', 'error'])
    if (state !== 'ready') fail(`the preview is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
    if ((await attribute(preview, 'data-kind')) !== 'pdf') fail(`the certificate previews as "${await attribute(preview, 'data-kind')}"`)
    const src = await attribute(`${preview} ${tid('equipment-preview-frame')}`, 'src')
    if (!src || !src.startsWith('blob:')) fail(`the PDF frame shows "${src}"`)
    const hash = await attribute(preview, 'data-hash-check')
    if (hash === 'mismatch') fail('the preview says the bytes differ from the recorded SHA-256')
    await screenshot('certificate')
    await closeDialog('equipment-preview-dialog')
    return `${certificate.name} (${certificate.size} B), SHA-256 ${certificate.sha256.slice(0, 16)}… on the record, the server, the download${answer.header ? ' and its header' : ''}; PDF preview${hash ? ` (${hash})` : ''}`
  })

  // 7. A second piece failing its inspection: refused without a note, then out of service.
  let detectorId = ''
  await check(`7 FAIL puts ${DETECTOR.tag} out of service`, ['2 equipment page'], async () => {
    await closeDrawer()
    await fillRegisterForm(DETECTOR)
    detectorId = await submitRegisterForm(DETECTOR)
    log(`REGISTERED ${detectorId} ${DETECTOR.tag}`)
    await fillInspection(detectorId, 'FAIL')
    await waitVisible(tid('equipment-inspect-fail-hint'), 'the warning that a FAIL puts the piece out of service')
    let refusal = ''
    const sent = await postsDuring(inspectionsApi(detectorId), async () => {
      await page.click(tid('equipment-inspect-confirm'))
      const error = `${tid('equipment-inspect-field-error')}[data-field="note"]`
      await waitVisible(error, 'the error under the missing note', 10000)
      refusal = await textOf(error)
    })
    if (sent.length) fail(`the FAIL was sent without a note: POST ${sent.join(', ')}`)
    await page.fill(textareaOf('equipment-inspect-note'), FAIL_NOTE)
    const body = await confirmInspection(detectorId)
    if (body.result !== 'FAIL' || body.note !== FAIL_NOTE || body.validUntil !== null) fail(`the dialog sent ${JSON.stringify(body)}`)
    await waitState(detectorId, 'OUT_OF_SERVICE')
    await waitVisible(`${detailOf(detectorId)} ${tid('equipment-out-of-service')}`, 'the out-of-service warning')
    const due = await attribute(`${detailOf(detectorId)} ${tid('equipment-next-due')}`, 'data-date')
    if (due !== chinaToday()) fail(`the failed piece is due "${due}", expected at once (${chinaToday()})`)
    const note = await textOf(`${detailOf(detectorId)} ${tid('equipment-record-note')}`)
    if (note !== FAIL_NOTE) fail(`the record's note reads "${note}"`)
    await screenshot('failed')
    return `"${refusal}" without a note; with it 停用（检验不合格）, due ${due}`
  })

  // 8. The summary counts both pieces, as the server does; the list shows them; a card filters.
  await check('8 summary and list', [`4 register ${VALVE.tag}`, `7 FAIL puts ${DETECTOR.tag} out of service`], async () => {
    await closeDrawer()
    await page.click(tid('equipment-refresh'))
    const server = await serverSummary()
    let shown = null
    for (let i = 0; i < 20; i++) {
      shown = await shownSummary()
      if (shown.total === server.total && shown.outOfService === server.outOfService) break
      await page.waitForTimeout(500)
    }
    for (const key of ['total', 'ok', 'due', 'overdue', 'outOfService']) {
      if (shown[key] !== Number(server[key] ?? 0)) fail(`the summary shows ${key} ${shown[key]}, the server ${server[key]}`)
    }
    if (shown.total < summaryBefore.total + 2) fail(`the summary counts ${shown.total} pieces, ${summaryBefore.total} before two were added`)
    if (shown.outOfService < summaryBefore.outOfService + 1) fail(`the summary counts ${shown.outOfService} out of service, ${summaryBefore.outOfService} before`)
    const valveRow = `tr${tid('equipment-row')}[data-tag="${VALVE.tag}"]`
    const detectorRow = `tr${tid('equipment-row')}[data-tag="${DETECTOR.tag}"]`
    await waitVisible(valveRow, `the row of ${VALVE.tag}`)
    await waitVisible(detectorRow, `the row of ${DETECTOR.tag}`)
    const valveState = await attribute(valveRow, 'data-state')
    const detectorState = await attribute(detectorRow, 'data-state')
    if (valveState !== 'OK' || detectorState !== 'OUT_OF_SERVICE') fail(`the rows say ${valveState} / ${detectorState}`)
    await screenshot('list')
    await page.click(`${tid('equipment-summary-card')}[data-state="OUT_OF_SERVICE"]`)
    try {
      await page.waitForURL((url) => url.hash.includes('state=OUT_OF_SERVICE'), { timeout: 10000 })
    } catch {
      fail(`the out-of-service card did not filter the list (at ${page.url()})`)
    }
    await page.waitForSelector(valveRow, { state: 'detached', timeout: WAIT }).catch(() => null)
    const states = await page.$$eval(`tr${tid('equipment-row')}`, (els) => els.map((el) => el.getAttribute('data-state')))
    if (!states.length || states.some((s) => s !== 'OUT_OF_SERVICE')) fail(`the filtered list shows ${states.join(', ') || 'nothing'}`)
    if (!(await page.$(detectorRow))) fail(`the filtered list lacks ${DETECTOR.tag}`)
    return `summary ${JSON.stringify(shown)} (before ${summaryBefore.total} in all); ${VALVE.tag} 正常, ${DETECTOR.tag} 停用; the card filters ${states.length} piece(s)`
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
  const dir = writeCertificate()
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}; pieces ${VALVE.tag} and ${DETECTOR.tag} of ${ENTERPRISE}`)
    await run()
  } finally {
    await browser.close().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await runChecks(main)
