import { z } from 'zod'
import type { Access } from '../permissions'
import { mergeUnique, type UnionToIntersection } from '../mergeUnique'
import { deepStrict } from './deepStrict'
import { dataProblems } from './plainData'

/**
 * read: runs freely on the read connection; write: queued, one transaction, one audit row;
 * maintenance: queued, no transaction (backups, restore); session: changes only who is
 * signed in at a desk (sign-in, lock), reads on the read connection, writes nothing.
 */
export type CommandKind = 'read' | 'write' | 'maintenance' | 'session'

/**
 * One command of the contract. `Output` exists only at the type level: the main process
 * produces it, the renderer receives it, and both are checked against the same type.
 */
export interface CommandSpec<Input extends z.ZodType, Output> {
  readonly input: Input
  readonly kind: CommandKind
  readonly access: Access
  /** Allowed while the desk is locked (unlock, sign out); everything else answers SESSION_LOCKED. */
  readonly whileLocked: boolean
  /** Phantom marker carrying the output type; never set at run time. */
  readonly output?: Output
}

/** What `command()` makes of an input schema: plain data checked first, then the strict schema. */
export type CommandInput<Shape extends z.ZodRawShape> = z.ZodPipe<
  z.ZodCustom<StrictInput<Shape>, StrictInput<Shape>>,
  z.ZodObject<Shape, z.core.$strict>
>
type StrictInput<Shape extends z.ZodRawShape> = z.input<z.ZodObject<Shape, z.core.$strict>>

/**
 * Declares a command. Every object of the input, at every depth, becomes strict, so unknown
 * fields are refused rather than silently dropped; class instances and malformed text are
 * refused wherever they sit (see `dataProblems`), before the schema looks at the values.
 */
export function command<Output>() {
  return <Shape extends z.ZodRawShape>(spec: {
    input: z.ZodObject<Shape>
    kind: CommandKind
    access: Access
    whileLocked?: true
  }): CommandSpec<CommandInput<Shape>, Output> => ({
    input: z
      .custom<StrictInput<Shape>>()
      .superRefine((value, context) => {
        for (const { path, code } of dataProblems(value)) context.addIssue({ code: 'custom', message: code, path })
      })
      .pipe(deepStrict(spec.input.strict())),
    kind: spec.kind,
    access: spec.access,
    whileLocked: spec.whileLocked ?? false,
  })
}

export type AnySpec = CommandSpec<z.ZodType, unknown>

const COMMAND_NAME = /^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/

/** Joins the contract of every context into one; a name used twice fails at start-up. */
export function mergeContexts<T extends Record<string, AnySpec>[]>(...contexts: T): UnionToIntersection<T[number]> {
  const merged = mergeUnique('command name in the contract', ...contexts)
  for (const name of Object.keys(merged as object)) {
    if (!COMMAND_NAME.test(name)) throw new Error(`Command name must read context/verb-noun: ${name}`)
  }
  return merged
}
