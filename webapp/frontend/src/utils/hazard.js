// Static data, labels and helpers of the major hazard source pages (the server stays the authority on every value).
import { i18n, tEnum } from '../i18n/index.js'
import { addsDetail } from './enterprise.js'

export const PAGE_SIZE = 20

/** Grades of GB 18218-2018: 1 (一级, highest) to 4 (四级). */
export const GRADES = [1, 2, 3, 4]

export const ACCIDENT_TYPES = ['FIRE', 'EXPLOSION', 'POISONING']

export const DEATH_TOLL_CLASSES = ['UNDER_10', 'FROM_10_TO_29', 'FROM_30_TO_99', 'FROM_100']

export const UNIT_KINDS = ['PRODUCTION', 'STORAGE']

export const EQUIPMENT_KINDS = ['TANK', 'SPHERICAL_TANK', 'REACTOR', 'TOWER', 'VESSEL', 'WAREHOUSE', 'PIPELINE', 'OTHER']

export const HAZARD_SOURCE_STATUSES = ['ACTIVE', 'SUSPENDED', 'DEREGISTERED']

export const GRADING_REASONS = ['CREATED', 'UPDATED', 'REGRADED', 'IMPORTED']

/** National point type codes of the data exchange between levels. */
export const NATIONAL_CODES = ['WD', 'YL', 'YW', 'LL', 'KRQT', 'YDQT', 'QT']

/** Colours of the grades, as the grading calculator shows them (red, orange, yellow, blue). */
export const GRADE_COLORS = {
  1: { background: '#e53935', color: '#ffffff' },
  2: { background: '#fb8c00', color: '#ffffff' },
  3: { background: '#fdd835', color: '#4d3b00' },
  4: { background: '#1e88e5', color: '#ffffff' }
}

export function isGrade(value) {
  return GRADES.includes(Number(value))
}

/** 一级 … 四级 / Grade I … Grade IV; '' when there is no grade. */
export function gradeLabel(grade) {
  if (grade === null || grade === undefined || grade === '') return ''
  return isGrade(grade) ? tEnum('hazardGrade', `g${Number(grade)}`) : String(grade)
}

export function accidentTypeLabel(type) {
  return tEnum('accidentType', type)
}

/** Labels of a list of accident types, joined; '' for none. */
export function accidentTypesText(types) {
  if (!Array.isArray(types) || !types.length) return ''
  return types.map(accidentTypeLabel).join(i18n.global.t('hazardSources.listSeparator'))
}

/** 0-9人 / 10-29人 / 30-99人 / 100人及以上. */
export function deathTollLabel(value) {
  return tEnum('deathTollClass', value)
}

export function unitKindLabel(kind) {
  return tEnum('unitKind', kind)
}

export function equipmentKindLabel(kind) {
  return tEnum('equipmentKind', kind)
}

export function hazardStatusLabel(status) {
  return tEnum('hazardSourceStatus', status)
}

export function gradingReasonLabel(reason) {
  return tEnum('gradingReason', reason)
}

export function nationalCodeLabel(code) {
  return tEnum('nationalCode', code)
}

/** Element Plus tag type of a hazard source status. */
export function hazardStatusTagType(status) {
  return ({ ACTIVE: 'success', SUSPENDED: 'warning', DEREGISTERED: 'info' })[status] || 'info'
}

/** Whether two lists of accident types hold the same types (order ignored). */
export function sameTypes(a, b) {
  const x = new Set(Array.isArray(a) ? a : [])
  const y = new Set(Array.isArray(b) ? b : [])
  return x.size === y.size && [...x].every((v) => y.has(v))
}

/**
 * Accident types of a source as shown: {types, edited}. The server says whether a person set them
 * (accidentTypesEdited); without that flag, types equal to the derived ones count as derived.
 */
export function accidentTypesView(source) {
  const derived = Array.isArray(source?.derivedAccidentTypes) ? source.derivedAccidentTypes : []
  const stored = source?.accidentTypes
  const edited = typeof source?.accidentTypesEdited === 'boolean'
    ? source.accidentTypesEdited && Array.isArray(stored)
    : Array.isArray(stored) && !sameTypes(stored, derived)
  return edited ? { types: stored, edited: true, derived } : { types: derived, edited: false, derived }
}

/** Field error codes with a translation (hazardSources.fieldErrors.<code>). */
export const HAZARD_FIELD_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'DUPLICATE',
  'OUT_OF_RANGE',
  'INVALID_VALUE',
  'NOT_POSITIVE',
  'NEGATIVE',
  'UNKNOWN_ENTERPRISE',
  'UNKNOWN_EQUIPMENT',
  'UNKNOWN_SUBSTANCE',
  'AMBIGUOUS_TABLE_ROW',
  'NAME_CAS_MISMATCH',
  'MISSING_CLASSIFICATION',
  'UNKNOWN_REGION',
  'UNKNOWN_PARK'
]

/** Localized text of a server field error: the code's translation, plus the server's detail where useful. */
export function hazardFieldErrorText(error) {
  const { t, te } = i18n.global
  const code = typeof error?.code === 'string' ? error.code : ''
  const message = typeof error?.message === 'string' ? error.message.trim() : ''
  const key = `hazardSources.fieldErrors.${code}`
  if (!HAZARD_FIELD_ERROR_CODES.includes(code) || !te(key)) return message || code || t('hazardSources.fieldErrors.INVALID_VALUE')
  const translated = t(key)
  return addsDetail(code, message) ? t('hazardSources.fieldErrors.withDetail', { text: translated, detail: message }) : translated
}

/** The result object of a grading snapshot answer ({..., result} or {..., resultJson}), or null. */
export function snapshotResult(snapshot) {
  if (!snapshot || typeof snapshot !== 'object') return null
  if (snapshot.result && typeof snapshot.result === 'object') return snapshot.result
  if (typeof snapshot.resultJson === 'string' && snapshot.resultJson) {
    try {
      const parsed = JSON.parse(snapshot.resultJson)
      return parsed && typeof parsed === 'object' ? parsed.result && parsed.result.lines ? parsed.result : parsed : null
    } catch {
      return null
    }
  }
  return null
}
