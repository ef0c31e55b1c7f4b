import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ComingSoonView from './features/shell/ComingSoonView.vue'
import SettingsView from './features/settings/SettingsView.vue'
import { NAVIGATION } from './features/shell/navigation'

const comingSoon: RouteRecordRaw[] = NAVIGATION.filter((item) => item.name !== 'settings').map((item) => ({
  path: item.path,
  name: item.name,
  component: ComingSoonView,
  props: { section: item.label },
}))

// Hash history: the packaged app loads from file://, where path URLs do not resolve.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/people' },
    ...comingSoon,
    { path: '/settings', name: 'settings', component: SettingsView },
    { path: '/:unknown(.*)*', redirect: '/people' },
  ],
})
