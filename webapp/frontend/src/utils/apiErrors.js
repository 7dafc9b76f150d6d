// Refusals of the API as the pages show them. Pure (no imports): tested through hiddenDangers.test.js and
// equipment.test.js.

/**
 * The field errors of a refused call ({status, body}: an ApiError): the body's `fieldErrors` (this server's shape) or
 * `errors`, each {field, code, message} with field as a string; null when the refusal names no fields (or was no
 * 400 / 422).
 */
export function fieldErrorList(err) {
  if (!err || (err.status !== 400 && err.status !== 422)) return null
  const body = err.body && typeof err.body === 'object' ? err.body : null
  const list = body ? (Array.isArray(body.fieldErrors) ? body.fieldErrors : Array.isArray(body.errors) ? body.errors : null) : null
  if (!list) return null
  return list.filter((e) => e && typeof e === 'object').map((e) => ({ ...e, field: String(e.field ?? ''), code: String(e.code ?? '') }))
}

/** The field errors split into those of the given fields ({field: [error]}) and the others ([error]). */
export function splitFieldErrors(list, fields) {
  const own = {}
  const others = []
  for (const e of Array.isArray(list) ? list : []) {
    if (fields.includes(e.field)) (own[e.field] ||= []).push(e)
    else others.push(e)
  }
  return { own, others }
}
