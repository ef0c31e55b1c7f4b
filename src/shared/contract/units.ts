import { z } from 'zod'
import { command } from './define'
import { visibleName } from './text'
import { expectedVersion } from './version'

export interface Unit {
  id: number
  name: string
  parentId: number | null
  archived: boolean
  version: number
}

const id = z.number().int().positive()
/** The longest unit name: the form stops typing there. */
export const UNIT_NAME_MAX = 120
const unitName = visibleName(UNIT_NAME_MAX)

export const unitsContract = {
  /** The whole tree, archived units included (flagged): pickers and the tree view filter. */
  'units/list': command<Unit[]>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'units/create': command<Unit>()({
    input: z.object({ name: unitName, parentId: id }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'units/rename': command<Unit>()({
    input: z.object({ id, name: unitName, expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'units/move': command<Unit>()({
    input: z.object({ id, parentId: id, expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'units/set-archived': command<Unit>()({
    input: z.object({ id, archived: z.boolean(), expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
}
