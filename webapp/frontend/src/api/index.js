import { request, ApiError } from './http.js'

export function login(username, password) {
  return request('/auth/login', { method: 'POST', body: { username, password }, auth: false })
}

export function logout() {
  return request('/auth/logout', { method: 'POST', timeout: 5000 })
}

/**
 * Changes the signed-in user's password. 204 on success (the server then ends every session of the user);
 * refusals come as ApiError with body {status, code, message}: 403 CURRENT_PASSWORD_WRONG,
 * 400 PASSWORD_TOO_SHORT / PASSWORD_CONTAINS_USERNAME / PASSWORD_UNCHANGED.
 */
export function changePassword(currentPassword, newPassword) {
  return request('/auth/password', { method: 'POST', body: { currentPassword, newPassword } })
}

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
