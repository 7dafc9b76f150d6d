import { shallowRef } from 'vue'
import { enterpriseByCode } from '../utils/disposal.js'

/**
 * Enterprise names for codes (USCC) that records carry without a name: resolve(codes) looks the unknown ones up in
 * the registry (once per page load); nameOf(code) is the name, or '' while unknown or not registered; enterpriseOf(code)
 * the registry's enterprise ({id, name, uscc}) or null.
 */
export function useEnterpriseNames() {
  const known = shallowRef(new Map()) // code -> enterprise | null

  async function resolve(codes) {
    const wanted = [...new Set((codes || []).filter((c) => c && !known.value.has(c)))]
    if (!wanted.length) return
    const results = await Promise.allSettled(wanted.map((code) => enterpriseByCode(code)))
    const next = new Map(known.value)
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') next.set(wanted[i], r.value)
    })
    known.value = next
  }

  function enterpriseOf(code) {
    return known.value.get(code) || null
  }

  function nameOf(code) {
    return enterpriseOf(code)?.name || ''
  }

  return { resolve, nameOf, enterpriseOf, known }
}
