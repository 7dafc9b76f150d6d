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
    alarms: 'Alarms'
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
    }
  }
}
