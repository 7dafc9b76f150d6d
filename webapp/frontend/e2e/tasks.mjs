#!/usr/bin/env node
// End-to-end check of 任务 (tasks across the levels, requirement E4) in the HazardWatch web UI against a running node,
// as a user holding task:view and task:issue (e.g. a regulator lead, or `admin`), driving Debian's Chromium through
// playwright-core.
//
// What it does, in Chinese (the default language):
//   - opens 任务 from the menu (#/tasks);
//   - 下发任务: fills in the title HW_TASK_TITLE and a body, chooses the organisation HW_TASK_ASSIGNEE among the
//     subordinate organisations offered (GET /api/tasks/assignees) and sends it (POST /api/tasks, 201; checks what was
//     sent); prints "[tasks] ISSUED <task id> <assignee>" for a harness that acts on the task meanwhile;
//   - checks the task in 下发的任务 (the outbox): its row, and in its detail the assignee's status 待签收 (ISSUED) and
//     the issue in the timeline;
//   - reports on a task of 收到的任务 (the inbox) whose assignment offers 上报: HW_TASK_REPORT_TITLE, else the newest
//     one offering it (skipped when there is none): first adds a small PNG generated for the run through 添加附件
//     (the <input type=file> task-attach-input; POST .../attachments, 201) and checks the file's row (name, size, the
//     SHA-256 computed here in data-sha256 and whole in the title), the server's record and the bytes downloaded
//     (their SHA-256, X-Content-SHA256), the 添加附件 entry of the timeline and the image preview; then 上报 with the
//     file listed in the dialog (POST .../report, 200): the assignment 已上报 (REPORTED), the file still listed, no
//     more 添加附件, the report in the timeline. The report (and the file) go up to the task's issuer;
//   - with HW_TASK_EXPECT_REPORTED_BY_TITLE (the title of a task of the outbox that the harness has the assignee report
//     meanwhile; it may be HW_TASK_TITLE itself): opens that task, waits up to 60 s (reloading the page every 10 s) for
//     the assignee's status 已上报 (REPORTED) with the report's text, clicks 通过 (accept, POST .../accept) and checks
//     that the status becomes 已通过 (ACCEPTED) and that the timeline shows the acceptance;
//   - switches to English once (menu "Tasks", tab "Issued tasks", the status in English), then back to Chinese.
// The server keeps the task issued (and the acceptance) and audits them.
//
// Environment:
//   HW_URL                            UI address, e.g. http://127.0.0.1:8284/        (default http://127.0.0.1:8181/)
//   HW_USER                           login user name (task:view, task:issue)                             (required)
//   HW_PASSWORD                       login password                                                      (required)
//   HW_TASK_ASSIGNEE                  code of a subordinate organisation offered by GET /api/tasks/assignees, e.g.
//                                     370000 or a USCC                                                    (required)
//   HW_TASK_TITLE                     title of the task issued                         (default 浏览器测试：任务)
//   HW_TASK_EXPECT_REPORTED_BY_TITLE  optional: title of an outbox task whose HW_TASK_ASSIGNEE assignment gets reported
//                                     meanwhile; it is then accepted
//   HW_TASK_REPORT_TITLE              optional: title of an inbox task to add a file to and report on (the user's
//                                     organisation's assignment must offer 上报); default: the newest inbox task that
//                                     offers 上报, the two checks skipped when there is none; "-": skip them
//   HW_SCREENSHOT_DIR                 optional directory for PNG screenshots (form, outbox, detail, failures)
//   CHROMIUM                          Chromium executable                           (default /usr/bin/chromium)
//
// Every check is counted; the last line is "[tasks] N passed, M failed". Exit code 0 when all passed, else 1.

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const ASSIGNEE = (process.env.HW_TASK_ASSIGNEE || '').trim()
const TITLE = (process.env.HW_TASK_TITLE || '').trim() || '浏览器测试：任务'
const REPORTED_TITLE = (process.env.HW_TASK_EXPECT_REPORTED_BY_TITLE || '').trim()
const REPORT_ON_TITLE = (process.env.HW_TASK_REPORT_TITLE || '').trim()
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''
const BODY = '由浏览器测试下发：请签收并上报办理情况。'
const REPORT_TEXT = '浏览器测试：本单位已完成自查，现场照片见附件。'

const WAIT = 30000 // per wait: the backend may be busy
const REPORT_WAIT = 60000 // the harness has the assignee report meanwhile (through the exchange for a lower node)
const RELOAD_EVERY = 10000

const STATUS_ZH = { ISSUED: '待签收', RECEIVED: '已签收', REPORTED: '已上报', RETURNED: '已退回', ACCEPTED: '已通过', CANCELLED: '已撤销' }
const STATUS_EN = { ISSUED: 'Issued', RECEIVED: 'Received', REPORTED: 'Reported', RETURNED: 'Returned', ACCEPTED: 'Accepted', CANCELLED: 'Cancelled' }

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
  login,
  noPageErrors,
  passedNames
} = createHarness({ tag: 'tasks', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

let page = null
const consoleErrors = []
let taskId = ''
let acceptedId = ''
/** The inbox task reported on: {id, title, org}, once found. */
let reportOn = null
/** The file added before reporting. */
const photo = { path: '', name: 'task-report-photo.png', size: 0, sha256: '' }

const ISSUE_API = /\/api\/tasks(\?|$)/
const actApi = (id, action) => new RegExp(`/api/tasks/${id}/assignments/[^/]+/${action}(\\?|$)`)
const outboxRow = (id) => `tr${tid('task-row')}[data-box="outbox"][data-id="${id}"]`
const detailOf = (id) => `${tid('task-detail')}[data-id="${id}"]`
const assignmentRow = (id) => `${detailOf(id)} tr${tid('task-assignment-row')}[data-task-id="${id}"][data-org="${ASSIGNEE}"]`
const ownRow = (id, org) => `${detailOf(id)} tr${tid('task-assignment-row')}[data-task-id="${id}"][data-org="${org}"]`
const fileRows = (id, org) => `${detailOf(id)} tr${tid('task-attachment-row')}[data-task-id="${id}"][data-org="${org}"]`
const fileRow = (id, org) => `${fileRows(id, org)}[data-sha256="${photo.sha256}"]`
const attachApi = (id) => new RegExp(`/api/tasks/${id}/assignments/[^/]+/attachments\\?`)

// ---- the file added to the report ------------------------------------------------------------------------

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

/** A small RGB PNG: a 16 x 16 blue square with an orange bar, different in every run (a pixel carries the time). */
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
      else row.push(...(y >= 6 && y <= 9 ? [230, 162, 60] : [64, 158, 255]))
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

/** Writes the PNG to a directory of its own (returned, for removal); its size and SHA-256 computed here. */
function writePhoto() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-tasks-'))
  const bytes = tinyPng()
  photo.path = path.join(dir, photo.name)
  fs.writeFileSync(photo.path, bytes)
  photo.size = bytes.length
  photo.sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  return dir
}

/** As the page shortens a hash (utils/files.js shortHash): the first and last 8 characters. */
function shortHash(hash) {
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash
}

// ---- page helpers ----------------------------------------------------------------------------------------

/** Visible texts of the issue form's errors (field errors, the form's alert), for failure messages. */
async function formErrors() {
  return page.$$eval(`${tid('task-form')} ${tid('task-field-error')}, ${tid('task-form-error')}`, (els) =>
    els
      .filter((e) => e.getClientRects().length)
      .map((e) => `${e.getAttribute('data-field') || e.getAttribute('data-testid')}: ${e.textContent.replace(/\s+/g, ' ').trim()}`)
  )
}

/** Chooses the assignee in the form's select: typed, then its option clicked. */
async function chooseAssignee() {
  await page.click(tid('task-assignees'))
  await page.keyboard.type(ASSIGNEE)
  const option = `.el-select-dropdown__item[data-code="${ASSIGNEE}"]`
  if ((await firstVisible({ option }, 10000)) !== 'option') {
    // what the server offers, with the page's session cookie
    const offered = await page.evaluate(async () => {
      const response = await fetch('/api/tasks/assignees', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      return response.ok ? (await response.json()).map((a) => a.code) : `HTTP ${response.status}`
    })
    const list = Array.isArray(offered) ? `${offered.length} offered${offered.length ? `: ${offered.slice(0, 10).join(', ')}` : ''}` : offered
    fail(`${ASSIGNEE} is not offered as a subordinate organisation (GET /api/tasks/assignees: ${list})${await visibleErrors()}`)
  }
  const node = await attribute(option, 'data-node')
  await page.click(option)
  const chosen = await page
    .waitForFunction(
      ([sel, code]) => (document.querySelector(sel)?.getAttribute('data-codes') || '').split(',').includes(code),
      [tid('task-assignees-field'), ASSIGNEE],
      { timeout: 5000, polling: 200 }
    )
    .then(() => true)
    .catch(() => false)
  if (!chosen) fail(`the form holds assignees "${await attribute(tid('task-assignees-field'), 'data-codes')}", not ${ASSIGNEE}`)
  // closes the dropdown (Escape would close the dialog as well)
  await page.click(`${tid('task-form')} input${tid('task-title')}, ${tid('task-form')} ${tid('task-title')} input`)
  return node === 'true' ? 'a lower node' : 'on this node'
}

/** Opens a task's detail drawer from its outbox row and waits until it is shown. */
async function openDetail(id) {
  await waitVisible(outboxRow(id), `the outbox row of task ${id}`)
  await page.click(`${outboxRow(id)} ${tid('task-open')}`)
  const state = await waitAttribute(detailOf(id), 'data-state', ['ready', 'notfound', 'error'], WAIT)
  if (state !== 'ready') fail(`the detail of task ${id} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
}

/** The assignee's assignment in the detail shown: {status, actions, text, report} or null. */
async function assignmentOf(id) {
  return page.evaluate((sel) => {
    const row = document.querySelector(sel)
    if (!row) return null
    const tag = row.querySelector('[data-testid="task-assignment-status"]')
    const report = row.querySelector('[data-testid="task-assignment-report"]')
    return {
      status: row.getAttribute('data-status'),
      actions: (row.getAttribute('data-actions') || '').split(',').filter(Boolean),
      tag: tag ? tag.textContent.replace(/\s+/g, ' ').trim() : '',
      report: report ? report.textContent.trim() : ''
    }
  }, assignmentRow(id))
}

/** Timeline events of the detail shown: [{kind, action, to, org, orgs}]. */
async function timelineEvents(id) {
  return page.$$eval(`${detailOf(id)} ${tid('task-timeline')} ${tid('task-event')}`, (els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-kind'),
      action: el.getAttribute('data-action'),
      to: el.getAttribute('data-to'),
      org: el.getAttribute('data-org') || '',
      orgs: (el.getAttribute('data-orgs') || '').split(',').filter(Boolean)
    }))
  )
}

/**
 * The outbox task with the expected title to accept: the one whose assignee reported, else the one just issued when
 * the titles are the same, else the newest. Returns {id, statuses} or null.
 */
async function reportedCandidate() {
  const rows = await page.$$eval(`tr${tid('task-row')}[data-box="outbox"]`, (els) =>
    els.map((el) => ({ id: el.getAttribute('data-id'), title: el.getAttribute('data-title'), statuses: el.getAttribute('data-statuses') || '' }))
  )
  const titled = rows.filter((r) => r.title === REPORTED_TITLE)
  return (
    titled.find((r) => r.statuses.split(',').includes(`${ASSIGNEE}:REPORTED`)) ||
    titled.find((r) => r.id === taskId) ||
    titled[0] ||
    null
  )
}

/**
 * The 任务 page, outbox tab, with the given task's drawer open (by the address, so that it survives a reload); reload:
 * load the page anew (going to an address that differs in its #route only would not ask the server again).
 */
async function showOutbox(id, { reload = false } = {}) {
  await open(`/tasks?tab=outbox${id ? `&task=${encodeURIComponent(id)}` : ''}`)
  if (reload) {
    try {
      await page.reload({ waitUntil: 'domcontentloaded', timeout: WAIT })
    } catch (err) {
      fail(`reloading ${page.url()} failed: ${err.message.split('\n')[0]}`)
    }
  }
  await waitVisible(tid('tasks-page'), 'the 任务 page')
  await waitMenuFinal()
  await waitVisible(`${tid('tasks-table')}[data-box="outbox"]`, 'the outbox')
  await waitVisible(tid('tasks-count'), 'the outbox loaded')
  if (id) {
    const state = await waitAttribute(detailOf(id), 'data-state', ['ready', 'notfound', 'error'], WAIT)
    if (state !== 'ready') fail(`the detail of task ${id} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
  }
}

/** The 任务 page, inbox tab, with the given task's drawer open (by the address); waits for the list and the drawer. */
async function showInbox(id) {
  await open(`/tasks${id ? `?task=${encodeURIComponent(id)}` : ''}`)
  await waitVisible(tid('tasks-page'), 'the 任务 page')
  await waitMenuFinal()
  await waitVisible(`${tid('tasks-table')}[data-box="inbox"]`, 'the inbox')
  await waitVisible(tid('tasks-count'), 'the inbox loaded')
  if (id) {
    const state = await waitAttribute(detailOf(id), 'data-state', ['ready', 'notfound', 'error'], WAIT)
    if (state !== 'ready') fail(`the detail of task ${id} is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
  }
}

/**
 * The inbox task to report on: HW_TASK_REPORT_TITLE, else the newest whose to-do includes 上报. Returns {id, title}
 * or null.
 */
async function reportableTask() {
  await showInbox('')
  const rows = await page.$$eval(`tr${tid('task-row')}[data-box="inbox"]`, (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id'),
      title: el.getAttribute('data-title'),
      todo: (el.querySelector('[data-testid="task-todo"]')?.getAttribute('data-actions') || '').split(',')
    }))
  )
  const offering = rows.filter((r) => r.todo.includes('REPORT'))
  const found = REPORT_ON_TITLE ? offering.find((r) => r.title === REPORT_ON_TITLE) : offering[0]
  return found ? { id: found.id, title: found.title } : null
}

/** The page's session fetches GET /api<p>: {status, header (X-Content-SHA256), base64, json}. */
async function fetchApi(p) {
  return page.evaluate(async (url) => {
    const response = await fetch(new URL('/api' + url, window.location.origin), { credentials: 'same-origin', cache: 'no-store' })
    const bytes = new Uint8Array(await response.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    let json = null
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try {
        json = JSON.parse(new TextDecoder().decode(bytes))
      } catch {
        json = null
      }
    }
    return { status: response.status, header: response.headers.get('X-Content-SHA256') || '', base64: btoa(binary), json }
  }, p)
}

async function closeDialog(testid) {
  const button = `${tid(testid)} .el-dialog__headerbtn`
  if (await page.$(button)) await page.click(button)
  await page.waitForSelector(tid(testid), { state: 'hidden', timeout: 10000 }).catch(() => null)
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  await check('1 login', [], () => login(USER, PASSWORD))

  // 2. 任务 from the menu.
  await check('2 tasks page', ['1 login'], async () => {
    await waitMenuFinal()
    if (!(await page.$(tid('nav-tasks')))) fail(`the menu has no 任务 entry (${USER} lacks task:view?)`)
    const label = await textOf(tid('nav-tasks'))
    if (label !== '任务') fail(`the menu entry says "${label}", expected "任务"`)
    await page.click(tid('nav-tasks'))
    try {
      await page.waitForURL((url) => url.hash.startsWith('#/tasks'), { timeout: 10000 })
    } catch {
      fail(`the menu entry did not open #/tasks: ${page.url()}`)
    }
    await waitVisible(tid('tasks-page'), 'the 任务 page')
    const inbox = await textOf(tid('tasks-tab-inbox'))
    if (inbox !== '收到的任务') fail(`the inbox tab says "${inbox}"`)
    if (!(await page.$(tid('tasks-tab-outbox')))) fail(`there is no 下发的任务 tab (${USER} lacks task:issue?)`)
    if (!(await page.$(tid('task-issue-open')))) fail(`there is no 下发任务 button (${USER} lacks task:issue?)`)
    return `${new URL(page.url()).hash}, tabs "${inbox}" / "${await textOf(tid('tasks-tab-outbox'))}"`
  })

  // 3. 下发任务: the form, sent with 201.
  await check(`3 issue a task to ${ASSIGNEE}`, ['2 tasks page'], async () => {
    await page.click(tid('task-issue-open'))
    await waitVisible(tid('task-form'), 'the issue form')
    await page.fill(`input${tid('task-title')}, ${tid('task-title')} input`, TITLE)
    await page.fill(`textarea${tid('task-body')}, ${tid('task-body')} textarea`, BODY)
    const where = await chooseAssignee()
    await screenshot('form')

    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && ISSUE_API.test(r.url()), { timeout: WAIT }).catch(() => null)
    await page.click(tid('task-form-submit'))
    const response = await answer
    if (!response) fail(`no POST /api/tasks within ${WAIT / 1000} s: ${(await formErrors()).join(' | ') || 'no form error shown'}`)
    if (response.status() !== 201) {
      const body = await response.json().catch(() => null)
      await page.waitForTimeout(500)
      fail(`POST /api/tasks answered ${response.status()}${body?.message ? ` (${body.message})` : ''}: ${(await formErrors()).join(' | ') || 'no form error shown'}`)
    }
    let sent = {}
    try {
      sent = JSON.parse(response.request().postData() || '{}')
    } catch {
      sent = {}
    }
    if (sent.title !== TITLE) fail(`the form sent the title ${JSON.stringify(sent.title)}, expected ${JSON.stringify(TITLE)}`)
    if (sent.body !== BODY) fail(`the form sent the body ${JSON.stringify(sent.body)}`)
    if (JSON.stringify(sent.assignees) !== JSON.stringify([ASSIGNEE])) fail(`the form sent the assignees ${JSON.stringify(sent.assignees)}, expected ["${ASSIGNEE}"]`)
    const task = (await response.json().catch(() => null)) || {}
    if (!task.id) fail('the answer names no task id')
    const mine = (task.assignments || []).find((a) => a.assigneeOrg === ASSIGNEE)
    if (!mine) fail(`the task answered has no assignment of ${ASSIGNEE}`)
    taskId = task.id
    try {
      await page.waitForSelector(tid('task-form'), { state: 'hidden', timeout: 10000 })
    } catch {
      fail('the issue form stayed open after the task was issued')
    }
    // for a harness that has the assignee report meanwhile
    log(`ISSUED ${taskId} ${ASSIGNEE}`)
    return `task ${taskId} to ${ASSIGNEE} (${where}), status ${mine.status}`
  })

  // 4. In 下发的任务, and its detail: the assignee's status 待签收, the issue in the timeline.
  await check('4 outbox shows it ISSUED', [`3 issue a task to ${ASSIGNEE}`], async () => {
    const tab = await waitAttribute(tid('tasks-tabs'), 'data-tab', ['outbox'], 10000)
    if (tab !== 'outbox') await page.click(tid('tasks-tab-outbox'))
    await waitVisible(outboxRow(taskId), `the outbox row of task ${taskId}`)
    const rowTitle = await attribute(outboxRow(taskId), 'data-title')
    if (rowTitle !== TITLE) fail(`the outbox row says "${rowTitle}"`)
    const statuses = ((await attribute(outboxRow(taskId), 'data-statuses')) || '').split(',')
    if (!statuses.includes(`${ASSIGNEE}:ISSUED`)) fail(`the outbox row has the statuses ${statuses.join(', ')}, expected ${ASSIGNEE}:ISSUED`)
    const reported = await textOf(`${outboxRow(taskId)} ${tid('task-reported')}`)
    await screenshot('outbox')

    await openDetail(taskId)
    const a = await assignmentOf(taskId)
    if (!a) fail(`the detail has no assignment row of ${ASSIGNEE}`)
    if (a.status !== 'ISSUED') fail(`the assignment of ${ASSIGNEE} is ${a.status}, expected ISSUED`)
    if (a.tag !== STATUS_ZH.ISSUED) fail(`the status tag says "${a.tag}", expected "${STATUS_ZH.ISSUED}"`)
    if (a.actions.includes('ACCEPT') || a.actions.includes('REPORT')) fail(`the issuer is offered ${a.actions.join(', ')} on an issued assignment`)
    const events = await timelineEvents(taskId)
    if (!events.some((e) => e.kind === 'issue' && e.orgs.includes(ASSIGNEE))) fail(`the timeline does not show the issue to ${ASSIGNEE} (${events.length} event(s))`)
    await screenshot('detail')
    return `row "${rowTitle}" (${reported}), ${ASSIGNEE} ${a.tag}, actions ${a.actions.join(', ') || 'none'}, ${events.length} timeline item(s)`
  })

  // 5. A file added to the report of an inbox task, its SHA-256 the one of the file everywhere.
  let skipReport = REPORT_ON_TITLE === '-'
  if (!skipReport && passedNames.has('2 tasks page')) {
    try {
      reportOn = await reportableTask()
    } catch (err) {
      log(`note: the inbox could not be read for a task to report on: ${err.message.split('\n')[0]}`)
    }
    // without a title asked for, an inbox with nothing to report on skips the two checks
    if (!reportOn && !REPORT_ON_TITLE) skipReport = true
  }
  if (!skipReport) {
    await check('5 attach a file to a report', ['2 tasks page'], async () => {
      if (!reportOn) fail(`no task titled "${REPORT_ON_TITLE}" in the inbox offers 上报${await visibleErrors()}`)
      const id = reportOn.id
      await showInbox(id)
      const row = `${detailOf(id)} tr${tid('task-assignment-row')}[data-task-id="${id}"]`
      const org = await page.$$eval(row, (els) => {
        const own = els.find((el) => (el.getAttribute('data-actions') || '').split(',').includes('REPORT'))
        return own ? own.getAttribute('data-org') : null
      })
      if (!org) fail(`no assignment of task ${id} offers 上报 in its detail`)
      reportOn.org = org
      const input = `${detailOf(id)} input${tid('task-attach-input')}[data-org="${org}"]`
      try {
        await page.waitForSelector(input, { state: 'attached', timeout: WAIT })
      } catch {
        fail(`the assignment of ${org} offers 上报 but no 添加附件 (task-attach-input)${await visibleErrors()}`)
      }
      const button = await textOf(`${ownRow(id, org)} ${tid('task-attach-button')}`)
      if (button !== '添加附件') fail(`the attach button says "${button}", expected "添加附件"`)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && attachApi(id).test(r.url()), { timeout: WAIT }).catch(() => null),
        page.setInputFiles(input, photo.path)
      ])
      if (!response) fail(`the file was not sent (no POST .../attachments)${await visibleErrors()}`)
      if (response.status() !== 201) {
        const body = await response.json().catch(() => null)
        fail(`the upload answered ${response.status()}${body?.message ? ` (${body.message})` : ''}${await visibleErrors()}`)
      }
      const sentType = response.request().headers()['content-type'] || ''
      if (sentType !== 'image/png') fail(`the file was sent as "${sentType}", not image/png`)
      // (the answer's body itself may be gone from the browser's cache by now: the server's record is read below)

      // the file's row under the assignment, with the SHA-256 computed here
      const listed = await page
        .waitForSelector(fileRow(id, org), { state: 'visible', timeout: WAIT })
        .then(() => true)
        .catch(() => false)
      if (!listed) {
        const rows = await page.$$eval(fileRows(id, org), (els) => els.map((el) => `${el.getAttribute('data-file-name')} ${el.getAttribute('data-sha256')}`))
        fail(`no file row with SHA-256 ${photo.sha256} (rows: ${rows.join(', ') || 'none'})${await visibleErrors()}`)
      }
      const name = await attribute(fileRow(id, org), 'data-file-name')
      if (name !== photo.name) fail(`the row names the file "${name}", expected ${photo.name}`)
      const size = await attribute(fileRow(id, org), 'data-size')
      if (size !== String(photo.size)) fail(`the row has the size ${size}, the file ${photo.size} B`)
      const hashCell = `${fileRow(id, org)} ${tid('task-attachment-sha256')}`
      const title = await attribute(hashCell, 'title')
      if (!title || !title.includes(photo.sha256)) fail(`the full SHA-256 is not in the title ("${title}")`)
      const short = await textOf(hashCell)
      if (short !== shortHash(photo.sha256)) fail(`the row shows "${short}", expected "${shortHash(photo.sha256)}"`)
      const attachmentId = await attribute(fileRow(id, org), 'data-id')

      // what the server keeps, and the bytes it gives back
      const detail = await fetchApi(`/tasks/${encodeURIComponent(id)}`)
      const kept = (detail.json?.attachments || []).find((a) => String(a.id) === attachmentId)
      if (!kept || kept.sha256 !== photo.sha256 || kept.size !== photo.size || kept.assigneeOrg !== org) fail(`the server keeps ${JSON.stringify(kept)}`)
      const answer = await fetchApi(`/tasks/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`)
      if (answer.status !== 200) fail(`GET the file answered ${answer.status}`)
      const digest = crypto.createHash('sha256').update(Buffer.from(answer.base64, 'base64')).digest('hex')
      if (digest !== photo.sha256) fail(`the bytes downloaded have SHA-256 ${digest}, the file ${photo.sha256}`)
      if (answer.header !== photo.sha256) fail(`X-Content-SHA256 says "${answer.header}"`)

      // the timeline: 添加附件, not the issue
      const event = `${detailOf(id)} ${tid('task-event')}[data-kind="attach"][data-org="${org}"][data-file-name="${photo.name}"]`
      await waitVisible(event, 'the 添加附件 entry of the timeline')
      const prefix = await attribute(event, 'data-hash-prefix')
      if (!prefix || !photo.sha256.startsWith(prefix)) fail(`the timeline names the SHA-256 "${prefix}…"`)
      const label = await textOf(`${event} ${tid('task-event-action')}`)
      if (label !== '添加附件') fail(`the timeline entry says "${label}", expected "添加附件"`)

      // the preview shows the image, its bytes checked against the recorded SHA-256
      await page.click(`${fileRow(id, org)} ${tid('task-attachment-preview')}`)
      const preview = `${tid('task-file-preview')}[data-document-id="${attachmentId}"]`
      const state = await waitAttribute(preview, 'data-state', ['ready', 'error'])
      if (state !== 'ready') fail(`the preview is ${state === null ? 'not shown' : `"${state}"`}${await visibleErrors()}`)
      if ((await attribute(preview, 'data-kind')) !== 'image') fail(`the PNG previews as "${await attribute(preview, 'data-kind')}"`)
      const hash = await attribute(preview, 'data-hash-check')
      if (hash === 'mismatch') fail('the preview says the bytes differ from the recorded SHA-256')
      await screenshot('attached')
      await closeDialog('task-file-preview-dialog')
      return `task ${id} ("${reportOn.title}"), ${org}: ${photo.name} (${photo.size} B), SHA-256 ${photo.sha256.slice(0, 16)}… on the row, the server, the download and its header; timeline 添加附件; preview ${hash || 'shown'}`
    })

    // 6. The report, the file listed with it, then still there; no more files may be added.
    await check('6 report with the file', ['5 attach a file to a report'], async () => {
      const { id, org } = reportOn
      const button = `${ownRow(id, org)} ${tid('task-action')}[data-action="REPORT"]`
      await waitVisible(button, 'the 上报 button')
      const label = await textOf(button)
      if (label !== '上报') fail(`the report button says "${label}"`)
      await page.click(button)
      await waitVisible(`${tid('task-action-form-wrap')}[data-action="REPORT"]`, 'the 上报 dialog')
      await waitVisible(tid('task-action-files'), 'the files of the report in the dialog')
      const listed = await page.$$eval(`${tid('task-action-files')} ${tid('task-action-file')}`, (els) =>
        els.map((el) => ({ name: el.getAttribute('data-file-name'), sha256: el.getAttribute('data-sha256') }))
      )
      if (!listed.some((f) => f.name === photo.name && f.sha256 === photo.sha256)) fail(`the dialog lists ${JSON.stringify(listed)}, not ${photo.name}`)
      await page.fill(`textarea${tid('task-action-text')}, ${tid('task-action-text')} textarea`, REPORT_TEXT)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && actApi(id, 'report').test(r.url()), { timeout: WAIT }).catch(() => null),
        page.click(tid('task-action-submit'))
      ])
      if (!response) fail(`clicking 上报 sent no POST .../assignments/${org}/report${await visibleErrors()}`)
      if (response.status() !== 200) {
        const body = await response.json().catch(() => null)
        fail(`reporting answered ${response.status()}${body?.message ? `: ${body.message}` : ''}${await visibleErrors()}`)
      }
      const status = await waitAttribute(ownRow(id, org), 'data-status', ['REPORTED'], WAIT)
      if (status !== 'REPORTED') fail(`the assignment of ${org} shows ${await attribute(ownRow(id, org), 'data-status')} after reporting${await visibleErrors()}`)
      const tag = await textOf(`${ownRow(id, org)} ${tid('task-assignment-status')}`)
      if (tag !== STATUS_ZH.REPORTED) fail(`the status tag says "${tag}", expected "${STATUS_ZH.REPORTED}"`)
      const report = await textOf(`${ownRow(id, org)} ${tid('task-assignment-report')}`)
      if (report !== REPORT_TEXT) fail(`the report shown is "${report}"`)
      await waitVisible(fileRow(id, org), `the row of ${photo.name} after reporting`)
      if ((await attribute(fileRow(id, org), 'data-sha256')) !== photo.sha256) fail('the file row changed its SHA-256 after reporting')
      const attachable = await page.$(`${detailOf(id)} input${tid('task-attach-input')}[data-org="${org}"]`)
      if (attachable) fail('添加附件 is still offered on the reported assignment')
      try {
        await page.waitForSelector(`${detailOf(id)} ${tid('task-event')}[data-action="REPORT"][data-org="${org}"][data-to="REPORTED"]`, { state: 'attached', timeout: WAIT })
      } catch {
        fail(`the timeline shows no report of ${org}`)
      }
      await screenshot('reported')
      return `task ${id}: ${org} 已上报 with ${photo.name}; no more 添加附件; the report in the timeline`
    })
  } else {
    log(`skipped 5 attach a file to a report, 6 report with the file: ${REPORT_ON_TITLE === '-' ? 'HW_TASK_REPORT_TITLE is "-"' : 'no task of the inbox offers 上报'}`)
  }

  // 7. The task the harness had reported: accepted.
  if (REPORTED_TITLE) {
    await check('7 reported task accepted', ['2 tasks page'], async () => {
      const deadline = Date.now() + REPORT_WAIT
      let candidate = null
      let shownId = ''
      let a = null
      let reloads = 0
      for (;;) {
        await showOutbox(shownId, { reload: reloads > 0 })
        candidate = await reportedCandidate()
        if (candidate) {
          if (candidate.id !== shownId) {
            shownId = candidate.id
            await showOutbox(shownId)
          }
          a = await assignmentOf(shownId)
          if (a && a.status === 'REPORTED') break
        }
        if (Date.now() + RELOAD_EVERY > deadline) {
          if (!candidate) fail(`no task titled "${REPORTED_TITLE}" in the outbox after ${REPORT_WAIT / 1000} s`)
          if (!a) fail(`task ${candidate.id} ("${REPORTED_TITLE}") has no assignment of ${ASSIGNEE}`)
          fail(`the assignment of ${ASSIGNEE} in task ${candidate.id} is still ${a.status} after ${REPORT_WAIT / 1000} s (${reloads} reload(s))`)
        }
        await page.waitForTimeout(RELOAD_EVERY)
        reloads++
      }
      const id = candidate.id
      if (a.tag !== STATUS_ZH.REPORTED) fail(`the status tag says "${a.tag}", expected "${STATUS_ZH.REPORTED}"`)
      if (!a.report) fail('the report of the reported assignment is not shown')
      if (!a.actions.includes('ACCEPT')) fail(`the issuer is not offered 通过 (actions: ${a.actions.join(', ') || 'none'}; ${USER} lacks task:issue, or is not of the issuing organisation?)`)
      const button = `${assignmentRow(id)} ${tid('task-action')}[data-action="ACCEPT"]`
      const label = await textOf(button)
      if (label !== '通过') fail(`the accept button says "${label}"`)
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && actApi(id, 'accept').test(r.url()), { timeout: WAIT }).catch(() => null),
        page.click(button)
      ])
      if (!response) fail(`clicking 通过 sent no POST .../assignments/${ASSIGNEE}/accept`)
      if (response.status() !== 200) {
        const body = await response.json().catch(() => null)
        fail(`accepting answered ${response.status()}${body?.message ? `: ${body.message}` : ''}`)
      }
      const status = await waitAttribute(assignmentRow(id), 'data-status', ['ACCEPTED'], WAIT)
      if (status !== 'ACCEPTED') fail(`the assignment of ${ASSIGNEE} shows ${await attribute(assignmentRow(id), 'data-status')} after accepting${await visibleErrors()}`)
      const after = await assignmentOf(id)
      if (after.tag !== STATUS_ZH.ACCEPTED) fail(`the status tag says "${after.tag}", expected "${STATUS_ZH.ACCEPTED}"`)
      if (after.actions.length) fail(`actions are still offered on the accepted assignment: ${after.actions.join(', ')}`)
      let events = []
      const shown = await page
        .waitForFunction(
          ([sel, org]) =>
            [...document.querySelectorAll(sel)].some(
              (el) => el.getAttribute('data-action') === 'ACCEPT' && el.getAttribute('data-to') === 'ACCEPTED' && el.getAttribute('data-org') === org
            ),
          [`${detailOf(id)} ${tid('task-event')}`, ASSIGNEE],
          { timeout: WAIT, polling: 250 }
        )
        .then(() => true)
        .catch(() => false)
      events = await timelineEvents(id)
      if (!shown) fail(`the timeline shows no acceptance of ${ASSIGNEE} (${events.map((e) => e.action || e.kind).join(', ')})`)
      acceptedId = id
      await screenshot('accepted')
      return `task ${id}: ${ASSIGNEE} reported ("${a.report.slice(0, 40)}") after ${reloads} reload(s), accepted; timeline ${events.map((e) => e.action || e.kind).join(' → ')}`
    })
  } else {
    log('skipped 7 reported task accepted: HW_TASK_EXPECT_REPORTED_BY_TITLE is not set')
  }

  // 8. English once (the page loaded anew: an open drawer or dialog would cover the header's language switch).
  await check('8 English', ['2 tasks page'], async () => {
    const shownId = acceptedId || taskId
    await showOutbox('', { reload: true })
    await page.click(`${tid('lang-switch')} ${tid('lang-en')}`)
    try {
      await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === 'Issued tasks', tid('tasks-tab-outbox'), {
        timeout: 10000,
        polling: 200
      })
    } catch {
      fail(`the English tab label "Issued tasks" did not appear (it says "${await textOf(tid('tasks-tab-outbox'))}")`)
    }
    const nav = await textOf(tid('nav-tasks'))
    if (nav !== 'Tasks') fail(`the English menu entry says "${nav}"`)
    let status = ''
    if (shownId) {
      // the statuses counted in the task's outbox row
      const tags = await page.$$eval(`${outboxRow(shownId)} ${tid('task-status-count')}`, (els) =>
        els.map((el) => ({
          status: el.getAttribute('data-status'),
          text: (el.querySelector('[data-testid="task-status"]')?.textContent || '').replace(/\s+/g, ' ').trim()
        }))
      )
      if (!tags.length) fail(`the outbox row of task ${shownId} shows no statuses`)
      const wrong = tags.filter((x) => x.text !== STATUS_EN[x.status])
      if (wrong.length) fail(`status tags not in English: ${wrong.map((x) => `${x.status} "${x.text}"`).join(', ')}`)
      const reported = await textOf(`${outboxRow(shownId)} ${tid('task-reported')}`)
      if (!/^Reported \d+\/\d+$/.test(reported || '')) fail(`the progress says "${reported}" in English`)
      status = `, ${reported}, status ${tags.map((x) => `"${x.text}"`).join(', ')}`
    }
    await screenshot('english')
    await page.click(`${tid('lang-switch')} ${tid('lang-zh-CN')}`)
    await page
      .waitForFunction((sel) => (document.querySelector(sel)?.textContent || '').trim() === '下发的任务', tid('tasks-tab-outbox'), { timeout: 10000 })
      .catch(() => null)
    return `menu "${nav}", tab "Issued tasks"${status}`
  })

  await check('9 no page errors', [], noPageErrors)
  if (consoleErrors.length) log(`note: ${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 5).join(' | ')}`)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_TASK_ASSIGNEE'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  if (!/^[0-9A-Za-z-]{2,32}$/.test(ASSIGNEE)) {
    environmentFailure(`HW_TASK_ASSIGNEE must be an organisation code (region code, park code or USCC), not "${ASSIGNEE}"`)
    return
  }
  if (TITLE.length > 200) {
    environmentFailure(`HW_TASK_TITLE must have at most 200 characters (has ${TITLE.length})`)
    return
  }
  const dir = writePhoto()
  try {
    const browser = await launchChromium()
    try {
      page = await newPage(browser)
      attach(page)
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text().split('\n')[0])
      })
      const reporting = REPORT_ON_TITLE === '-' ? '' : `; reporting with ${photo.name} on ${REPORT_ON_TITLE ? `"${REPORT_ON_TITLE}"` : 'the newest inbox task offering 上报'}`
      log(`opening ${URL_BASE} as ${USER}; task "${TITLE}" to ${ASSIGNEE}${reporting}${REPORTED_TITLE ? `; then accepting the report on "${REPORTED_TITLE}"` : ''}`)
      await run()
    } finally {
      await browser.close().catch(() => {})
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await runChecks(main)
