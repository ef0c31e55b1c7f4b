import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import { createApp } from 'vue'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { i18n } from './i18n'
import { primevueLocales } from './i18n/primevueLocales'
import { router } from './router'
import { FrontdeskTheme } from './theme'
import { PASS_THROUGH } from './passThrough'
import './styles/app.css'

createApp(App)
  .use(createPinia())
  .use(i18n)
  .use(router)
  .use(PrimeVue, {
    theme: { preset: FrontdeskTheme, options: { darkModeSelector: false } },
    locale: primevueLocales.cs,
    pt: PASS_THROUGH,
  })
  .use(ToastService)
  .mount('#app')
