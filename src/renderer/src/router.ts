import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { Permission } from '@shared/permissions'
import { useAuthStore } from './features/auth/useAuthStore'
import { NAVIGATION } from './features/shell/navigation'

declare module 'vue-router' {
  interface RouteMeta {
    requires?: Permission
  }
}

// Each section's code is loaded when it is first opened, so the sign-in screen starts without it.
const PersonView = () => import('./features/people/PersonView.vue')
const ComingSoonView = () => import('./features/shell/ComingSoonView.vue')
const ActivityView = () => import('./features/activities/ActivityView.vue')
const ActivityFormView = () => import('./features/activities/ActivityFormView.vue')
const CalendarView = () => import('./features/calendar/CalendarView.vue')
const BUILT = {
  people: () => import('./features/people/PeopleRegisterView.vue'),
  activities: () => import('./features/activities/ActivitiesListView.vue'),
  settings: () => import('./features/settings/SettingsView.vue'),
  audit: () => import('./features/audit/AuditView.vue'),
  enrolments: () => import('./features/enrolments/ApprovalQueueView.vue'),
} as const

const sections: RouteRecordRaw[] = NAVIGATION.map((item) => {
  const view = BUILT[item.name as keyof typeof BUILT]
  return item.comingSoon || !view
    ? { path: item.path, name: item.name, component: ComingSoonView, props: { section: item.label } }
    : { path: item.path, name: item.name, component: view, meta: { requires: item.requires } }
})

// Hash history: the packaged app loads from file://, where path URLs do not resolve.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/people' },
    ...sections,
    // A new person is the same screen as an existing one, in its empty state; `?guardianOf=` / `?childOf=` link at once.
    { path: '/people/new', name: 'person-new', component: PersonView, meta: { requires: 'people.edit' } },
    {
      path: '/people/:id(\\d+)',
      name: 'person',
      component: PersonView,
      props: true,
      meta: { requires: 'people.view' },
    },
    {
      path: '/activities/new',
      name: 'activity-new',
      component: ActivityFormView,
      meta: { requires: 'activities.edit' },
    },
    {
      path: '/activities/places',
      name: 'activity-places',
      component: () => import('./features/activities/PlacesView.vue'),
    },
    { path: '/activities/:id(\\d+)', name: 'activity', component: ActivityView, props: true },
    {
      path: '/activities/:id(\\d+)/edit',
      name: 'activity-edit',
      component: ActivityFormView,
      props: true,
      meta: { requires: 'activities.edit' },
    },
    // Every staff member reads the calendar; main lets only activities.edit on the centre change it.
    { path: '/activities/calendar', name: 'activities-calendar', component: CalendarView },
    { path: '/:unknown(.*)*', redirect: '/people' },
  ],
})

// Comfort only: main refuses the commands behind these screens anyway. A reload waits for the
// session to be known, or it would always land on the first screen.
router.beforeEach(async (to) => {
  const auth = useAuthStore()
  await auth.loaded
  if (auth.can(to.meta.requires)) return true
  // The first built section this staff member may use, else a coming-soon one (they need nothing).
  const fallback =
    NAVIGATION.find((item) => !item.comingSoon && auth.can(item.requires)) ??
    NAVIGATION.find((item) => auth.can(item.requires))
  return fallback && fallback.path !== to.path ? { path: fallback.path } : false
})
