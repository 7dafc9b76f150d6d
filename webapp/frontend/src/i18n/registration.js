import { i18n } from './index.js'
import zhCN from './locales/registration.zh-CN.js'
import en from './locales/registration.en.js'

// The messages of 重大危险源登记 (top-level key registrations) travel with its page's chunk rather than the main one:
// merged once, when the page is first loaded (before it renders). The menu entry's label stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
