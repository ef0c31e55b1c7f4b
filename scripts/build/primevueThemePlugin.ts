import { resolve } from 'node:path'
import { runnerImport, type Plugin } from 'vite'

/**
 * The renderer imports these; the plugin answers them with the theme's CSS. The variables come
 * first in the page's CSS: PrimeVue's overlays read `--p-anchor-gutter` by walking the style sheets'
 * rules in order, and stop at the first at-rule. The rules come last, after the app's own CSS, where
 * PrimeVue used to add them.
 */
const SHEETS = {
  'virtual:primevue-theme-variables.css': 'variables',
  'virtual:primevue-theme-rules.css': 'rules',
} as const
type Sheet = keyof typeof SHEETS
const isSheet = (id: string): id is Sheet => id in SHEETS
const GENERATOR = resolve(__dirname, 'frontdeskThemeCss.ts')

/**
 * Serves PrimeVue's styled-mode theme as a static style sheet (see primevueTheme.ts), computed
 * when the renderer is built or served, so the browser does not compute it at every start.
 */
export function primevueThemePlugin(): Plugin {
  let computing: ReturnType<typeof compute> | undefined
  return {
    name: 'frontdesk:primevue-theme',
    resolveId(id) {
      return isSheet(id) ? id : undefined
    },
    async load(id) {
      if (!isSheet(id)) return undefined
      computing ??= compute()
      const { themeCss, dependencies } = await computing
      for (const file of dependencies) this.addWatchFile(file)
      return themeCss[SHEETS[id]]
    },
    // A changed preset (src/renderer/src/theme.ts) is computed again.
    watchChange() {
      computing = undefined
    },
  }
}

/** Through Vite, so the TypeScript preset and PrimeVue's ES modules load as they do in the app. */
async function compute() {
  const { module, dependencies } = await runnerImport<typeof import('./frontdeskThemeCss')>(GENERATOR, {
    configFile: false,
    logLevel: 'error',
  })
  return { themeCss: module.themeCss, dependencies }
}
