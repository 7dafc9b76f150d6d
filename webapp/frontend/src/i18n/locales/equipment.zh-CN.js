// Simplified Chinese messages of 设备检验 / equipment under periodic inspection (E2): the top-level key equipment.
export default {
  equipment: {
    title: '设备检验',
    subtitle: '特种设备及安全附件定期检验：到期提醒、检验记录与证书',
    refresh: '刷新',
    register: '登记设备',
    open: '查看',
    cancel: '取消',
    listSeparator: '；',
    count: '共 {n} 台（套）',
    empty: '尚未登记需定期检验的设备',
    emptyFiltered: '没有符合条件的设备',
    emptyNotVisible: '设备检验信息仅对企业本身及其所在化工园区开放',
    notVisibleTitle: '设备检验信息仅对企业及其所在园区开放',
    notVisible: '按照要求，特种设备及安全附件的定期检验信息只对企业本身和所在化工园区的管理机构开放，区县及以上监管部门不查看。',
    loadError: '加载失败：{msg}',
    summary: {
      total: '在用设备',
      ok: '正常',
      due: '30 天内到期',
      overdue: '已逾期',
      outOfService: '停用（检验不合格）'
    },
    filters: {
      state: '状态',
      kind: '设备类别',
      hint: '默认不含已报废设备'
    },
    kinds: {
      PRESSURE_VESSEL: '压力容器',
      PRESSURE_PIPING: '压力管道',
      SAFETY_VALVE: '安全阀',
      GAS_DETECTOR: '气体检测器',
      PRESSURE_GAUGE: '压力表',
      LIGHTNING_PROTECTION: '防雷防静电',
      LIFTING: '起重机械',
      OTHER: '其他'
    },
    rules: {
      PRESSURE_VESSEL: '按 TSG 21，定期检验周期不超过 {n} 个月（安全状况等级 1～2 级）',
      PRESSURE_PIPING: '按 TSG D7005，定期检验周期不超过 {n} 个月（GC1/GC2）',
      SAFETY_VALVE: '按 TSG ZF001，安全阀每 {n} 个月至少校验一次',
      GAS_DETECTOR: '按 JJG 693 / JJG 915，检定周期 {n} 个月',
      PRESSURE_GAUGE: '按 JJG 52，检定周期 {n} 个月',
      LIGHTNING_PROTECTION: '按 GB/T 32937，爆炸危险场所每 {n} 个月检测一次',
      LIFTING: '按 TSG Q7015，定期检验周期 {n} 个月',
      OTHER: '默认周期 {n} 个月'
    },
    states: {
      OK: '正常',
      DUE: '即将到期',
      OVERDUE: '已逾期',
      OUT_OF_SERVICE: '停用（检验不合格）',
      RETIRED: '已报废'
    },
    results: {
      PASS: '合格',
      CONDITIONAL: '基本合格',
      FAIL: '不合格'
    },
    due: {
      overdueBy: '已逾期 {n} 天',
      today: '今天到期',
      inDays: '还有 {n} 天'
    },
    fields: {
      uscc: '企业',
      tag: '设备位号',
      name: '设备名称',
      kind: '设备类别',
      hazardSourceCode: '重大危险源编码',
      registrationCode: '使用登记证编号',
      intervalMonths: '检验周期',
      firstDue: '首次检验到期日',
      nextDue: '下次检验',
      state: '状态',
      park: '所在园区'
    },
    form: {
      title: '登记设备',
      submit: '登记',
      created: '设备 {tag} 已登记',
      failed: '登记设备失败',
      forbidden: '只有企业本单位人员可以维护本企业的设备',
      rejected: '设备未通过校验（{n} 处问题）',
      invalid: '取值无效',
      tooLong: '不能超过 {max} 个字符',
      optional: '选填',
      required: {
        uscc: '请选择企业',
        tag: '请填写设备位号',
        name: '请填写设备名称',
        kind: '请选择设备类别'
      },
      tagPlaceholder: '如 PSV-101',
      tagInvalid: '位号只能包含文字、数字和 - _ / .',
      namePlaceholder: '如 1#储罐安全阀',
      kindPlaceholder: '请选择设备类别',
      ruleShort: '{n} 个月',
      months: '个月',
      interval: {
        invalid: '检验周期须为整数个月',
        range: '检验周期须在 {min}～{top} 个月之间',
        longerThanRule: '检验周期不能长于规定的 {max} 个月，只能缩短'
      },
      firstDuePlaceholder: '默认今天',
      firstDueHint: '不填写则为今天（即尚未在本系统记录过检验，应尽快检验）。'
    },
    detail: {
      title: '设备详情',
      heading: '{tag} · {name}',
      notFound: '设备不存在或不在您的查看范围内',
      loadError: '设备加载失败：{msg}',
      every: '每 {n} 个月',
      retired: '已报废，不再纳入检验计划',
      outOfService: '最近一次检验不合格，设备已停用，应立即检修并重新检验。',
      records: '检验记录',
      noRecords: '尚无检验记录',
      recordedBy: '{actor} 于 {time} 记录'
    },
    inspect: {
      title: '记录检验',
      submit: '保存检验记录',
      failed: '检验记录未能保存',
      rejected: '检验记录未通过校验（{n} 处问题）',
      conflict: '设备已报废，不能再记录检验',
      fields: {
        inspectedOn: '检验日期',
        agency: '检验机构',
        result: '检验结论',
        certificateNumber: '证书（报告）编号',
        validUntil: '有效期至',
        note: '备注',
        failNote: '不合格情况'
      },
      required: {
        inspectedOn: '请选择检验日期',
        agency: '请填写检验机构',
        result: '请选择检验结论',
        note: '检验不合格须说明不合格情况'
      },
      problems: {
        invalid: '日期无效',
        future: '检验日期不能晚于今天（{today}）',
        beforeInspection: '有效期不能早于检验日期',
        beyondInterval: '有效期不能超过检验周期，最晚 {date}'
      },
      agencyPlaceholder: '如：青岛市特种设备检验研究院',
      validUntilPlaceholder: '默认 {date}',
      notePlaceholder: '选填',
      failNotePlaceholder: '不合格的项目和情况',
      failHint: '检验不合格：设备将停用并立即到期，系统会通知企业和所在园区。',
      outcome: '保存后：',
      nextDue: '下次检验',
      done: {
        PASS: '检验记录已保存',
        CONDITIONAL: '检验记录已保存（基本合格）',
        FAIL: '检验不合格已记录，设备已停用'
      }
    },
    certificate: {
      column: '检验证书',
      title: '检验证书 · {name}',
      upload: '上传证书',
      uploaded: '证书 {name} 已上传',
      preview: '预览',
      download: '下载',
      downloadFailed: '下载失败：{msg}',
      none: '未上传',
      hint: '每条检验记录可上传一次证书（PDF 或图片，不超过 {max}），文件的 SHA-256 随证书保存。',
      problems: {
        empty: '文件为空',
        tooLarge: '文件超过 {max}'
      }
    },
    retire: {
      title: '报废',
      submit: '报废',
      hint: '设备 {tag}（{name}）将移出检验计划，检验记录保留。',
      placeholder: '报废或拆除的原因',
      required: '请填写原因',
      failed: '未能报废',
      done: '设备 {tag} 已报废'
    },
    fieldErrors: {
      REQUIRED: '必填',
      TOO_LONG: '内容过长',
      INVALID: '取值无效',
      DUPLICATE: '该企业已有此位号的设备',
      UNKNOWN: '不存在或不在您的管辖范围内',
      OUT_OF_RANGE: '超出允许范围',
      LONGER_THAN_RULE: '检验周期不能长于规定周期',
      IN_FUTURE: '不能晚于今天',
      FORMAT: '日期格式应为 2026-12-31',
      withDetail: '{text}（{detail}）',
      other: '{field}：{text}'
    }
  }
}
