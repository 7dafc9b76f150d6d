import { request, ApiError } from './http.js'

// Authentication calls live in auth.js; these stay importable from here for the existing pages.
export { login, logout, changePassword } from './auth.js'

/** Health is public; a DOWN/DEGRADED status may come with a 503 whose body is still a health report. */
export async function getHealth() {
  try {
    return await request('/health', { auth: false, timeout: 8000 })
  } catch (err) {
    if (err instanceof ApiError && err.body && typeof err.body === 'object' && err.body.status) {
      return err.body
    }
    throw err
  }
}

export function getPoints() {
  return request('/points')
}

/**
 * History of a point: {pointId, samples: [{timestamp, value, quality: GOOD|UNCERTAIN|BAD, qualityReason}]}, where
 * qualityReason is null or why the sample is not GOOD (SOURCE_BAD, SOURCE_UNCERTAIN, NOT_A_NUMBER, OUT_OF_RANGE, SPIKE,
 * FROZEN, FUTURE_TIMESTAMP, STALE_TIMESTAMP).
 */
export function getPointHistory(pointId, from, to) {
  return request(`/points/${encodeURIComponent(pointId)}/history`, {
    query: { from: from.toISOString(), to: to.toISOString() },
    timeout: 30000
  })
}

// ---- alarms (ISA-18.2 alarm engine) --------------------------------------------------------------------

function listParam(value) {
  if (Array.isArray(value)) return value.length ? value.join(',') : undefined
  return value || undefined
}

/** The search filters of GET /api/alarms (and of the export) as query parameters. */
function alarmQuery({ state, pointId, enterprise, hazardSource, kind, category, priority, from, to } = {}) {
  return {
    state: listParam(state),
    pointId: pointId || undefined,
    enterprise: enterprise || undefined,
    hazardSource: hazardSource || undefined,
    kind: listParam(kind),
    category: category || undefined,
    priority: listParam(priority),
    from: from instanceof Date ? from.toISOString() : from || undefined,
    to: to instanceof Date ? to.toISOString() : to || undefined
  }
}

/**
 * One page of alarm occurrences, newest first (raisedAt): {total, page, size, items: [AlarmView]}.
 * state: 'OPEN' (every state but NORMAL) or a list of UNACKED_ACTIVE|ACKED_ACTIVE|UNACKED_RETURNED|NORMAL;
 * kind: list of LOW_LOW|LOW|HIGH|HIGH_HIGH|RATE_OF_CHANGE|FAULT; category PROCESS|INSTRUMENT; from/to Date or ISO;
 * page 0-based, size at most 1000.
 */
export function getAlarms({ page = 0, size = 50, ...filters } = {}) {
  return request('/alarms', { query: { ...alarmQuery(filters), page, size } })
}

/** One occurrence with its journal: {alarm: AlarmView, history: [AlarmEvent]}. 404 for an unknown id. */
export function getAlarm(id) {
  return request(`/alarms/${encodeURIComponent(id)}`)
}

/** Acknowledges an occurrence: the updated AlarmView. 409 {status, message} when already acknowledged or over. */
export function acknowledgeAlarm(id, comment) {
  return request(`/alarms/${encodeURIComponent(id)}/ack`, { method: 'POST', body: { comment: comment || null } })
}

/** Acknowledges several occurrences: [{id, acknowledged, error, alarm}], one refusal does not stop the others. */
export function acknowledgeAlarms(ids, comment) {
  return request('/alarms/ack', { method: 'POST', body: { ids, comment: comment || null }, timeout: 30000 })
}

/** Shelves an occurrence for 1..10080 minutes with a reason: the updated AlarmView. 400 bad input, 409 when over. */
export function shelveAlarm(id, minutes, reason) {
  return request(`/alarms/${encodeURIComponent(id)}/shelve`, { method: 'POST', body: { minutes, reason } })
}

/** Ends the shelving of an occurrence: the updated AlarmView. 409 when it is not shelved. */
export function unshelveAlarm(id) {
  return request(`/alarms/${encodeURIComponent(id)}/unshelve`, { method: 'POST' })
}

/** Export of the occurrences matching the filters (no paging): resolves to {blob, fileName, contentType}. */
export function exportAlarms({ format = 'xlsx', ...filters } = {}) {
  return request('/alarms/export', {
    query: { ...alarmQuery(filters), format },
    responseType: 'blob',
    timeout: 120000
  })
}

// ---- alarm settings (indicator management) -------------------------------------------------------------

/**
 * A point's alarm settings and the GB/T 50493-2019 findings: {pointId, settings, findings}. settings = {lowLow, low,
 * high, highHigh, rateOfChange (each null or {value, priority}), rateWindowSeconds, deadband, delayOnSeconds,
 * delayOffSeconds, mode, modeReason, substance, isDefault, updatedAt, updatedBy}.
 */
export function getAlarmDefinition(pointId) {
  return request(`/points/${encodeURIComponent(pointId)}/alarm-definition`)
}

/**
 * Replaces a point's alarm settings (body = settings + {reason}); same answer as getAlarmDefinition. Refusals: 400
 * {status, code: 'VALIDATION', message, fieldErrors: [{field, code, message}]}.
 */
export function saveAlarmDefinition(pointId, body) {
  return request(`/points/${encodeURIComponent(pointId)}/alarm-definition`, { method: 'PUT', body })
}

/** Puts a point's alarm settings back to the defaults; same answer as getAlarmDefinition. */
export function resetAlarmDefinition(pointId, reason) {
  return request(`/points/${encodeURIComponent(pointId)}/alarm-definition`, { method: 'DELETE', query: { reason } })
}

/** Changes of alarm settings, newest first: [{id, pointId, field, oldValue, newValue, changedAt, changedBy, reason}]. */
export function getAlarmDefinitionChanges({ pointId, limit } = {}) {
  return request('/alarm-definitions/changes', { query: { pointId, limit } })
}

/** GB/T 50493-2019 findings of every point: [{pointId, severity: VIOLATION|WARNING, code, clause, message}]. */
export function getAlarmFindings() {
  return request('/alarm-definitions/findings', { timeout: 30000 })
}

let gasesCache = null

/** Toxic gases of the GB/T 50493 table: [{cas, nameZh, nameEn, formula, molarMass, oelBasis, oelMgM3, idlhMgM3, idlhPpm}], once per page load. */
export function getToxicGases() {
  if (!gasesCache) {
    gasesCache = request('/alarm-definitions/gases').catch((err) => {
      gasesCache = null
      throw err
    })
  }
  return gasesCache
}

// ---- data acquisition ----------------------------------------------------------------------------------

/**
 * Protocol adapter instances of the node: [{type, name, status: STARTING|ONLINE|DEGRADED|OFFLINE|STOPPED, detail,
 * mappedPoints, samplesReceived (since the adapter started), lastSampleAt (ISO or null)}].
 */
export function getAdapters() {
  return request('/adapters')
}

function adapterPath(type, name) {
  return `/adapters/${encodeURIComponent(type)}/${encodeURIComponent(name)}`
}

/** Point mapping in use by one adapter instance: [{pointId, address}]. 404 for an unknown instance. */
export function getAdapterMappings(type, name) {
  return request(`${adapterPath(type, name)}/mappings`)
}

/**
 * Re-reads an adapter's point mapping and applies it: {source, points, errors: [string]} (rejected rows, skipped).
 * Refusals: ApiError 409 when the adapter cannot reload, 404 for an unknown instance, 400 when the mapping source
 * cannot be read; each with body {status, message}.
 */
export function reloadAdapterMappings(type, name) {
  return request(`${adapterPath(type, name)}/mappings/reload`, { method: 'POST', timeout: 30000 })
}

/**
 * Certificates of an adapter instance (OPC UA): {ownCertificateFile: string|null (null when the security policy is
 * None), certificates: [{file, trusted, subject, sha1, notAfter (ISO or null)}]}. Refusals: ApiError 409 for an
 * adapter that does not use certificates, 404 for an unknown instance; each with body {status, message}.
 */
export function getAdapterCertificates(type, name) {
  return request(`${adapterPath(type, name)}/certificates`)
}

/**
 * Moves a rejected server certificate to the trusted list; resolves to the certificates as for
 * getAdapterCertificates. Refusals: ApiError 400 for an unknown file, 409 as above; each with body {status, message}.
 */
export function trustAdapterCertificate(type, name, file) {
  return request(`${adapterPath(type, name)}/certificates/${encodeURIComponent(file)}/trust`, { method: 'POST', timeout: 30000 })
}

/**
 * GB 18218 identification and grading of a major hazard source (POST /api/grading/gb18218).
 * Refusals come as ApiError with status 400 and body {status, code, message}; message starts with
 * "substances[N]" when a single entry is at fault.
 * @param {{edition: string, exposedPeople: number, substances: object[]}} body
 */
export function gradeGb18218(body) {
  return request('/grading/gb18218', { method: 'POST', body, timeout: 30000 })
}

// ---- enterprise registry -------------------------------------------------------------------------------

/**
 * Children of a region (the provinces when parentCode is absent):
 * [{code, name, level: PROVINCE|CITY|COUNTY|PARK, parentCode, enterpriseCount, hasChildren}].
 */
export function getRegions(parentCode) {
  return request('/regions', { query: { parent: parentCode } })
}

/** One region with its path from the province down: {code, name, level, parentCode, path: [{code, name}]}. */
export function getRegion(code) {
  return request(`/regions/${encodeURIComponent(code)}`)
}

/**
 * One page of the enterprises registered in a region's subtree (all regions when region is absent),
 * optionally filtered by name or USCC: {total, page, size, items}. page is 0-based.
 */
export function getEnterprises({ region, q, page = 0, size = 20 } = {}) {
  return request('/enterprises', { query: { region, q, page, size } })
}

export function getEnterprise(id) {
  return request(`/enterprises/${encodeURIComponent(id)}`)
}

/**
 * Registers an enterprise (201 with the stored enterprise). Refusals: ApiError 400 with body
 * {status, code: 'VALIDATION', message, fieldErrors: [{field, code, message}]}.
 */
export function createEnterprise(body) {
  return request('/enterprises', { method: 'POST', body })
}

/** Replaces an enterprise's fields (200 with the stored enterprise); refusals as for createEnterprise. */
export function updateEnterprise(id, body) {
  return request(`/enterprises/${encodeURIComponent(id)}`, { method: 'PUT', body })
}

/** Adds a chemical park under a county: 201 with the park {code, name, level: 'PARK', parentCode, path}. */
export function createPark(countyCode, name) {
  return request(`/regions/${encodeURIComponent(countyCode)}/parks`, { method: 'POST', body: { name } })
}

/** GB/T 4754 industries: [{code, name, group: FINE_CHEMICALS|PETROCHEMICALS|COAL_CHEMICALS|OTHER}]. */
export function getIndustries() {
  return request('/industries')
}

// ---- major hazard sources ------------------------------------------------------------------------------

/**
 * One page of hazard sources: {total, page, size, items: [HazardSourceSummary]}. region is a code prefix
 * (subtree), grade 1-4, q part of the code or name of the source or of its enterprise; page is 0-based.
 */
export function getHazardSources({ region, enterpriseId, grade, q, page = 0, size = 20 } = {}) {
  return request('/hazard-sources', { query: { region, enterpriseId, grade, q, page, size } })
}

/** One hazard source with its units, equipment, inventory and each unit's latest grading outcome. */
export function getHazardSource(id) {
  return request(`/hazard-sources/${encodeURIComponent(id)}`)
}

/**
 * Registers a hazard source (201 with the stored source, graded). Refusals: ApiError 400/422 with body
 * {status, code, message, fieldErrors: [{field, code, message}]}, fields as paths like units[0].inventory[1].tonnes.
 */
export function createHazardSource(body) {
  return request('/hazard-sources', { method: 'POST', body, timeout: 30000 })
}

/** Replaces a hazard source (200 with the stored source, graded again); refusals as for createHazardSource. */
export function updateHazardSource(id, body) {
  return request(`/hazard-sources/${encodeURIComponent(id)}`, { method: 'PUT', body, timeout: 30000 })
}

export function deleteHazardSource(id) {
  return request(`/hazard-sources/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

/** Grading history of a source, newest first: [GradingSnapshot] without the result. */
export function getHazardSourceGradings(id) {
  return request(`/hazard-sources/${encodeURIComponent(id)}/gradings`)
}

/** Grades every unit again under edition '2018' or '2009'; resolves to the new snapshots. */
export function regradeHazardSource(id, edition) {
  return request(`/hazard-sources/${encodeURIComponent(id)}/gradings`, { method: 'POST', query: { edition }, timeout: 30000 })
}

/** One grading snapshot with its full result ({..., result: {lines, alpha, s, r, grade, working, ...}}). */
export function getGradingSnapshot(snapshotId) {
  return request(`/gradings/${encodeURIComponent(snapshotId)}`)
}

/** Monitoring points attached to a source: like GET /api/points items, plus nationalCode and equipmentCode. */
export function getHazardSourcePoints(id) {
  return request(`/hazard-sources/${encodeURIComponent(id)}/points`)
}

// ---- registry import / export --------------------------------------------------------------------------

const TRANSFER_TIMEOUT_MS = 120000

/** Export of the registry (a region subtree, all when region is absent): resolves to {blob, fileName, contentType}. */
export function exportRegistry({ format, sheet, region } = {}) {
  return request('/registry/export', {
    query: { format, sheet: format === 'csv' ? sheet : undefined, region },
    responseType: 'blob',
    timeout: TRANSFER_TIMEOUT_MS
  })
}

/** Empty import template with the headers: resolves to {blob, fileName, contentType}. */
export function getRegistryTemplate({ format, sheet } = {}) {
  return request('/registry/template', {
    query: { format, sheet: format === 'csv' ? sheet : undefined },
    responseType: 'blob',
    timeout: TRANSFER_TIMEOUT_MS
  })
}

/**
 * Imports a file (its raw bytes). Resolves to the ImportReport when applied or when a dry run found no error;
 * a file with errors is refused with ApiError 422 whose body is the ImportReport (errors: [{sheet, row, column,
 * code, message}]), nothing imported.
 */
export function importRegistry(file, { format, sheet, dryRun = false } = {}) {
  return request('/registry/import', {
    method: 'POST',
    query: { format, sheet: format === 'csv' ? sheet : undefined, dryRun: dryRun ? 'true' : 'false' },
    raw: file,
    contentType: 'application/octet-stream',
    timeout: TRANSFER_TIMEOUT_MS
  })
}

// ---- alarm disposal (报警处置) and emergency plans -------------------------------------------------------

/**
 * One page of disposal records, newest first: {total, page, size, items: [Disposal]}. status VIEWED|VERIFYING|
 * DISPOSING|CLOSED; enterprise = the enterprise's code (USCC); overdue: only those whose deadline passed (not closed).
 * Disposal = {id, alarmId, pointId, enterpriseCode, hazardSourceCode, status, assignee, deadline, planId, conclusion,
 * falseAlarm, createdAt, createdBy, closedAt, steps: [{id, from, to, at, actor, note, assignee, deadline}],
 * attachments: [{id, disposalId, fileName, contentType, size, sha256, uploadedAt, uploadedBy}]}.
 */
export function getDisposals({ status, enterprise, overdue, page = 0, size = 50 } = {}) {
  return request('/disposals', {
    query: { status: status || undefined, enterprise: enterprise || undefined, overdue: overdue ? 'true' : undefined, page, size }
  })
}

/** Opens the disposal of an alarm (201), or answers the one already open (200): the Disposal. 404 unknown alarm. */
export function openDisposal(alarmId) {
  return request('/disposals', { method: 'POST', body: { alarmId } })
}

export function getDisposal(id) {
  return request(`/disposals/${encodeURIComponent(id)}`)
}

/** The disposal of an alarm; ApiError 404 when it has none. */
export function getAlarmDisposal(alarmId) {
  return request(`/alarms/${encodeURIComponent(alarmId)}/disposal`)
}

function disposalPath(id) {
  return `/disposals/${encodeURIComponent(id)}`
}

/**
 * VIEWED -> VERIFYING: on-site verification by `assignee` before `deadline` (Date or ISO). Refusals: 400 VALIDATION
 * with fieldErrors (assignee, deadline, note), 409 when the status does not allow it (message says why).
 */
export function verifyDisposal(id, { assignee, deadline, note }) {
  return request(`${disposalPath(id)}/verify`, {
    method: 'POST',
    body: { assignee, deadline: deadline instanceof Date ? deadline.toISOString() : deadline, note: note || null }
  })
}

/** VERIFYING -> DISPOSING by an emergency plan of the enterprise; refusals as for verifyDisposal, plus planId. */
export function disposeDisposal(id, { planId, assignee, deadline, note }) {
  return request(`${disposalPath(id)}/dispose`, {
    method: 'POST',
    body: { planId, assignee, deadline: deadline instanceof Date ? deadline.toISOString() : deadline, note: note || null }
  })
}

/** Closes with a conclusion (from DISPOSING, or from VERIFYING as a false alarm); refusals as above (conclusion). */
export function closeDisposal(id, { conclusion, falseAlarm }) {
  return request(`${disposalPath(id)}/close`, { method: 'POST', body: { conclusion, falseAlarm: !!falseAlarm } })
}

/** Adds a note (not once closed): the updated Disposal. */
export function addDisposalNote(id, note) {
  return request(`${disposalPath(id)}/notes`, { method: 'POST', body: { note } })
}

/**
 * Uploads a photo or file (its raw bytes, at most 20 MB): 201 with the attachment. Refusals: 400 VALIDATION
 * (fileName, contentType, content: EMPTY / TOO_LARGE), 409 once closed.
 */
export function uploadDisposalAttachment(id, file, { timeout = 120000 } = {}) {
  return request(`${disposalPath(id)}/attachments`, {
    method: 'POST',
    query: { fileName: file.name },
    raw: file,
    contentType: file.type || 'application/octet-stream',
    timeout
  })
}

/** The content of an attachment: resolves to {blob, fileName, contentType}. */
export function getDisposalAttachment(id, attachmentId) {
  return request(`${disposalPath(id)}/attachments/${encodeURIComponent(attachmentId)}`, { responseType: 'blob', timeout: 120000 })
}

/** The disposal report as PDF: resolves to {blob, fileName, contentType}; ApiError 503 when reports are not installed. */
export function getDisposalReport(id) {
  return request(`${disposalPath(id)}/report.pdf`, { responseType: 'blob', timeout: 120000 })
}

/**
 * Emergency plans (应急预案): [{id, enterpriseCode, hazardSourceCode (null = whole enterprise), title, level:
 * COMPREHENSIVE|SPECIAL|ON_SITE, steps (one per line), documentRef, updatedAt, updatedBy}]. With hazardSource, the
 * source's plans and the enterprise-wide ones.
 */
export function getEmergencyPlans({ enterprise, hazardSource } = {}) {
  return request('/emergency-plans', { query: { enterprise, hazardSource } })
}

export function getEmergencyPlan(id) {
  return request(`/emergency-plans/${encodeURIComponent(id)}`)
}

/** Stores a new plan (201). Refusals: 400 VALIDATION with fieldErrors (enterpriseCode, title, level, steps, ...). */
export function createEmergencyPlan(body) {
  return request('/emergency-plans', { method: 'POST', body })
}

export function updateEmergencyPlan(id, body) {
  return request(`/emergency-plans/${encodeURIComponent(id)}`, { method: 'PUT', body })
}

/** Deletes a plan (204); 409 when a disposal used it (it stays for their record). */
export function deleteEmergencyPlan(id) {
  return request(`/emergency-plans/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

// ---- alarm KPIs (ISA-18.2 / EEMUA 191) -----------------------------------------------------------------

function isoOf(value) {
  return value instanceof Date ? value.toISOString() : value || undefined
}

/**
 * KPIs of every group (groupBy 'enterprise' or 'county') over [from, to) (default the last 24 h, at most 31 days), most
 * alarms per day first: [AlarmKpis]. AlarmKpis = {groupBy, code, name, from, to, annunciated, notAnnunciated,
 * instrumentFaults, perDay, averagePer10Minutes, peakPer10Minutes, floodShare (0..1), floods: [{start, end, alarms,
 * peakPer10Minutes}], chattering / badActors: [{pointId, pointName, kind, activations, share}], stale: [{alarmId,
 * pointId, pointName, kind, activeSince, hours}], priorityShares: {HIGH, MEDIUM, LOW} (0..1)}.
 */
export function getAlarmKpis({ groupBy = 'enterprise', from, to } = {}) {
  return request('/alarm-kpis', { query: { groupBy, from: isoOf(from), to: isoOf(to) }, timeout: 60000 })
}

/** KPIs of one group; ApiError 404 when the group has no monitoring points. */
export function getAlarmKpisOf(groupBy, code, { from, to } = {}) {
  return request(`/alarm-kpis/${encodeURIComponent(groupBy)}/${encodeURIComponent(code)}`, {
    query: { from: isoOf(from), to: isoOf(to) },
    timeout: 60000
  })
}

// ---- early warning (预警) -------------------------------------------------------------------------------

/**
 * Risk per enterprise, worst first: [{enterpriseCode, name, regionCode, level: RED|ORANGE|YELLOW|BLUE, score,
 * hazardSources: [{enterpriseCode, code (null = points outside any source), name, grade, level, score,
 * reasons: [{factor, pointId, detail, score}]}]}].
 */
export function getRisks() {
  return request('/early-warning/risks')
}

/** Trends heading for an alarm limit: [{pointId, kind, limit, value, slopePerMinute, fit, predictedAt, minutesToLimit}]. */
export function getPredictions() {
  return request('/early-warning/predictions')
}

/** The risk model: {weights: {factor: points}, gradeMultipliers: {'1'..'4', none}, red, orange, yellow, horizonMinutes, unacknowledgedMinutes}. */
export function getRiskModel() {
  return request('/early-warning/model')
}

// ---- retention (数据保留) and aggregated trends -----------------------------------------------------------

/**
 * Retention settings and state: {rawSampleDays, minuteDays, hourDays, alarmDays, tables: [{name, rows, oldest}],
 * minuteWatermark, hourWatermark, lastRun, lastResult}.
 */
export function getRetention() {
  return request('/retention')
}

/** Runs retention now: {result} (what it did, in words). */
export function runRetention() {
  return request('/retention/run', { method: 'POST', timeout: 300000 })
}

/**
 * Minute or hour aggregates of a point: {pointId, resolution: 'minute'|'hour', buckets: [{start, avg, min, max, count,
 * goodCount}]} (avg/min/max of GOOD samples, null when a bucket had none). resolution auto = minutes up to 2 days.
 */
export function getPointTrend(pointId, { resolution = 'auto', from, to } = {}) {
  return request(`/points/${encodeURIComponent(pointId)}/trend`, {
    query: { resolution, from: isoOf(from), to: isoOf(to) },
    timeout: 60000
  })
}
