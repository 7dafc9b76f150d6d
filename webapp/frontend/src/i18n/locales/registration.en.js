// English messages of 重大危险源登记 / registration and cancellation of major hazard sources (F1-F3): the top-level key
// registrations.
export default {
  registrations: {
    title: 'Hazard source registration',
    subtitle: 'Applications for registering and cancelling major hazard sources: review, registration, notice',
    refresh: 'Refresh',
    new: 'New application',
    open: 'Open',
    cancel: 'Cancel',
    listSeparator: '; ',
    total: '{n} in total',
    empty: 'No applications match',
    noTodo: 'Nothing awaits you',
    loadError: 'Loading failed: {msg}',
    tabs: {
      list: 'Applications',
      todo: 'To do',
      stats: 'Statistics',
      due: 'Re-assessments'
    },
    filters: {
      kind: 'Kind',
      status: 'Status',
      region: 'Region'
    },
    columns: {
      kind: 'Kind',
      source: 'Major hazard source',
      enterprise: 'Enterprise',
      region: 'Region',
      status: 'Status',
      number: 'Registration no.',
      created: 'Created',
      submitted: 'Submitted',
      todo: 'To do',
      updated: 'Updated'
    },
    kinds: {
      REGISTRATION: 'Registration',
      CANCELLATION: 'Cancellation'
    },
    statuses: {
      DRAFT: 'Draft',
      SUBMITTED: 'Submitted',
      RETURNED: 'Returned for correction',
      ACCEPTED: 'Accepted',
      REGISTERED: 'Registered',
      NOTIFIED: 'Notified',
      WITHDRAWN: 'Withdrawn'
    },
    actions: {
      SUBMIT: 'Submit',
      RETURN: 'Return for correction',
      ACCEPT: 'Accept',
      REGISTER: 'Register',
      NOTIFY: 'Generate and send the notice',
      WITHDRAW: 'Withdraw'
    },
    reasons: {
      NO_LONGER_MAJOR: 'No longer a major hazard source after re-identification',
      CLOSED: 'Installation shut down or demolished',
      ENTERPRISE_CLOSED: 'Enterprise closed or moved',
      OTHER: 'Other'
    },
    documentTypes: {
      IDENTIFICATION_REPORT: 'Identification and grading report',
      SAFETY_EVALUATION: 'Safety assessment report',
      MONITORING_MEASURES: 'Monitoring system and safety measures',
      EMERGENCY_PLAN: 'Emergency plan',
      MANAGEMENT_RULES: 'Safety rules and operating procedures',
      CANCELLATION_EVIDENCE: 'Evidence for the cancellation',
      OTHER: 'Other documents',
      NOTICE: 'Notice'
    },
    fields: {
      kind: 'Kind',
      hazardSourceId: 'Major hazard source',
      reason: 'Reason for the cancellation',
      statement: 'Statement',
      registrationNumber: 'Registration number',
      note: 'Note',
      enterprise: 'Enterprise',
      region: 'County',
      grade: 'Grade',
      createdAt: 'Created',
      submittedAt: 'Submitted',
      documents: 'Documents',
      status: 'Status'
    },
    form: {
      title: 'New application',
      submit: 'Create draft',
      created: 'Draft created: add the documents, then submit it',
      failed: 'The application could not be created',
      forbidden: 'You may not apply for this hazard source',
      rejected: 'The application was refused ({n} problem(s))',
      invalid: 'Invalid value',
      tooLong: 'At most {max} characters',
      required: {
        kind: 'Choose the kind',
        hazardSourceId: 'Choose the major hazard source',
        reason: 'Choose the reason',
        statement: 'Enter the statement'
      },
      sourcePlaceholder: 'Search by name or code of the source, or by enterprise',
      noSources: 'No hazard source found',
      sourcesLoadError: 'Hazard sources could not be loaded: {msg}',
      reasonPlaceholder: 'Choose the reason',
      statementPlaceholder: {
        REGISTRATION: 'E.g. the source, the identification and grading, the monitoring in place (optional, up to 2000 characters)',
        CANCELLATION: 'E.g. the shut-down, demolition or re-identification (optional, up to 2000 characters)'
      },
      documentsNeeded: 'To be uploaded once created:',
      documentsAfterReason: 'The documents needed follow from the reason'
    },
    fieldErrors: {
      REQUIRED: 'Required',
      TOO_LONG: 'Too long',
      INVALID_VALUE: 'Invalid value',
      INVALID: 'Invalid value',
      UNKNOWN: 'Unknown, or outside your scope',
      NOT_APPLICABLE: 'A registration has no cancellation reason',
      ALREADY_CANCELLED: 'This source is cancelled already',
      NOT_UPLOADABLE: 'The notice is generated, not uploaded',
      MISSING_DOCUMENT: 'Required document missing',
      OUT_OF_RANGE: 'Out of range',
      EMPTY: 'The file is empty',
      TOO_LARGE: 'The file is too large',
      withDetail: '{text} ({detail})',
      other: '{field}: {text}'
    },
    detail: {
      title: 'Application',
      heading: '{kind} · {source}',
      notFound: 'The application does not exist or is outside your scope',
      loadError: 'The application could not be loaded: {msg}',
      staleError: 'Refresh failed; showing what was loaded before: {msg}',
      updated: 'Updated {time}',
      fromLower: 'From the lower node {node}',
      returnedTitle: 'Returned for correction. Reason:',
      noReason: '(no reason given)',
      returnedHint: 'Correct the documents as asked, then submit again.',
      cancellationNumber: 'Cancellation number',
      registeredBy: 'Registered by {actor} on {time}',
      notifiedAt: 'Notice sent on {time}',
      reassessmentDue: 'Next safety re-assessment due: {time}',
      registrationNotice: 'Registration notice',
      cancellationNotice: 'Cancellation notice',
      noticePending: 'No notice yet: it appears here once the registrar generates and sends it',
      actions: 'Steps',
      noActions: 'No step is yours to take now',
      missingTitle: '{n} required document type(s) missing; add them before submitting:',
      park: 'Park {code}',
      noStatement: 'None',
      documents: 'Documents',
      documentsSummary: 'Required {n}/{m}',
      timeline: 'History'
    },
    documents: {
      upload: 'Upload',
      uploading: 'Uploading {name}…',
      uploaded: '{name} uploaded',
      uploadFailed: '{name} was not uploaded',
      preview: 'Preview',
      download: 'Download',
      downloadFailed: 'Download failed: {msg}',
      remove: 'Remove',
      removeTitle: 'Remove the document',
      removeMessage: 'Remove the file "{name}" from "{type}"?',
      removed: '{name} removed',
      removeFailed: 'Removal failed: {msg}',
      missing: 'Missing',
      requiredPresent: 'Required · present',
      optional: 'Optional',
      generated: 'Generated',
      noneYet: 'No file yet',
      noneYetRequired: 'Not uploaded yet (required)',
      hint: 'At most {max} per file; several files may be chosen at once. Documents can be changed while the application is a draft or returned.',
      problems: {
        empty: 'The file is empty',
        tooLarge: 'The file exceeds {max}'
      }
    },
    action: {
      titles: {
        SUBMIT: 'Submit the application',
        RETURN: 'Return for correction',
        ACCEPT: 'Accept the application',
        REGISTER: 'Register',
        NOTIFY: 'Generate and send the notice',
        WITHDRAW: 'Withdraw the application'
      },
      hints: {
        SUBMIT: 'The registrar reviews it next; the documents cannot be changed meanwhile.',
        RETURN: 'The application goes back to the enterprise, which is told the reason.',
        ACCEPT: 'Once accepted, it can be registered.',
        REGISTER: 'Leave the number empty to have one assigned.',
        NOTIFY: 'A notice (PDF) is generated and added to the application for the enterprise.',
        WITHDRAW: 'A withdrawn application ends; it cannot be submitted again.'
      },
      noteLabels: {
        SUBMIT: 'Note (optional)',
        RETURN: 'Reason',
        ACCEPT: 'Remark (optional)',
        REGISTER: 'Remark (optional)',
        NOTIFY: 'Note (optional)',
        WITHDRAW: 'Why (optional)'
      },
      notePlaceholders: {
        SUBMIT: 'Anything the registrar should know',
        RETURN: 'Which documents must be corrected, and why',
        ACCEPT: 'Remark',
        REGISTER: 'Remark',
        NOTIFY: 'Note',
        WITHDRAW: 'Why the application is withdrawn'
      },
      noteRequired: 'Enter the reason',
      numberPlaceholder: 'Empty: assigned automatically',
      numberHint: 'Registration numbers are unique; an empty one is assigned by the system.',
      numberInvalid: 'Letters, digits and - _ / ( ) 〔 〕 [ ] only',
      missingDocuments: 'Required documents missing: {list}',
      refused: '"{action}" was refused',
      conflict: 'The application changed meanwhile; reloaded',
      done: {
        SUBMIT: 'Application submitted',
        RETURN: 'Returned for correction',
        ACCEPT: 'Accepted',
        REGISTER: 'Registered',
        NOTIFY: 'Notice generated and sent',
        WITHDRAW: 'Application withdrawn'
      }
    },
    timeline: {
      by: 'by {actor}',
      document: 'Documents changed',
      created: 'Application started',
      empty: 'Nothing yet',
      steps: {
        SUBMIT: 'Submitted',
        RETURN: 'Returned for correction',
        ACCEPT: 'Accepted',
        REGISTER: 'Registered',
        NOTIFY: 'Notice sent',
        WITHDRAW: 'Withdrawn'
      }
    },
    stats: {
      period: 'Period (by creation of the application)',
      periodHint: 'Empty: all time',
      from: 'From',
      to: 'To',
      rangeSeparator: 'to',
      registered: 'Registered major hazard sources',
      registeredShort: 'Registered',
      byGrade: 'Registered sources by grade',
      noGrade: 'Not graded',
      byStatus: 'Applications by status',
      total: 'Total',
      byRegion: 'By region',
      byMonth: 'By month',
      month: 'Month',
      submitted: 'Submitted',
      cancelled: 'Cancelled',
      pending: 'Under way',
      empty: 'No data'
    },
    due: {
      within: 'Due within',
      days: '{n} days',
      hint: 'Registered major hazard sources are re-assessed every three years',
      count: '{n} due, {m} overdue',
      due: 'Due',
      overdue: 'Overdue',
      overdueBy: 'Overdue by {n} day(s)',
      today: 'Due today',
      inDays: 'In {n} day(s)',
      empty: 'No re-assessment due in this period'
    }
  }
}
