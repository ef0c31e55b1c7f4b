import { z } from 'zod'
import { command } from './define'

export interface Unit {
  id: number
  name: string
  parentId: number | null
  archived: boolean
}

const id = z.number().int().positive()
/** The longest unit name: the form stops typing there. */
export const UNIT_NAME_MAX = 120
const unitName = z.string().trim().min(1).max(UNIT_NAME_MAX)

export const unitsContract = {
  /** The whole tree, archived units included (flagged): pickers and the tree view filter. */
  'units/list': command<Unit[]>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'units/create': command<Unit>()({
    input: z.object({ name: unitName, parentId: id }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'units/rename': command<Unit>()({ input: z.object({ id, name: unitName }), kind: 'write', access: 'settings.admin' }),
  'units/move': command<Unit>()({ input: z.object({ id, parentId: id }), kind: 'write', access: 'settings.admin' }),
  'units/set-archived': command<Unit>()({
    input: z.object({ id, archived: z.boolean() }),
    kind: 'write',
    access: 'settings.admin',
  }),
}
