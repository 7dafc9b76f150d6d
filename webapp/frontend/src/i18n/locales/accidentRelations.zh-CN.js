// Simplified Chinese messages of 统计分析 → 事故关联分析 (alarm-to-accident relation, B5): the top-level key
// accidentRelations. The breadcrumb, the levels and the industry filter use those of analytics (analytics.zh-CN.js), the
// point types and alarm kinds those of alarmAnalysis (alarmAnalysis.zh-CN.js).
export default {
  accidentRelations: {
    title: '事故关联分析',
    subtitle: '事故前的报警：每千次报警对应的事故数（转化率），按报警类型、设备类型、行业和区域统计，以及“报警组合 ⇒ 事故”的关联规则',
    refresh: '刷新',
    export: '导出 Excel',
    exportFailed: '导出失败：{msg}',
    loadError: '加载失败：{msg}',
    forbidden: '该区域不在本辖区：{msg}',
    period: '统计月份',
    periodStart: '开始月份',
    periodEnd: '结束月份',
    rangeSeparator: '至',
    periodHint: '按整月统计，最多 {n} 个月',
    hours: '事故前',
    hoursUnit: '小时内的报警',
    hoursHint: '在事故发生前多少小时内查找同一企业的报警（1-720 小时）',
    where: '{name} · {from} 至 {to} · 事故前 {hours} 小时',
    kpi: {
      accidents: '事故',
      accidentsUnit: '起',
      withAlarms: '事故前有报警',
      withAlarmsNote: '占事故的 {p}',
      alarms: '报警',
      alarmsUnit: '次',
      per1000: '每千次报警事故数',
      per1000Note: '转化率：事故数 ÷ 报警数 × 1000',
      none: '—'
    },
    method: {
      title: '方法与局限',
      show: '展开',
      hide: '收起',
      rate: '转化率 = 每 1,000 次报警对应的事故数。',
      kindType:
        '按报警类型、设备类型：事故发生前 {hours} 小时内，同一企业产生过至少一次该类型的报警，该事故即计入该类型（一起事故可计入多个类型）；报警数为该类型的全部报警。',
      industryRegion: '按行业、区域：该行业或区域的事故数和报警数。',
      rules:
        '关联规则“报警项 ⇒ 事故”：一个事务是一个企业日（北京时间），即有监测的企业在统计期间内有报警的一天；项是当天报警的“设备类型·报警类型”；发生事故的事务包含事故前 {hours} 小时内报警的项。支持度 = 含这些项的事故数 ÷ 事务数；置信度 = 含这些项的事故数 ÷ 含这些项的企业日数；提升度 = 置信度 ÷ 基准率（事故数 ÷ 事务数）。只列出一项或两项、至少在 {min} 起事故前出现过的组合，按提升度排序。',
      limitsTitle: '局限',
      limits: {
        few: '事故很少，数字不稳定：每条规则旁列出其事故数，事故数少的规则尤须谨慎看待。',
        causation: '关联不等于因果：报警与事故同时出现，不说明报警导致事故或能预测事故。',
        days: '按天划分的事务只是事故前时间窗的近似。',
        missing: '没有监测的企业、以及开始监测以前的报警没有数据，这些企业的事故前没有任何报警数据，会拉低转化率。',
        shelved: '搁置、屏蔽的报警也按已产生计入。',
        baseline: '基准率随所选期间而变，不同期间的提升度不能直接比较。'
      }
    },
    charts: {
      kind: '按报警类型',
      kindNote: '事故前 {hours} 小时内同一企业有该类型报警的事故，每千次该类型报警',
      pointType: '按设备类型',
      pointTypeNote: '事故前 {hours} 小时内同一企业有该类型设备报警的事故，每千次该类型报警',
      industry: '按行业',
      industryNote: '该行业的事故数，每千次该行业报警；没有报警的行业无柱形',
      per1000: '每千次报警事故数',
      per1000Axis: '起/千次',
      tooltipRate: '每千次报警 {rate} 起事故',
      tooltipCounts: '事故 {accidents} 起 · 报警 {alarms} 次',
      empty: '没有数据'
    },
    regions: {
      title: '下一级{level}',
      hint: '点击柱形或表格行进入下一级',
      accidents: '事故',
      alarms: '报警',
      per1000: '每千次报警事故数',
      none: '下一级没有事故',
      notDrillable: '未登记企业，不能下钻',
      unknown: '未登记企业'
    },
    industries: {
      unregistered: '未登记行业'
    },
    rules: {
      title: '报警组合 ⇒ 事故（关联规则）',
      summary: '共 {transactions} 个企业日，其中 {accidentTransactions} 个发生事故，基准率 {baseRate}；列出至少在 {min} 起事故前出现过的组合，按提升度排序',
      items: '事故前的报警',
      accidents: '事故数',
      accidentsHint: '规则所依据的事故数：越少越不稳定',
      windows: '企业日',
      windowsHint: '出现这些报警的企业日数',
      support: '支持度',
      confidence: '置信度',
      lift: '提升度',
      liftHint: '提升度大于 1：有这些报警的企业日发生事故的比例高于基准',
      none: '没有满足条件的组合（至少在 {min} 起事故前出现过）',
      then: '⇒ 事故'
    },
    empty: {
      title: '所选期间没有事故',
      text: '事故在“安全管理 → 事故登记”中登记（可手工录入或从 Excel 导入）；登记后，这里才能分析事故与事故前报警的关联。',
      link: '前往事故登记'
    },
    pointTypes: {
      GAS: '可燃气体',
      CAMERA: '视频'
    }
  }
}
