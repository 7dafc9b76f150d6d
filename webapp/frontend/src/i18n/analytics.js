import { i18n } from './index.js'
import zhCN from './locales/analytics.zh-CN.js'
import en from './locales/analytics.en.js'

// The messages of 统计分析 (top-level key analytics) travel with its pages' chunks rather than the main one: merged once,
// when a page is first loaded (before it renders). The menu entries' labels stay in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
