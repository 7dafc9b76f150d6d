// The signed-in user's data scope as the forms of the safety pages use it. Pure (no imports): tested through
// equipment.test.js.

/**
 * The user's own enterprise when their data scope is one enterprise (its people): {uscc, name}; null otherwise. The
 * name is the organisation's (GET /api/auth/me), which for an enterprise's people is the enterprise.
 */
export function ownEnterprise(profile) {
  const scope = profile?.scope
  if (scope?.kind !== 'ENTERPRISE' || !scope.code) return null
  const organisation = profile?.organisation
  return { uscc: String(scope.code), name: organisation?.enterpriseUscc === scope.code || organisation?.level === 'ENTERPRISE' ? organisation.name || '' : '' }
}

/** A USCC as typed: trimmed and upper-cased (the registry keeps them so). */
export function normaliseUscc(value) {
  return String(value ?? '').trim().toUpperCase()
}
