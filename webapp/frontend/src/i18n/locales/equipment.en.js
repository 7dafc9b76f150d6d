// English messages of 设备检验 / equipment under periodic inspection (E2): the top-level key equipment.
export default {
  equipment: {
    title: 'Equipment inspection',
    subtitle: 'Periodic inspection of special equipment and safety accessories',
    refresh: 'Refresh',
    register: 'Register equipment',
    open: 'Open',
    cancel: 'Cancel',
    listSeparator: '; ',
    count: '{n} piece(s)',
    empty: 'No equipment under periodic inspection registered yet',
    emptyFiltered: 'No equipment matches',
    emptyNotVisible: 'Equipment inspection is visible to the enterprise and its chemical park only',
    notVisibleTitle: 'Visible to the enterprise and its park only',
    notVisible: 'As required, the periodic inspection of special equipment and safety accessories is open to the enterprise itself and the management of its chemical park only; regulators of a county or above do not see it.',
    loadError: 'Loading failed: {msg}',
    summary: {
      total: 'In service',
      ok: 'OK',
      due: 'Due within 30 days',
      overdue: 'Overdue',
      outOfService: 'Out of service (failed)'
    },
    filters: {
      state: 'State',
      kind: 'Kind',
      hint: 'Retired equipment is left out unless chosen'
    },
    kinds: {
      PRESSURE_VESSEL: 'Pressure vessel',
      PRESSURE_PIPING: 'Pressure piping',
      SAFETY_VALVE: 'Safety valve',
      GAS_DETECTOR: 'Gas detector',
      PRESSURE_GAUGE: 'Pressure gauge',
      LIGHTNING_PROTECTION: 'Lightning & static protection',
      LIFTING: 'Lifting equipment',
      OTHER: 'Other'
    },
    rules: {
      PRESSURE_VESSEL: 'TSG 21: inspected at least every {n} months (safety class 1-2)',
      PRESSURE_PIPING: 'TSG D7005: inspected at least every {n} months (GC1/GC2)',
      SAFETY_VALVE: 'TSG ZF001: set pressure checked at least every {n} months',
      GAS_DETECTOR: 'JJG 693 / JJG 915: verified every {n} months',
      PRESSURE_GAUGE: 'JJG 52: verified every {n} months',
      LIGHTNING_PROTECTION: 'GB/T 32937: tested every {n} months in explosion hazard areas',
      LIFTING: 'TSG Q7015: inspected every {n} months',
      OTHER: 'Every {n} months by default'
    },
    states: {
      OK: 'OK',
      DUE: 'Due soon',
      OVERDUE: 'Overdue',
      OUT_OF_SERVICE: 'Out of service (failed)',
      RETIRED: 'Retired'
    },
    results: {
      PASS: 'Pass',
      CONDITIONAL: 'Conditional pass',
      FAIL: 'Fail'
    },
    due: {
      overdueBy: 'Overdue by {n} day(s)',
      today: 'Due today',
      inDays: 'In {n} day(s)'
    },
    fields: {
      uscc: 'Enterprise',
      tag: 'Tag',
      name: 'Name',
      kind: 'Kind',
      hazardSourceCode: 'Hazard source code',
      registrationCode: 'Use registration number',
      intervalMonths: 'Interval',
      firstDue: 'First due',
      nextDue: 'Next due',
      state: 'State',
      park: 'Park'
    },
    form: {
      title: 'Register equipment',
      submit: 'Register',
      created: 'Equipment {tag} registered',
      failed: 'The equipment could not be registered',
      forbidden: "Only the enterprise's own people keep its equipment",
      rejected: 'The equipment was refused ({n} problem(s))',
      invalid: 'Invalid value',
      tooLong: 'At most {max} characters',
      optional: 'Optional',
      required: {
        uscc: 'Choose the enterprise',
        tag: 'Give the tag',
        name: 'Give the name',
        kind: 'Choose the kind'
      },
      tagPlaceholder: 'e.g. PSV-101',
      tagInvalid: 'Letters, digits and - _ / . only',
      namePlaceholder: 'e.g. Safety valve of tank 1',
      kindPlaceholder: 'Choose the kind',
      ruleShort: '{n} months',
      months: 'months',
      interval: {
        invalid: 'A whole number of months',
        range: 'From {min} to {top} months',
        longerThanRule: 'Not longer than the rule’s {max} months; it may only be shorter'
      },
      firstDuePlaceholder: 'Today by default',
      firstDueHint: 'Empty: today (never inspected here, so due at once).'
    },
    detail: {
      title: 'Equipment',
      heading: '{tag} · {name}',
      notFound: 'The equipment does not exist or is not visible to you',
      loadError: 'The equipment could not be loaded: {msg}',
      every: 'every {n} months',
      retired: 'Retired, out of the inspection plan',
      outOfService: 'The last inspection failed: the equipment is out of service until it is repaired and inspected again.',
      records: 'Inspections',
      noRecords: 'No inspections recorded yet',
      recordedBy: 'recorded by {actor} at {time}'
    },
    inspect: {
      title: 'Record inspection',
      submit: 'Save inspection',
      failed: 'The inspection could not be saved',
      rejected: 'The inspection was refused ({n} problem(s))',
      conflict: 'The equipment is retired; no more inspections',
      fields: {
        inspectedOn: 'Inspected on',
        agency: 'Agency',
        result: 'Result',
        certificateNumber: 'Certificate number',
        validUntil: 'Valid until',
        note: 'Note',
        failNote: 'What failed'
      },
      required: {
        inspectedOn: 'Choose the day',
        agency: 'Name the agency',
        result: 'Choose the result',
        note: 'A failed inspection says what failed'
      },
      problems: {
        invalid: 'Invalid date',
        future: 'Not after today ({today})',
        beforeInspection: 'Not before the inspection',
        beyondInterval: 'Not beyond the interval: {date} at the latest'
      },
      agencyPlaceholder: 'e.g. Qingdao Special Equipment Inspection Institute',
      validUntilPlaceholder: 'Default {date}',
      notePlaceholder: 'Optional',
      failNotePlaceholder: 'What failed and how',
      failHint: 'A failed inspection puts the equipment out of service and due at once; the enterprise and its park are told.',
      outcome: 'After saving:',
      nextDue: 'next due',
      done: {
        PASS: 'Inspection saved',
        CONDITIONAL: 'Inspection saved (conditional pass)',
        FAIL: 'Failed inspection recorded; the equipment is out of service'
      }
    },
    certificate: {
      column: 'Certificate',
      title: 'Certificate · {name}',
      upload: 'Upload certificate',
      uploaded: 'Certificate {name} uploaded',
      preview: 'Preview',
      download: 'Download',
      downloadFailed: 'Download failed: {msg}',
      none: 'None',
      hint: 'One certificate per inspection (PDF or image, up to {max}), kept with its SHA-256.',
      problems: {
        empty: 'The file is empty',
        tooLarge: 'The file is larger than {max}'
      }
    },
    retire: {
      title: 'Retire',
      submit: 'Retire',
      hint: '{tag} ({name}) leaves the inspection plan; its records are kept.',
      placeholder: 'Why it is scrapped or removed',
      required: 'Give the reason',
      failed: 'The equipment could not be retired',
      done: 'Equipment {tag} retired'
    },
    fieldErrors: {
      REQUIRED: 'Required',
      TOO_LONG: 'Too long',
      INVALID: 'Invalid value',
      DUPLICATE: 'The enterprise has equipment with this tag already',
      UNKNOWN: 'Unknown or outside your scope',
      OUT_OF_RANGE: 'Out of range',
      LONGER_THAN_RULE: 'Longer than the rule allows',
      IN_FUTURE: 'Not after today',
      FORMAT: 'A date such as 2026-12-31',
      withDetail: '{text} ({detail})',
      other: '{field}: {text}'
    }
  }
}
