import type { z } from 'zod'
import { mergeContexts, type CommandSpec } from './define'
import { auditContract } from './audit'
import { databaseContract } from './database'
import { authContract } from './auth'
import { peopleContract } from './people'
import { settingsContract } from './settings'
import { staffContract } from './staff'
import { systemContract } from './system'
import { unitsContract } from './units'
import { activitiesContract } from './activities'
import { enrolmentsContract } from './enrolments'
import { calendarContract } from './calendar'

/** Every command Frontdesk understands. Main, preload and renderer are all typed from this. */
export const contract = mergeContexts(
  systemContract,
  databaseContract,
  authContract,
  settingsContract,
  unitsContract,
  staffContract,
  auditContract,
  peopleContract,
  activitiesContract,
  enrolmentsContract,
  calendarContract,
)

export type Contract = typeof contract
export type CommandName = keyof Contract & string
export type InputOf<N extends CommandName> = z.input<Contract[N]['input']>
export type ParsedInputOf<N extends CommandName> = z.output<Contract[N]['input']>
export type OutputOf<N extends CommandName> = Contract[N] extends CommandSpec<z.ZodType, infer Output> ? Output : never

export type { CommandKind } from './define'
