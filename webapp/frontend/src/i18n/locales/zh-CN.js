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
    alarms: '报警记录',
    grading: '分级计算',
    enterprises: '企业'
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
  grading: {
    title: '重大危险源分级计算器',
    subtitle: '依据 GB 18218 辨识危险化学品重大危险源，并计算分级指标 R 与级别',
    disclaimer: '计算结果仅供参考，以标准原文及主管部门的认定为准',
    edition: '标准版本',
    editions: {
      e2018: 'GB 18218-2018',
      e2009: 'GB 18218-2009'
    },
    people: '厂区外暴露人数',
    peopleUnit: '人',
    peopleHint: '厂区边界向外扩展 500 m 范围内的常住人口数量，用于确定校正系数 α',
    substances: '危险化学品',
    tableHint: '名称与 CAS 号至少填写一项；未列入表1的物质须填写危险性类别（表2符号）；多个表1行共用同一 CAS 号或名称时（如硝化纤维素）须填写表1序号。',
    columns: {
      index: '#',
      name: '名称',
      cas: 'CAS 号',
      tableRow: '表1序号',
      categories: '危险性类别',
      tonnes: '设计最大量 (t)',
      mixture: '混合物',
      actions: '操作'
    },
    placeholders: {
      name: '如：氯',
      cas: '如：7782-50-5',
      tableRow: '可选',
      categories: '符号，如 W2、J3',
      tonnes: '吨'
    },
    mixture: {
      none: '纯物质',
      AS_PURE_SUBSTANCE: '混合物，与纯物质同类别',
      NEW_HAZARD_CLASS: '混合物，按新危险类别'
    },
    addRow: '添加物质',
    removeRow: '删除该行',
    loadExample: '载入示例',
    clear: '清空',
    calculate: '计算',
    calculating: '正在计算…',
    validation: {
      title: '请检查输入',
      summary: '共有 {n} 处输入需要修正（已用红色标出）',
      peopleRequired: '请输入暴露人数',
      peopleInvalid: '暴露人数须为不小于 0 的整数',
      tonnesRequired: '请输入设计最大量',
      tonnesPositive: '设计最大量须大于 0',
      tableRowInvalid: '表1序号须为正整数',
      identRequired: '请填写名称或 CAS 号',
      categoriesRequired: '按新危险类别计算时须填写危险性类别',
      noSubstances: '请至少添加一种危险化学品'
    },
    errors: {
      failed: '计算失败',
      row: '第 {n} 行',
      UNKNOWN_SUBSTANCE: {
        title: '未知物质',
        hint: '该物质未列入表1：请核对名称与 CAS 号，或填写其危险性类别（表2符号）'
      },
      MISSING_QUANTITY: {
        title: '缺少数量',
        hint: '请填写该物质的设计最大量（吨）'
      },
      INVALID_VALUE: {
        title: '数值无效',
        hint: '请检查数量、CAS 号校验位、表1序号及危险性类别符号'
      },
      MISSING_IDENTIFICATION: {
        title: '缺少物质标识',
        hint: '请填写名称、CAS 号或表1序号'
      },
      NAME_CAS_MISMATCH: {
        title: '名称与CAS不一致',
        hint: '名称、CAS 号（或表1序号）指向表1中的不同物质，请核对'
      },
      AMBIGUOUS_TABLE_ROW: {
        title: '需指定表1行号',
        hint: '表1中有多行与该物质匹配，请在「表1序号」中指定其中一行'
      },
      MISSING_CLASSIFICATION: {
        title: '缺少危险性类别',
        hint: '无法确定校正系数 β：该物质未列入表3，请填写其危险性类别'
      },
      INVALID_REQUEST: {
        title: '请求无效',
        hint: '请检查暴露人数及物质列表'
      }
    },
    result: {
      title: '计算结果',
      major: '构成重大危险源',
      notMajor: '不构成重大危险源',
      grades: {
        g1: '一级',
        g2: '二级',
        g3: '三级',
        g4: '四级'
      },
      gradeLegend: '一级 R≥100；二级 50≤R<100；三级 10≤R<50；四级 R<10',
      stale: '输入已修改，以下结果对应修改前的数据，请重新计算',
      s: '辨识指标 S',
      sFormula: 'S = Σ q/Q，S ≥ 1 即构成重大危险源',
      r: '分级指标 R',
      rFormula: 'R = α · Σ β·q/Q',
      rNotApplicable: '不构成重大危险源，不进行分级',
      alpha: '校正系数 α',
      alphaPeople: '暴露人数：{n} 人',
      source: '依据',
      lines: '逐项计算',
      columns: {
        index: '#',
        substance: '物质',
        q: 'q (t)',
        Q: 'Q (t)',
        qSource: 'Q 依据',
        ratio: 'q/Q',
        beta: 'β',
        betaSource: 'β 依据',
        weighted: 'β·q/Q',
        notes: '说明'
      },
      total: '合计 S',
      working: '完整计算过程',
      copy: '复制',
      copied: '计算过程已复制',
      copyFailed: '复制失败，请手动选择文本'
    },
    categories2018: {
      k_J1: '急性毒性 类别1，气体',
      k_J2: '急性毒性 类别1，固体、液体',
      k_J3: '急性毒性 类别2、3，气体',
      k_J4: '急性毒性 类别2、3，吸入途径，液体（沸点≤35℃）',
      k_J5: '急性毒性 类别2，液体（除J4外）、固体',
      k_W1_1: '爆炸物 不稳定爆炸物；1.1项',
      k_W1_2: '爆炸物 1.2、1.3、1.5、1.6项',
      k_W1_3: '爆炸物 1.4项',
      k_W2: '易燃气体 类别1和类别2',
      k_W3: '气溶胶 类别1和类别2（净重）',
      k_W4: '氧化性气体 类别1',
      k_W5_1: '易燃液体 类别1；类别2和3，工作温度高于沸点',
      k_W5_2: '易燃液体 类别2和3，具有特殊工艺条件',
      k_W5_3: '易燃液体 其他类别2',
      k_W5_4: '易燃液体 其他类别3',
      k_W6_1: '自反应物质和混合物 A型和B型',
      k_W6_2: '自反应物质和混合物 C、D、E型',
      k_W7_1: '有机过氧化物 A型和B型',
      k_W7_2: '有机过氧化物 C、D、E、F型',
      k_W8: '自燃液体和自燃固体 类别1',
      k_W9_1: '氧化性固体和液体 类别1',
      k_W9_2: '氧化性固体和液体 类别2、类别3',
      k_W10: '易燃固体 类别1',
      k_W11: '遇水放出易燃气体的物质和混合物 类别1和类别2'
    },
    categories2009: {
      k_1_1A: '爆炸品 1.1A项',
      k_1_1: '爆炸品 除1.1A项外的其他1.1项',
      k_1_2_1_6: '爆炸品 除1.1项外的其他爆炸品',
      k_2_1: '易燃气体（2.1项）',
      k_2_2_OX: '氧化性气体（2.2项，次要危险性为5类）',
      k_2_3_T1: '剧毒气体（2.3项，急性毒性类别1）',
      k_2_3: '有毒气体（2.3项其他）',
      k_3_EF: '极易燃液体',
      k_3_HF: '高度易燃液体（闪点<23℃）',
      k_3_F: '易燃液体（23℃≤闪点<61℃）',
      k_4_1_I: '易燃固体（4.1项，Ⅰ类包装）',
      k_4_2_I_II: '易于自燃的物质（4.2项，Ⅰ或Ⅱ类包装）',
      k_4_3_I_II: '遇水放出易燃气体的物质（4.3项，Ⅰ或Ⅱ类包装）',
      k_5_1_I: '氧化性物质（5.1项，Ⅰ类包装）',
      k_5_1_II_III: '氧化性物质（5.1项，Ⅱ或Ⅲ类包装）',
      k_5_2: '有机过氧化物（5.2项）',
      k_6_1_T1: '毒性物质（6.1项，急性毒性类别1）',
      k_6_1_T2: '毒性物质（6.1项，急性毒性类别2）'
    }
  },
  enterprises: {
    title: '企业登记',
    subtitle: '危险化学品企业基础信息，按行政区划和化工园区管理',
    regions: '行政区划',
    allRegions: '全部地区',
    countTitle: '该区域内登记的企业数',
    regionsError: '行政区划加载失败：{msg}',
    retry: '重试',
    noRegions: '暂无行政区划',
    search: '搜索企业名称或统一社会信用代码',
    add: '新增企业',
    total: '共 {n} 家企业',
    empty: '暂无登记企业',
    noMatch: '没有符合条件的企业',
    loadError: '企业列表加载失败：{msg}',
    columns: {
      name: '企业名称',
      uscc: '统一社会信用代码',
      region: '所在地区',
      industryGroup: '行业类别',
      status: '状态',
      contact: '联系人'
    },
    fields: {
      id: '编号',
      uscc: '统一社会信用代码',
      name: '企业名称',
      region: '所在地区',
      park: '化工园区',
      industryCode: '行业代码',
      industryGroup: '行业类别',
      address: '地址',
      longitude: '经度',
      latitude: '纬度',
      coordinates: '经纬度',
      contactName: '联系人',
      contactPhone: '联系电话',
      status: '状态',
      createdAt: '登记时间',
      updatedAt: '更新时间'
    },
    placeholders: {
      uscc: '18 位代码，如 91370281MA3C5XKT0E',
      name: '营业执照上的企业全称',
      region: '请选择省 / 市 / 区县',
      park: '可选，所在地区的化工园区',
      parkFirst: '请先选择所在地区',
      noPark: '该地区暂无化工园区',
      industryCode: 'GB/T 4754 行业代码，如 2614',
      industryGroup: '请选择行业类别',
      address: '详细地址',
      longitude: '-180 ～ 180',
      latitude: '-90 ～ 90',
      contactPhone: '如 0532-12345678'
    },
    hints: {
      uscc: '输入自动转为大写；代码中不使用字母 I、O、S、V、Z'
    },
    validation: {
      usccRequired: '请输入统一社会信用代码',
      usccLength: '统一社会信用代码应为 {len} 位（当前 {n} 位）',
      usccCharacter: '含有无效字符：{chars}（只能使用数字及除 I、O、S、V、Z 以外的大写字母）',
      nameRequired: '请输入企业名称',
      regionRequired: '请选择所在地区',
      industryGroupRequired: '请选择行业类别',
      statusRequired: '请选择状态',
      notNumber: '请输入数字',
      range: '应在 {min} 到 {max} 之间',
      longitudeMissing: '填写纬度时须同时填写经度',
      latitudeMissing: '填写经度时须同时填写纬度',
      industryCode: '行业代码应为 2 至 4 位数字（GB/T 4754 大类、中类或小类）',
      contactPhone: '联系电话只能包含数字、空格及 + ( ) -，5 至 40 个字符'
    },
    fieldErrors: {
      REQUIRED: '必填项不能为空',
      TOO_LONG: '内容过长',
      USCC_LENGTH: '统一社会信用代码应为 18 位',
      USCC_CHARACTER: '统一社会信用代码含有无效字符',
      USCC_CHECK: '校验码错误',
      USCC_DUPLICATE: '该统一社会信用代码已登记',
      UNKNOWN_REGION: '所在地区不存在',
      UNKNOWN_PARK: '化工园区不存在或不在所选地区内',
      OUT_OF_RANGE: '超出允许范围',
      INVALID_VALUE: '取值无效',
      withDetail: '{text}（{detail}）',
      other: '{field}：{text}',
      separator: '；'
    },
    form: {
      createTitle: '新增企业',
      editTitle: '编辑企业信息',
      submit: '保存',
      submitting: '正在保存…',
      cancel: '取消',
      rejected: '服务器未接受 {n} 项输入，请按提示修改',
      failed: '保存失败',
      created: '企业已登记',
      updated: '企业信息已保存',
      regionsLoadError: '地区加载失败：{msg}',
      parksLoadError: '化工园区加载失败：{msg}',
      discardTitle: '放弃修改',
      discardMessage: '有尚未保存的修改，确定放弃吗？',
      discard: '放弃修改',
      keepEditing: '继续编辑'
    },
    detail: {
      title: '企业详情',
      edit: '编辑',
      loadError: '企业信息加载失败：{msg}',
      notFound: '该企业不存在或已被删除'
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
    },
    industryGroup: {
      FINE_CHEMICALS: '精细化工',
      PETROCHEMICALS: '石油化工',
      COAL_CHEMICALS: '煤化工',
      OTHER: '其他'
    },
    enterpriseStatus: {
      OPERATING: '在产',
      SUSPENDED: '停产',
      CLOSED: '关闭'
    },
    regionLevel: {
      PROVINCE: '省',
      CITY: '市',
      COUNTY: '区县',
      PARK: '园区'
    }
  }
}
