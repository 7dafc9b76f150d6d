import { i18n } from './index.js'
import zhCN from './locales/accidentRelations.zh-CN.js'
import en from './locales/accidentRelations.en.js'

// The messages of 事故关联分析 (top-level key accidentRelations) travel with its page's chunk rather than the main one:
// merged once, when the page is first loaded (before it renders). The page also imports ./analytics.js (the breadcrumb,
// the levels and the industry filter) and ./alarmAnalysis.js (the point types and alarm kinds). The menu entry's label
// stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
