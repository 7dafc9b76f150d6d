// Simplified Chinese messages of 监控大屏 (the wall screen of the monitoring centre): the top-level key wall.
export default {
  wall: {
    title: '{area}危险化学品重大危险源监控大屏',
    nation: '全国',
    weekdays: { 0: '星期日', 1: '星期一', 2: '星期二', 3: '星期三', 4: '星期四', 5: '星期五', 6: '星期六' },
    updated: '数据更新 {time}',
    never: '正在连接…',
    refreshEvery: '每 15 秒刷新，地图每 30 秒',
    lost: '连接中断',
    lostHint: '显示的是 {time} 的数据，正在自动重试',
    failed: '无法读取大屏数据：{msg}',
    retry: '重试',
    fullscreen: '全屏',
    exitFullscreen: '退出全屏',
    exit: '退出大屏',
    kpi: {
      enterprises: '企业',
      hazardSources: '重大危险源',
      alarmsToday: '今日报警',
      alarmsThisHour: '本小时报警',
      activeAlarms: '未消除报警',
      predictions: '预测预警',
      accidents: '本年事故',
      online: '在线测点',
      split: '工艺 {p} · 仪表 {i}',
      casualties: '死亡 {d} · 受伤 {i}',
      onlineOf: '共 {n} · 在线率 {rate}',
      sourcesNote: '一级 {g1} · 二级 {g2}',
      enterprisesNote: '红色风险 {n} 家',
      predictionsNote: '趋势预测将越限'
    },
    panels: {
      grades: '重大危险源等级',
      risk: '企业风险等级',
      hours: '今日报警（按小时）',
      worst: '风险最高的企业',
      map: '一张图',
      mapStale: '地图数据未更新'
    },
    charts: {
      enterprises: '企业数',
      process: '工艺报警',
      instrument: '仪表故障'
    },
    grades: {
      1: '一级',
      2: '二级',
      3: '三级',
      4: '四级'
    },
    risk: {
      RED: '红',
      ORANGE: '橙',
      YELLOW: '黄',
      BLUE: '蓝'
    },
    worst: {
      score: '风险值',
      active: '未消除报警 {n}',
      none: '没有风险数据'
    },
    enterprise: {
      title: '企业',
      risk: '风险等级',
      score: '风险值',
      active: '未消除报警',
      open: '在风险预警中查看',
      close: '关闭'
    }
  }
}
