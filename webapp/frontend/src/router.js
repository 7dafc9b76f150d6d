import { createRouter, createWebHashHistory } from 'vue-router'
import { isAuthenticated, session } from './auth/session.js'
import { can, loadMe, restoreSession } from './auth/me.js'
import { firstPermittedPage } from './auth/permissions.js'
import { errorCode, onPasswordChangeRequired, onUnauthorized } from './api/http.js'
import LoginView from './views/LoginView.vue'
import AppLayout from './layouts/AppLayout.vue'
import MonitorView from './views/MonitorView.vue'

// meta.permission: what a page needs ("Page -> permission" of docs/security-api-draft.md), a code or an array meaning
// any of them; a page without it is open to every signed-in user. The menu reads the same meta.
const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  // Forced password change after a login with mustChangePassword (every other call answers 403 until it is done).
  {
    path: '/password',
    name: 'password-change',
    component: () => import('./views/PasswordChangeView.vue'),
    meta: { passwordChange: true }
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', redirect: { name: 'monitor' } },
      { path: 'monitor', name: 'monitor', component: MonitorView, meta: { permission: 'monitoring:view' } },
      // The trend page pulls in ECharts, so it is loaded on demand.
      {
        path: 'trend/:pointId?',
        name: 'trend',
        component: () => import('./views/TrendView.vue'),
        props: true,
        meta: { permission: 'monitoring:view' }
      },
      {
        path: 'alarms',
        name: 'alarms',
        component: () => import('./views/AlarmsView.vue'),
        meta: { permission: 'alarm:view' }
      },
      {
        path: 'alarm-settings',
        name: 'alarm-settings',
        component: () => import('./views/AlarmSettingsView.vue'),
        meta: { permission: 'alarm:view' }
      },
      {
        path: 'disposals',
        name: 'disposals',
        component: () => import('./views/DisposalsView.vue'),
        meta: { permission: 'disposal:view' }
      },
      {
        path: 'disposals/:id',
        name: 'disposal',
        component: () => import('./views/DisposalDetailView.vue'),
        props: true,
        meta: { permission: 'disposal:view' }
      },
      {
        path: 'alarm-kpis',
        name: 'alarm-kpis',
        component: () => import('./views/AlarmKpisView.vue'),
        meta: { permission: 'alarm:view' }
      },
      {
        path: 'emergency-plans',
        name: 'emergency-plans',
        component: () => import('./views/EmergencyPlansView.vue'),
        meta: { permission: 'disposal:view' }
      },
      {
        path: 'early-warning',
        name: 'early-warning',
        component: () => import('./views/EarlyWarningView.vue'),
        meta: { permission: 'warning:view' }
      },
      // Tasks across the levels (E4): received and issued tasks; issuing and deciding need task:issue, reporting
      // task:report (the page asks can() for the buttons; the server says per assignment which steps are the user's).
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('./views/TasksView.vue'),
        meta: { permission: 'task:view' }
      },
      // Notifications and the to-do list link to /tasks/<id>: the page opens a task from its query.
      { path: 'tasks/:id', redirect: (to) => ({ name: 'tasks', query: { task: to.params.id } }) },
      {
        path: 'adapters',
        name: 'adapters',
        component: () => import('./views/AdaptersView.vue'),
        meta: { permission: 'adapter:administer' }
      },
      {
        path: 'grading',
        name: 'grading',
        component: () => import('./views/GradingView.vue'),
        meta: { permission: 'registry:view' }
      },
      {
        path: 'enterprises',
        name: 'enterprises',
        component: () => import('./views/EnterprisesView.vue'),
        meta: { permission: 'registry:view' }
      },
      {
        path: 'regions',
        name: 'regions',
        component: () => import('./views/RegionsView.vue'),
        meta: { permission: 'registry:view' }
      },
      {
        path: 'hazard-sources',
        name: 'hazard-sources',
        component: () => import('./views/HazardSourcesView.vue'),
        meta: { permission: 'registry:view' }
      },
      {
        path: 'hazard-sources/:id',
        name: 'hazard-source',
        component: () => import('./views/HazardSourceDetailView.vue'),
        props: true,
        meta: { permission: 'registry:view' }
      },
      // Registration and cancellation of major hazard sources (F1-F3): the applications, the to-do, statistics and the
      // re-assessments due; #/registrations/<id> opens a case. Applying needs registration:apply, the county's steps
      // registration:register (the page asks can() for the buttons; the server says per case which steps are the user's).
      {
        path: 'registrations/:id?',
        name: 'registrations',
        component: () => import('./views/RegistrationsView.vue'),
        meta: { permission: 'registration:view' }
      },
      // Hidden-danger investigation and governance (E1): the hidden dangers, the to-do, investigations and statistics;
      // #/hidden-dangers/<id> opens one. Recording and the enterprise's steps need hidden-danger:rectify, the county's or
      // park's hidden-danger:supervise (the server says per hidden danger which steps are the user's).
      {
        path: 'hidden-dangers/:id?',
        name: 'hidden-dangers',
        component: () => import('./views/HiddenDangersView.vue'),
        meta: { permission: 'hidden-danger:view' }
      },
      // Equipment under periodic inspection (E2): the enterprise's and its park's only; #/equipment/<id> opens a piece.
      // Keeping it needs equipment:edit and being the enterprise's own people.
      {
        path: 'equipment/:id?',
        name: 'equipment',
        component: () => import('./views/EquipmentView.vue'),
        meta: { permission: 'equipment:view' }
      },
      // The accident register (事故登记): recorded, corrected and voided by hand, imported from Excel or replicated up from
      // the levels below (read-only here); #/accidents/<id> (or ?id=<id>) opens a record. Changes need accident:edit.
      {
        path: 'accidents/:id?',
        name: 'accidents',
        component: () => import('./views/AccidentsView.vue'),
        meta: { permission: 'accident:view' }
      },
      // Analytics (统计分析): hazard source analysis (A1-A5) of a region as the registry stood on a day, drilled down from
      // the country to an enterprise (?region=), with the trend; alarm analysis (B1-B4) of a region over whole months,
      // drilled down the same way; more analyses join under /analytics/.
      {
        path: 'analytics/hazard-sources',
        name: 'hazard-analysis',
        component: () => import('./views/HazardAnalysisView.vue'),
        meta: { permission: 'analytics:view' }
      },
      {
        path: 'analytics/alarms',
        name: 'alarm-analysis',
        component: () => import('./views/AlarmAnalysisView.vue'),
        meta: { permission: 'analytics:view' }
      },
      // 一张图 / One map (J1): the enterprises of the user's scope on the map, by live state and grade, drilled down from
      // the country to a county (?region=, filters in the query too); the boundaries ship with the app (public/geo/).
      {
        path: 'map',
        name: 'one-map',
        component: () => import('./views/OneMapView.vue'),
        meta: { permission: 'analytics:view' }
      },
      // Alarm-to-accident relation (B5): accidents per 1,000 alarms by kind, point type, industry and region, drilled down
      // the same way (?region=), and the association rules "alarm items ⇒ accident".
      {
        path: 'analytics/accident-relations',
        name: 'accident-relation-analysis',
        component: () => import('./views/AccidentRelationView.vue'),
        meta: { permission: 'analytics:view' }
      },
      {
        path: 'registry-transfer',
        name: 'registry-transfer',
        component: () => import('./views/RegistryTransferView.vue'),
        meta: { permission: 'registry:view' }
      },
      // System administration (系统管理) and the pages of every user.
      {
        path: 'organisations',
        name: 'organisations',
        component: () => import('./views/OrganisationsView.vue'),
        meta: { permission: 'user:administer' }
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('./views/UsersView.vue'),
        meta: { permission: 'user:administer' }
      },
      {
        path: 'roles',
        name: 'roles',
        component: () => import('./views/RolesView.vue'),
        meta: { permission: 'user:administer' }
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('./views/AuditView.vue'),
        meta: { permission: 'audit:view' }
      },
      {
        path: 'security-centre',
        name: 'security-centre',
        component: () => import('./views/SecurityCentreView.vue'),
        meta: { permission: 'exchange:administer' }
      },
      // Data exchange between the levels: the links and their message log (exchange:administer), the threshold
      // changes sent down (alarm:configure); each tab shows with its own permission.
      {
        path: 'exchange',
        name: 'exchange',
        component: () => import('./views/ExchangeView.vue'),
        meta: { permission: ['exchange:administer', 'alarm:configure'] }
      },
      {
        path: 'access',
        name: 'access',
        component: () => import('./views/AccessView.vue'),
        // monitoring:view: the remote live read tab (远程实时调阅); the requests need access:request or access:approve
        meta: { permission: ['access:request', 'access:approve', 'monitoring:view'] }
      },
      { path: 'account', name: 'account', component: () => import('./views/AccountView.vue') }
    ]
  },
  // The wall screen of the monitoring centre (监控大屏): full screen, outside the application's frame (no header, no menu).
  {
    path: '/wall',
    name: 'wall-dashboard',
    component: () => import('./views/WallDashboardView.vue'),
    meta: { permission: 'analytics:view' }
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'monitor' } }
]

// Hash history: the backend serves index.html only at its root, no SPA fallback needed.
const router = createRouter({
  history: createWebHashHistory(),
  routes
})

function loginRoute(fullPath, extra = {}) {
  const redirect = fullPath && fullPath !== '/' && !fullPath.startsWith('/login') && !fullPath.startsWith('/password')
    ? fullPath
    : undefined
  return { name: 'login', query: { ...(redirect ? { redirect } : {}), ...extra } }
}

router.beforeEach(async (to) => {
  // A tab that starts without a session of its own (a link opened in a new tab) first takes over the cookie's, if it is
  // still valid: once per page load, silently (no answer means the login page as on a first visit).
  await restoreSession()
  const authed = isAuthenticated()
  if (to.name === 'login') {
    if (!authed) return true
    return session.mustChangePassword ? { name: 'password-change' } : { path: '/' }
  }
  if (to.meta.public) return true
  if (!authed) return loginRoute(to.fullPath)

  // A password that must be changed first: nothing else opens until it is.
  if (session.mustChangePassword) return to.name === 'password-change' ? true : { name: 'password-change' }
  if (to.name === 'password-change') return { path: '/' }

  // Permissions come from GET /api/auth/me, loaded once per session.
  try {
    // (A profile of another user than this tab's ends the session: see loadMe.)
    await loadMe()
  } catch (err) {
    if (err?.status === 401 || errorCode(err) === 'CSRF') return loginRoute(to.fullPath, { expired: '1' })
    if (errorCode(err) === 'PASSWORD_CHANGE_REQUIRED') return { name: 'password-change' }
    // Otherwise (network, server error) the page opens; the layout says the permissions could not be loaded, and the
    // server refuses what the user may not do.
    return true
  }

  const required = to.matched.map((record) => record.meta?.permission).filter((p) => p !== undefined && p !== null)
  if (required.every((p) => can(p))) return true
  const fallback = firstPermittedPage(router, can)
  return fallback === to.name ? true : { name: fallback }
})

// Any 401 (or CSRF refusal) from an authenticated API call sends the user back to the login page.
onUnauthorized(() => {
  const current = router.currentRoute.value
  if (current.name === 'login') return
  router.replace(loginRoute(current.fullPath, { expired: '1' }))
})

// A 403 PASSWORD_CHANGE_REQUIRED sends the user to the forced password change.
onPasswordChangeRequired(() => {
  if (router.currentRoute.value.name === 'password-change') return
  router.replace({ name: 'password-change' })
})

export default router
