// Targets of alarm system performance (EEMUA 191, ISA-18.2 / IEC 62682) and how a value compares with them.

/** Periods offered on the KPI page (the server accepts at most 31 days). */
export const KPI_PERIODS = [
  { key: '24h', ms: 24 * 3600 * 1000 },
  { key: '7d', ms: 7 * 24 * 3600 * 1000 },
  { key: '30d', ms: 30 * 24 * 3600 * 1000 }
]

export const KPI_GROUPS = ['enterprise', 'county']

/**
 * Targets per KPI: `good` = acceptable (green) up to this, `warn` = manageable (orange) up to this, red beyond.
 * perDay: EEMUA 191 ~150 acceptable / ~300 manageable per operator and day; averagePer10Minutes: ~1 / ~2;
 * peakPer10Minutes: more than 10 in 10 minutes is a flood (ISA-18.2); floodShare: share of the time in floods under
 * 1 % (ISA-18.2 names a single target, so there is no orange band).
 */
export const KPI_TARGETS = {
  perDay: { good: 150, warn: 300 },
  averagePer10Minutes: { good: 1, warn: 2 },
  peakPer10Minutes: { good: 10, warn: 10 },
  floodShare: { good: 0.01, warn: 0.01, strict: true }
}

/** Recommended distribution of annunciated alarms over the priorities (EEMUA 191, ISA-18.2): ~80 / 15 / 5 %. */
export const RECOMMENDED_PRIORITY_SHARES = { LOW: 0.8, MEDIUM: 0.15, HIGH: 0.05 }

/** 'good' | 'warn' | 'bad' for a KPI value, '' when there is none. */
export function kpiLevel(key, value) {
  const target = KPI_TARGETS[key]
  const n = Number(value)
  if (!target || value === null || value === undefined || !Number.isFinite(n)) return ''
  if (target.strict ? n < target.good : n <= target.good) return 'good'
  if (n <= target.warn && !target.strict) return 'warn'
  return 'bad'
}

/** Element Plus tag type of a KPI level. */
export function kpiTagType(level) {
  return ({ good: 'success', warn: 'warning', bad: 'danger' })[level] || 'info'
}

/** A share (0..1) as a percentage text: "12.5 %", "0.04 %", "0 %". */
export function formatShare(share) {
  const n = Number(share)
  if (!Number.isFinite(n)) return ''
  const p = n * 100
  if (p === 0) return '0 %'
  const digits = p < 0.1 ? 2 : p < 10 ? 1 : 0
  return `${Number(p.toFixed(digits))} %`
}

/** A rate with at most 2 decimals ("153.4", "0.67"). */
export function formatRate(value) {
  const n = Number(value)
  if (!Number.isFinite(n)) return ''
  return String(Number(n.toFixed(n >= 100 ? 1 : 2)))
}
