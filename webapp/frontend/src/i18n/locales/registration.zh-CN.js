// Simplified Chinese messages of 重大危险源登记 / registration and cancellation of major hazard sources (F1-F3): the
// top-level key registrations.
export default {
  registrations: {
    title: '重大危险源登记',
    subtitle: '重大危险源的登记、注销申请与受理、登记、通知',
    refresh: '刷新',
    new: '新建申请',
    open: '查看',
    cancel: '取消',
    listSeparator: '；',
    total: '共 {n} 件',
    empty: '没有符合条件的申请',
    noTodo: '没有待您处理的申请',
    loadError: '加载失败：{msg}',
    tabs: {
      list: '申请列表',
      todo: '待办',
      stats: '统计',
      due: '复评提醒'
    },
    filters: {
      kind: '申请类型',
      status: '状态',
      region: '所属区域'
    },
    columns: {
      kind: '类型',
      source: '重大危险源',
      enterprise: '企业',
      region: '区域',
      status: '状态',
      number: '登记编号',
      created: '创建',
      submitted: '提交时间',
      todo: '待办事项',
      updated: '更新时间'
    },
    kinds: {
      REGISTRATION: '登记',
      CANCELLATION: '注销'
    },
    statuses: {
      DRAFT: '草稿',
      SUBMITTED: '已提交',
      RETURNED: '退回补正',
      ACCEPTED: '已受理',
      REGISTERED: '已登记',
      NOTIFIED: '已通知',
      WITHDRAWN: '已撤回'
    },
    actions: {
      SUBMIT: '提交申请',
      RETURN: '退回补正',
      ACCEPT: '受理',
      REGISTER: '登记',
      NOTIFY: '生成并送达通知书',
      WITHDRAW: '撤回'
    },
    reasons: {
      NO_LONGER_MAJOR: '经重新辨识不再构成重大危险源',
      CLOSED: '装置停产或拆除',
      ENTERPRISE_CLOSED: '企业关闭或搬迁',
      OTHER: '其他'
    },
    documentTypes: {
      IDENTIFICATION_REPORT: '重大危险源辨识与分级报告',
      SAFETY_EVALUATION: '安全评估报告',
      MONITORING_MEASURES: '监测监控系统及安全措施说明',
      EMERGENCY_PLAN: '事故应急预案',
      MANAGEMENT_RULES: '安全管理制度及操作规程',
      CANCELLATION_EVIDENCE: '注销证明材料',
      OTHER: '其他材料',
      NOTICE: '通知书'
    },
    fields: {
      kind: '申请类型',
      hazardSourceId: '重大危险源',
      reason: '注销原因',
      statement: '申请说明',
      registrationNumber: '登记编号',
      note: '说明',
      enterprise: '企业',
      region: '所属区县',
      grade: '级别',
      createdAt: '创建',
      submittedAt: '提交时间',
      documents: '申请材料',
      status: '状态'
    },
    form: {
      title: '新建申请',
      submit: '创建草稿',
      created: '已创建申请草稿，请上传申请材料后提交',
      failed: '创建申请失败',
      forbidden: '无权为该重大危险源提出申请',
      rejected: '申请未通过校验（{n} 处问题）',
      invalid: '取值无效',
      tooLong: '不能超过 {max} 个字符',
      required: {
        kind: '请选择申请类型',
        hazardSourceId: '请选择重大危险源',
        reason: '请选择注销原因',
        statement: '请填写申请说明'
      },
      sourcePlaceholder: '输入危险源名称、编号或企业名称搜索',
      noSources: '没有找到重大危险源',
      sourcesLoadError: '重大危险源加载失败：{msg}',
      reasonPlaceholder: '请选择注销原因',
      statementPlaceholder: {
        REGISTRATION: '如：重大危险源基本情况、辨识分级结论、监测监控措施等（选填，最多 2000 字）',
        CANCELLATION: '如：停产、拆除或重新辨识的情况（选填，最多 2000 字）'
      },
      documentsNeeded: '创建后须上传的材料：',
      documentsAfterReason: '选择注销原因后显示须上传的材料'
    },
    fieldErrors: {
      REQUIRED: '必填',
      TOO_LONG: '内容过长',
      INVALID_VALUE: '取值无效',
      INVALID: '取值无效',
      UNKNOWN: '不存在或不在您的管辖范围内',
      NOT_APPLICABLE: '登记申请不填写注销原因',
      ALREADY_CANCELLED: '该重大危险源已注销',
      NOT_UPLOADABLE: '通知书由系统生成，不能上传',
      MISSING_DOCUMENT: '缺少必需材料',
      OUT_OF_RANGE: '超出允许范围',
      EMPTY: '文件为空',
      TOO_LARGE: '文件过大',
      withDetail: '{text}（{detail}）',
      other: '{field}：{text}'
    },
    detail: {
      title: '申请详情',
      heading: '{kind}申请 · {source}',
      notFound: '申请不存在或不在您的管辖范围内',
      loadError: '申请加载失败：{msg}',
      staleError: '刷新失败，显示的是此前加载的内容：{msg}',
      updated: '更新于 {time}',
      fromLower: '来自下级节点 {node}',
      returnedTitle: '已退回补正，退回原因：',
      noReason: '（未说明原因）',
      returnedHint: '请按退回原因补正材料后重新提交。',
      cancellationNumber: '注销登记编号',
      registeredBy: '{actor} 于 {time} 登记',
      notifiedAt: '通知书送达于 {time}',
      reassessmentDue: '下次安全评估（复评）期限：{time}',
      registrationNotice: '登记通知书',
      cancellationNotice: '注销通知书',
      noticePending: '通知书尚未生成，由登记机关“生成并送达通知书”后在此查看',
      actions: '可办理',
      noActions: '当前没有您可办理的步骤',
      missingTitle: '尚缺 {n} 项必需材料，补齐后方可提交：',
      park: '园区 {code}',
      noStatement: '未填写',
      documents: '申请材料',
      documentsSummary: '必需材料 {n}/{m}',
      timeline: '办理记录'
    },
    documents: {
      upload: '上传',
      uploading: '正在上传 {name}…',
      uploaded: '已上传 {name}',
      uploadFailed: '{name} 上传失败',
      preview: '预览',
      download: '下载',
      downloadFailed: '下载失败：{msg}',
      remove: '删除',
      removeTitle: '删除材料',
      removeMessage: '确定删除“{type}”中的文件“{name}”吗？',
      removed: '已删除 {name}',
      removeFailed: '删除失败：{msg}',
      missing: '缺少',
      requiredPresent: '必需 · 已提交',
      optional: '选填',
      generated: '系统生成',
      noneYet: '暂无文件',
      noneYetRequired: '尚未上传（必需）',
      hint: '每个文件不超过 {max}；可一次选择多个文件。草稿和退回补正状态下可上传、删除材料。',
      problems: {
        empty: '文件为空',
        tooLarge: '文件超过 {max}'
      }
    },
    action: {
      titles: {
        SUBMIT: '提交申请',
        RETURN: '退回补正',
        ACCEPT: '受理申请',
        REGISTER: '登记',
        NOTIFY: '生成并送达通知书',
        WITHDRAW: '撤回申请'
      },
      hints: {
        SUBMIT: '提交后由登记机关审查；审查期间不能修改材料。',
        RETURN: '申请将退回企业补正，退回原因会告知企业。',
        ACCEPT: '受理后进入登记环节。',
        REGISTER: '登记编号可留空，由系统自动编号。',
        NOTIFY: '系统将生成通知书（PDF），作为申请材料送达企业。',
        WITHDRAW: '撤回后申请结束，不能再提交。'
      },
      noteLabels: {
        SUBMIT: '备注（选填）',
        RETURN: '退回原因',
        ACCEPT: '受理意见（选填）',
        REGISTER: '登记意见（选填）',
        NOTIFY: '备注（选填）',
        WITHDRAW: '撤回说明（选填）'
      },
      notePlaceholders: {
        SUBMIT: '需要说明的情况',
        RETURN: '请写明需要补正的材料和问题',
        ACCEPT: '受理意见',
        REGISTER: '登记意见',
        NOTIFY: '备注',
        WITHDRAW: '撤回的原因'
      },
      noteRequired: '请填写退回原因',
      numberPlaceholder: '留空则自动编号',
      numberHint: '登记编号须唯一；留空时由系统按规则自动生成。',
      numberInvalid: '登记编号只能包含文字、数字和 - _ / ( ) 〔 〕 [ ]',
      missingDocuments: '缺少必需材料：{list}',
      refused: '“{action}”未能办理',
      conflict: '申请状态已发生变化，已重新加载',
      done: {
        SUBMIT: '申请已提交',
        RETURN: '已退回补正',
        ACCEPT: '已受理',
        REGISTER: '已登记',
        NOTIFY: '通知书已生成并送达',
        WITHDRAW: '申请已撤回'
      }
    },
    timeline: {
      by: '办理人：{actor}',
      document: '材料变更',
      created: '创建申请',
      empty: '暂无办理记录',
      steps: {
        SUBMIT: '提交申请',
        RETURN: '退回补正',
        ACCEPT: '受理',
        REGISTER: '登记',
        NOTIFY: '送达通知书',
        WITHDRAW: '撤回'
      }
    },
    stats: {
      period: '统计期间（按申请创建时间）',
      periodHint: '不选择则统计全部',
      from: '开始日期',
      to: '结束日期',
      rangeSeparator: '至',
      registered: '已登记的重大危险源',
      registeredShort: '已登记',
      byGrade: '已登记重大危险源按级别',
      noGrade: '未分级',
      byStatus: '申请按状态',
      total: '合计',
      byRegion: '按区域',
      byMonth: '按月份',
      month: '月份',
      submitted: '提交',
      cancelled: '已注销',
      pending: '办理中',
      empty: '暂无数据'
    },
    due: {
      within: '提醒范围',
      days: '{n} 天内',
      hint: '已登记的重大危险源每三年进行一次安全评估',
      count: '共 {n} 处，其中已逾期 {m} 处',
      due: '复评期限',
      overdue: '已逾期',
      overdueBy: '已逾期 {n} 天',
      today: '今天到期',
      inDays: '还有 {n} 天',
      empty: '所选范围内没有到期的复评'
    }
  }
}
