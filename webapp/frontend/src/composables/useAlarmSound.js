import { onBeforeUnmount, onMounted, ref, watch } from 'vue'

const STORAGE_KEY = 'hazardwatch.alarmSound.muted'
const TONE_HZ = 880
const BEEP_S = 0.2
const PERIOD_MS = 1000 // 0.2 s on, 0.8 s off

function storedMuted() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'true'
  } catch {
    return false
  }
}

/**
 * A repeating alarm tone (Web Audio oscillator, 880 Hz 0.2 s on / 0.8 s off) while `wanted` is true and the user has
 * not muted it (remembered in localStorage). Browsers keep audio suspended until a user gesture: `blocked` tells that
 * the tone should play but cannot yet; enable() (from a click) or any click/key press on the page unblocks it.
 *
 * @param {import('vue').Ref<boolean>} wanted
 * @returns {{muted: import('vue').Ref<boolean>, blocked: import('vue').Ref<boolean>, toggleMute: () => void,
 *   enable: () => Promise<void>}}
 */
export function useAlarmSound(wanted) {
  const muted = ref(storedMuted())
  const blocked = ref(false)
  let context = null
  let timer = null
  let unmounted = false

  function audioContext() {
    if (context) return context
    const Ctor = typeof window !== 'undefined' ? window.AudioContext || window.webkitAudioContext : null
    if (!Ctor) return null
    try {
      context = new Ctor()
      context.onstatechange = () => updateBlocked()
    } catch {
      context = null
    }
    return context
  }

  function playing() {
    return !!wanted.value && !muted.value && !unmounted
  }

  function updateBlocked() {
    blocked.value = playing() && !!context && context.state !== 'running'
  }

  function beep() {
    const ctx = context
    if (!ctx || ctx.state !== 'running') return
    try {
      const t0 = ctx.currentTime
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'square'
      osc.frequency.value = TONE_HZ
      // Short ramps: no clicks at the edges.
      gain.gain.setValueAtTime(0.0001, t0)
      gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.01)
      gain.gain.setValueAtTime(0.25, t0 + BEEP_S - 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + BEEP_S)
      osc.connect(gain)
      gain.connect(ctx.destination)
      osc.start(t0)
      osc.stop(t0 + BEEP_S + 0.01)
      osc.onended = () => {
        osc.disconnect()
        gain.disconnect()
      }
    } catch {
      // audio is a courtesy: the screen shows the alarms anyway
    }
  }

  function startTone() {
    const ctx = audioContext()
    if (!ctx) return
    if (ctx.state === 'suspended') ctx.resume().catch(() => {}).finally(updateBlocked)
    updateBlocked()
    if (timer) return
    beep()
    timer = setInterval(beep, PERIOD_MS)
  }

  function stopTone() {
    clearInterval(timer)
    timer = null
    updateBlocked()
  }

  function sync() {
    if (playing()) startTone()
    else stopTone()
  }

  function toggleMute() {
    muted.value = !muted.value
    try {
      window.localStorage.setItem(STORAGE_KEY, String(muted.value))
    } catch {
      // the choice lasts for this page only
    }
  }

  /** Resumes the audio context; call it from a click. */
  async function enable() {
    const ctx = audioContext()
    if (!ctx) return
    try {
      await ctx.resume()
    } catch {
      // still blocked
    }
    updateBlocked()
    if (playing() && ctx.state === 'running') beep()
  }

  // Any user gesture on the page may unblock the audio.
  function onGesture() {
    if (context && context.state === 'suspended' && playing()) enable()
  }

  watch([() => !!wanted.value, muted], sync)

  onMounted(() => {
    document.addEventListener('pointerdown', onGesture, true)
    document.addEventListener('keydown', onGesture, true)
    sync()
  })

  onBeforeUnmount(() => {
    unmounted = true
    document.removeEventListener('pointerdown', onGesture, true)
    document.removeEventListener('keydown', onGesture, true)
    stopTone()
    if (context) context.close().catch(() => {})
    context = null
  })

  return { muted, blocked, toggleMute, enable }
}
