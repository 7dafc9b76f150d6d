import { i18n } from './index.js'
import zhCN from './locales/wallDashboard.zh-CN.js'
import en from './locales/wallDashboard.en.js'

// The messages of 监控大屏 (top-level key wall) travel with its page's chunk rather than the main one: merged once, when
// the page is first loaded (before it renders). The menu entry's label stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
