import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { deepStrict, maxLength } from '../../../src/shared/contract/deepStrict'

const address = z.object({ city: z.string().max(20) })

/** Every kind of schema that can hold an object, one inside the other. */
const schema = deepStrict(
  z.object({
    plain: address,
    optional: address.optional(),
    nullable: address.nullable(),
    withDefault: address.default({ city: 'Brno' }),
    list: z.array(address).max(3),
    either: z.union([address, z.string()]),
    piped: z
      .string()
      .transform((text) => ({ city: text }))
      .pipe(address),
    record: z.record(z.string(), address),
    tuple: z.tuple([address]),
    lazy: z.lazy(() => address),
    extended: address.extend({ street: z.string() }),
    readonly: address.readonly(),
    both: z.intersection(address, z.object({ street: z.string() })),
  }),
)

const valid = {
  plain: { city: 'Brno' },
  optional: { city: 'Brno' },
  nullable: { city: 'Brno' },
  withDefault: { city: 'Brno' },
  list: [{ city: 'Brno' }],
  either: { city: 'Brno' },
  piped: 'Brno',
  record: { home: { city: 'Brno' } },
  tuple: [{ city: 'Brno' }],
  lazy: { city: 'Brno' },
  extended: { city: 'Brno', street: 'Lipová' },
  readonly: { city: 'Brno' },
  both: { city: 'Brno', street: 'Lipová' },
}

describe('deep strictness', () => {
  it('accepts a valid input as before', () => {
    expect(schema.safeParse(valid).success).toBe(true)
  })

  it.each([
    ['plain', { ...valid, plain: { city: 'Brno', extra: 1 } }, ['plain']],
    ['optional', { ...valid, optional: { city: 'Brno', extra: 1 } }, ['optional']],
    ['nullable', { ...valid, nullable: { city: 'Brno', extra: 1 } }, ['nullable']],
    ['default', { ...valid, withDefault: { city: 'Brno', extra: 1 } }, ['withDefault']],
    ['array', { ...valid, list: [{ city: 'Brno' }, { city: 'Brno', extra: 1 }] }, ['list', 1]],
    ['record', { ...valid, record: { home: { city: 'Brno', extra: 1 } } }, ['record', 'home']],
    ['tuple', { ...valid, tuple: [{ city: 'Brno', extra: 1 }] }, ['tuple', 0]],
    ['lazy', { ...valid, lazy: { city: 'Brno', extra: 1 } }, ['lazy']],
    ['extend', { ...valid, extended: { city: 'Brno', street: 'Lipová', extra: 1 } }, ['extended']],
    ['readonly', { ...valid, readonly: { city: 'Brno', extra: 1 } }, ['readonly']],
    ['top level', { ...valid, extra: 1 }, []],
  ])('refuses an unknown key inside %s', (_where, input, path) => {
    const issues = schema.safeParse(input).error?.issues ?? []
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', keys: ['extra'], path }))
  })

  it('refuses an unknown key in a union member, an intersection and after a pipe', () => {
    for (const change of [
      { either: { city: 'Brno', extra: 1 } },
      { both: { city: 'Brno', street: 'Lipová', extra: 1 } },
    ]) {
      expect(schema.safeParse({ ...valid, ...change }).success).toBe(false)
    }
  })

  it('keeps every check: lengths, refinements, defaults', () => {
    const refined = deepStrict(
      z
        .object({ from: z.number(), to: z.number(), tags: z.array(z.string().max(3)).max(2) })
        .refine((range) => range.from <= range.to, 'range_order'),
    )
    expect(refined.safeParse({ from: 2, to: 1, tags: [] }).error?.issues[0].message).toBe('range_order')
    expect(refined.safeParse({ from: 1, to: 2, tags: ['a', 'b', 'c'] }).success).toBe(false)
    expect(refined.safeParse({ from: 1, to: 2, tags: ['long'] }).success).toBe(false)
    expect(schema.safeParse({ ...valid, withDefault: undefined }).data?.withDefault).toEqual({ city: 'Brno' })
  })

  it('bounds a list of enum choices by the number of choices, and leaves a list with its own limit alone', () => {
    const choices = deepStrict(
      z.object({ free: z.array(z.enum(['a', 'b', 'c'])), own: z.array(z.enum(['a', 'b'])).max(5) }),
    )
    const shape = choices._zod.def.shape
    expect(maxLength(shape.free)).toBe(3)
    expect(maxLength(shape.own)).toBe(5)
    expect(choices.safeParse({ free: ['a', 'b', 'c', 'a'], own: [] }).success).toBe(false)
  })
})
