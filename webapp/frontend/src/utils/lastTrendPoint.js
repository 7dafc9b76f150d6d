// Remembers (for this browser tab) which point the trend page showed last.
const KEY = 'hazardwatch.lastTrendPoint'

export function rememberTrendPoint(pointId) {
  if (!pointId) return
  try {
    window.sessionStorage.setItem(KEY, pointId)
  } catch {
    // ignore
  }
}

export function lastTrendPoint() {
  try {
    return window.sessionStorage.getItem(KEY) || ''
  } catch {
    return ''
  }
}
