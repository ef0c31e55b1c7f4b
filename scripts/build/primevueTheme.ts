/**
 * PrimeVue's styled-mode theme as one static style sheet, computed at build time.
 *
 * In styled mode PrimeVue turns the preset into CSS in the browser: at start it walks the whole
 * preset to build its tokens, then each component computes its variables and rules the first
 * time it mounts — about a third of the cold start. This runs the same PrimeVue functions once
 * in Node, for every PrimeVue component the renderer can reach, so the app can start with
 * `theme: 'none'` and a plain CSS file that reads the same.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The part of a PrimeVue style module this needs (`primevue/<name>/style`). */
interface StyleModule {
  name: string
  style?: unknown
  getComponentTheme(): { css?: string; style?: unknown }
  getDirectiveTheme(): { css?: string; style?: unknown }
}

/** The part of @primevue/core's BaseStyle this needs. */
interface BaseStyleModule {
  style: unknown
  getCommonTheme(): {
    primitive?: { css?: string }
    semantic?: { css?: string }
    global?: { css?: string }
    style?: unknown
  }
}

/** What `app.use(PrimeVue, { theme })` is given in styled mode. */
export interface ThemeConfig {
  preset: unknown
  options?: Record<string, unknown>
}

const PRIMEVUE_IMPORT = /from\s+['"]primevue\/([a-z]+)['"]|import\s+['"]primevue\/([a-z]+)['"]/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(entry) ? [path] : []
  })
}

function primevueImports(code: string): string[] {
  return [...code.matchAll(PRIMEVUE_IMPORT)].map((match) => match[1] ?? match[2])
}

/**
 * Every PrimeVue component and directive the renderer's code imports, with the ones those use in
 * turn (Select brings InputText and VirtualScroller …), each before the ones it brings.
 */
export function primevueComponents(sourceDir: string, primevueDir: string): string[] {
  const found: string[] = []
  const visit = (name: string) => {
    if (found.includes(name)) return
    found.push(name)
    const entry = join(primevueDir, name, 'index.mjs')
    if (existsSync(entry)) primevueImports(readFileSync(entry, 'utf8')).forEach(visit)
  }
  const direct = sourceFiles(sourceDir).flatMap((file) => primevueImports(readFileSync(file, 'utf8')))
  ;[...new Set(direct)].sort().forEach(visit)
  return found
}

/** PrimeVue's theme in two style sheets: the custom properties, and the rules that read them. */
export interface ThemeCss {
  variables: string
  rules: string
}

/**
 * The style sheets PrimeVue would add to the page, element by element, for this theme and these
 * components: the common variables and global rules, then each component's variables and rules,
 * in the same words (see `_loadThemeStyles` in @primevue/core/basecomponent and basedirective).
 */
export async function primevueThemeCss(
  theme: ThemeConfig,
  components: string[],
  primevueDir: string,
): Promise<ThemeCss> {
  // Imported here, as ES modules, so PrimeVue's style modules and this share one Theme: a CommonJS
  // copy next to them would hold its own preset.
  const { css, Theme } = await import('@primeuix/styled')
  const { minifyCSS } = await import('@primeuix/utils/object')
  const BaseStyle = (await import('@primevue/core/base/style')).default as unknown as BaseStyleModule
  // What PrimeVue writes as css`${text}`: resolves dt() in the text. Called, not tagged, so no
  // formatter can change the template's text.
  const template = (text: unknown): string => css(Object.assign(['', ''], { raw: ['', ''] }), text) ?? ''
  /** The CSS PrimeVue's BaseStyle.load would put in a <style> element. */
  const computed = (text: unknown): string => minifyCSS(template(text)) ?? ''
  /** The CSS BaseStyle.loadStyle would: the texts one after the other, as the theme options place them. */
  const styled = (name: string, ...texts: unknown[]): string =>
    minifyCSS(Theme.transformCSS(name, texts.map(template).join(''))) ?? ''
  Theme.setTheme(theme)
  const common = BaseStyle.getCommonTheme()
  const variables = [computed(common.primitive?.css), computed(common.semantic?.css), computed(common.global?.css)]
  const rules = [styled('global-style', BaseStyle.style, common.style)]
  for (const name of components) {
    if (!existsSync(join(primevueDir, name, 'style', 'index.mjs'))) continue
    const style = ((await import(`primevue/${name}/style`)) as { default: StyleModule }).default
    const own = style.name.endsWith('-directive') ? style.getDirectiveTheme() : style.getComponentTheme()
    variables.push(computed(own?.css))
    rules.push(styled(`${style.name}-style`, style.style, own?.style))
  }
  const sheet = (parts: string[]) => parts.filter((part) => part).join('\n')
  return { variables: sheet(variables), rules: sheet(rules) }
}
