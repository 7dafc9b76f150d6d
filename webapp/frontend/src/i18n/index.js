import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.js'
import en from './locales/en.js'
import adminZhCN from './locales/admin.zh-CN.js'
import adminEn from './locales/admin.en.js'

export const SUPPORTED_LOCALES = ['zh-CN', 'en']
export const DEFAULT_LOCALE = 'zh-CN'
const STORAGE_KEY = 'hazardwatch.locale'

function storedLocale() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return SUPPORTED_LOCALES.includes(value) ? value : null
  } catch {
    return null
  }
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: storedLocale() || DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  // The administration pages keep their messages in files of their own (top-level keys organisations, users, roles,
  // audit, permissions, securityCentre, exchange).
  messages: { 'zh-CN': { ...zhCN, ...adminZhCN }, en: { ...en, ...adminEn } },
  missingWarn: false,
  fallbackWarn: false
})

function applyDocumentLocale(locale) {
  document.documentElement.lang = locale
  document.title = i18n.global.t('app.title')
}

export function setLocale(locale) {
  if (!SUPPORTED_LOCALES.includes(locale)) return
  i18n.global.locale.value = locale
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  applyDocumentLocale(locale)
}

applyDocumentLocale(i18n.global.locale.value)

/**
 * Translates an enum value (e.g. enums.pointType.LEVEL), falling back to the raw value
 * when the server sends something the UI does not know yet.
 */
export function tEnum(group, value) {
  if (value === null || value === undefined || value === '') return ''
  const key = `enums.${group}.${value}`
  return i18n.global.te(key) ? i18n.global.t(key) : String(value)
}
