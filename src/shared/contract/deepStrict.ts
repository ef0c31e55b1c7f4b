import { z } from 'zod'

type Schema = z.core.$ZodType
type Def = Record<string, unknown> & { type: z.core.$ZodTypeDef['type'] }

/** The same schema with some of its definition replaced; checks (min, max, refinements) stay. */
function rebuild(schema: Schema, patch: Record<string, unknown>): Schema {
  return z.core.util.clone(schema, z.core.util.mergeDefs(schema._zod.def, patch))
}

/** Wrappers whose one inner schema sits in `innerType`. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'])

/**
 * The schema with every object at every depth strict, so an unknown field anywhere is refused
 * rather than silently dropped, and every list of choices from an enum bounded by the number
 * of choices (a longer one can only repeat them).
 */
export function deepStrict<T extends Schema>(schema: T): T {
  return strictAt(schema) as T
}

function strictAt(schema: Schema): Schema {
  const def = schema._zod.def as Def
  if (WRAPPERS.has(def.type)) return rebuild(schema, { innerType: strictAt(def.innerType as Schema) })
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => [key, strictAt(value)]),
      )
      return rebuild(schema, { shape, catchall: z.never() })
    }
    case 'array':
      return boundChoices(rebuild(schema, { element: strictAt(def.element as Schema) }) as z.ZodArray)
    case 'union':
      return rebuild(schema, { options: (def.options as Schema[]).map(strictAt) })
    case 'intersection':
      return rebuild(schema, { left: strictAt(def.left as Schema), right: strictAt(def.right as Schema) })
    case 'pipe':
      return rebuild(schema, { in: strictAt(def.in as Schema), out: strictAt(def.out as Schema) })
    case 'record':
      return rebuild(schema, { valueType: strictAt(def.valueType as Schema) })
    case 'tuple':
      return rebuild(schema, {
        items: (def.items as Schema[]).map(strictAt),
        rest: def.rest ? strictAt(def.rest as Schema) : def.rest,
      })
    case 'lazy': {
      const getter = def.getter as () => Schema
      return rebuild(schema, { getter: () => strictAt(getter()) })
    }
    case 'map':
    case 'set':
    case 'promise':
    case 'function':
      // Nothing of the kind survives the trip from the renderer as plain data.
      throw new Error(`A command input cannot contain a ${def.type}`)
    default:
      return schema
  }
}

function boundChoices(array: z.ZodArray): Schema {
  const element = array._zod.def.element._zod.def as Def
  if (element.type !== 'enum' || maxLength(array) !== undefined) return array
  return array.max(Object.keys(element.entries as object).length)
}

/** The most entries (of a list) or characters (of a text) a schema accepts; undefined when unbounded. */
export function maxLength(schema: Schema): number | undefined {
  const limits = (schema._zod.def.checks ?? []).flatMap((check) => {
    const def = check._zod.def as { check: string; maximum?: number; length?: number }
    if (def.check === 'max_length') return [def.maximum as number]
    if (def.check === 'length_equals') return [def.length as number]
    return []
  })
  return limits.length === 0 ? undefined : Math.min(...limits)
}
