import { EntitySchema } from 'typeorm'
import type { ClosureKind } from '../../shared/contract/calendar'

export interface SchoolYearRow {
  id: number
  name: string
  startsOn: string
  endsOn: string
  createdAt: string
  version: number
}

export const SchoolYearSchema = new EntitySchema<SchoolYearRow>({
  name: 'SchoolYear',
  tableName: 'school_year',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 40 },
    startsOn: { type: 'varchar', name: 'starts_on', length: 10 },
    endsOn: { type: 'varchar', name: 'ends_on', length: 10 },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})

/** A half-year (or any part) of a school year; a club may run over one term or the whole year. */
export interface TermRow {
  id: number
  schoolYearId: number
  name: string
  startsOn: string
  endsOn: string
  version: number
}

export const TermSchema = new EntitySchema<TermRow>({
  name: 'Term',
  tableName: 'term',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    schoolYearId: { type: 'integer', name: 'school_year_id' },
    name: { type: 'varchar', length: 60 },
    startsOn: { type: 'varchar', name: 'starts_on', length: 10 },
    endsOn: { type: 'varchar', name: 'ends_on', length: 10 },
    version: { type: 'integer', version: true },
  },
})

export { CLOSURE_KINDS, type ClosureKind } from '../../shared/contract/calendar'

/** Days without sessions that the centre enters or imports; `sourceUid` is the iCalendar UID it came from. */
export interface ClosureRow {
  id: number
  kind: ClosureKind
  name: string
  startsOn: string
  endsOn: string
  sourceUid: string | null
  createdAt: string
  version: number
}

export const ClosureSchema = new EntitySchema<ClosureRow>({
  name: 'Closure',
  tableName: 'closure',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'varchar', length: 20 },
    name: { type: 'varchar', length: 120 },
    startsOn: { type: 'varchar', name: 'starts_on', length: 10 },
    endsOn: { type: 'varchar', name: 'ends_on', length: 10 },
    sourceUid: { type: 'varchar', name: 'source_uid', length: 255, nullable: true },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})
