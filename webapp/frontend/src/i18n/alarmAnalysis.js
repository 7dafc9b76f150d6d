import { i18n } from './index.js'
import zhCN from './locales/alarmAnalysis.zh-CN.js'
import en from './locales/alarmAnalysis.en.js'

// The messages of 报警分析 (top-level key alarmAnalysis) travel with its page's chunk rather than the main one: merged
// once, when the page is first loaded (before it renders). The page also imports ./analytics.js (the breadcrumb, the
// levels and the industry filter). The menu entry's label stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
