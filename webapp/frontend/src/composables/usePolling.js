import { onMounted, onBeforeUnmount, ref, unref } from 'vue'

/**
 * Calls `task` immediately and then every `intervalMs` after the previous call finished,
 * so slow responses never pile up. Stops when the component unmounts.
 * `intervalMs` may be a number, a ref or a function: it is read again for every wait (e.g. a slower
 * rate while a live stream delivers the updates).
 * Returns { refresh, lastSuccess, lastError, loading }.
 */
export function usePolling(task, intervalMs, { immediate = true } = {}) {
  const lastSuccess = ref(null)
  const lastError = ref(null)
  const loading = ref(false)
  let timer = null
  let stopped = false
  let inFlight = null

  async function run() {
    if (inFlight) return inFlight
    loading.value = true
    inFlight = (async () => {
      try {
        await task()
        lastSuccess.value = new Date()
        lastError.value = null
      } catch (err) {
        lastError.value = err
      } finally {
        loading.value = false
        inFlight = null
      }
    })()
    return inFlight
  }

  function schedule() {
    if (stopped) return
    clearTimeout(timer)
    const ms = typeof intervalMs === 'function' ? intervalMs() : unref(intervalMs)
    timer = setTimeout(async () => {
      await run()
      schedule()
    }, ms)
  }

  /** Runs now (e.g. after a filter change) and restarts the interval. */
  async function refresh() {
    clearTimeout(timer)
    if (inFlight) await inFlight
    await run()
    schedule()
  }

  onMounted(() => {
    stopped = false
    if (immediate) refresh()
    else schedule()
  })

  onBeforeUnmount(() => {
    stopped = true
    clearTimeout(timer)
  })

  return { refresh, lastSuccess, lastError, loading }
}
