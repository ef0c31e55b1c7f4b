import Aura from '@primeuix/themes/aura'
import { definePreset } from '@primeuix/themes'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import { createApp } from 'vue'
import 'primeicons/primeicons.css'
import App from './App.vue'
import { i18n } from './i18n'
import { primevueLocales } from './i18n/primevueLocales'
import { router } from './router'
import './styles/app.css'

/** Calm teal instead of Aura's default emerald: easier on the eyes for a whole day at the desk. */
const FrontdeskTheme = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{teal.50}',
      100: '{teal.100}',
      200: '{teal.200}',
      300: '{teal.300}',
      400: '{teal.400}',
      500: '{teal.500}',
      600: '{teal.600}',
      700: '{teal.700}',
      800: '{teal.800}',
      900: '{teal.900}',
      950: '{teal.950}',
    },
  },
})

createApp(App)
  .use(createPinia())
  .use(i18n)
  .use(router)
  .use(PrimeVue, {
    theme: { preset: FrontdeskTheme, options: { darkModeSelector: false } },
    locale: primevueLocales.cs,
  })
  .use(ToastService)
  .mount('#app')
