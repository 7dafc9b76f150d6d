// English messages of 统计分析 → 事故关联分析 (alarm-to-accident relation, B5): the top-level key accidentRelations.
// The breadcrumb, the levels and the industry filter use those of analytics (analytics.en.js), the point types and alarm
// kinds those of alarmAnalysis (alarmAnalysis.en.js).
export default {
  accidentRelations: {
    title: 'Alarm–accident relation',
    subtitle: 'Alarms before accidents: accidents per 1,000 alarms (conversion rate) by alarm kind, point type, industry and area, and the association rules "alarm items ⇒ accident"',
    refresh: 'Refresh',
    export: 'Export Excel',
    exportFailed: 'Export failed: {msg}',
    loadError: 'Loading failed: {msg}',
    forbidden: 'This area is outside your scope: {msg}',
    period: 'Months',
    periodStart: 'First month',
    periodEnd: 'Last month',
    rangeSeparator: 'to',
    periodHint: 'Whole months, at most {n}',
    hours: 'Alarms in the',
    hoursUnit: 'hours before',
    hoursHint: 'How many hours before an accident the alarms of the same enterprise are looked for (1-720)',
    where: '{name} · {from} to {to} · {hours} h before each accident',
    kpi: {
      accidents: 'Accidents',
      accidentsUnit: '',
      withAlarms: 'With alarms before',
      withAlarmsNote: '{p} of the accidents',
      alarms: 'Alarms',
      alarmsUnit: '',
      per1000: 'Accidents per 1,000 alarms',
      per1000Note: 'Conversion rate: accidents ÷ alarms × 1000',
      none: '—'
    },
    method: {
      title: 'Method and limits',
      show: 'Show',
      hide: 'Hide',
      rate: 'Conversion rate = accidents per 1,000 alarms.',
      kindType:
        'By alarm kind and point type: an accident counts for a kind (type) when at least one alarm of that kind (type) was raised at the same enterprise in the {hours} hours before it (one accident may count for several); the alarms are all alarms of that kind (type).',
      industryRegion: 'By industry and area: the accidents and the alarms of that industry or area.',
      rules:
        'Association rules "alarm items ⇒ accident": a transaction is one enterprise-day (China time) with at least one alarm, at an enterprise that has monitoring, over the period; an item is the "point type·kind" of an alarm raised that day; the transaction of an accident holds the items of the alarms in the {hours} hours before it. Support = accidents with the items ÷ transactions; confidence = accidents with the items ÷ enterprise-days with the items; lift = confidence ÷ base rate (accidents ÷ transactions). Only itemsets of one or two items that preceded at least {min} accidents are shown, sorted by lift.',
      limitsTitle: 'Limits',
      limits: {
        few: 'Few accidents make the numbers unstable: each rule shows the accidents it rests on; be careful with rules of few accidents.',
        causation: 'Association is not causation: alarms seen before accidents neither caused them nor necessarily predict them.',
        days: 'Day transactions only approximate the window before an accident.',
        missing: 'Alarms of enterprises without monitoring, and from before monitoring started, are missing: accidents without any alarm data lower the conversion rates.',
        shelved: 'Shelved and suppressed alarms are counted as raised.',
        baseline: 'The base rate depends on the period chosen: lifts of different periods do not compare directly.'
      }
    },
    charts: {
      kind: 'By alarm kind',
      kindNote: 'Accidents with an alarm of the kind at the same enterprise in the {hours} h before, per 1,000 alarms of the kind',
      pointType: 'By point type',
      pointTypeNote: 'Accidents with an alarm of the point type at the same enterprise in the {hours} h before, per 1,000 alarms of the type',
      industry: 'By industry',
      industryNote: 'The accidents of an industry per 1,000 of its alarms; no bar without alarms',
      per1000: 'Accidents per 1,000 alarms',
      per1000Axis: 'per 1,000',
      tooltipRate: '{rate} accidents per 1,000 alarms',
      tooltipCounts: '{accidents} accidents · {alarms} alarms',
      empty: 'No data'
    },
    regions: {
      title: 'By {level}',
      hint: 'Click a bar or a row to drill down',
      accidents: 'Accidents',
      alarms: 'Alarms',
      per1000: 'Per 1,000 alarms',
      none: 'No accidents one level down',
      notDrillable: 'Unregistered enterprise, cannot drill down',
      unknown: 'Unregistered enterprise'
    },
    industries: {
      unregistered: 'No industry registered'
    },
    rules: {
      title: 'Alarm items ⇒ accident (association rules)',
      summary: '{transactions} enterprise-days, {accidentTransactions} of them with an accident, base rate {baseRate}; itemsets that preceded at least {min} accidents, by lift',
      items: 'Alarms before',
      accidents: 'Accidents',
      accidentsHint: 'The accidents the rule rests on: the fewer, the less stable',
      windows: 'Enterprise-days',
      windowsHint: 'Enterprise-days with these alarms',
      support: 'Support',
      confidence: 'Confidence',
      lift: 'Lift',
      liftHint: 'Lift above 1: enterprise-days with these alarms had accidents more often than the base rate',
      none: 'No itemset preceded at least {min} accidents',
      then: '⇒ accident'
    },
    empty: {
      title: 'No accidents in the period',
      text: 'Accidents are registered under Safety → Accidents (entered by hand or imported from Excel); once they are, this page relates them to the alarms before them.',
      link: 'Open the accident register'
    },
    pointTypes: {
      GAS: 'Combustible gas',
      CAMERA: 'Video'
    }
  }
}
