// Simplified Chinese messages of 统计分析 / analytics (危险源统计分析, A1-A5): the top-level key analytics.
export default {
  analytics: {
    title: '危险源统计分析',
    subtitle: '重大危险源按等级、可能引发的事故类型和可能死亡人数统计，逐级下钻，历年趋势',
    refresh: '刷新',
    export: '导出 Excel',
    exportFailed: '导出失败：{msg}',
    loadError: '加载失败：{msg}',
    forbidden: '该区域不在本辖区：{msg}',
    asOf: '统计日期',
    asOfHint: '过去的日期按当时的登记状态统计',
    industry: '行业代码',
    industryPlaceholder: '如 26，空为全部',
    industryInvalid: '应为 GB/T 4754 行业代码或其前几位，如 26',
    breadcrumb: {
      label: '区域',
      nation: '全国',
      scope: '本辖区'
    },
    where: '{name} · 截至 {date}',
    nextLevel: '下一级：{level}',
    noLevel: '企业（无下一级）',
    levels: {
      PROVINCE: '省份',
      CITY: '市',
      COUNTY: '区县',
      ENTERPRISE: '企业'
    },
    kpi: {
      total: '重大危险源',
      accidents: '{year} 年事故',
      deaths: '死亡人数',
      injuries: '受伤人数',
      ungraded: '未分级 {n} 处'
    },
    grades: {
      1: '一级',
      2: '二级',
      3: '三级',
      4: '四级',
      none: '未分级'
    },
    types: {
      FIRE: '火灾',
      EXPLOSION: '爆炸',
      POISONING: '中毒'
    },
    tolls: {
      UNDER_10: '0-9人',
      FROM_10_TO_29: '10-29人',
      FROM_30_TO_99: '30-99人',
      FROM_100: '100人及以上',
      UNKNOWN: '未知'
    },
    accidentTolls: {
      UNDER_10: '死亡 0-9人',
      FROM_10_TO_29: '死亡 10-29人',
      FROM_30_TO_99: '死亡 30-99人',
      FROM_100: '死亡 100人及以上'
    },
    charts: {
      sources: '重大危险源',
      grade: '等级分布',
      types: '可能引发的事故类型',
      typesNote: '一个危险源可能引发多类事故，会计入多个类型，各类占比之和可超过 100%',
      tolls: '可能死亡人数',
      tollsNote: '按重大危险源辨识时估算的可能死亡人数分级；未评估的计为“未知”',
      children: '下一级{level}（按等级）',
      childrenHint: '点击柱形或表格行进入下一级'
    },
    children: {
      name: '名称',
      code: '代码',
      total: '重大危险源',
      accidents: '事故',
      deaths: '死亡',
      injuries: '受伤',
      none: '下一级没有重大危险源或事故',
      notDrillable: '未登记企业，不能下钻'
    },
    trend: {
      title: '历年趋势',
      hint: '每年按年末（当年为今日）的登记状态统计，事故按发生年份统计',
      from: '起始年份',
      to: '截止年份',
      rangeSeparator: '至',
      total: '重大危险源数量（年末）',
      gradeShares: '等级占比（%）',
      typeShares: '可能引发的事故类型占比（%）',
      accidents: '事故起数（按死亡人数分级）',
      loadError: '趋势加载失败：{msg}'
    }
  }
}
