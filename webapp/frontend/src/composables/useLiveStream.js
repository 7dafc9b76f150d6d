import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { ApiError, openStream } from '../api/http.js'

const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 15000
// The server sends a keepalive comment every 15 s: a stream silent for longer than this is dead.
const SILENCE_MS = 45000

/**
 * Splits a server-sent-events byte stream into events (the EventSource rules: "event:" and "data:" lines, a blank
 * line ends an event, lines starting with ':' are comments). Feed it text chunks; it calls onEvent(name, data) for
 * each complete event and onComment() for each comment.
 */
export function createSseParser(onEvent, onComment = () => {}) {
  let buffer = ''
  let eventName = ''
  let dataLines = []
  // A chunk ending in CR may be followed by the LF of the same line break.
  let skipLeadingLf = false

  function line(text) {
    if (text === '') {
      if (dataLines.length) onEvent(eventName || 'message', dataLines.join('\n'))
      eventName = ''
      dataLines = []
      return
    }
    if (text.startsWith(':')) {
      onComment(text.slice(1))
      return
    }
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') eventName = value
    else if (field === 'data') dataLines.push(value)
    // id and retry are not used: reconnection follows its own back-off and reloads what is shown.
  }

  return {
    push(chunk) {
      let text = chunk
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1)
      skipLeadingLf = false
      buffer += text
      const parts = buffer.split(/\r\n|\r|\n/)
      buffer = parts.pop()
      if (buffer === '' && /\r$/.test(text)) skipLeadingLf = true
      for (const part of parts) line(part)
    },
    /** Forgets a partial event (the connection was lost). */
    reset() {
      buffer = ''
      eventName = ''
      dataLines = []
      skipLeadingLf = false
    }
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * Live events of GET /api/live (server-sent events read with fetch, which sends the session cookie and the CSRF header).
 * Connects when the component mounts and stops when it unmounts; a lost or ended stream is opened again after 1 s,
 * doubling up to 15 s while it keeps failing. A 401 ends the session as any API call does, and stops the stream.
 *
 * @param {{topics?: string[], points?: string[]|(() => string[]), onAlarm?: (alarm) => void,
 *   onSample?: (sample) => void, onResync?: () => void, onReconnect?: () => void, onOpen?: (first: boolean) => void}}
 *   options onOpen runs on every (re)connection, onReconnect on every one but the first: reload what is shown, events
 *   may have been missed meanwhile. onResync: the server dropped events for this client, reload as well.
 * @returns {{connected: import('vue').Ref<boolean>, lastEventAt: import('vue').Ref<Date|null>,
 *   lastError: import('vue').ShallowRef<any>, restart: () => void, stop: () => void}}
 */
export function useLiveStream({
  topics = ['alarm', 'sample'],
  points,
  onAlarm,
  onSample,
  onResync,
  onReconnect,
  onOpen
} = {}) {
  const connected = ref(false)
  const lastEventAt = ref(null)
  const lastError = shallowRef(null)

  let stopped = true
  let controller = null
  let retryTimer = null
  let watchdog = null
  let lastActivity = 0
  let generation = 0
  let opened = 0 // connections that delivered their hello

  function query() {
    const list = typeof points === 'function' ? points() : points
    return {
      topics: topics.join(','),
      points: Array.isArray(list) && list.length ? list.join(',') : undefined
    }
  }

  function dispatch(name, data) {
    lastEventAt.value = new Date()
    if (name === 'hello') {
      if (!connected.value) {
        connected.value = true
        lastError.value = null
        const first = opened === 0
        opened++
        onOpen?.(first)
        if (!first) onReconnect?.()
      }
      return
    }
    if (name === 'resync') {
      onResync?.()
      return
    }
    const payload = parseJson(data)
    if (!payload || typeof payload !== 'object') return
    if (name === 'alarm') onAlarm?.(payload)
    else if (name === 'sample') onSample?.(payload)
  }

  async function connectOnce(gen) {
    controller = new AbortController()
    const signal = controller.signal
    const response = await openStream('/live', { query: query(), signal })
    if (!response.body || typeof response.body.getReader !== 'function') {
      throw new ApiError('streaming is not supported by this browser', 0, null)
    }
    const reader = response.body.getReader()
    const decoder = new TextDecoder('utf-8')
    const parser = createSseParser(
      (name, data) => {
        if (gen === generation) dispatch(name, data)
      },
      () => {}
    )
    lastActivity = Date.now()
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done || gen !== generation) break
        lastActivity = Date.now()
        parser.push(decoder.decode(value, { stream: true }))
      }
    } finally {
      try {
        reader.cancel().catch(() => {})
      } catch {
        // already released
      }
    }
  }

  async function loop(gen) {
    let delay = FIRST_RETRY_MS
    while (!stopped && gen === generation) {
      const openedBefore = opened
      try {
        await connectOnce(gen)
        // The server ends every stream after 30 minutes: open the next one.
      } catch (err) {
        if (stopped || gen !== generation) return
        if (err?.name !== 'AbortError') lastError.value = err
        if (err instanceof ApiError && err.status === 401) {
          // The session is over (the login page is shown): nothing to reconnect to.
          connected.value = false
          stopped = true
          return
        }
      }
      if (stopped || gen !== generation) return
      connected.value = false
      // A stream that worked starts the back-off again; failures in a row double it.
      if (opened !== openedBefore) delay = FIRST_RETRY_MS
      await new Promise((resolve) => {
        retryTimer = setTimeout(resolve, delay)
      })
      retryTimer = null
      delay = Math.min(delay * 2, MAX_RETRY_MS)
    }
  }

  function start() {
    stopped = false
    const gen = ++generation
    clearInterval(watchdog)
    watchdog = setInterval(() => {
      // No keepalive for too long: the connection is dead without the socket knowing yet.
      if (controller && lastActivity && Date.now() - lastActivity > SILENCE_MS) {
        lastActivity = 0
        controller.abort()
      }
    }, 5000)
    loop(gen)
  }

  function stop() {
    stopped = true
    generation++
    clearTimeout(retryTimer)
    retryTimer = null
    clearInterval(watchdog)
    watchdog = null
    if (controller) controller.abort()
    controller = null
    connected.value = false
  }

  /** Opens a new stream now (e.g. after the point list changed). */
  function restart() {
    stop()
    start()
  }

  onMounted(start)
  onBeforeUnmount(stop)

  return { connected, lastEventAt, lastError, restart, stop }
}
