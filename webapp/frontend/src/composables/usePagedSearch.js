import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'

/** Typing pauses this long before the search text goes into the URL. */
export const SEARCH_DEBOUNCE_MS = 400

/**
 * A search box bound to the `q` query parameter: typing updates the URL after a pause (or at once with
 * applySearch, e.g. on Enter), and navigation that changes `q` updates the box.
 */
export function useQuerySearch(query, updateQuery) {
  const searchText = ref(query.value)
  let searchTimer = null

  function applySearch() {
    clearTimeout(searchTimer)
    searchTimer = null
    const q = searchText.value.trim()
    if (q !== query.value) updateQuery({ q, page: undefined })
  }

  watch(searchText, () => {
    clearTimeout(searchTimer)
    searchTimer = setTimeout(applySearch, SEARCH_DEBOUNCE_MS)
  })

  // The URL changed by other means (navigation): show its search text.
  watch(query, (q) => {
    if (q !== searchText.value.trim()) {
      searchText.value = q
      clearTimeout(searchTimer)
      searchTimer = null
    }
  })

  onBeforeUnmount(() => clearTimeout(searchTimer))
  return { searchText, applySearch }
}

/**
 * One page of a server-side paged list ({total, items}); only the answer to the latest request is kept, and a page
 * past the end (the list shrank) moves to the last page that has rows.
 */
export function usePagedList(fetchPage, page, pageSize, updateQuery) {
  const result = shallowRef({ total: 0, items: [] })
  const loading = ref(false)
  const loaded = ref(false)
  const listError = shallowRef(null)
  let listSeq = 0

  async function loadList() {
    const seq = ++listSeq
    loading.value = true
    try {
      const data = await fetchPage()
      if (seq !== listSeq) return
      const total = Math.max(0, Number(data?.total) || 0)
      const items = Array.isArray(data?.items) ? data.items : []
      result.value = { total, items }
      loaded.value = true
      listError.value = null
      const lastPage = Math.max(1, Math.ceil(total / pageSize))
      if (items.length === 0 && page.value > lastPage) updateQuery({ page: String(lastPage) })
    } catch (err) {
      if (seq === listSeq) listError.value = err
    } finally {
      if (seq === listSeq) loading.value = false
    }
  }

  return { result, loading, loaded, listError, loadList }
}
