// English messages of 隐患排查治理 / hidden-danger investigation and governance (E1): the top-level key hiddenDangers.
export default {
  hiddenDangers: {
    title: 'Hidden dangers',
    subtitle: 'Investigation, rectification and acceptance',
    refresh: 'Refresh',
    new: 'Record hidden danger',
    open: 'Open',
    cancel: 'Cancel',
    listSeparator: '; ',
    total: '{n} in all',
    empty: 'No hidden dangers match',
    noTodo: 'Nothing awaits you',
    loadError: 'Loading failed: {msg}',
    tabs: {
      list: 'Register',
      todo: 'To do',
      inspections: 'Investigations',
      stats: 'Statistics'
    },
    filters: {
      status: 'Status',
      level: 'Level',
      overdue: 'Overdue only',
      inspection: 'Found in investigation #{id}'
    },
    columns: {
      level: 'Level',
      location: 'Location',
      enterprise: 'Enterprise',
      category: 'Category',
      status: 'Status',
      deadline: 'Deadline',
      found: 'Found',
      todo: 'To do'
    },
    statuses: {
      FOUND: 'Recorded',
      RECTIFYING: 'Rectifying',
      AWAITING_ACCEPTANCE: 'Awaiting acceptance',
      CLOSED: 'Closed'
    },
    levels: {
      GENERAL: 'General',
      MAJOR: 'Major'
    },
    categories: {
      EQUIPMENT: 'Equipment',
      PROCESS: 'Process',
      ELECTRICAL: 'Electrical',
      FIRE: 'Fire protection',
      STORAGE: 'Storage',
      MANAGEMENT: 'Safety management',
      OPERATION: 'Operations',
      OTHER: 'Other'
    },
    actions: {
      ASSIGN: 'Arrange rectification',
      NOTICE: 'Issue rectification notice',
      REPORT: 'Report rectification',
      ACCEPT: 'Accept and close',
      REJECT: 'Reject'
    },
    stages: {
      FINDING: 'Photos as found',
      EVIDENCE: 'Rectification evidence',
      OTHER: 'Other'
    },
    inspectionKinds: {
      SELF: 'Self-investigation',
      SUPERVISION: 'Supervision'
    },
    inspectionStatuses: {
      PLANNED: 'Planned',
      DONE: 'Done'
    },
    fields: {
      enterprise: 'Enterprise',
      region: 'County',
      hazardSourceCode: 'Hazard source code',
      inspection: 'Investigation',
      inspectionId: 'Investigation',
      level: 'Level',
      category: 'Category',
      location: 'Location',
      description: 'Description',
      foundAt: 'Found by / at',
      responsible: 'Responsible',
      deadline: 'Deadline',
      noticeNumber: 'Rectification notice number',
      note: 'Note',
      rectification: 'Rectification',
      reportedAt: 'Reported by / at',
      closedAt: 'Accepted by / closed at',
      uscc: 'Enterprise',
      attachments: 'Rectification evidence',
      governance: 'Governance project',
      percent: 'Progress',
      foundAtTime: 'Found at'
    },
    form: {
      title: 'Record hidden danger',
      submit: 'Record',
      created: 'Hidden danger recorded; add photos and arrange its rectification in its detail',
      failed: 'The hidden danger could not be recorded',
      forbidden: 'You may not record hidden dangers of this enterprise',
      rejected: 'The hidden danger was refused ({n} problem(s))',
      invalid: 'Invalid value',
      tooLong: 'At most {max} characters',
      required: {
        uscc: 'Choose the enterprise',
        level: 'Choose the level',
        category: 'Choose the category',
        location: 'Say where it is',
        description: 'Describe it'
      },
      categoryPlaceholder: 'Choose the category',
      sourcePlaceholder: 'Choose or type a hazard source code (optional)',
      noSources: 'No hazard sources to choose; type the code',
      inspectionPlaceholder: 'The investigation that found it (optional)',
      inspectionAfterEnterprise: 'Choose the enterprise first',
      noInspections: 'The enterprise has no investigations',
      inspectionsLoadError: 'The investigations could not be loaded: {msg}',
      locationPlaceholder: 'e.g. tank farm A, breather valve on top of tank 1',
      descriptionPlaceholder: 'What it is and what it could lead to',
      majorHint: 'A major hidden danger is reported to the county or park, which issues the rectification notice and accepts it.',
      photoHint: 'Photos can be added in the hidden danger’s detail once it is recorded.'
    },
    inspectionForm: {
      title: 'Plan an investigation',
      submit: 'Plan',
      created: 'Investigation planned',
      failed: 'The investigation could not be planned',
      forbidden: 'You may not plan this kind of investigation',
      fields: {
        uscc: 'Enterprise',
        kind: 'Kind',
        title: 'Title',
        checklist: 'Checklist',
        inspector: 'Inspector',
        plannedAt: 'Planned at'
      },
      required: {
        uscc: 'Choose the enterprise',
        kind: 'Choose the kind',
        title: 'Give it a title',
        inspector: 'Name the inspector',
        plannedAt: 'Choose when'
      },
      kindHints: {
        SELF: "The enterprise's own investigation.",
        SUPERVISION: "The county's or park's supervision; the enterprise is told of the plan."
      },
      titlePlaceholder: 'e.g. Tank farm investigation, December 2026',
      checklistPlaceholder: 'One item per line, e.g.\nTank level gauges and high-level alarms work\nSafety valves within their inspection period',
      itemCount: '{n} item(s) (at most {max})',
      tooManyItems: 'At most {max} items',
      itemTooLong: 'At most {max} characters per item',
      plannedAtPlaceholder: 'Choose date and time',
      now: 'Now'
    },
    inspections: {
      plan: 'Plan investigation',
      count: '{n} investigation(s)',
      empty: 'No investigations',
      checklist: 'Checklist of {n} item(s)',
      result: 'Result: {text}',
      recordDanger: 'Record hidden danger',
      complete: 'Complete',
      completeTitle: 'Complete the investigation',
      completed: 'Investigation completed',
      completeFailed: 'The investigation could not be completed',
      foundSoFar: 'Hidden dangers recorded: {n}',
      resultPlaceholder: 'What was checked and found',
      resultRequired: 'Give the result',
      columns: {
        title: 'Investigation',
        kind: 'Kind',
        inspector: 'Inspector',
        plannedAt: 'Planned at',
        status: 'Status',
        dangers: 'Hidden dangers'
      }
    },
    detail: {
      title: 'Hidden danger',
      heading: '{level} · {location}',
      notFound: 'The hidden danger does not exist or is outside your scope',
      loadError: 'The hidden danger could not be loaded: {msg}',
      staleError: 'Refreshing failed; shown as loaded before: {msg}',
      updated: 'Updated {time}',
      notice: 'Rectification notice',
      noticeIssuedBy: 'Issued by {org}',
      responsible: 'Responsible: {name}',
      actions: 'Steps',
      noActions: 'No step is yours now',
      park: 'park {code}',
      inspectionNumber: 'Investigation #{id}',
      noInspection: 'Found in daily work',
      governance: 'Governance project of the major hidden danger',
      files: 'Photos and files',
      timeline: 'History'
    },
    deadline: {
      placeholder: 'Choose the deadline',
      inDays: '{n} days',
      overdue: 'Overdue',
      overdueBy: 'Overdue by {n} day(s)',
      today: 'Due today',
      left: '{n} day(s) left'
    },
    action: {
      titles: {
        ASSIGN: 'Arrange rectification',
        NOTICE: 'Issue rectification notice',
        REPORT: 'Report rectification',
        ACCEPT: 'Accept and close',
        REJECT: 'Reject the rectification'
      },
      hints: {
        ASSIGN: 'Name who rectifies it and by when; it is then being rectified.',
        NOTICE: 'A major hidden danger is put under a numbered rectification notice, with who rectifies it and by when.',
        REPORT: 'Report the rectification for acceptance: it needs rectification evidence, and for a major hidden danger the governance project at 100 %.',
        ACCEPT: 'Accepted, the hidden danger is closed.',
        REJECT: 'Not accepted, it goes back to rectification; the enterprise is told why.'
      },
      noteLabels: {
        ASSIGN: 'Requirements (optional)',
        NOTICE: 'Requirements (optional)',
        REPORT: 'What was done',
        ACCEPT: 'Remark (optional)',
        REJECT: 'Why it is not accepted'
      },
      notePlaceholders: {
        ASSIGN: 'What must be rectified and how',
        NOTICE: 'The requirements of the notice',
        REPORT: 'The measures taken and how far they got',
        ACCEPT: 'Remark',
        REJECT: 'What is not acceptable and what is required'
      },
      noteRequired: {
        REPORT: 'Say what was done',
        REJECT: 'Say why it is not accepted'
      },
      required: {
        responsible: 'Name who rectifies it',
        deadline: 'Choose the deadline',
        noticeNumber: 'A major hidden danger needs the notice number'
      },
      deadlinePast: 'The deadline must lie in the future',
      noticePlaceholder: 'e.g. JZ-Rect-2026-12',
      responsiblePlaceholder: 'Name of the person responsible',
      missingTitle: 'Before reporting:',
      missing: {
        evidence: 'add at least one piece of rectification evidence (photo or file)',
        governance: 'bring the governance project of the major hidden danger to 100 %'
      },
      refused: '“{action}” was refused',
      conflict: 'The hidden danger changed meanwhile and was reloaded',
      done: {
        ASSIGN: 'Rectification arranged',
        NOTICE: 'Rectification notice issued',
        REPORT: 'Rectification reported, awaiting acceptance',
        ACCEPT: 'Accepted and closed',
        REJECT: 'Sent back to rectification'
      }
    },
    governance: {
      fields: {
        measures: 'Measures',
        funds: 'Funds',
        responsible: 'Responsible',
        deadline: 'Complete by',
        percent: 'Progress'
      },
      required: {
        measures: 'Describe the measures',
        funds: 'Give the funds',
        responsible: 'Name who is responsible',
        deadline: 'Choose by when'
      },
      funds: {
        invalid: 'A number, e.g. 12.5',
        negative: 'Not below 0',
        decimals: 'At most two decimals',
        tooLarge: 'Too large'
      },
      fundsValue: '{n} × 10,000 yuan',
      fundsUnit: '×10,000 yuan',
      fundsPlaceholder: 'e.g. 35.50',
      measuresPlaceholder: 'Targets, methods, safety measures and emergency arrangements',
      needed: 'A major hidden danger needs a governance project (measures, funds, responsible, deadline), at 100 % before it is reported.',
      none: 'No governance project yet',
      complete: 'Complete',
      edit: 'Change',
      save: 'Save project',
      saved: 'Governance project saved',
      failed: 'The governance project could not be saved',
      conflict: 'The hidden danger moved on; its project is fixed now',
      updated: 'Updated by {actor} at {time}',
      progressTitle: 'Progress',
      progressNote: 'Progress note',
      progressNotePlaceholder: 'What was done in this stage (optional)',
      forwardOnly: 'Progress only goes forward (now {n} %)',
      saveProgress: 'Save progress',
      progressSaved: 'Progress is now {n} %',
      progressFailed: 'The progress could not be saved',
      progressProblems: {
        required: 'Give the progress',
        invalid: 'A whole number',
        range: 'From 0 to 100',
        backward: 'Progress cannot go back'
      }
    },
    files: {
      count: '{n} file(s)',
      upload: 'Upload',
      uploading: 'Uploading {name}…',
      uploaded: '{name} uploaded',
      uploadFailed: '{name} could not be uploaded',
      preview: 'Preview',
      download: 'Download',
      downloadFailed: 'Download failed: {msg}',
      none: 'No files',
      hint: 'Up to {max} per file, several at a time; each is kept with its SHA-256. No files once closed, no new evidence while awaiting acceptance.',
      problems: {
        empty: 'The file is empty',
        tooLarge: 'The file is larger than {max}'
      }
    },
    timeline: {
      by: 'by {actor}',
      created: 'Recorded',
      change: 'Project and files',
      empty: 'No history yet',
      steps: {
        ASSIGN: 'Rectification arranged',
        REPORT: 'Rectification reported',
        ACCEPT: 'Accepted and closed',
        REJECT: 'Rejected'
      }
    },
    fieldErrors: {
      REQUIRED: 'Required',
      TOO_LONG: 'Too long',
      INVALID: 'Invalid value',
      UNKNOWN: 'Unknown or outside your scope',
      IN_PAST: 'Must lie in the future',
      IN_FUTURE: 'Cannot lie in the future',
      OUT_OF_RANGE: 'Out of range',
      MISSING: 'Not set yet',
      EVIDENCE_REQUIRED: 'Add rectification evidence first',
      NOT_COMPLETE: 'The governance project of a major hidden danger must be at 100 %',
      EMPTY: 'The file is empty',
      TOO_LARGE: 'The file is too large',
      percent_OUT_OF_RANGE: 'Progress only goes forward, up to 100 %',
      governance_MISSING: 'Set the governance project first',
      other: '{field}: {text}'
    },
    stats: {
      period: 'Closed in',
      periodHint: 'the last month when none is chosen',
      from: 'From',
      to: 'To',
      rangeSeparator: 'to',
      open: 'Open hidden dangers',
      majorOpen: 'Open major ones',
      overdue: 'Overdue',
      closed: 'Closed in the period',
      byLevel: 'Open by level',
      byCategory: 'Open by category',
      byRegion: 'By county',
      openShort: 'Open',
      majorShort: 'Major',
      overdueShort: 'Overdue',
      closedShort: 'Closed',
      empty: 'No data'
    }
  }
}
