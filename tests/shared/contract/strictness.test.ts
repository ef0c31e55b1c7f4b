import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { maxLength } from '../../../src/shared/contract/deepStrict'

type Schema = z.core.$ZodType
type Def = Record<string, unknown> & { type: string }

interface Node {
  path: string
  schema: Schema
}

/** Types that hold no other schema. Anything not listed here or below fails the walk, so nothing is skipped. */
const LEAVES = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'null',
  'undefined',
  'enum',
  'literal',
  'custom',
  'transform',
  'template_literal',
  'any',
  'unknown',
  'never',
])
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'])

/** Every schema inside a command's input, with where it sits. */
function nodes(schema: Schema, path: string): Node[] {
  const def = schema._zod.def as Def
  const here = { path, schema }
  if (LEAVES.has(def.type)) return [here]
  if (WRAPPERS.has(def.type)) return [here, ...nodes(def.innerType as Schema, path)]
  switch (def.type) {
    case 'object':
      return [
        here,
        ...Object.entries(def.shape as Record<string, Schema>).flatMap(([key, value]) =>
          nodes(value, `${path}.${key}`),
        ),
      ]
    case 'array':
      return [here, ...nodes(def.element as Schema, `${path}[]`)]
    case 'pipe':
      return [here, ...nodes(def.in as Schema, path), ...nodes(def.out as Schema, path)]
    case 'union':
      return [here, ...(def.options as Schema[]).flatMap((option, index) => nodes(option, `${path}|${index}`))]
    case 'intersection':
      return [here, ...nodes(def.left as Schema, path), ...nodes(def.right as Schema, path)]
    case 'record':
      return [here, ...nodes(def.valueType as Schema, `${path}{}`)]
    default:
      throw new Error(`The walk does not know ${def.type} at ${path}: teach it before using one in the contract`)
  }
}

const everyNode = Object.entries(contract).flatMap(([name, spec]) => nodes(spec.input as Schema, name))
const ofType = (type: string) => everyNode.filter((node) => (node.schema._zod.def as Def).type === type)

describe('the contract, walked from every command down to its last field', () => {
  it('holds nested objects and lists to walk (or this test would prove nothing)', () => {
    expect(ofType('object').length).toBeGreaterThan(Object.keys(contract).length + 5)
    expect(everyNode.some((node) => node.path === 'people/create.person.contacts.billing')).toBe(true)
    expect(ofType('array').map((node) => node.path)).toContain('people/merge.takeFromRemoved')
  })

  it('refuses an unknown key in every object at every depth', () => {
    const lenient = ofType('object').filter(({ schema }) => {
      const result = (schema as z.ZodType).safeParse({ 'surely-unknown': true })
      return !result.error?.issues.some(
        (issue) => issue.code === 'unrecognized_keys' && issue.keys.includes('surely-unknown'),
      )
    })
    expect(lenient.map((node) => node.path)).toEqual([])
  })

  it('bounds every list', () => {
    const unbounded = ofType('array').filter(({ schema }) => maxLength(schema) === undefined)
    expect(unbounded.map((node) => node.path)).toEqual([])
  })
})
