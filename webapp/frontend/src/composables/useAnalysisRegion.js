import { computed, reactive, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { getRegion } from '../api/index.js'
import { can, me } from '../auth/me.js'
import { breadcrumbCodes, drillQuery, regionLevel, rememberNames, scopeCodeOf } from '../utils/analytics.js'

// What the analysis pages of 统计分析 share (危险源分析, 报警分析): their state in the URL query, and the region drilled
// into with its breadcrumb (全国 or the user's own scope → province → city → county → enterprise). The breadcrumb's
// labels are messages of analytics.breadcrumb (the page imports i18n/analytics.js).

/**
 * The state of an analysis page kept in its route's query, so that reload and back work.
 *   routeName  the page's route
 *   read       query -> state (every value checked, defaults filled in); called inside a computed, so it may read refs
 *   write      state -> query (only what differs from the defaults)
 * Returns {state (computed), setState(patch, {push})}: a region change is a step of its own in the history (push: back
 * goes up again), the rest replace it. The query is kept while the router leaves for another page: the inputs' last
 * events must not bring it back, nor the watchers load the other page's query.
 */
export function useRouteState(routeName, { read, write }) {
  const route = useRoute()
  const router = useRouter()
  const pageQuery = shallowRef(route.query)
  watch(
    () => route.query,
    (query) => {
      if (route.name === routeName) pageQuery.value = query
    }
  )
  const state = computed(() => read(pageQuery.value))

  function setState(patch, { push = false } = {}) {
    if (route.name !== routeName) return
    const target = { name: routeName, query: write({ ...state.value, ...patch }) }
    if (push) router.push(target)
    else router.replace(target)
  }

  return { state, setState }
}

/**
 * The region of an analysis page and its breadcrumb.
 *   state       the page's state: {region, parent} (parent: the region an enterprise was drilled into from)
 *   setState    useRouteState()'s setter
 *   childLevel  () => the level one level down of the analysis shown (its childLevel)
 * Returns {names (Map code -> name), crumbs ([{code, label}] for AnalysisBreadcrumb), crumbCodes, goTo(code) (a
 * crumb's click), drill(row) (a part one level down: {code, name}), remember(analysis) (the names of an answer)}.
 * Names come from the answers seen (their parts) and, where the registry may be read, from the regions' paths.
 */
export function useRegionDrill({ state, setState, childLevel }) {
  const { t } = useI18n()
  const names = reactive(new Map())
  const scopeCode = computed(() => scopeCodeOf(me.profile?.scope))

  async function fetchNames(codes) {
    if (!can('registry:view')) return
    const region = [...codes].reverse().find((c) => c && regionLevel(c) !== 'ENTERPRISE' && !names.has(c))
    const missing = codes.some((c) => c && !names.has(c))
    if (!region || !missing) return
    try {
      const detail = await getRegion(region)
      for (const p of Array.isArray(detail?.path) ? detail.path : []) {
        if (p?.code && p?.name && !names.has(String(p.code))) names.set(String(p.code), String(p.name))
      }
      if (detail?.code && detail?.name && !names.has(String(detail.code))) names.set(String(detail.code), String(detail.name))
    } catch {
      // the codes are shown instead
    }
  }

  const crumbCodes = computed(() => breadcrumbCodes(state.value.region, { scopeCode: scopeCode.value, parent: state.value.parent }))

  const crumbs = computed(() =>
    crumbCodes.value.map((code) => {
      if (code) return { code, label: names.get(code) || code }
      if (!scopeCode.value) return { code, label: t('analytics.breadcrumb.nation') }
      return { code, label: names.get(scopeCode.value) || t('analytics.breadcrumb.scope') }
    })
  )

  watch(
    crumbCodes,
    (codes) => {
      const parents = state.value.parent ? [...codes, state.value.parent] : codes
      fetchNames(parents.filter(Boolean))
    },
    { immediate: true }
  )

  function goTo(code) {
    if (!code) return setState({ region: '', parent: '' }, { push: true })
    const codes = crumbCodes.value
    const index = codes.indexOf(code)
    // An enterprise's breadcrumb keeps the region above it: drilling up to that region needs no parent.
    setState({ region: code, parent: regionLevel(code) === 'ENTERPRISE' && index > 0 ? codes[index - 1] : '' }, { push: true })
  }

  function drill(row) {
    const query = drillQuery(state.value.region, row, childLevel())
    if (!query) return
    if (row.name && row.name !== row.code) names.set(row.code, row.name)
    setState({ region: query.region, parent: query.parent || '' }, { push: true })
  }

  function remember(analysis) {
    rememberNames(names, analysis)
  }

  return { names, crumbs, crumbCodes, goTo, drill, remember }
}
