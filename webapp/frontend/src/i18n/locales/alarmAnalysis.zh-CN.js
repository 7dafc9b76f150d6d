// Simplified Chinese messages of 统计分析 → 报警分析 (alarm analysis, B1-B4): the top-level key alarmAnalysis. The
// breadcrumb, the levels and the industry filter use those of analytics (analytics.zh-CN.js).
export default {
  alarmAnalysis: {
    title: '报警分析',
    subtitle: '报警按区域、月份、季节、时段、行业和设备类型统计，工艺报警与仪表故障分开计，逐级下钻',
    refresh: '刷新',
    export: '导出 Excel',
    exportFailed: '导出失败：{msg}',
    monthlyReport: '月报 PDF',
    monthlyReportHint: '{month} 的监测预警月报（PDF）：重大危险源、报警、事故及报警关联',
    monthlyReportFailed: '月报生成失败：{msg}',
    loadError: '加载失败：{msg}',
    forbidden: '该区域不在本辖区：{msg}',
    period: '统计月份',
    periodStart: '开始月份',
    periodEnd: '结束月份',
    rangeSeparator: '至',
    periodHint: '按整月统计，最多 {n} 个月',
    pointType: '设备类型',
    pointTypeAll: '全部类型',
    where: '{name} · {from} 至 {to}',
    upTo: '统计截至 {time}',
    upToNone: '统计尚未开始累计',
    upToHint: '统计表每隔几秒从报警表累计一次，可能比实时报警晚几秒；今日和本小时的数字直接读报警表',
    live: '今日数据 {time} 更新，每 30 秒刷新',
    kpi: {
      total: '报警总数',
      process: '工艺报警',
      instrument: '仪表故障',
      today: '今日报警',
      thisHour: '本小时报警',
      share: '占 {p}',
      todaySplit: '工艺 {p} · 仪表 {i}'
    },
    charts: {
      alarms: '报警次数',
      month: '各月报警',
      season: '季节分布',
      hour: '时段分布（0-23 时）',
      hourLabel: '{h}时',
      hourNote: '按行业筛选时不提供时段分布',
      pointType: '按设备类型',
      pointTypeNote: '今日：{list}',
      children: '下一级{level}（工艺报警 / 仪表故障）',
      childrenHint: '点击柱形或表格行进入下一级'
    },
    children: {
      name: '名称',
      code: '代码',
      total: '报警总数',
      process: '工艺报警',
      instrument: '仪表故障',
      none: '下一级没有报警',
      notDrillable: '未登记企业，不能下钻',
      unknown: '未登记企业'
    },
    industries: {
      title: '行业分布',
      hint: '折线为该行业 1-12 月的报警次数（季节规律）；点击行业代码按该行业筛选',
      code: '行业代码',
      name: '行业',
      total: '报警总数',
      process: '工艺报警',
      instrument: '仪表故障',
      share: '占比',
      seasonal: '1-12 月',
      peak: '高峰月',
      month: '{m}月',
      unregistered: '未登记行业',
      filter: '按此行业筛选',
      none: '没有报警'
    },
    seasons: {
      SPRING: '春季（3-5月）',
      SUMMER: '夏季（6-8月）',
      AUTUMN: '秋季（9-11月）',
      WINTER: '冬季（12-2月）'
    },
    pointTypes: {
      LEVEL: '液位',
      TEMPERATURE: '温度',
      PRESSURE: '压力',
      FLOW: '流量',
      COMBUSTIBLE_GAS: '可燃气体',
      TOXIC_GAS: '有毒气体',
      OTHER: '其他'
    },
    categories: {
      PROCESS: '工艺报警',
      INSTRUMENT: '仪表故障'
    },
    kinds: {
      LOW_LOW: '低低报',
      LOW: '低报',
      HIGH: '高报',
      HIGH_HIGH: '高高报',
      RATE_OF_CHANGE: '变化率报警',
      FAULT: '仪表故障'
    },
    device: {
      label: '仪表查询',
      placeholder: '测点编号，如 B-GT201',
      open: '查询',
      title: '仪表报警分析：{id}',
      loading: '查询中…',
      notFound: '未找到测点“{id}”，或该测点不在本辖区',
      loadError: '查询失败：{msg}',
      name: '名称',
      type: '类型',
      enterprise: '企业',
      period: '统计月份',
      total: '报警总数',
      byKind: '按报警类型',
      byHour: '按时段',
      bySeason: '按季节',
      close: '关闭'
    }
  }
}
