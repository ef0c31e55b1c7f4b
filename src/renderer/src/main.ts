// PrimeVue's theme (./theme.ts) as CSS made at build time (scripts/build/primevueThemePlugin.ts): its variables first.
import 'virtual:primevue-theme-variables.css'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import { createApp } from 'vue'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { i18n } from './i18n'
import { primevueLocales } from './i18n/primevueLocales'
import { router } from './router'
import { PASS_THROUGH } from './passThrough'
import './styles/app.css'
// PrimeVue's rules after the app's own CSS, where PrimeVue used to add them.
import 'virtual:primevue-theme-rules.css'

createApp(App)
  .use(createPinia())
  .use(i18n)
  .use(router)
  .use(PrimeVue, {
    // Styled mode without computing the theme at start: its CSS is already on the page.
    theme: 'none',
    locale: primevueLocales.cs,
    pt: PASS_THROUGH,
  })
  .use(ToastService)
  .mount('#app')
