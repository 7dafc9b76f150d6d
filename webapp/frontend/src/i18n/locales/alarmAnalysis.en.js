// English messages of 统计分析 → 报警分析 (alarm analysis, B1-B4): the top-level key alarmAnalysis. The breadcrumb, the
// levels and the industry filter use those of analytics (analytics.en.js).
export default {
  alarmAnalysis: {
    title: 'Alarm analysis',
    subtitle: 'Alarms by area, month, season, hour, industry and point type; process alarms and instrument faults apart; drill down',
    refresh: 'Refresh',
    export: 'Export Excel',
    exportFailed: 'Export failed: {msg}',
    monthlyReport: 'Monthly report PDF',
    monthlyReportHint: 'The monitoring report of {month} (PDF): hazard sources, alarms, accidents and their relation',
    monthlyReportFailed: 'The monthly report failed: {msg}',
    loadError: 'Loading failed: {msg}',
    forbidden: 'This area is outside your scope: {msg}',
    period: 'Months',
    periodStart: 'First month',
    periodEnd: 'Last month',
    rangeSeparator: 'to',
    periodHint: 'Whole months, at most {n}',
    pointType: 'Point type',
    pointTypeAll: 'All types',
    where: '{name} · {from} to {to}',
    upTo: 'Statistics up to {time}',
    upToNone: 'The statistics have not counted yet',
    upToHint: 'The statistics count the alarm table every few seconds, so they may lag a few seconds; today and this hour read the alarm table itself',
    live: 'Today as of {time}, refreshed every 30 s',
    kpi: {
      total: 'Alarms',
      process: 'Process alarms',
      instrument: 'Instrument faults',
      today: 'Today',
      thisHour: 'This hour',
      share: '{p} of all',
      todaySplit: 'process {p} · instrument {i}'
    },
    charts: {
      alarms: 'Alarms',
      month: 'Alarms per month',
      season: 'By season',
      hour: 'By hour of day (0-23)',
      hourLabel: '{h}h',
      hourNote: 'No hours with an industry filter (hours are not kept per industry)',
      pointType: 'By point type',
      pointTypeNote: 'Today: {list}',
      children: 'One level down: {level} (process alarms / instrument faults)',
      childrenHint: 'Click a bar or a row to drill down'
    },
    children: {
      name: 'Name',
      code: 'Code',
      total: 'Alarms',
      process: 'Process',
      instrument: 'Instrument faults',
      none: 'No alarms one level down',
      notDrillable: 'Unregistered enterprise: cannot drill down',
      unknown: 'Unregistered enterprise'
    },
    industries: {
      title: 'By industry',
      hint: 'The line shows the industry’s alarms in months 1-12 (its seasonal pattern); click a code to filter by it',
      code: 'Industry',
      name: 'Name',
      total: 'Alarms',
      process: 'Process',
      instrument: 'Instrument faults',
      share: 'Share',
      seasonal: 'Months 1-12',
      peak: 'Peak month',
      month: 'M{m}',
      unregistered: 'No industry registered',
      filter: 'Filter by this industry',
      none: 'No alarms'
    },
    seasons: {
      SPRING: 'Spring (3-5)',
      SUMMER: 'Summer (6-8)',
      AUTUMN: 'Autumn (9-11)',
      WINTER: 'Winter (12-2)'
    },
    pointTypes: {
      LEVEL: 'Level',
      TEMPERATURE: 'Temperature',
      PRESSURE: 'Pressure',
      FLOW: 'Flow',
      COMBUSTIBLE_GAS: 'Combustible gas',
      TOXIC_GAS: 'Toxic gas',
      OTHER: 'Other'
    },
    categories: {
      PROCESS: 'Process alarms',
      INSTRUMENT: 'Instrument faults'
    },
    kinds: {
      LOW_LOW: 'Low-low',
      LOW: 'Low',
      HIGH: 'High',
      HIGH_HIGH: 'High-high',
      RATE_OF_CHANGE: 'Rate of change',
      FAULT: 'Instrument fault'
    },
    device: {
      label: 'Instrument',
      placeholder: 'Point id, e.g. B-GT201',
      open: 'Look up',
      title: 'Alarms of instrument {id}',
      loading: 'Looking up…',
      notFound: 'No point "{id}", or it is outside your scope',
      loadError: 'Lookup failed: {msg}',
      name: 'Name',
      type: 'Type',
      enterprise: 'Enterprise',
      period: 'Months',
      total: 'Alarms',
      byKind: 'By alarm kind',
      byHour: 'By hour of day',
      bySeason: 'By season',
      close: 'Close'
    }
  }
}
