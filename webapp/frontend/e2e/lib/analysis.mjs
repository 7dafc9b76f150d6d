// What the browser checks of the analysis pages (危险源分析, 报警分析, 事故关联分析) share on top of the harness: the page
// element that says which region it shows (data-region), whether its answer is shown (data-state="ready") and how many
// answers it has shown (data-loads); opening it from the 统计分析 menu; the breadcrumb of AnalysisBreadcrumb (analysis-crumb); drilling into a row of the
// parts one level down; reading the page and the API again until their figures agree; the Excel export. Each script
// keeps its own selectors and checks.

import { downloadedBytes, fail, hashQuery, tid } from './harness.mjs'

const CRUMB = tid('analysis-crumb')

/**
 * Reads what the page shows and what the API answers until they agree, at most `reads` times, calling refresh() before
 * every read but the first (the figures move meanwhile). shown(): the page's figures; server(): the API's answer;
 * expected(answer): the figures the page should show for it; same(shown, expected). Returns the last read:
 * {agreed, read (1…reads), shown, answer, expected}.
 */
export async function readUntilAgreed({ reads, refresh, shown, server, expected, same }) {
  let last = null
  for (let read = 1; read <= reads; read++) {
    if (read > 1) await refresh()
    const seen = await shown()
    const answer = await server()
    const wanted = expected(answer)
    last = { agreed: same(seen, wanted), read, shown: seen, answer, expected: wanted }
    if (last.agreed) break
  }
  return last
}

/** The helpers for the analysis page pageSelector (e.g. tid('alarm-analysis-page')), bound to the harness's page. */
export function createAnalysisHelpers(harness, pageSelector) {
  const { attribute, attributesOf, visibleErrors, clickForDownload, openFromMenu, waitVisible, textOf, wait } = harness
  const page = () => harness.attachedPage()

  /** Waits until the page shows the analysis of a region ('' for the top). */
  async function waitRegion(region) {
    try {
      await page().waitForSelector(`${pageSelector}[data-region="${region}"][data-state="ready"]`, { timeout: wait })
    } catch {
      const shown = await attribute(pageSelector, 'data-region')
      const state = await attribute(pageSelector, 'data-state')
      fail(`the page did not show region "${region}" (it shows "${shown}", ${state})${await visibleErrors()}`)
    }
  }

  /**
   * Opens the page from 统计分析 (entryId, named entryName, opening hash) as user, and waits until it shows the top with
   * the title expected. Returns a check's description: the hash and the text of where (the area shown).
   */
  async function openAnalysisPage({ user, entryId, entryName, hash, title: expected, where }) {
    await openFromMenu('nav-analytics-group', entryId, `the ${entryName} entry`, { hash, missing: `the menu has no 统计分析 group (${user} lacks analytics:view?)` })
    await waitVisible(pageSelector, `the ${expected} page`)
    const title = await textOf(`${pageSelector} .page-title`)
    if (title !== expected) fail(`the page title says "${title}"`)
    await waitRegion('')
    return `${new URL(page().url()).hash}, ${await textOf(where)}`
  }

  /** Waits for the next answer shown after an action (data-loads grows past before, the page is ready); else fails with message. */
  async function waitNextLoad(before, message) {
    try {
      await page().waitForFunction(
        ([sel, n]) => {
          const el = document.querySelector(sel)
          return !!el && el.getAttribute('data-state') === 'ready' && Number(el.getAttribute('data-loads')) > n
        },
        [pageSelector, before],
        { timeout: wait, polling: 200 }
      )
    } catch {
      fail(`${message}${await visibleErrors()}`)
    }
  }

  /** The codes of the breadcrumb's crumbs, the top ('') first. */
  async function breadcrumbCodes() {
    return attributesOf(CRUMB, 'data-code')
  }

  /** Fails unless the breadcrumb is the top and then the codes drilled, the last of them current; returns the crumbs' codes. */
  async function expectBreadcrumb(drilled) {
    const crumbs = await breadcrumbCodes()
    const expected = ['', ...drilled]
    if (crumbs.join(',') !== expected.join(',')) fail(`the breadcrumb is ${crumbs.map((c) => c || '(top)').join(' > ')}, expected ${expected.map((c) => c || '(top)').join(' > ')}`)
    const current = await attribute(`${CRUMB}[data-current="true"]`, 'data-code')
    if (current !== drilled[drilled.length - 1]) fail(`the current crumb is "${current}"`)
    return crumbs
  }

  /** Clicks a row of the parts one level down and waits until the URL (region=code) and the page follow. */
  async function drillInto(row, code) {
    await page().click(row)
    try {
      await page().waitForURL((url) => hashQuery(url).get('region') === code, { timeout: 10000 })
    } catch {
      fail(`the URL did not follow (at ${page().url()})`)
    }
    await waitRegion(code)
  }

  /**
   * Clicks the export button and checks the workbook: the GET of apiPath (e.g. '/api/analytics/alarms/export', matched
   * by urlPattern) answers 200 and the browser saves a file starting with "PK". Returns a check's description.
   */
  async function expectXlsxExport(button, apiPath, urlPattern) {
    const { response, download } = await clickForDownload(button, urlPattern)
    if (!response) fail(`no GET ${apiPath}${await visibleErrors()}`)
    if (response.status() !== 200) fail(`the export answered ${response.status()}${await visibleErrors()}`)
    if (!download) fail(`the browser saved no file${await visibleErrors()}`)
    const bytes = await downloadedBytes(download)
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') fail(`${download.suggestedFilename()} is no .xlsx: it starts with ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))}`)
    const type = response.headers()['content-type'] || ''
    return `${download.suggestedFilename()}: ${bytes.length} bytes, "PK…", ${type.split(';')[0] || 'no content type'}`
  }

  return { openAnalysisPage, waitRegion, waitNextLoad, breadcrumbCodes, expectBreadcrumb, drillInto, expectXlsxExport }
}
