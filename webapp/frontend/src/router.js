import { createRouter, createWebHashHistory } from 'vue-router'
import { isAuthenticated } from './auth/session.js'
import { onUnauthorized } from './api/http.js'
import LoginView from './views/LoginView.vue'
import AppLayout from './layouts/AppLayout.vue'
import MonitorView from './views/MonitorView.vue'

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', redirect: { name: 'monitor' } },
      { path: 'monitor', name: 'monitor', component: MonitorView },
      // The trend page pulls in ECharts, so it is loaded on demand.
      { path: 'trend/:pointId?', name: 'trend', component: () => import('./views/TrendView.vue'), props: true },
      { path: 'alarms', name: 'alarms', component: () => import('./views/AlarmsView.vue') },
      { path: 'alarm-settings', name: 'alarm-settings', component: () => import('./views/AlarmSettingsView.vue') },
      { path: 'disposals', name: 'disposals', component: () => import('./views/DisposalsView.vue') },
      {
        path: 'disposals/:id',
        name: 'disposal',
        component: () => import('./views/DisposalDetailView.vue'),
        props: true
      },
      { path: 'alarm-kpis', name: 'alarm-kpis', component: () => import('./views/AlarmKpisView.vue') },
      { path: 'emergency-plans', name: 'emergency-plans', component: () => import('./views/EmergencyPlansView.vue') },
      { path: 'early-warning', name: 'early-warning', component: () => import('./views/EarlyWarningView.vue') },
      { path: 'adapters', name: 'adapters', component: () => import('./views/AdaptersView.vue') },
      { path: 'grading', name: 'grading', component: () => import('./views/GradingView.vue') },
      { path: 'enterprises', name: 'enterprises', component: () => import('./views/EnterprisesView.vue') },
      { path: 'regions', name: 'regions', component: () => import('./views/RegionsView.vue') },
      { path: 'hazard-sources', name: 'hazard-sources', component: () => import('./views/HazardSourcesView.vue') },
      {
        path: 'hazard-sources/:id',
        name: 'hazard-source',
        component: () => import('./views/HazardSourceDetailView.vue'),
        props: true
      },
      { path: 'registry-transfer', name: 'registry-transfer', component: () => import('./views/RegistryTransferView.vue') }
    ]
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'monitor' } }
]

// Hash history: the backend serves index.html only at its root, no SPA fallback needed.
const router = createRouter({
  history: createWebHashHistory(),
  routes
})

router.beforeEach((to) => {
  const authed = isAuthenticated()
  if (!to.meta.public && !authed) {
    const redirect = to.fullPath && to.fullPath !== '/' ? to.fullPath : undefined
    return { name: 'login', query: redirect ? { redirect } : {} }
  }
  if (to.name === 'login' && authed) {
    return { name: 'monitor' }
  }
  return true
})

// Any 401 from an authenticated API call sends the user back to the login page.
onUnauthorized(() => {
  const current = router.currentRoute.value
  if (current.name === 'login') return
  const redirect = current.fullPath && current.fullPath !== '/' ? current.fullPath : undefined
  router.replace({ name: 'login', query: { ...(redirect ? { redirect } : {}), expired: '1' } })
})

export default router
