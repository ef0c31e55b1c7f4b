/**
 * The Frontdesk theme (src/renderer/src/theme.ts) as CSS, in `themeCss`. Imported through Vite by
 * the build plugin; computed while the module loads, as Vite's module runner closes after the import.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FrontdeskTheme } from '../../src/renderer/src/theme'
import { primevueComponents, primevueThemeCss } from './primevueTheme'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PRIMEVUE = join(ROOT, 'node_modules/primevue')

/** The options main.ts gave PrimeVue's styled mode before the theme was computed at build time. */
export const THEME = { preset: FrontdeskTheme, options: { darkModeSelector: false } }

export const themeCss = await primevueThemeCss(
  THEME,
  primevueComponents(join(ROOT, 'src/renderer/src'), PRIMEVUE),
  PRIMEVUE,
)
