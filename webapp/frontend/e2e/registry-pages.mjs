#!/usr/bin/env node
// End-to-end check of the registry pages of the HazardWatch web UI (regions, major hazard sources, grading working,
// re-grading, registry import) against a running backend, driving Debian's Chromium through playwright-core (no
// Playwright browser download needed).
//
// Environment:
//   HW_URL             UI address, e.g. http://127.0.0.1:8181/                      (default http://127.0.0.1:8181/)
//   HW_USER            login user name                                               (required)
//   HW_PASSWORD        login password                                                (required)
//   HW_SOURCE_QUERY    search text that finds the hazard source, e.g. 罐区A           (required)
//   HW_SOURCE_CODE     code of that hazard source, e.g. HS-A                          (required)
//   HW_REGION          region code the source lies in, e.g. 370281                    (required)
//   HW_BAD_CSV         path of an enterprises CSV file with errors (to be refused)    (required)
//   HW_SCREENSHOT_DIR  optional directory for PNG screenshots (detail page, import page, failures)
//   CHROMIUM           Chromium executable                                            (default /usr/bin/chromium)
//
// Note: the re-grading check adds grading snapshots (edition 2009, reason REGRADED) to the hazard source.
// Every check is counted; the last line is "[registry-pages] N passed, M failed". Exit code 0 when all passed, else 1.

import fs from 'node:fs'
import { URL_BASE, createHarness, fail, launchChromium, missingEnvironment, newPage, tid } from './lib/harness.mjs'

const USER = process.env.HW_USER
const PASSWORD = process.env.HW_PASSWORD
const SOURCE_QUERY = process.env.HW_SOURCE_QUERY
const SOURCE_CODE = process.env.HW_SOURCE_CODE
const REGION = process.env.HW_REGION
const BAD_CSV = process.env.HW_BAD_CSV
const SCREENSHOT_DIR = process.env.HW_SCREENSHOT_DIR || ''

const WAIT = 30000 // per wait: the backend may be busy
const NUMBER = /^-?\d+(\.\d+)?$/

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
  firstVisible,
  waitVisible,
  open,
  login,
  noPageErrors
} = createHarness({ tag: 'registry-pages', screenshotDir: SCREENSHOT_DIR, wait: WAIT })

// ---- page helpers ----------------------------------------------------------------------------------------

let page = null

/** Closes any open dialog (Escape), so that a failed check does not block the next ones. */
async function closeDialogs() {
  for (let i = 0; i < 3; i++) {
    const open = await page.evaluate(() =>
      [...document.querySelectorAll('.el-overlay-dialog, .el-overlay')].some((el) => el.getClientRects().length > 0)
    )
    if (!open) return
    await page.keyboard.press('Escape')
    await page.waitForTimeout(500)
  }
}

function count(text) {
  const n = Number(String(text ?? '').trim())
  return Number.isFinite(n) ? n : NaN
}

// ---- the checks ------------------------------------------------------------------------------------------

async function run() {
  // 1. Login in Chinese; the menu offers the registry pages.
  await check('1a login', [], () => login(USER, PASSWORD))

  await check('1b menu entries', ['1a login'], async () => {
    const wanted = [
      ['nav-hazard-sources', '重大危险源'],
      ['nav-regions', '区域与园区'],
      ['nav-registry-transfer', '导入导出']
    ]
    const seen = []
    for (const [id, label] of wanted) {
      const el = await page.$(tid(id))
      if (!el || !(await el.isVisible())) fail(`menu entry ${id} ("${label}") is not shown`)
      const text = (await el.textContent()).trim()
      if (!text.includes(label)) fail(`menu entry ${id} shows "${text}", expected "${label}"`)
      seen.push(text)
    }
    return seen.join(', ')
  })

  // 2. Regions page: provinces with counts; the province of HW_REGION has enterprises and hazard sources.
  const province = REGION.slice(0, 2)
  await check('2a province nodes with counts', ['1a login'], async () => {
    await open('/regions')
    const provinceNodes = `${tid('regions-tree')} [data-level="PROVINCE"]`
    await waitVisible(provinceNodes, 'a province node in the region tree')
    const nodes = await page.$$eval(provinceNodes, (els) =>
      els.map((el) => ({
        code: el.getAttribute('data-region-code'),
        name: (el.querySelector('.tree-node__name')?.textContent || el.textContent).trim(),
        e: el.querySelector('[data-testid="region-enterprise-count"]')?.textContent ?? null,
        h: el.querySelector('[data-testid="region-hazard-count"]')?.textContent ?? null,
        m: el.querySelector('[data-testid="region-major-count"]')?.textContent ?? null
      }))
    )
    for (const n of nodes) {
      for (const [key, label] of [['e', 'enterprise'], ['h', 'hazard source'], ['m', 'major hazard source']]) {
        if (n[key] === null) fail(`province node ${n.code} (${n.name}) has no ${label} count`)
        if (!/^\d+$/.test(n[key].trim())) fail(`province node ${n.code} (${n.name}) shows ${label} count "${n[key].trim()}"`)
      }
    }
    return `${nodes.length} province node(s): ${nodes
      .slice(0, 6)
      .map((n) => `${n.name} ${n.e.trim()}/${n.h.trim()}/${n.m.trim()}`)
      .join(', ')}${nodes.length > 6 ? ', …' : ''}`
  })

  await check(`2b province ${province} counts`, ['2a province nodes with counts'], async () => {
    const node = tid(`region-node-${province}`)
    const el = await page.$(node)
    if (!el) fail(`no node region-node-${province} (province of ${REGION}) in the region tree`)
    const name = (await textOf(`${node} .tree-node__name`)) || province
    const enterprises = count(await textOf(`${node} ${tid('region-enterprise-count')}`))
    const sources = count(await textOf(`${node} ${tid('region-hazard-count')}`))
    const major = count(await textOf(`${node} ${tid('region-major-count')}`))
    if (!(enterprises > 0)) fail(`${name} (${province}) shows enterprise count ${enterprises}, expected > 0`)
    if (!(sources > 0)) fail(`${name} (${province}) shows hazard source count ${sources}, expected > 0`)
    return `${name}: ${enterprises} enterprise(s), ${sources} hazard source(s), ${major} major`
  })

  // 3. Hazard source list filtered by region and text; the row opens the detail page.
  let sourceId = null
  let rowName = ''
  const rowSelector = tid(`hazard-source-row-${SOURCE_CODE}`)
  await check(`3a list row ${SOURCE_CODE}`, ['1a login'], async () => {
    await open(`/hazard-sources?region=${encodeURIComponent(REGION)}&q=${encodeURIComponent(SOURCE_QUERY)}`)
    const outcome = await firstVisible({
      row: rowSelector,
      error: `.hazard-sources ${tid('error-banner')}`,
      empty: '.hazard-sources .el-empty'
    })
    if (outcome === 'error') fail(`the list shows an error: ${await textOf(`.hazard-sources ${tid('error-banner')}`)}`)
    if (outcome === 'empty') {
      fail(`no hazard source matches region=${REGION} q=${SOURCE_QUERY} (${await textOf('.hazard-sources .el-empty')})`)
    }
    if (outcome === null) {
      const codes = await page.$$eval('[data-testid^="hazard-source-row-"]', (els) => els.map((e) => e.getAttribute('data-testid').slice(18)))
      fail(`no row ${SOURCE_CODE} within ${WAIT / 1000} s${codes.length ? ` (rows: ${codes.join(', ')})` : ''}${await visibleErrors()}`)
    }
    sourceId = await page.getAttribute(rowSelector, 'data-hazard-source-id')
    if (!/^\d+$/.test(sourceId || '')) fail(`row ${SOURCE_CODE} has data-hazard-source-id "${sourceId}"`)
    rowName = (await textOf(`${rowSelector} .name-cell`)) || ''
    const total = await page.getAttribute(tid('hazard-source-total'), 'data-total').catch(() => null)
    return `row ${SOURCE_CODE} "${rowName}" (id ${sourceId}) among ${total ?? '?'} match(es)`
  })

  await check('3b row opens detail', [`3a list row ${SOURCE_CODE}`], async () => {
    await page.click(rowSelector)
    try {
      await page.waitForFunction((id) => location.hash === `#/hazard-sources/${id}`, sourceId, { timeout: WAIT, polling: 100 })
    } catch {
      fail(`clicking the row did not open #/hazard-sources/${sourceId} (at ${page.url()})`)
    }
    const outcome = await firstVisible({
      code: tid('hazard-source-code'),
      notFound: tid('hazard-source-not-found'),
      error: `.hazard-source-detail ${tid('error-banner')}`
    })
    if (outcome === 'notFound') fail(`the detail page says not found: ${await textOf(tid('hazard-source-not-found'))}`)
    if (outcome === 'error') fail(`the detail page shows an error: ${await textOf(`.hazard-source-detail ${tid('error-banner')}`)}`)
    if (outcome === null) fail(`the detail page did not load within ${WAIT / 1000} s${await visibleErrors()}`)
    const code = await textOf(tid('hazard-source-code'))
    if (code !== SOURCE_CODE) fail(`the detail page shows code "${code}", expected ${SOURCE_CODE}`)
    return `#/hazard-sources/${sourceId}`
  })

  // 4. Detail page: header, unit cards, grading working, monitoring points.
  const detail = ['3b row opens detail']
  await check('4a name and grade', detail, async () => {
    const name = await textOf(tid('hazard-source-name'))
    if (!name) fail('no hazard source name shown')
    if (rowName && name !== rowName) fail(`the detail page shows name "${name}", the list row "${rowName}"`)
    const gradeEl = await page.$(tid('hazard-source-grade'))
    if (!gradeEl) fail('no grade tag (hazard-source-grade)')
    const grade = await gradeEl.getAttribute('data-grade')
    if (!/^[1-4]$/.test(grade || '')) fail(`grade tag has data-grade "${grade ?? ''}" ("${(await gradeEl.textContent()).trim()}"), expected 1-4`)
    return `"${name}", grade ${grade} (${(await gradeEl.textContent()).trim()})`
  })

  let workingSnapshot = null
  await check('4b unit cards show S', detail, async () => {
    const cards = await page.$$eval('[data-testid^="unit-card-"]', (els) =>
      els.map((el) => ({
        code: el.getAttribute('data-testid').slice(10),
        s: el.querySelector('[data-testid="unit-s"]')?.textContent.trim() ?? null,
        snapshot: el.querySelector('[data-testid="show-working"]')?.getAttribute('data-snapshot-id') ?? null
      }))
    )
    if (!cards.length) fail('no unit card on the detail page')
    for (const c of cards) {
      if (c.s === null) fail(`unit card ${c.code} shows no S (not graded?)`)
      if (!NUMBER.test(c.s)) fail(`unit card ${c.code} shows S "${c.s}"`)
    }
    const first = cards.find((c) => c.snapshot)
    if (first) workingSnapshot = { unit: first.code, id: first.snapshot }
    return cards.map((c) => `${c.code} S=${c.s}`).join(', ')
  })

  await check('4c grading working', ['4b unit cards show S'], async () => {
    if (!workingSnapshot) fail('no unit card has a show-working button with a snapshot id')
    const button = `${tid(`unit-card-${workingSnapshot.unit}`)} ${tid('show-working')}`
    if (await page.isDisabled(button)) fail(`show-working of unit ${workingSnapshot.unit} is disabled`)
    await page.click(button)
    try {
      return await checkWorking()
    } finally {
      await closeDialogs()
    }
  })

  async function checkWorking() {
    const working = `${tid('grading-working')}[data-snapshot-id="${workingSnapshot.id}"]`
    await waitVisible(working, `the grading working dialog of snapshot ${workingSnapshot.id}`)
    const outcome = await firstVisible({
      line: `${working} ${tid('grading-line')}`,
      error: `${working} .el-alert--error`,
      empty: `${working} .el-empty`
    })
    if (outcome === 'error') fail(`the working dialog shows an error: ${await textOf(`${working} .el-alert--error`)}`)
    if (outcome === 'empty') fail(`the working dialog of snapshot ${workingSnapshot.id} has no result`)
    if (outcome === null) fail(`no grading-line in the working dialog within ${WAIT / 1000} s`)
    const lines = await page.$$eval(`${working} ${tid('grading-line')}`, (rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()))
    )
    // columns: index, substance, q, Q, q source, q/Q, β, β source, β q/Q, notes
    const good = lines.find((cells) => cells[1] && NUMBER.test(cells[2] || ''))
    if (!good) fail(`no grading line shows a substance and a quantity q: ${lines.map((c) => c.join(' | ')).join(' ; ')}`)
    const alpha = await textOf(`${working} ${tid('grading-alpha')}`)
    const s = await textOf(`${working} ${tid('grading-s')}`)
    if (alpha === null || !NUMBER.test(alpha)) fail(`α in the working dialog is "${alpha ?? '(missing)'}"`)
    if (s === null || !NUMBER.test(s)) fail(`S in the working dialog is "${s ?? '(missing)'}"`)
    const r = await textOf(`${working} ${tid('grading-r')}`)
    return `snapshot ${workingSnapshot.id}: ${lines.length} line(s), e.g. ${good[1]} q=${good[2]} t, Q=${good[3] || '—'} t; α=${alpha}, S=${s}, R=${r}`
  }

  await check('4d monitoring points', detail, async () => {
    const points = tid('hazard-source-points')
    const outcome = await firstVisible({
      row: `${points} ${tid('hazard-point-row')}`,
      empty: `.hazard-source-detail .hw-table-wrap:has(> ${points}) .el-empty`,
      error: `.hazard-source-detail .section:has(${points}) .el-alert--error`
    })
    if (outcome === 'empty') fail('the points table is empty')
    if (outcome === 'error') fail(`the points table shows an error: ${await textOf(`.hazard-source-detail .section:has(${points}) .el-alert--error`)}`)
    if (outcome === null) fail(`no hazard-point-row within ${WAIT / 1000} s`)
    const rows = await page.$$eval(`${points} ${tid('hazard-point-row')}`, (els) =>
      els.map((el) => `${el.getAttribute('data-point-id')}${el.getAttribute('data-national-code') ? ` (${el.getAttribute('data-national-code')})` : ''}`)
    )
    return `${rows.length} point(s): ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`
  })
  if (passedNames.has('3b row opens detail')) await screenshot('detail')

  // 5. Grading history; re-grading under the 2009 edition adds rows.
  const historyRows = tid('grading-history-row')
  const historySection = `.hazard-source-detail .section:has(${tid('grading-history')})`
  let historyBefore = 0
  let history2009Before = 0
  await check('5a grading history', detail, async () => {
    const outcome = await firstVisible({
      row: historyRows,
      empty: `${historySection} .el-empty`,
      error: `${historySection} .el-alert--error`
    })
    if (outcome === 'empty') fail('the grading history is empty')
    if (outcome === 'error') fail(`the grading history shows an error: ${await textOf(`${historySection} .el-alert--error`)}`)
    if (outcome === null) fail(`no grading-history-row within ${WAIT / 1000} s`)
    historyBefore = (await page.$$(historyRows)).length
    history2009Before = (await page.$$(`${historyRows}[data-edition="2009"]`)).length
    return `${historyBefore} row(s), ${history2009Before} under 2009`
  })

  await check('5b re-grade under 2009', ['5a grading history'], async () => {
    await closeDialogs()
    await page.click(tid('regrade-button'))
    await waitVisible(tid('regrade-dialog'), 'the re-grading dialog')
    const edition = `${tid('regrade-edition')} [data-edition="2009"]`
    await waitVisible(edition, 'the 2009 edition choice')
    await page.click(edition)
    try {
      await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('is-active'), edition, { timeout: WAIT })
    } catch {
      fail('the 2009 edition could not be chosen in the re-grading dialog')
    }
    // Error messages already shown do not count.
    await page.evaluate(() => document.querySelectorAll('.el-message--error').forEach((el) => el.setAttribute('data-e2e-seen', '')))
    await page.click(tid('regrade-confirm'))
    // The UI allows the re-grading call 30 s, then reloads the history.
    let outcome = null
    try {
      const handle = await page.waitForFunction(
        ({ rows, before }) => {
          const error = [...document.querySelectorAll('.el-message--error:not([data-e2e-seen])')].find((el) => el.getClientRects().length > 0)
          if (error) return 'error:' + error.textContent.replace(/\s+/g, ' ').trim()
          return document.querySelectorAll(rows).length > before ? 'more' : null
        },
        { rows: historyRows, before: historyBefore },
        { timeout: WAIT * 2, polling: 250 }
      )
      outcome = await handle.jsonValue()
    } catch {
      outcome = null
    }
    if (outcome && outcome.startsWith('error:')) fail(`re-grading failed: ${outcome.slice(6)}`)
    if (outcome === null) {
      fail(`the grading history still has ${(await page.$$(historyRows)).length} row(s) (had ${historyBefore}) ${WAIT * 2 / 1000} s after confirming`)
    }
    const after = (await page.$$(historyRows)).length
    const after2009 = (await page.$$(`${historyRows}[data-edition="2009"][data-reason="REGRADED"]`)).length
    const all2009 = (await page.$$(`${historyRows}[data-edition="2009"]`)).length
    if (all2009 <= history2009Before) fail(`history grew ${historyBefore} -> ${after} but has no new 2009 row (${all2009} under 2009)`)
    return `history ${historyBefore} -> ${after} row(s); 2009 rows ${history2009Before} -> ${all2009} (${after2009} REGRADED)`
  })

  // 6. Import of a CSV of enterprises with errors: refused, row errors listed, nothing imported.
  await check('6a import refused with row errors', ['1a login'], async () => {
    await open('/registry-transfer')
    await waitVisible(tid('import-submit'), 'the import form')
    await page.click(`${tid('transfer-format')} [data-format="csv"]`)
    await waitVisible(tid('transfer-sheet'), 'the sheet choice (csv)')
    await page.click(tid('transfer-sheet'))
    const option = `.el-select-dropdown__item[data-sheet="enterprises"]`
    await waitVisible(option, 'the sheet option "enterprises"')
    await page.click(option)
    await page.waitForSelector(option, { state: 'hidden', timeout: WAIT }).catch(() => {})
    await page.setInputFiles(tid('import-file-input'), BAD_CSV)
    const dryRun = `${tid('import-dry-run')} input[type="checkbox"]`
    if (await page.isChecked(dryRun)) await page.click(tid('import-dry-run'))
    if (await page.isChecked(dryRun)) fail('the dry-run box cannot be unchecked')
    const format = await page.getAttribute(`${tid('transfer-format')} [data-format="csv"]`, 'class')
    if (!String(format).includes('is-active')) fail('the csv format is not selected after choosing the file')
    const sheet = (await textOf(`${tid('transfer-sheet')} .el-select__selected-item:not(.is-hidden)`)) || (await textOf(tid('transfer-sheet')))
    if (sheet !== '企业') fail(`the sheet choice shows "${sheet}", expected 企业 (enterprises)`)
    await page.click(tid('import-submit'))
    const outcome = await firstVisible(
      {
        errors: tid('import-errors'),
        applied: `${tid('import-summary')}[data-errors="0"]`,
        failed: tid('import-failed')
      },
      WAIT * 2
    )
    if (outcome === 'applied') {
      fail(`the file was accepted without errors (applied=${await page.getAttribute(tid('import-summary'), 'data-applied')})`)
    }
    if (outcome === 'failed') fail(`the import failed instead of listing row errors: ${await textOf(tid('import-failed'))}`)
    if (outcome === null) fail(`no import result within ${WAIT * 2 / 1000} s${await visibleErrors()}`)
    const rows = await page.$$eval(tid('import-error-row'), (els) =>
      els.map((el) => ({
        sheet: el.getAttribute('data-sheet'),
        row: el.getAttribute('data-row'),
        column: el.getAttribute('data-column'),
        code: el.getAttribute('data-code')
      }))
    )
    if (!rows.length) fail('the error table has no import-error-row')
    const numbered = rows.find((r) => /^\d+$/.test(r.row || '') && Number(r.row) >= 2)
    if (!numbered) fail(`no import-error-row has a row number >= 2 (data-row: ${rows.map((r) => r.row || '(empty)').join(', ')})`)
    return `csv, sheet ${sheet}, ${rows.length} error row(s), e.g. ${numbered.sheet} row ${numbered.row}${numbered.column ? ` column ${numbered.column}` : ''} ${numbered.code}`
  })

  await check('6b nothing imported message', ['6a import refused with row errors'], async () => {
    const banner = tid('import-errors-banner')
    const el = await page.$(banner)
    if (!el || !(await el.isVisible())) fail('no import-errors banner shown')
    const text = (await textOf(`${banner} .el-alert__title`)) || (await textOf(banner))
    if (!text.includes('未导入任何数据')) fail(`the banner says "${text}", expected "未导入任何数据"`)
    const applied = await page.getAttribute(tid('import-summary'), 'data-applied')
    if (applied !== 'false') fail(`the import summary has data-applied="${applied}"`)
    return text
  })
  if (passedNames.has('1a login')) await screenshot('import')

  // 7. No uncaught errors in the page.
  await check('7 no page errors', [], noPageErrors)
}

async function main() {
  const missing = missingEnvironment(['HW_USER', 'HW_PASSWORD', 'HW_SOURCE_QUERY', 'HW_SOURCE_CODE', 'HW_REGION', 'HW_BAD_CSV'])
  if (missing) {
    environmentFailure(missing)
    return
  }
  if (!/^\d{2,}/.test(REGION)) {
    environmentFailure(`HW_REGION "${REGION}" is not a region code`)
    return
  }
  if (!fs.existsSync(BAD_CSV) || !fs.statSync(BAD_CSV).isFile()) {
    environmentFailure(`HW_BAD_CSV ${BAD_CSV} is not a file`)
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
