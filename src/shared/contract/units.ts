import { z } from 'zod'
import { command } from './define'
import { visibleName } from './text'

export interface Unit {
  id: number
  name: string
  parentId: number | null
  archived: boolean
}

const id = z.number().int().positive()
const unitName = visibleName(120)

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
