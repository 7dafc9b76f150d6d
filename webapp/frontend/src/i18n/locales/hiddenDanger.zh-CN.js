// Simplified Chinese messages of 隐患排查治理 / hidden-danger investigation and governance (E1): the top-level key
// hiddenDangers.
export default {
  hiddenDangers: {
    title: '隐患排查治理',
    subtitle: '隐患排查、整改、上报、验收销号，重大隐患挂牌督办与治理方案',
    refresh: '刷新',
    new: '登记隐患',
    open: '查看',
    cancel: '取消',
    listSeparator: '；',
    total: '共 {n} 条',
    empty: '没有符合条件的隐患',
    noTodo: '没有待您处理的隐患',
    loadError: '加载失败：{msg}',
    tabs: {
      list: '隐患台账',
      todo: '待办',
      inspections: '排查活动',
      stats: '统计'
    },
    filters: {
      status: '状态',
      level: '隐患等级',
      overdue: '只看已超期',
      inspection: '排查活动 #{id} 发现的隐患'
    },
    columns: {
      level: '等级',
      location: '隐患部位',
      enterprise: '企业',
      category: '类别',
      status: '状态',
      deadline: '整改期限',
      found: '发现',
      todo: '待办事项'
    },
    statuses: {
      FOUND: '已登记',
      RECTIFYING: '整改中',
      AWAITING_ACCEPTANCE: '待验收',
      CLOSED: '已销号'
    },
    levels: {
      GENERAL: '一般隐患',
      MAJOR: '重大隐患'
    },
    categories: {
      EQUIPMENT: '设备设施',
      PROCESS: '工艺',
      ELECTRICAL: '电气',
      FIRE: '消防',
      STORAGE: '储存',
      MANAGEMENT: '安全管理',
      OPERATION: '作业',
      OTHER: '其他'
    },
    actions: {
      ASSIGN: '安排整改',
      NOTICE: '下达整改通知',
      REPORT: '整改上报',
      ACCEPT: '验收销号',
      REJECT: '验收不通过'
    },
    stages: {
      FINDING: '隐患照片',
      EVIDENCE: '整改证据',
      OTHER: '其他'
    },
    inspectionKinds: {
      SELF: '企业自查',
      SUPERVISION: '监管检查'
    },
    inspectionStatuses: {
      PLANNED: '计划中',
      DONE: '已完成'
    },
    fields: {
      enterprise: '企业',
      region: '所属区县',
      hazardSourceCode: '重大危险源编码',
      inspection: '所属排查活动',
      inspectionId: '所属排查活动',
      level: '隐患等级',
      category: '隐患类别',
      location: '隐患部位',
      description: '隐患描述',
      foundAt: '发现人 / 时间',
      responsible: '整改责任人',
      deadline: '整改期限',
      noticeNumber: '整改通知书编号',
      note: '说明',
      rectification: '整改情况',
      reportedAt: '上报人 / 时间',
      closedAt: '验收人 / 销号时间',
      uscc: '企业',
      attachments: '整改证据',
      governance: '治理方案',
      percent: '治理进度',
      foundAtTime: '发现时间'
    },
    form: {
      title: '登记隐患',
      submit: '登记',
      created: '隐患已登记，可在详情中上传隐患照片并安排整改',
      failed: '登记隐患失败',
      forbidden: '无权为该企业登记隐患',
      rejected: '隐患未通过校验（{n} 处问题）',
      invalid: '取值无效',
      tooLong: '不能超过 {max} 个字符',
      required: {
        uscc: '请选择企业',
        level: '请选择隐患等级',
        category: '请选择隐患类别',
        location: '请填写隐患部位',
        description: '请填写隐患描述'
      },
      categoryPlaceholder: '请选择隐患类别',
      sourcePlaceholder: '选择或输入重大危险源编码（选填）',
      noSources: '该企业没有可选的重大危险源，可直接输入编码',
      inspectionPlaceholder: '选择发现该隐患的排查活动（选填）',
      inspectionAfterEnterprise: '请先选择企业',
      noInspections: '该企业没有排查活动',
      inspectionsLoadError: '排查活动加载失败：{msg}',
      locationPlaceholder: '如：罐区A 1#储罐顶部呼吸阀',
      descriptionPlaceholder: '隐患的具体情况、可能导致的后果',
      majorHint: '重大隐患将报告属地区县或园区，由其下达整改通知书并负责验收销号。',
      photoHint: '登记后可在隐患详情中上传隐患照片。'
    },
    inspectionForm: {
      title: '计划排查',
      submit: '计划',
      created: '排查活动已计划',
      failed: '计划排查失败',
      forbidden: '无权计划此类排查',
      fields: {
        uscc: '企业',
        kind: '排查类型',
        title: '名称',
        checklist: '检查表',
        inspector: '检查人',
        plannedAt: '计划时间'
      },
      required: {
        uscc: '请选择企业',
        kind: '请选择排查类型',
        title: '请填写名称',
        inspector: '请填写检查人',
        plannedAt: '请选择计划时间'
      },
      kindHints: {
        SELF: '企业组织的隐患自查。',
        SUPERVISION: '区县、园区的监管检查，计划将通知企业。'
      },
      titlePlaceholder: '如：2026 年 12 月罐区专项排查',
      checklistPlaceholder: '每行一项检查内容，如：\n储罐液位计及高液位报警完好\n安全阀在检验有效期内',
      itemCount: '{n} 项（最多 {max} 项）',
      tooManyItems: '检查表最多 {max} 项',
      itemTooLong: '每项不能超过 {max} 个字符',
      plannedAtPlaceholder: '选择日期和时间',
      now: '现在'
    },
    inspections: {
      plan: '计划排查',
      count: '共 {n} 次排查',
      empty: '暂无排查活动',
      checklist: '检查表 {n} 项',
      result: '结果：{text}',
      recordDanger: '记录隐患',
      complete: '完成排查',
      completeTitle: '完成排查',
      completed: '排查已完成',
      completeFailed: '未能完成排查',
      foundSoFar: '已记录的隐患：{n} 条',
      resultPlaceholder: '排查的情况和结论',
      resultRequired: '请填写排查结果',
      columns: {
        title: '排查活动',
        kind: '类型',
        inspector: '检查人',
        plannedAt: '计划时间',
        status: '状态',
        dangers: '发现隐患'
      }
    },
    detail: {
      title: '隐患详情',
      heading: '{level} · {location}',
      notFound: '隐患不存在或不在您的管辖范围内',
      loadError: '隐患加载失败：{msg}',
      staleError: '刷新失败，显示的是此前加载的内容：{msg}',
      updated: '更新于 {time}',
      notice: '整改通知书',
      noticeIssuedBy: '下达单位：{org}',
      responsible: '责任人：{name}',
      actions: '可办理',
      noActions: '当前没有您可办理的步骤',
      park: '园区 {code}',
      inspectionNumber: '排查活动 #{id}',
      noInspection: '日常发现',
      governance: '重大隐患治理方案',
      files: '照片与附件',
      timeline: '办理记录'
    },
    deadline: {
      placeholder: '选择期限',
      inDays: '{n} 天',
      overdue: '已超期',
      overdueBy: '已超期 {n} 天',
      today: '今天到期',
      left: '还剩 {n} 天'
    },
    action: {
      titles: {
        ASSIGN: '安排整改',
        NOTICE: '下达整改通知',
        REPORT: '整改上报',
        ACCEPT: '验收销号',
        REJECT: '验收不通过'
      },
      hints: {
        ASSIGN: '指定整改责任人和整改期限，隐患进入整改。',
        NOTICE: '重大隐患须下达整改通知书：填写通知书编号、整改责任人和整改期限。',
        REPORT: '整改完成后上报验收：须已上传整改证据；重大隐患的治理方案须完成 100%。',
        ACCEPT: '验收合格后销号，隐患闭环。',
        REJECT: '验收不合格，隐患退回整改，原因会告知企业。'
      },
      noteLabels: {
        ASSIGN: '整改要求（选填）',
        NOTICE: '整改要求（选填）',
        REPORT: '整改情况',
        ACCEPT: '验收意见（选填）',
        REJECT: '不通过的原因'
      },
      notePlaceholders: {
        ASSIGN: '需要整改的内容和要求',
        NOTICE: '通知书载明的整改要求',
        REPORT: '采取了哪些整改措施、完成情况',
        ACCEPT: '验收意见',
        REJECT: '请写明不合格的内容和要求'
      },
      noteRequired: {
        REPORT: '请填写整改情况',
        REJECT: '请填写不通过的原因'
      },
      required: {
        responsible: '请填写整改责任人',
        deadline: '请选择整改期限',
        noticeNumber: '重大隐患须填写整改通知书编号'
      },
      deadlinePast: '整改期限须晚于当前时间',
      noticePlaceholder: '如：胶应急隐改〔2026〕12号',
      responsiblePlaceholder: '整改责任人姓名',
      missingTitle: '整改上报前还需：',
      missing: {
        evidence: '上传至少一份整改证据（照片或文件）',
        governance: '重大隐患治理方案的进度达到 100%'
      },
      refused: '“{action}”未能办理',
      conflict: '隐患状态已发生变化，已重新加载',
      done: {
        ASSIGN: '已安排整改',
        NOTICE: '整改通知已下达',
        REPORT: '已整改上报，等待验收',
        ACCEPT: '已验收销号',
        REJECT: '已退回整改'
      }
    },
    governance: {
      fields: {
        measures: '治理措施',
        funds: '治理资金',
        responsible: '负责人',
        deadline: '完成期限',
        percent: '治理进度'
      },
      required: {
        measures: '请填写治理措施',
        funds: '请填写治理资金',
        responsible: '请填写负责人',
        deadline: '请选择完成期限'
      },
      funds: {
        invalid: '请填写数字，如 12.5',
        negative: '资金不能为负数',
        decimals: '最多保留两位小数',
        tooLarge: '数额过大'
      },
      fundsValue: '{n} 万元',
      fundsUnit: '万元',
      fundsPlaceholder: '如 35.50',
      measuresPlaceholder: '治理的目标任务、方法措施、安全措施和应急预案',
      needed: '重大隐患须制定治理方案（治理措施、资金、负责人、完成期限），并在整改上报前完成 100%。',
      none: '尚未制定治理方案',
      complete: '已完成',
      edit: '修改方案',
      save: '保存方案',
      saved: '治理方案已保存',
      failed: '治理方案未能保存',
      conflict: '隐患状态已变化，治理方案不能再修改',
      updated: '{actor} 于 {time} 更新',
      progressTitle: '更新治理进度',
      progressNote: '进度说明',
      progressNotePlaceholder: '本阶段完成的工作（选填）',
      forwardOnly: '进度只能向前（当前 {n}%）',
      saveProgress: '保存进度',
      progressSaved: '治理进度已更新为 {n}%',
      progressFailed: '治理进度未能保存',
      progressProblems: {
        required: '请填写进度',
        invalid: '进度须为整数',
        range: '进度须在 0 到 100 之间',
        backward: '进度不能倒退'
      }
    },
    files: {
      count: '{n} 个文件',
      upload: '上传',
      uploading: '正在上传 {name}…',
      uploaded: '已上传 {name}',
      uploadFailed: '{name} 上传失败',
      preview: '预览',
      download: '下载',
      downloadFailed: '下载失败：{msg}',
      none: '暂无文件',
      hint: '每个文件不超过 {max}，可一次选择多个；文件的 SHA-256 会随文件保存。销号后不能再上传，待验收期间不能补充整改证据。',
      problems: {
        empty: '文件为空',
        tooLarge: '文件超过 {max}'
      }
    },
    timeline: {
      by: '办理人：{actor}',
      created: '登记隐患',
      change: '方案与附件',
      empty: '暂无办理记录',
      steps: {
        ASSIGN: '安排整改',
        REPORT: '整改上报',
        ACCEPT: '验收销号',
        REJECT: '验收不通过'
      }
    },
    fieldErrors: {
      REQUIRED: '必填',
      TOO_LONG: '内容过长',
      INVALID: '取值无效',
      UNKNOWN: '不存在或不在您的管辖范围内',
      IN_PAST: '须晚于当前时间',
      IN_FUTURE: '不能晚于当前时间',
      OUT_OF_RANGE: '超出允许范围',
      MISSING: '尚未制定',
      EVIDENCE_REQUIRED: '须先上传整改证据',
      NOT_COMPLETE: '重大隐患治理方案的进度须达到 100%',
      EMPTY: '文件为空',
      TOO_LARGE: '文件过大',
      percent_OUT_OF_RANGE: '进度只能向前，且不超过 100%',
      governance_MISSING: '请先制定治理方案',
      other: '{field}：{text}'
    },
    stats: {
      period: '销号统计期间',
      periodHint: '不选择则为最近一个月',
      from: '开始日期',
      to: '结束日期',
      rangeSeparator: '至',
      open: '未销号隐患',
      majorOpen: '未销号重大隐患',
      overdue: '已超期',
      closed: '期间内销号',
      byLevel: '未销号隐患按等级',
      byCategory: '未销号隐患按类别',
      byRegion: '按区县',
      openShort: '未销号',
      majorShort: '重大',
      overdueShort: '超期',
      closedShort: '销号',
      empty: '暂无数据'
    }
  }
}
