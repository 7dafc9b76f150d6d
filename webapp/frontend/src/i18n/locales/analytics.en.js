// English messages of 统计分析 / analytics (hazard source analysis, A1-A5): the top-level key analytics.
export default {
  analytics: {
    title: 'Hazard source analysis',
    subtitle: 'Major hazard sources by grade, the accident types they may cause and their potential death toll; drill down, year by year',
    refresh: 'Refresh',
    export: 'Export Excel',
    exportFailed: 'Export failed: {msg}',
    loadError: 'Loading failed: {msg}',
    forbidden: 'This area is outside your scope: {msg}',
    asOf: 'As of',
    asOfHint: 'A past day shows the registry as it stood then',
    industry: 'Industry',
    industryPlaceholder: 'e.g. 26; all when empty',
    industryInvalid: 'A GB/T 4754 industry code or its first digits, e.g. 26',
    breadcrumb: {
      label: 'Area',
      nation: 'China',
      scope: 'My scope'
    },
    where: '{name} · as of {date}',
    nextLevel: 'One level down: {level}',
    noLevel: 'Enterprise (nothing below)',
    levels: {
      PROVINCE: 'provinces',
      CITY: 'cities',
      COUNTY: 'counties',
      ENTERPRISE: 'enterprises'
    },
    kpi: {
      total: 'Major hazard sources',
      accidents: 'Accidents {year}',
      deaths: 'Deaths',
      injuries: 'Injuries',
      ungraded: '{n} without a grade'
    },
    grades: {
      1: 'Grade 1',
      2: 'Grade 2',
      3: 'Grade 3',
      4: 'Grade 4',
      none: 'No grade'
    },
    types: {
      FIRE: 'Fire',
      EXPLOSION: 'Explosion',
      POISONING: 'Poisoning'
    },
    tolls: {
      UNDER_10: '0-9',
      FROM_10_TO_29: '10-29',
      FROM_30_TO_99: '30-99',
      FROM_100: '100 or more',
      UNKNOWN: 'Unknown'
    },
    accidentTolls: {
      UNDER_10: '0-9 deaths',
      FROM_10_TO_29: '10-29 deaths',
      FROM_30_TO_99: '30-99 deaths',
      FROM_100: '100 or more deaths'
    },
    charts: {
      sources: 'Major hazard sources',
      grade: 'By grade',
      types: 'Accident types they may cause',
      typesNote: 'A source may cause several types and counts under each: the shares may add up to more than 100 %',
      tolls: 'Potential death toll',
      tollsNote: 'As estimated when the source was identified; sources not assessed count as Unknown',
      children: 'The {level} (by grade)',
      childrenHint: 'Click a bar or a row to drill down'
    },
    children: {
      name: 'Name',
      code: 'Code',
      total: 'Sources',
      accidents: 'Accidents',
      deaths: 'Deaths',
      injuries: 'Injuries',
      none: 'No hazard source or accident one level down',
      notDrillable: 'An unregistered enterprise: nothing to drill into'
    },
    trend: {
      title: 'Year by year',
      hint: 'The registry at each year\'s end (today for this year); accidents by the year they happened',
      from: 'From',
      to: 'To',
      rangeSeparator: 'to',
      total: 'Major hazard sources (year end)',
      gradeShares: 'Grade shares (%)',
      typeShares: 'Accident type shares (%)',
      accidents: 'Accidents by death toll',
      loadError: 'The trend could not be loaded: {msg}'
    }
  }
}
