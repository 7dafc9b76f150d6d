// Where a user lands (after login, or when a page is not theirs): the first of these routes they may open, by the
// routes' meta.permission (see router.js). My account is open to everyone, so there always is one.
const LANDING_ORDER = [
  'monitor',
  'alarms',
  'disposals',
  'early-warning',
  'enterprises',
  'hazard-sources',
  'regions',
  'grading',
  'adapters',
  'organisations',
  'users',
  'roles',
  'audit',
  'security-centre',
  'exchange',
  'access',
  'tasks',
  'registrations',
  'hidden-dangers',
  'equipment',
  'accidents',
  'hazard-analysis',
  'alarm-analysis',
  'account'
]

/** meta.permission of a named route (undefined: open to every signed-in user, or no such route). */
export function routePermission(router, name) {
  if (!router.hasRoute(name)) return undefined
  const record = router.getRoutes().find((r) => r.name === name)
  return record?.meta?.permission
}

/** Name of the first page the user may open (can = the permission check of auth/me.js). */
export function firstPermittedPage(router, can) {
  return LANDING_ORDER.find((name) => router.hasRoute(name) && can(routePermission(router, name))) || 'account'
}
