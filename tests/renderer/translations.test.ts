import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import cs from '../../src/renderer/src/i18n/locales/cs'
import en from '../../src/renderer/src/i18n/locales/en'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

const english = leaves(en)
const czech = leaves(cs)

describe('translations', () => {
  it('Czech has every English text and nothing else', () => {
    expect([...czech.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('no text is left empty', () => {
    for (const [key, text] of [...english, ...czech]) expect(text.trim(), key).not.toBe('')
  })

  it('every key the screens ask for exists', () => {
    const root = join(__dirname, '../../src/renderer/src')
    const used = sourceFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((match) => match[1]),
    )
    expect(used.length).toBeGreaterThan(20)
    expect(used.filter((key) => !english.has(key))).toEqual([])
  })

  it('no text uses vue-i18n syntax by accident (a bare @ starts a link, | a plural)', () => {
    for (const [key, text] of [...english, ...czech]) {
      // Keys ending in `Count` are plurals on purpose: their forms are separated by " | ".
      const forms = key.endsWith('Count') ? text.split(' | ') : [text]
      for (const form of forms) expect(form.replace(/\{'[@|$]'\}/g, ''), key).not.toMatch(/[@|$]/)
    }
  })

  it('plurals have the forms of their language: English one | other, Czech one | few | other', () => {
    const forms = (text: string) => text.split(' | ').length
    for (const [key, text] of english) if (key.endsWith('Count')) expect(forms(text), key).toBeLessThanOrEqual(2)
    for (const [key, text] of czech) if (key.endsWith('Count') && text.includes(' | ')) expect(forms(text), key).toBe(3)
  })

  it('placeholders match between the languages', () => {
    // A plural repeats its placeholders once per form: the set must match, not the count.
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
    for (const [key, text] of english) expect(placeholders(czech.get(key) ?? ''), key).toEqual(placeholders(text))
  })
})
