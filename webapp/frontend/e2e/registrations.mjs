#!/usr/bin/env node
// End-to-end check of 重大危险源登记 (registration of major hazard sources, requirements F1-F3) in the HazardWatch web
// UI against a running node, as a user who may both apply and register (e.g. `admin`), driving Debian's Chromium
// through playwright-core.
//
// What it does, in Chinese (the default language), on an application of its own:
//   - opens 重大危险源登记 from the 安全管理 menu (#/registrations);
//   - first closes, through the API, any application of the hazard source still open (left by an earlier run that
//     stopped half-way: the server keeps one open application per source): withdrawn, or taken to its end;
//   - 新建申请: the form refuses to be sent without a hazard source (field error, nothing sent), then creates a
//     registration application for HW_SOURCE_CODE (found by typing HW_SOURCE_QUERY; POST /api/registrations, 201) and
//     opens it at #/registrations/<id>;
//   - 提交申请 without documents is refused (400) and the five required document types are listed as missing;
//   - uploads the five required documents (a small PDF written by this script, four text files) and a PNG as 其他材料,
//     each through its type's file input, and checks that each row's SHA-256 is the one computed here;
//   - previews the PDF (a frame showing a blob: URL) and the PNG (an image);
//   - 提交申请 -> 已提交; 退回补正 (the dialog first refuses an empty reason, nothing sent) -> 退回补正 with the reason
//     shown; 提交申请 again; 受理; 登记 with the number left empty (one is assigned and shown); 生成并送达通知书 ->
//     已通知, with a NOTICE document whose bytes (fetched with the page's session) are a PDF;
//   - the timeline has at least 7 entries; 统计 counts at least one registered source and one notified registration;
//     申请列表 shows the application as 已通知; no uncaught page errors.
// The server keeps the application (registered and notified) and audits every step.
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user name holding registration:view, registration:apply and registration:register,
//                      e.g. admin                                                    (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_SOURCE_QUERY    search text that finds the hazard source, e.g. 罐区A           (required)
//   HW_SOURCE_CODE     code of that hazard source, e.g. HS-A                          (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (form, detail, notice, statistics, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[registrations] N passed, M failed". Exit code 0 when all passed, else 1.

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SOURCE_QUERY = (process.env.HW_SOURCE_QUERY || '').trim()
const SOURCE_CODE = (process.env.HW_SOURCE_CODE || '').trim()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const RUN = new Date().toISOString()
const STATEMENT = `浏览器测试：登记申请（${RUN}）`
const RETURN_REASON = '浏览器测试：安全评估报告缺少评估机构签章，请补正。'

const REQUIRED = ['IDENTIFICATION_REPORT', 'SAFETY_EVALUATION', 'MONITORING_MEASURES', 'EMERGENCY_PLAN', 'MANAGEMENT_RULES']
const STATUS_ZH = { DRAFT: '草稿', SUBMITTED: '已提交', RETURNED: '退回补正', ACCEPTED: '已受理', REGISTERED: '已登记', NOTIFIED: '已通知' }
const OPEN_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'REGISTERED']

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
  clickMenuEntry,
  login,
  noPageErrors
} = createHarness({ tag: 'registrations', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
let sourceId = null
let caseId = ''
const files = {} // type -> {path, name, sha256, kind}

// ---- the files uploaded ----------------------------------------------------------------------------------

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

/** A small RGB PNG: a 16 x 16 orange square with a blue diagonal. */
function minimalPng() {
  const size = 16
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = [0] // filter: none
    for (let x = 0; x < size; x++) row.push(...(x === y ? [30, 136, 229] : [251, 140, 0]))
    rows.push(Buffer.from(row))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

/** Writes the files of this run into a directory of the system's temporary directory. */
function writeFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-registrations-'))
  const contents = {
    IDENTIFICATION_REPORT: ['identification-report.pdf', minimalPdf(`HazardWatch identification report ${RUN}`), 'pdf'],
    SAFETY_EVALUATION: ['safety-evaluation.txt', Buffer.from(`安全评估报告（浏览器测试）\n${RUN}\n`, 'utf8'), 'text'],
    MONITORING_MEASURES: ['monitoring-measures.txt', Buffer.from(`监测监控系统及安全措施说明（浏览器测试）\n${RUN}\n`, 'utf8'), 'text'],
    EMERGENCY_PLAN: ['emergency-plan.txt', Buffer.from(`事故应急预案（浏览器测试）\n${RUN}\n`, 'utf8'), 'text'],
    MANAGEMENT_RULES: ['management-rules.txt', Buffer.from(`安全管理制度及操作规程（浏览器测试）\n${RUN}\n`, 'utf8'), 'text'],
    OTHER: ['site-photo.png', minimalPng(), 'image']
  }
  for (const [type, [name, bytes, kind]] of Object.entries(contents)) {
    const file = path.join(dir, name)
    fs.writeFileSync(file, bytes)
    files[type] = { path: file, name, kind, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') }
  }
  return dir
}

// ---- page helpers ----------------------------------------------------------------------------------------

const detail = () => tid('registration-detail')
const detailOf = (id) => `${tid('registration-detail')}[data-id="${id}"]`
const documentRows = (type) => `${detailOf(caseId)} tr${tid('reg-document-row')}[data-type="${type}"]`
const actionsApi = (id, action) => new RegExp(`/api/registrations/${id}/actions/${action}(\\?|$)`)

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

/** The case as the server has it now. */
async function serverCase(id) {
  const answer = await api('GET', `/registrations/${encodeURIComponent(id)}`)
  if (answer.status !== 200 || !answer.body) fail(`GET /api/registrations/${id} answered ${answer.status}: ${answer.text}`)
  return answer.body
}

/** Waits for the detail of the case in the given status; fails with what is shown otherwise. */
async function waitStatus(status, timeout = WAIT) {
  const shown = await waitAttribute(detailOf(caseId), 'data-status', [status], timeout)
  if (shown !== status) {
    fail(`the application shows status "${await attribute(detailOf(caseId), 'data-status')}", expected ${status}${await visibleErrors()}`)
  }
  const tag = await textOf(`${detailOf(caseId)} ${tid('reg-status')}[data-status="${status}"]`)
  if (tag !== STATUS_ZH[status]) fail(`the status tag says "${tag}", expected "${STATUS_ZH[status]}"`)
  return tag
}

/** The texts of the action dialog's errors (field errors and the alert), for failure messages. */
async function dialogErrors() {
  return page.$$eval(`${tid('reg-action-field-error')}, ${tid('reg-action-error')}`, (els) =>
    els
      .filter((e) => e.getClientRects().length)
      .map((e) => `${e.getAttribute('data-field') || e.getAttribute('data-testid')}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

/** The note field of the action dialog (el-input renders the textarea itself with the test id, or inside it). */
const NOTE = `textarea${tid('reg-action-note')}, ${tid('reg-action-note')} textarea`
const NUMBER = `input${tid('reg-action-number')}, ${tid('reg-action-number')} input`

/**
 * Takes a step through its button and the dialog (note optional); returns the POST's response. The dialog must close
 * and the detail reach `expect` when given.
 */
async function takeStep(action, { note = '', expect = null } = {}) {
  const button = `${detailOf(caseId)} ${tid(`reg-action-${action}`)}`
  if ((await firstVisible({ button }, 10000)) !== 'button') {
    fail(`no ${action} button (offered: ${(await attribute(detailOf(caseId), 'data-actions')) || 'nothing'})${await visibleErrors()}`)
  }
  await page.click(button)
  await waitVisible(`${tid('reg-action-form-wrap')}[data-action="${action}"]`, `the ${action} dialog`)
  if (note) await page.fill(NOTE, note)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && actionsApi(caseId, action).test(r.url()), { timeout: WAIT }).catch(() => null),
    page.click(`${tid('reg-action-confirm')}[data-action="${action}"]`)
  ])
  if (!response) fail(`confirming ${action} sent no POST .../actions/${action}: ${(await dialogErrors()).join(' | ') || 'no error shown'}`)
  if (response.status() !== 200) {
    const body = await response.json().catch(() => null)
    await page.waitForTimeout(500)
    fail(`${action} answered ${response.status()}${body?.message ? ` (${body.message})` : ''}: ${(await dialogErrors()).join(' | ') || 'no error shown'}`)
  }
  try {
    await page.waitForSelector(`${tid('reg-action-form-wrap')}[data-action="${action}"]`, { state: 'hidden', timeout: 10000 })
  } catch {
    fail(`the ${action} dialog stayed open after the step`)
  }
  if (expect) await waitStatus(expect)
  // the case as the server has it now (the answer's body may be gone from the browser's cache)
  const now = await serverCase(caseId)
  if (expect && now.status !== expect) fail(`after ${action} the server has the application in status ${now.status}, expected ${expect}`)
  return now
}

/** Closes the dialog with the given test id by its close button (Escape would close the drawer as well). */
async function closeDialog(testid) {
  const button = `${tid(testid)} .el-dialog__headerbtn`
  if (await page.$(button)) await page.click(button)
  await page.waitForSelector(tid(testid), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

/** Opens 申请列表's detail of the case by its address (after a reload the drawer comes back by it too). */
async function showCase() {
  await waitVisible(detailOf(caseId), `the detail of application ${caseId}`)
  const state = await waitAttribute(detailOf(caseId), 'data-state', ['ready', 'notfound', 'error'])
  if (state !== 'ready') fail(`the detail of application ${caseId} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 重大危险源登记 from the 安全管理 menu.
  await check('2 registrations page', ['1 login'], async () => {
    await waitMenuFinal()
    if (!(await page.$(tid('nav-safety-group')))) fail(`the menu has no 安全管理 group (${USER} lacks registration:view?)`)
    const label = await textOf(`${tid('nav-safety-group')} .el-sub-menu__title`)
    await clickMenuEntry('nav-safety-group', 'nav-registrations', 'the 危险源登记 entry')
    await waitVisible(tid('registrations-page'), 'the 重大危险源登记 page')
    const title = await textOf(`${tid('registrations-page')} .page-title`)
    if (title !== '重大危险源登记') fail(`the page title says "${title}"`)
    await waitVisible(tid('registrations-table'), 'the application list')
    if (!(await page.$(tid('reg-new')))) fail(`there is no 新建申请 button (${USER} lacks registration:apply?)`)
    return `menu "${label}" → 危险源登记, ${new URL(page.url()).hash}, title "${title}"`
  })

  // 3. No open application of the source is left (the server allows one at a time).
  await check(`3 no open application of ${SOURCE_CODE}`, ['2 registrations page'], async () => {
    const found = await api('GET', `/hazard-sources?q=${encodeURIComponent(SOURCE_QUERY)}&page=0&size=50`)
    if (found.status !== 200) fail(`GET /api/hazard-sources?q=${SOURCE_QUERY} answered ${found.status}: ${found.text}`)
    const source = (found.body?.items || []).find((s) => s.code === SOURCE_CODE)
    if (!source) fail(`GET /api/hazard-sources?q=${SOURCE_QUERY} does not find ${SOURCE_CODE} (${(found.body?.items || []).map((s) => s.code).join(', ') || 'nothing'})`)
    sourceId = source.id
    const listed = await api('GET', `/registrations?hazardSourceId=${sourceId}&page=0&size=200`)
    if (listed.status !== 200) fail(`GET /api/registrations?hazardSourceId=${sourceId} answered ${listed.status}: ${listed.text}`)
    const open = (listed.body?.items || []).filter((c) => OPEN_STATUSES.includes(c.status) && !c.originNode)
    const closed = []
    for (const c of open) {
      // Withdrawn where the applicant still can; an accepted one is returned first; a registered one is taken to its end.
      const steps = c.status === 'ACCEPTED' ? ['RETURN', 'WITHDRAW'] : c.status === 'REGISTERED' ? ['NOTIFY'] : ['WITHDRAW']
      for (const step of steps) {
        const note = step === 'RETURN' ? '浏览器测试：结束上次未完成的测试申请' : null
        const done = await api('POST', `/registrations/${encodeURIComponent(c.id)}/actions/${step}`, { note, registrationNumber: null })
        if (done.status !== 200) fail(`closing the open application ${c.id} (${c.status}) with ${step} answered ${done.status}: ${done.text}`)
      }
      closed.push(`${c.id} (${c.status}: ${steps.join(' + ')})`)
      log(`note: closed the open application ${c.id} (${c.status}) of ${SOURCE_CODE} left by an earlier run: ${steps.join(' + ')}`)
    }
    return `${SOURCE_CODE} is hazard source ${sourceId}; ${(listed.body?.items || []).length} application(s) before, ${closed.length ? `closed ${closed.join(', ')}` : 'none open'}`
  })

  // 4. The form refuses to be sent without a hazard source.
  await check('4 form refuses an empty hazard source', [`3 no open application of ${SOURCE_CODE}`], async () => {
    await page.click(tid('reg-new'))
    await waitVisible(tid('reg-form'), 'the 新建申请 form')
    const kind = await attribute(tid('reg-form'), 'data-kind')
    if (kind !== 'REGISTRATION') fail(`the form starts with kind "${kind}", expected REGISTRATION`)
    const sent = []
    const listener = (request) => {
      if (request.method() === 'POST' && /\/api\/registrations(\?|$)/.test(request.url())) sent.push(request.url())
    }
    page.on('request', listener)
    try {
      await page.click(tid('reg-form-submit'))
      const error = `${tid('reg-form')} ${tid('reg-field-error')}[data-field="hazardSourceId"]`
      await waitVisible(error, 'the error under the hazard source', 10000)
      await page.waitForTimeout(500)
      if (sent.length) fail(`the form was sent without a hazard source: POST ${sent.join(', ')}`)
      return `"${await textOf(error)}", nothing sent`
    } finally {
      page.off('request', listener)
    }
  })

  // 5. The application created for the source, opened at #/registrations/<id>.
  await check(`5 create a registration application for ${SOURCE_CODE}`, ['4 form refuses an empty hazard source'], async () => {
    await page.click(tid('reg-form-source'))
    await page.keyboard.type(SOURCE_QUERY)
    const option = `.el-select-dropdown__item[data-code="${SOURCE_CODE}"]`
    if ((await firstVisible({ option }, 15000)) !== 'option') fail(`${SOURCE_CODE} is not offered when typing "${SOURCE_QUERY}"${await visibleErrors()}`)
    await page.click(option)
    const chosen = await waitAttribute(tid('reg-form-source-field'), 'data-code', [SOURCE_CODE], 5000)
    if (chosen !== SOURCE_CODE) fail(`the form holds the source "${await attribute(tid('reg-form-source-field'), 'data-code')}"`)
    await page.fill(`textarea${tid('reg-form-statement')}, ${tid('reg-form-statement')} textarea`, STATEMENT)
    await screenshot('form')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/registrations(\?|$)/.test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(tid('reg-form-submit'))
    ])
    if (!response) fail(`no POST /api/registrations within ${WAIT / 1000} s${await visibleErrors()}`)
    if (response.status() !== 201) {
      const refusal = await response.json().catch(() => null)
      fail(`POST /api/registrations answered ${response.status()}${refusal?.message ? ` (${refusal.message})` : ''}${await visibleErrors()}`)
    }
    let sent = {}
    try {
      sent = JSON.parse(response.request().postData() || '{}')
    } catch {
      sent = {}
    }
    if (sent.kind !== 'REGISTRATION' || Number(sent.hazardSourceId) !== Number(sourceId) || sent.reason !== null || sent.statement !== STATEMENT) {
      fail(`the form sent ${JSON.stringify(sent)}`)
    }
    // The page opens the new application at #/registrations/<id>: its id is read there (the answer's body may be gone
    // from the browser's cache).
    try {
      await page.waitForURL((url) => /^#\/registrations\/[^/?]+/.test(url.hash), { timeout: 10000 })
    } catch {
      fail(`the page did not open the new application at #/registrations/<id> (at ${page.url()})`)
    }
    caseId = decodeURIComponent(/^#\/registrations\/([^/?]+)/.exec(new URL(page.url()).hash)[1])
    await showCase()
    const created = await serverCase(caseId)
    if (created.status !== 'DRAFT' || created.hazardSourceCode !== SOURCE_CODE || created.statement !== STATEMENT) {
      fail(`the server has application ${caseId} as ${created.status} for ${created.hazardSourceCode} with the statement ${JSON.stringify(created.statement)}`)
    }
    await waitStatus('DRAFT')
    const code = await attribute(`${detailOf(caseId)} ${tid('reg-detail-source')}`, 'data-code')
    if (code !== SOURCE_CODE) fail(`the detail shows the source "${code}"`)
    log(`CREATED ${caseId} ${SOURCE_CODE}`)
    return `application ${caseId}, 草稿, ${new URL(page.url()).hash}`
  })

  // 6. 提交申请 without documents: refused, and the missing types listed.
  await check('6 submitting without documents is refused', [`5 create a registration application for ${SOURCE_CODE}`], async () => {
    await waitVisible(`${detailOf(caseId)} ${tid('reg-missing')}`, 'the list of missing documents')
    const missing = ((await attribute(`${detailOf(caseId)} ${tid('reg-missing')}`, 'data-types')) || '').split(',').filter(Boolean)
    const absent = REQUIRED.filter((type) => !missing.includes(type))
    if (absent.length) fail(`the missing list lacks ${absent.join(', ')} (lists ${missing.join(', ')})`)
    const items = await page.$$(`${detailOf(caseId)} ${tid('reg-missing-type')}`)
    if (items.length !== missing.length) fail(`the missing list shows ${items.length} item(s) for ${missing.length} type(s)`)
    const button = `${detailOf(caseId)} ${tid('reg-action-SUBMIT')}`
    if (!(await page.$(button))) return `提交申请 is not offered while ${missing.length} types are missing; listed: ${missing.join(', ')}`
    await page.click(button)
    await waitVisible(`${tid('reg-action-form-wrap')}[data-action="SUBMIT"]`, 'the SUBMIT dialog')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && actionsApi(caseId, 'SUBMIT').test(r.url()), { timeout: WAIT }).catch(() => null),
      page.click(`${tid('reg-action-confirm')}[data-action="SUBMIT"]`)
    ])
    if (!response) fail('confirming 提交申请 sent no POST .../actions/SUBMIT')
    if (response.status() !== 400) fail(`submitting without documents answered ${response.status()}, expected 400`)
    await waitVisible(tid('reg-action-error'), 'the refusal in the dialog', 10000)
    const refusal = await textOf(tid('reg-action-error'))
    await closeDialog('reg-action-dialog')
    const status = await attribute(detailOf(caseId), 'data-status')
    if (status !== 'DRAFT') fail(`the application is ${status} after the refused submission`)
    await screenshot('missing')
    return `400, "${refusal.slice(0, 120)}"; missing ${missing.join(', ')}`
  })

  // 7. The documents uploaded through each type's file input.
  await check('7 upload the documents', ['6 submitting without documents is refused'], async () => {
    const uploaded = []
    for (const type of [...REQUIRED, 'OTHER']) {
      const file = files[type]
      const input = `${detailOf(caseId)} input${tid(`reg-upload-${type}`)}`
      if (!(await page.$(input))) fail(`there is no file input reg-upload-${type} (editable: ${await attribute(detailOf(caseId), 'data-editable')})`)
      const [response] = await Promise.all([
        page
          .waitForResponse(
            (r) => r.request().method() === 'POST' && new RegExp(`/api/registrations/${caseId}/documents\\?(.*&)?type=${type}(&|$)`).test(r.url()),
            { timeout: WAIT }
          )
          .catch(() => null),
        page.setInputFiles(input, file.path)
      ])
      if (!response) fail(`choosing ${file.name} for ${type} sent no upload${await visibleErrors()}`)
      if (response.status() !== 201) {
        const body = await response.json().catch(() => null)
        fail(`uploading ${file.name} as ${type} answered ${response.status()}${body?.message ? ` (${body.message})` : ''}`)
      }
      // (the answer's body may be gone from the browser's cache by now: the row tells the document's id)
      const row = `${documentRows(type)}[data-file-name="${file.name}"]`
      await waitVisible(row, `the row of ${file.name}`)
      file.id = await attribute(row, 'data-id')
      uploaded.push(`${type} ${file.name} (${await attribute(row, 'data-content-type')}, ${await attribute(row, 'data-size')} B)`)
    }
    const server = await serverCase(caseId)
    for (const [type, file] of Object.entries(files)) {
      const recorded = (server.documents || []).find((d) => String(d.id) === String(file.id))
      if (!recorded) fail(`the server lists no document ${file.id} (${file.name})`)
      if (recorded.type !== type || recorded.fileName !== file.name || recorded.size !== file.size) {
        fail(`the server recorded ${recorded.type} "${recorded.fileName}" of ${recorded.size} B for ${file.name} (${type}, ${file.size} B)`)
      }
      if (recorded.sha256 !== file.sha256) fail(`the server recorded SHA-256 ${recorded.sha256} for ${file.name}, computed ${file.sha256}`)
    }
    try {
      await page.waitForSelector(`${detailOf(caseId)} ${tid('reg-missing')}`, { state: 'detached', timeout: 10000 })
    } catch {
      fail(`documents are still listed as missing: ${await attribute(`${detailOf(caseId)} ${tid('reg-missing')}`, 'data-types')}`)
    }
    return uploaded.join('; ')
  })

  // 8. Each row's SHA-256 is the one of the file sent.
  await check('8 SHA-256 of each document', ['7 upload the documents'], async () => {
    const rows = await page.$$eval(`${detailOf(caseId)} tr${tid('reg-document-row')}`, (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-id'),
        type: el.getAttribute('data-type'),
        name: el.getAttribute('data-file-name'),
        sha256: el.getAttribute('data-sha256'),
        shown: (el.querySelector('[data-testid="reg-document-sha256"]')?.textContent || '').trim(),
        title: el.querySelector('[data-testid="reg-document-sha256"]')?.getAttribute('title') || ''
      }))
    )
    const problems = []
    for (const [type, file] of Object.entries(files)) {
      const row = rows.find((r) => r.id === String(file.id))
      if (!row) {
        problems.push(`${type}: no row of document ${file.id}`)
        continue
      }
      if (row.type !== type) problems.push(`${file.name} is listed under ${row.type}`)
      if (row.sha256 !== file.sha256) problems.push(`${file.name}: row has ${row.sha256}, file has ${file.sha256}`)
      if (!file.sha256.startsWith(row.shown.slice(0, 8)) || !file.sha256.endsWith(row.shown.slice(-8))) problems.push(`${file.name}: shows "${row.shown}"`)
      if (!row.title.includes(file.sha256)) problems.push(`${file.name}: the full SHA-256 is not in the title ("${row.title}")`)
    }
    if (problems.length) fail(problems.join('; '))
    await screenshot('documents')
    return `${Object.keys(files).length} rows match, e.g. ${files.IDENTIFICATION_REPORT.sha256.slice(0, 16)}…`
  })

  // 9. The PDF previews in a frame from a blob: URL; the PNG as an image.
  await check('9 preview the PDF and the image', ['7 upload the documents'], async () => {
    const seen = []
    for (const type of ['IDENTIFICATION_REPORT', 'OTHER']) {
      const file = files[type]
      await page.click(`${documentRows(type)}[data-id="${file.id}"] ${tid('reg-document-preview')}`)
      const preview = `${tid('reg-preview')}[data-document-id="${file.id}"]`
      const state = await waitAttribute(preview, 'data-state', ['ready', 'error'])
      if (state !== 'ready') fail(`the preview of ${file.name} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
      const kind = await attribute(preview, 'data-kind')
      const hash = await attribute(preview, 'data-hash-check')
      if (hash === 'mismatch') fail(`the preview of ${file.name} says the bytes received differ from the recorded SHA-256`)
      if (file.kind === 'pdf') {
        if (kind !== 'pdf') fail(`${file.name} previews as "${kind}", expected pdf`)
        const src = await attribute(`${preview} ${tid('reg-preview-frame')}`, 'src')
        if (!src || !src.startsWith('blob:')) fail(`the PDF frame shows "${src}", expected a blob: URL`)
        seen.push(`${file.name}: frame ${src.slice(0, 20)}…${hash ? `, SHA-256 ${hash}` : ''}`)
        await screenshot('preview-pdf')
      } else {
        if (kind !== 'image') fail(`${file.name} previews as "${kind}", expected image`)
        const loaded = await page
          .waitForFunction((sel) => {
            const img = document.querySelector(sel)
            return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null
          }, `${preview} ${tid('reg-preview-image')}`, { timeout: 10000 })
          .then((h) => h.jsonValue())
          .catch(() => null)
        if (!loaded) fail(`the image ${file.name} is not shown`)
        seen.push(`${file.name}: image ${loaded} px wide${hash ? `, SHA-256 ${hash}` : ''}`)
      }
      await closeDialog('reg-preview-dialog')
    }
    return seen.join('; ')
  })

  // 10. 提交申请 with the documents.
  await check('10 submit', ['7 upload the documents'], async () => {
    await takeStep('SUBMIT', { expect: 'SUBMITTED' })
    const editable = await attribute(detailOf(caseId), 'data-editable')
    if (editable !== 'false') fail('the documents can still be changed once submitted')
    return '已提交, documents locked'
  })

  // 11. 退回补正: an empty reason is refused by the dialog; the reason is shown once returned.
  await check('11 return for correction', ['10 submit'], async () => {
    await page.click(`${detailOf(caseId)} ${tid('reg-action-RETURN')}`)
    await waitVisible(`${tid('reg-action-form-wrap')}[data-action="RETURN"]`, 'the RETURN dialog')
    const sent = []
    const listener = (request) => {
      if (request.method() === 'POST' && actionsApi(caseId, 'RETURN').test(request.url())) sent.push(request.url())
    }
    page.on('request', listener)
    let refusal = ''
    try {
      await page.click(`${tid('reg-action-confirm')}[data-action="RETURN"]`)
      const error = `${tid('reg-action-field-error')}[data-field="note"]`
      await waitVisible(error, 'the error under the empty reason', 10000)
      refusal = await textOf(error)
      await page.waitForTimeout(500)
      if (sent.length) fail(`the empty reason was sent: POST ${sent.join(', ')}`)
    } finally {
      page.off('request', listener)
    }
    await closeDialog('reg-action-dialog')
    await takeStep('RETURN', { note: RETURN_REASON, expect: 'RETURNED' })
    await waitVisible(`${detailOf(caseId)} ${tid('reg-return-reason')}`, 'the return reason')
    const shown = await textOf(`${detailOf(caseId)} ${tid('reg-return-reason')}`)
    if (shown !== RETURN_REASON) fail(`the return reason shows "${shown}"`)
    await screenshot('returned')
    return `empty reason refused ("${refusal}"); 退回补正 with "${shown.slice(0, 30)}…"`
  })

  await check('12 submit again', ['11 return for correction'], async () => {
    await takeStep('SUBMIT', { note: '已按要求补正。', expect: 'SUBMITTED' })
    return '已提交'
  })

  await check('13 accept', ['12 submit again'], async () => {
    await takeStep('ACCEPT', { expect: 'ACCEPTED' })
    return '已受理'
  })

  // 14. 登记 with the number left empty: one is assigned and shown.
  await check('14 register with an assigned number', ['13 accept'], async () => {
    await page.click(`${detailOf(caseId)} ${tid('reg-action-REGISTER')}`)
    await waitVisible(NUMBER, 'the registration number field')
    const typed = await page.inputValue(NUMBER)
    if (typed) fail(`the number field starts with "${typed}"`)
    await closeDialog('reg-action-dialog')
    const answered = await takeStep('REGISTER', { expect: 'REGISTERED' })
    if (!answered.registrationNumber) fail('the registered case carries no registration number')
    await waitVisible(`${detailOf(caseId)} ${tid('reg-number')}`, 'the registration number')
    const shown = await textOf(`${detailOf(caseId)} ${tid('reg-number')}`)
    if (shown !== answered.registrationNumber) fail(`the page shows the number "${shown}", the server gave "${answered.registrationNumber}"`)
    return `登记编号 ${shown}`
  })

  // 15. 生成并送达通知书: 已通知, with the notice as a document.
  await check('15 notify', ['14 register with an assigned number'], async () => {
    await takeStep('NOTIFY', { expect: 'NOTIFIED' })
    await waitVisible(documentRows('NOTICE'), 'the NOTICE document row', WAIT)
    await waitVisible(`${detailOf(caseId)} ${tid('reg-notice')}`, 'the notice link')
    const actions = await attribute(detailOf(caseId), 'data-actions')
    if (actions) fail(`steps are still offered on the notified application: ${actions}`)
    await screenshot('notified')
    return `已通知, notice "${await attribute(documentRows('NOTICE'), 'data-file-name')}"`
  })

  // 16. The notice's bytes, fetched with the page's session, are a PDF with the recorded SHA-256.
  await check('16 notice is a PDF', ['15 notify'], async () => {
    const noticeId = await attribute(documentRows('NOTICE'), 'data-id')
    const recorded = await attribute(documentRows('NOTICE'), 'data-sha256')
    const answer = await page.evaluate(async (p) => {
      const raw = window.sessionStorage.getItem('hazardwatch.session')
      const csrf = raw ? JSON.parse(raw).csrfToken : null
      const response = await fetch(new URL('/api' + p, window.location.origin), {
        headers: csrf ? { 'X-CSRF-Token': csrf } : {},
        credentials: 'same-origin',
        cache: 'no-store'
      })
      const bytes = new Uint8Array(await response.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return {
        status: response.status,
        type: response.headers.get('Content-Type') || '',
        sha256: response.headers.get('X-Content-SHA256') || '',
        base64: btoa(binary)
      }
    }, `/registrations/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(noticeId)}`)
    if (answer.status !== 200) fail(`GET the notice answered ${answer.status}`)
    const bytes = Buffer.from(answer.base64, 'base64')
    if (bytes.subarray(0, 4).toString('latin1') !== '%PDF') fail(`the notice starts with ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))}`)
    const digest = crypto.createHash('sha256').update(bytes).digest('hex')
    if (recorded && digest !== recorded) fail(`the notice's SHA-256 is ${digest}, the row says ${recorded}`)
    if (answer.sha256 && answer.sha256 !== digest) fail(`X-Content-SHA256 says ${answer.sha256}, the bytes have ${digest}`)
    return `${bytes.length} B ${answer.type}, %PDF, SHA-256 ${digest.slice(0, 16)}…`
  })

  // 17. The timeline: at least 7 entries, every step of the way.
  await check('17 timeline', ['15 notify'], async () => {
    const events = await page.$$eval(`${detailOf(caseId)} ${tid('reg-event')}`, (els) =>
      els.map((el) => ({ kind: el.getAttribute('data-kind'), action: el.getAttribute('data-action'), to: el.getAttribute('data-to') }))
    )
    if (events.length < 7) fail(`the timeline has ${events.length} entries, expected at least 7`)
    const steps = events.filter((e) => e.kind === 'step').map((e) => e.action)
    const expected = ['SUBMIT', 'RETURN', 'SUBMIT', 'ACCEPT', 'REGISTER', 'NOTIFY']
    if (steps.join(',') !== expected.join(',')) fail(`the steps are ${steps.join(' → ') || 'none'}, expected ${expected.join(' → ')}`)
    const documents = events.filter((e) => e.kind === 'document').length
    const count = await attribute(`${detailOf(caseId)} ${tid('reg-timeline')}`, 'data-count')
    if (Number(count) !== events.length) fail(`the timeline says data-count ${count} for ${events.length} entries`)
    const server = await serverCase(caseId)
    if ((server.events || []).length !== events.length) fail(`the server has ${(server.events || []).length} events, the page shows ${events.length}`)
    return `${events.length} entries: ${steps.join(' → ')}, ${documents} document change(s)`
  })

  // 18. 统计: at least one registered source, one notified registration.
  await check('18 statistics', ['15 notify'], async () => {
    await closeDrawer()
    await page.click(tid('reg-tab-stats'))
    await waitVisible(`${tid('reg-stats')}[data-loaded="true"]`, 'the statistics')
    const registered = Number(await attribute(tid('reg-stat-registered'), 'data-count'))
    if (!(registered >= 1)) fail(`the statistics count ${registered} registered sources`)
    const notified = Number(await attribute(`${tid('reg-stat-count')}[data-kind="REGISTRATION"][data-status="NOTIFIED"]`, 'data-count'))
    if (!(notified >= 1)) fail(`the statistics count ${notified} notified registrations`)
    const grades = await page.$$eval(tid('reg-stat-grade'), (els) => els.map((el) => `${el.getAttribute('data-grade')}:${el.getAttribute('data-count')}`))
    const regions = (await page.$$(tid('reg-stat-region-row'))).length
    const months = (await page.$$(tid('reg-stat-month-row'))).length
    await screenshot('statistics')
    return `${registered} registered (by grade ${grades.join(', ')}), ${notified} notified registration(s), ${regions} region row(s), ${months} month row(s)`
  })

  // 19. 申请列表: the application, 已通知.
  await check('19 application in the list', ['15 notify'], async () => {
    await page.click(tid('reg-tab-list'))
    const row = `tr${tid('registration-row')}[data-id="${caseId}"]`
    await waitVisible(row, `the list row of application ${caseId}`)
    const status = await attribute(row, 'data-status')
    if (status !== 'NOTIFIED') fail(`the list row says ${status}`)
    const number = await attribute(row, 'data-number')
    const code = await attribute(row, 'data-source-code')
    if (code !== SOURCE_CODE) fail(`the list row names the source ${code}`)
    return `row ${caseId}: ${status}, ${code}, ${number}`
  })

  await check('20 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

/** Closes the detail drawer (its close button), leaving the list page. */
async function closeDrawer() {
  const close = '.el-drawer__close-btn'
  if (await page.$(close)) await page.click(close)
  try {
    await page.waitForURL((url) => /^#\/registrations(\?|$)/.test(url.hash), { timeout: 10000 })
  } catch {
    fail(`closing the drawer left the page at ${page.url()}`)
  }
  await page.waitForSelector(detail(), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_SOURCE_QUERY', 'HW_SOURCE_CODE'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  const dir = writeFiles()
  log(`files of this run in ${dir}`)
  const browser = await launchChromium()
  try {
    page = await newPage(browser)
    attach(page)
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
    })
    log(`opening ${URL_BASE} as ${USER}; a registration application for ${SOURCE_CODE} ("${SOURCE_QUERY}")`)
    await run()
  } finally {
    await browser.close().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await runChecks(main)
