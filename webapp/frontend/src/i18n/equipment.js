import { i18n } from './index.js'
import zhCN from './locales/equipment.zh-CN.js'
import en from './locales/equipment.en.js'

// The messages of 设备检验 (top-level key equipment) travel with its page's chunk rather than the main one: merged once,
// when the page is first loaded (before it renders). The menu entry's label stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
