// Simplified Chinese UI messages (default language).
export default {
  app: {
    name: 'HazardWatch',
    title: 'HazardWatch 危险化学品重大危险源在线监测预警',
    subtitle: '危险化学品重大危险源在线监测预警',
    loginSubtitle: '危险化学品重大危险源在线监测预警系统'
  },
  nav: {
    monitor: '实时监测',
    trend: '趋势曲线',
    alarms: '报警记录'
  },
  header: {
    language: '语言',
    user: '当前用户',
    logout: '退出登录',
    logoutDone: '已退出登录',
    userMenu: '用户菜单',
    changePassword: '修改密码'
  },
  health: {
    label: '系统状态',
    badge: '系统状态：{status}',
    UP: '运行正常',
    DEGRADED: '部分降级',
    DOWN: '服务故障',
    UNKNOWN: '状态未知',
    unreachable: '无法连接服务器',
    components: '组件状态',
    checkedAt: '检查时间',
    component: {
      database: '数据库',
      broker: '消息代理',
      adapter: '采集适配器'
    }
  },
  common: {
    networkError: '无法连接服务器，请检查网络或稍后重试',
    timeout: '请求超时',
    httpError: '服务器错误（HTTP {status}）',
    noValue: '—',
    loading: '加载中…',
    lastRefresh: '最后刷新',
    refreshFailed: '刷新失败',
    never: '尚未刷新',
    all: '全部',
    back: '返回'
  },
  login: {
    title: '用户登录',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    failed: '登录失败',
    badCredentials: '用户名或密码错误',
    sessionExpired: '登录已失效，请重新登录',
    footer: '仅限授权人员使用，所有操作将被记录'
  },
  changePassword: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    repeat: '确认新密码',
    currentPlaceholder: '请输入当前密码',
    newPlaceholder: '至少 {min} 个字符，不能包含用户名',
    repeatPlaceholder: '请再次输入新密码',
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    repeatRequired: '请再次输入新密码',
    tooShort: '新密码至少{min}个字符',
    mismatch: '两次输入的新密码不一致',
    unchanged: '新密码不能与当前密码相同',
    containsUsername: '新密码不能包含用户名',
    wrongCurrent: '当前密码不正确',
    submit: '确认修改',
    submitting: '正在提交…',
    cancel: '取消',
    failed: '密码修改失败',
    done: '密码已修改，请重新登录'
  },
  monitor: {
    title: '实时监测',
    summary: {
      points: '监测点位',
      areas: '监测区域',
      activeAlarms: '当前报警',
      badQuality: '数据异常'
    },
    search: '搜索点位名称或编号',
    onlyAbnormal: '仅显示报警/超限',
    loadError: '实时数据刷新失败：{msg}',
    staleHint: '当前显示的是最后一次成功获取的数据',
    noPoints: '暂无监测点位，请确认采集配置',
    noMatch: '没有符合条件的监测点位',
    unassignedArea: '未分区',
    pointCount: '{n} 个点位',
    alarmCount: '{n} 个报警',
    alarmNormal: '正常',
    outOfLimit: '超限',
    limitLow: '低限',
    limitHigh: '高限',
    range: '量程',
    quality: '质量',
    updatedAt: '更新时间',
    activeAlarms: '当前报警',
    since: '发生于',
    viewTrend: '点击查看趋势曲线',
    hazardSource: '危险源'
  },
  trend: {
    title: '趋势曲线',
    point: '监测点位',
    selectPoint: '请选择监测点位',
    choosePrompt: '请选择要查看趋势的监测点位',
    range: '时间范围',
    ranges: {
      '10m': '近10分钟',
      '1h': '近1小时',
      '6h': '近6小时',
      '24h': '近24小时'
    },
    value: '数值',
    alarmHigh: '高报警限',
    alarmLow: '低报警限',
    current: '当前值',
    min: '最小值',
    max: '最大值',
    avg: '平均值',
    samples: '样本数',
    noData: '所选时间范围内暂无历史数据',
    loadError: '历史数据加载失败：{msg}',
    pointsError: '监测点位加载失败：{msg}',
    notFound: '监测点位 {id} 不存在',
    live: '每 5 秒自动更新',
    area: '区域',
    type: '类型',
    limits: '报警限',
    time: '时间'
  },
  alarms: {
    title: '报警记录',
    stateFilter: '状态',
    pointFilter: '监测点位',
    allPoints: '全部点位',
    total: '共 {n} 条（最多显示 200 条）',
    empty: '暂无报警记录',
    loadError: '报警记录刷新失败：{msg}',
    columns: {
      id: '编号',
      point: '监测点位',
      kind: '报警类型',
      state: '状态',
      priority: '优先级',
      value: '报警值',
      limit: '报警限值',
      raisedAt: '报警时间',
      clearedAt: '消除时间'
    }
  },
  enums: {
    pointType: {
      LEVEL: '液位',
      TEMPERATURE: '温度',
      PRESSURE: '压力',
      FLOW: '流量',
      COMBUSTIBLE_GAS: '可燃气体',
      TOXIC_GAS: '有毒气体',
      OTHER: '其他'
    },
    quality: {
      GOOD: '良好',
      UNCERTAIN: '不确定',
      BAD: '坏值'
    },
    alarmKind: {
      HIGH: '高报',
      LOW: '低报'
    },
    alarmState: {
      ACTIVE: '报警中',
      CLEARED: '已消除'
    },
    priority: {
      HIGH: '高',
      MEDIUM: '中',
      LOW: '低'
    }
  }
}
