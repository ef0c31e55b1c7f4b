import { z } from 'zod'
import type { Access } from '../permissions'
import { mergeUnique, type UnionToIntersection } from '../mergeUnique'

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

/**
 * Declares a command. Object inputs become strict, so unknown fields are refused rather
 * than silently dropped.
 */
export function command<Output>() {
  return <Shape extends z.ZodRawShape>(spec: {
    input: z.ZodObject<Shape>
    kind: CommandKind
    access: Access
    whileLocked?: true
  }): CommandSpec<z.ZodObject<Shape, z.core.$strict>, Output> => ({
    input: spec.input.strict(),
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
