// English UI messages.
export default {
  app: {
    name: 'HazardWatch',
    title: 'HazardWatch major hazard source monitoring',
    subtitle: 'major hazard source monitoring',
    loginSubtitle: 'Online monitoring and early warning of major hazard sources of hazardous chemicals'
  },
  nav: {
    monitor: 'Live monitoring',
    trend: 'Trends',
    alarms: 'Alarms',
    grading: 'Grading',
    enterprises: 'Enterprises'
  },
  header: {
    language: 'Language',
    user: 'Signed in as',
    logout: 'Log out',
    logoutDone: 'Logged out',
    userMenu: 'User menu',
    changePassword: 'Change password'
  },
  health: {
    label: 'System status',
    badge: 'System status: {status}',
    UP: 'Operational',
    DEGRADED: 'Degraded',
    DOWN: 'Down',
    UNKNOWN: 'Unknown',
    unreachable: 'Server unreachable',
    components: 'Components',
    checkedAt: 'Checked at',
    component: {
      database: 'Database',
      broker: 'Message broker',
      adapter: 'Acquisition adapter'
    }
  },
  common: {
    networkError: 'Cannot reach the server. Check the network or try again later.',
    timeout: 'Request timed out',
    httpError: 'Server error (HTTP {status})',
    noValue: '—',
    loading: 'Loading…',
    lastRefresh: 'Last refresh',
    refreshFailed: 'Refresh failed',
    never: 'Not refreshed yet',
    all: 'All',
    back: 'Back'
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    submit: 'Log in',
    submitting: 'Logging in…',
    failed: 'Login failed',
    badCredentials: 'Wrong username or password',
    sessionExpired: 'Your session has expired. Please log in again.',
    footer: 'Authorized personnel only. All actions are logged.'
  },
  changePassword: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    repeat: 'Repeat new password',
    currentPlaceholder: 'Enter your current password',
    newPlaceholder: 'At least {min} characters, must not contain the username',
    repeatPlaceholder: 'Enter the new password again',
    currentRequired: 'Please enter your current password',
    newRequired: 'Please enter a new password',
    repeatRequired: 'Please repeat the new password',
    tooShort: 'The new password must be at least {min} characters long',
    mismatch: 'The two new passwords do not match',
    unchanged: 'The new password must differ from the current one',
    containsUsername: 'The new password must not contain the username',
    wrongCurrent: 'The current password is wrong',
    submit: 'Change password',
    submitting: 'Submitting…',
    cancel: 'Cancel',
    failed: 'Password change failed',
    done: 'Password changed. Please log in again.'
  },
  monitor: {
    title: 'Live monitoring',
    summary: {
      points: 'Points',
      areas: 'Areas',
      activeAlarms: 'Active alarms',
      badQuality: 'Bad data'
    },
    search: 'Search point name or ID',
    onlyAbnormal: 'Alarms / out of limit only',
    loadError: 'Live data refresh failed: {msg}',
    staleHint: 'Showing the last data received successfully',
    noPoints: 'No monitoring points configured',
    noMatch: 'No points match the filter',
    unassignedArea: 'Unassigned',
    pointCount: '{n} point | {n} points',
    alarmCount: '{n} alarm | {n} alarms',
    alarmNormal: 'Normal',
    outOfLimit: 'Out of limit',
    limitLow: 'Low',
    limitHigh: 'High',
    range: 'Range',
    quality: 'Quality',
    updatedAt: 'Updated',
    activeAlarms: 'Active alarms',
    since: 'since',
    viewTrend: 'Click to view the trend',
    hazardSource: 'Hazard source'
  },
  trend: {
    title: 'Trends',
    point: 'Point',
    selectPoint: 'Select a point',
    choosePrompt: 'Select a monitoring point to view its trend',
    range: 'Time range',
    ranges: {
      '10m': 'Last 10 min',
      '1h': 'Last 1 h',
      '6h': 'Last 6 h',
      '24h': 'Last 24 h'
    },
    value: 'Value',
    alarmHigh: 'High alarm limit',
    alarmLow: 'Low alarm limit',
    current: 'Current',
    min: 'Min',
    max: 'Max',
    avg: 'Average',
    samples: 'Samples',
    noData: 'No history in the selected time range',
    loadError: 'Failed to load history: {msg}',
    pointsError: 'Failed to load points: {msg}',
    notFound: 'Point {id} does not exist',
    live: 'Updates every 5 s',
    area: 'Area',
    type: 'Type',
    limits: 'Alarm limits',
    time: 'Time'
  },
  alarms: {
    title: 'Alarms',
    stateFilter: 'State',
    pointFilter: 'Point',
    allPoints: 'All points',
    total: '{n} records (at most 200 shown)',
    empty: 'No alarms',
    loadError: 'Alarm refresh failed: {msg}',
    columns: {
      id: 'ID',
      point: 'Point',
      kind: 'Kind',
      state: 'State',
      priority: 'Priority',
      value: 'Value',
      limit: 'Limit',
      raisedAt: 'Raised at',
      clearedAt: 'Cleared at'
    }
  },
  grading: {
    title: 'Major hazard source grading calculator',
    subtitle: 'Identifies a major hazard source of hazardous chemicals per GB 18218 and computes the grading index R and the grade',
    disclaimer: 'For reference only; the text of the standard and the authorities\' decision prevail',
    edition: 'Standard',
    editions: {
      e2018: 'GB 18218-2018',
      e2009: 'GB 18218-2009'
    },
    people: 'Exposed people',
    peopleUnit: 'people',
    peopleHint: 'Residents outside the plant within 500 m of its boundary; sets the correction factor α',
    substances: 'Hazardous chemicals',
    tableHint: 'Give the name as written in Table 1 (Chinese) or the CAS number, or both. Substances not in Table 1 need their hazard categories (Table 2 symbols). Where several Table 1 rows share a CAS number or name (e.g. nitrocellulose), give the Table 1 row.',
    columns: {
      index: '#',
      name: 'Name',
      cas: 'CAS No.',
      tableRow: 'Table 1 row',
      categories: 'Hazard categories',
      tonnes: 'Design max. (t)',
      mixture: 'Mixture',
      actions: 'Actions'
    },
    placeholders: {
      name: 'Table 1 name, e.g. 氯',
      cas: 'e.g. 7782-50-5',
      tableRow: 'optional',
      categories: 'symbols, e.g. W2, J3',
      tonnes: 'tonnes'
    },
    mixture: {
      none: 'Pure substance',
      AS_PURE_SUBSTANCE: 'Mixture, same class as pure substance',
      NEW_HAZARD_CLASS: 'Mixture, new hazard class'
    },
    addRow: 'Add substance',
    removeRow: 'Remove this row',
    loadExample: 'Load example',
    clear: 'Clear',
    calculate: 'Calculate',
    calculating: 'Calculating…',
    validation: {
      title: 'Please check the input',
      summary: '{n} input(s) need correcting (marked in red)',
      peopleRequired: 'Enter the number of exposed people',
      peopleInvalid: 'Exposed people must be a whole number of at least 0',
      tonnesRequired: 'Enter the design maximum quantity',
      tonnesPositive: 'The quantity must be greater than 0',
      tableRowInvalid: 'The Table 1 row must be a whole number from 1',
      identRequired: 'Enter the name or the CAS number',
      categoriesRequired: 'A new hazard class needs hazard categories',
      noSubstances: 'Add at least one hazardous chemical'
    },
    errors: {
      failed: 'Calculation failed',
      row: 'row {n}',
      UNKNOWN_SUBSTANCE: {
        title: 'Unknown substance',
        hint: 'Not in Table 1: check the name and CAS number, or give its hazard categories (Table 2 symbols)'
      },
      MISSING_QUANTITY: {
        title: 'Missing quantity',
        hint: 'Enter the design maximum quantity in tonnes'
      },
      INVALID_VALUE: {
        title: 'Invalid value',
        hint: 'Check the quantity, the CAS check digit, the Table 1 row and the hazard symbols'
      },
      MISSING_IDENTIFICATION: {
        title: 'Substance not identified',
        hint: 'Enter the name, the CAS number or the Table 1 row'
      },
      NAME_CAS_MISMATCH: {
        title: 'Name and CAS do not match',
        hint: 'The name and the CAS number (or Table 1 row) point to different Table 1 substances'
      },
      AMBIGUOUS_TABLE_ROW: {
        title: 'Table 1 row needed',
        hint: 'Several Table 1 rows match this substance: pick one in "Table 1 row"'
      },
      MISSING_CLASSIFICATION: {
        title: 'Hazard category missing',
        hint: 'β cannot be determined: the substance is not in Table 3, give its hazard categories'
      },
      INVALID_REQUEST: {
        title: 'Invalid request',
        hint: 'Check the number of exposed people and the list of substances'
      }
    },
    result: {
      title: 'Result',
      major: 'Major hazard source',
      notMajor: 'Not a major hazard source',
      grades: {
        g1: 'Grade 1',
        g2: 'Grade 2',
        g3: 'Grade 3',
        g4: 'Grade 4'
      },
      gradeLegend: 'Grade 1: R≥100; grade 2: 50≤R<100; grade 3: 10≤R<50; grade 4: R<10',
      stale: 'The input has changed since this result was computed. Calculate again.',
      s: 'Identification index S',
      sFormula: 'S = Σ q/Q; S ≥ 1 means a major hazard source',
      r: 'Grading index R',
      rFormula: 'R = α · Σ β·q/Q',
      rNotApplicable: 'Not a major hazard source, no grade',
      alpha: 'Correction factor α',
      alphaPeople: 'Exposed people: {n}',
      source: 'Source',
      lines: 'Line by line',
      columns: {
        index: '#',
        substance: 'Substance',
        q: 'q (t)',
        Q: 'Q (t)',
        qSource: 'Source of Q',
        ratio: 'q/Q',
        beta: 'β',
        betaSource: 'Source of β',
        weighted: 'β·q/Q',
        notes: 'Notes'
      },
      total: 'Total S',
      working: 'Full working',
      copy: 'Copy',
      copied: 'Working copied',
      copyFailed: 'Copy failed; select the text manually'
    },
    categories2018: {
      k_J1: 'Acute toxicity cat. 1, gases',
      k_J2: 'Acute toxicity cat. 1, solids and liquids',
      k_J3: 'Acute toxicity cat. 2 and 3, gases',
      k_J4: 'Acute toxicity cat. 2 and 3, inhalation, liquids (bp ≤ 35 °C)',
      k_J5: 'Acute toxicity cat. 2, liquids (other than J4) and solids',
      k_W1_1: 'Explosives: unstable; division 1.1',
      k_W1_2: 'Explosives: divisions 1.2, 1.3, 1.5, 1.6',
      k_W1_3: 'Explosives: division 1.4',
      k_W2: 'Flammable gases cat. 1 and 2',
      k_W3: 'Aerosols cat. 1 and 2 (net weight)',
      k_W4: 'Oxidizing gases cat. 1',
      k_W5_1: 'Flammable liquids cat. 1; cat. 2 and 3 above boiling point',
      k_W5_2: 'Flammable liquids cat. 2 and 3 under special process conditions',
      k_W5_3: 'Other flammable liquids cat. 2',
      k_W5_4: 'Other flammable liquids cat. 3',
      k_W6_1: 'Self-reactive substances and mixtures, types A and B',
      k_W6_2: 'Self-reactive substances and mixtures, types C, D, E',
      k_W7_1: 'Organic peroxides, types A and B',
      k_W7_2: 'Organic peroxides, types C, D, E, F',
      k_W8: 'Pyrophoric liquids and solids cat. 1',
      k_W9_1: 'Oxidizing solids and liquids cat. 1',
      k_W9_2: 'Oxidizing solids and liquids cat. 2 and 3',
      k_W10: 'Flammable solids cat. 1',
      k_W11: 'Substances emitting flammable gases with water, cat. 1 and 2'
    },
    categories2009: {
      k_1_1A: 'Explosives, division 1.1A',
      k_1_1: 'Explosives, other division 1.1',
      k_1_2_1_6: 'Explosives other than division 1.1',
      k_2_1: 'Flammable gases (division 2.1)',
      k_2_2_OX: 'Oxidizing gases (2.2, subsidiary hazard class 5)',
      k_2_3_T1: 'Highly toxic gases (2.3, acute toxicity cat. 1)',
      k_2_3: 'Other toxic gases (2.3)',
      k_3_EF: 'Extremely flammable liquids',
      k_3_HF: 'Highly flammable liquids (flash point < 23 °C)',
      k_3_F: 'Flammable liquids (23 °C ≤ flash point < 61 °C)',
      k_4_1_I: 'Flammable solids (4.1, packing group I)',
      k_4_2_I_II: 'Spontaneously combustible (4.2, packing group I or II)',
      k_4_3_I_II: 'Dangerous when wet (4.3, packing group I or II)',
      k_5_1_I: 'Oxidizing substances (5.1, packing group I)',
      k_5_1_II_III: 'Oxidizing substances (5.1, packing group II or III)',
      k_5_2: 'Organic peroxides (5.2)',
      k_6_1_T1: 'Toxic substances (6.1, acute toxicity cat. 1)',
      k_6_1_T2: 'Toxic substances (6.1, acute toxicity cat. 2)'
    }
  },
  enterprises: {
    title: 'Enterprise registry',
    subtitle: 'Hazardous chemical enterprises by administrative region and chemical park',
    regions: 'Regions',
    allRegions: 'All regions',
    countTitle: 'Enterprises registered in this region',
    regionsError: 'Could not load the regions: {msg}',
    retry: 'Retry',
    noRegions: 'No regions',
    search: 'Search by name or USCC',
    add: 'Add enterprise',
    total: 'Total: {n}',
    empty: 'No enterprises registered',
    noMatch: 'No enterprise matches the search',
    loadError: 'Could not load the enterprises: {msg}',
    columns: {
      name: 'Name',
      uscc: 'USCC',
      region: 'Region',
      industryGroup: 'Industry group',
      status: 'Status',
      contact: 'Contact'
    },
    fields: {
      id: 'ID',
      uscc: 'Unified social credit code (USCC)',
      name: 'Name',
      region: 'Region',
      park: 'Chemical park',
      industryCode: 'Industry code',
      industryGroup: 'Industry group',
      address: 'Address',
      longitude: 'Longitude',
      latitude: 'Latitude',
      coordinates: 'Longitude, latitude',
      contactName: 'Contact person',
      contactPhone: 'Contact phone',
      status: 'Status',
      createdAt: 'Registered',
      updatedAt: 'Updated'
    },
    placeholders: {
      uscc: '18 characters, e.g. 91370281MA3C5XKT0E',
      name: 'Full name as on the business licence',
      region: 'Province / city / county',
      park: 'Optional: a chemical park of the region',
      parkFirst: 'Choose the region first',
      noPark: 'No chemical park in this region',
      industryCode: 'GB/T 4754 code, e.g. 2614',
      industryGroup: 'Choose the industry group',
      address: 'Street address',
      longitude: '-180 to 180',
      latitude: '-90 to 90',
      contactPhone: 'e.g. 0532-12345678'
    },
    hints: {
      uscc: 'Letters are turned into capitals; the code never uses I, O, S, V or Z'
    },
    validation: {
      usccRequired: 'Enter the unified social credit code',
      usccLength: 'The USCC has {len} characters ({n} entered)',
      usccCharacter: 'Invalid characters: {chars} (digits and capital letters except I, O, S, V, Z)',
      nameRequired: 'Enter the name',
      regionRequired: 'Choose the region',
      industryGroupRequired: 'Choose the industry group',
      statusRequired: 'Choose the status',
      notNumber: 'Enter a number',
      range: 'Must be between {min} and {max}',
      longitudeMissing: 'Enter the longitude together with the latitude',
      latitudeMissing: 'Enter the latitude together with the longitude',
      industryCode: 'The industry code has 2 to 4 digits (GB/T 4754 division, group or class)',
      contactPhone: 'Phone numbers have 5 to 40 characters: digits, spaces and + ( ) -'
    },
    fieldErrors: {
      REQUIRED: 'Required',
      TOO_LONG: 'Too long',
      USCC_LENGTH: 'The USCC must have 18 characters',
      USCC_CHARACTER: 'The USCC contains invalid characters',
      USCC_CHECK: 'Wrong check character',
      USCC_DUPLICATE: 'This USCC is already registered',
      UNKNOWN_REGION: 'Unknown region',
      UNKNOWN_PARK: 'Unknown chemical park, or not in the chosen region',
      OUT_OF_RANGE: 'Out of range',
      INVALID_VALUE: 'Invalid value',
      withDetail: '{text} ({detail})',
      other: '{field}: {text}',
      separator: '; '
    },
    form: {
      createTitle: 'Add enterprise',
      editTitle: 'Edit enterprise',
      submit: 'Save',
      submitting: 'Saving…',
      cancel: 'Cancel',
      rejected: 'The server rejected {n} field(s); please correct the marked input',
      failed: 'Saving failed',
      created: 'Enterprise registered',
      updated: 'Enterprise saved',
      regionsLoadError: 'Could not load the regions: {msg}',
      parksLoadError: 'Could not load the chemical parks: {msg}',
      discardTitle: 'Discard changes',
      discardMessage: 'There are unsaved changes. Discard them?',
      discard: 'Discard',
      keepEditing: 'Keep editing'
    },
    detail: {
      title: 'Enterprise details',
      edit: 'Edit',
      loadError: 'Could not load the enterprise: {msg}',
      notFound: 'This enterprise no longer exists'
    }
  },
  enums: {
    pointType: {
      LEVEL: 'Level',
      TEMPERATURE: 'Temperature',
      PRESSURE: 'Pressure',
      FLOW: 'Flow',
      COMBUSTIBLE_GAS: 'Combustible gas',
      TOXIC_GAS: 'Toxic gas',
      OTHER: 'Other'
    },
    quality: {
      GOOD: 'Good',
      UNCERTAIN: 'Uncertain',
      BAD: 'Bad'
    },
    alarmKind: {
      HIGH: 'HIGH',
      LOW: 'LOW'
    },
    alarmState: {
      ACTIVE: 'Active',
      CLEARED: 'Cleared'
    },
    priority: {
      HIGH: 'High',
      MEDIUM: 'Medium',
      LOW: 'Low'
    },
    industryGroup: {
      FINE_CHEMICALS: 'Fine chemicals',
      PETROCHEMICALS: 'Petrochemicals',
      COAL_CHEMICALS: 'Coal chemicals',
      OTHER: 'Other'
    },
    enterpriseStatus: {
      OPERATING: 'Operating',
      SUSPENDED: 'Suspended',
      CLOSED: 'Closed'
    },
    regionLevel: {
      PROVINCE: 'Province',
      CITY: 'City',
      COUNTY: 'County',
      PARK: 'Park'
    }
  }
}
