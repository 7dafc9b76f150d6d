// Early warning (预警, requirement D2): risk levels, their colours and the factors of the risk model.

/** Levels from the worst: 红 / 橙 / 黄 / 蓝. */
export const RISK_LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE']

/** The model's factors in the order the model explanation lists them. */
export const RISK_FACTORS = [
  'alarm.critical',
  'alarm.high',
  'alarm.medium',
  'alarm.low',
  'alarm.unacknowledged',
  'prediction.critical',
  'prediction',
  'fault'
]

/** Grade multiplier keys of the model: grade 1 (highest) to 4, and ungraded sources. */
export const GRADE_KEYS = ['1', '2', '3', '4', 'none']

/** Colours of the levels (background, text on it, light background, border). */
export const RISK_COLORS = {
  RED: { color: '#fff', background: '#e02020', light: '#fdecec', border: '#f3a5a5' },
  ORANGE: { color: '#fff', background: '#f07c00', light: '#fff3e5', border: '#f8c48a' },
  YELLOW: { color: '#4a3b00', background: '#f2c811', light: '#fffbe3', border: '#ecd77a' },
  BLUE: { color: '#fff', background: '#1f6fd1', light: '#eef5fd', border: '#a9c9f0' }
}

/** Sort rank of a level (RED first); unknown last. */
export function riskRank(level) {
  const i = RISK_LEVELS.indexOf(level)
  return i < 0 ? 9 : i
}

export function riskColors(level) {
  return RISK_COLORS[level] || { color: '#fff', background: '#909399', light: '#f4f4f5', border: '#d3d4d6' }
}

/** i18n key part of a factor (the message keys cannot hold dots): 'alarm.critical' -> 'alarm_critical'. */
export function factorKey(factor) {
  return String(factor || '').replace(/\./g, '_')
}

/** A score with at most one decimal ("58.5", "40"). */
export function formatScore(score) {
  const n = Number(score)
  if (!Number.isFinite(n)) return ''
  return String(Number(n.toFixed(1)))
}
