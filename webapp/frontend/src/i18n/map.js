import { i18n } from './index.js'
import zhCN from './locales/map.zh-CN.js'
import en from './locales/map.en.js'

// The messages of the one map (一张图, top-level key oneMap) travel with its chunk rather than the main one: merged once,
// when the map is first loaded (before it renders). The menu entry's label stays in nav.
i18n.global.mergeLocaleMessage('zh-CN', zhCN)
i18n.global.mergeLocaleMessage('en', en)
