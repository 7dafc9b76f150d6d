// English messages of 监控大屏 (the wall screen of the monitoring centre): the top-level key wall.
export default {
  wall: {
    title: '{area} · Major hazard sources of hazardous chemicals',
    nation: 'China',
    weekdays: { 0: 'Sunday', 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday' },
    updated: 'Updated {time}',
    never: 'Connecting…',
    refreshEvery: 'Every 15 s, the map every 30 s',
    lost: 'Connection lost',
    lostHint: 'Showing the data of {time}; retrying by itself',
    failed: 'The wall screen cannot be read: {msg}',
    retry: 'Retry',
    fullscreen: 'Full screen',
    exitFullscreen: 'Leave full screen',
    exit: 'Exit wall screen',
    kpi: {
      enterprises: 'Enterprises',
      hazardSources: 'Major hazard sources',
      alarmsToday: 'Alarms today',
      alarmsThisHour: 'Alarms this hour',
      activeAlarms: 'Active alarms',
      predictions: 'Predictive warnings',
      accidents: 'Accidents this year',
      online: 'Points online',
      split: 'Process {p} · instrument {i}',
      casualties: '{d} dead · {i} injured',
      onlineOf: 'of {n} · {rate} online',
      sourcesNote: 'Grade 1: {g1} · grade 2: {g2}',
      enterprisesNote: '{n} at red risk',
      predictionsNote: 'Trends about to cross a limit'
    },
    panels: {
      grades: 'Hazard sources by grade',
      risk: 'Enterprises by risk level',
      hours: 'Alarms today by hour',
      worst: 'Enterprises at highest risk',
      map: 'One map',
      mapStale: 'Map not updated'
    },
    charts: {
      enterprises: 'Enterprises',
      process: 'Process alarms',
      instrument: 'Instrument faults'
    },
    grades: {
      1: 'Grade 1',
      2: 'Grade 2',
      3: 'Grade 3',
      4: 'Grade 4'
    },
    risk: {
      RED: 'Red',
      ORANGE: 'Orange',
      YELLOW: 'Yellow',
      BLUE: 'Blue'
    },
    worst: {
      score: 'Risk score',
      active: '{n} active alarms',
      none: 'No risk data'
    },
    enterprise: {
      title: 'Enterprise',
      risk: 'Risk level',
      score: 'Risk score',
      active: 'Active alarms',
      open: 'Open in early warning',
      close: 'Close'
    }
  }
}
