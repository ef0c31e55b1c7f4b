import type { TreeNode } from 'primevue/treenode'
import type { Unit } from '@shared/contract/units'

/** A unit as a node of PrimeVue's Tree, TreeTable and TreeSelect; the key is the unit's id. */
export interface UnitNode extends TreeNode {
  key: string
  label: string
  data: Unit
  children: UnitNode[]
}

export interface UnitTreeOptions {
  /** Archived units are left out unless asked for (with them goes everything below). */
  includeArchived?: boolean
  /** Leaves out this unit and everything below it: a unit cannot move under itself. */
  excludeSubtreeOf?: number | null
  /** Only these units (a unit whose parent is left out shows at the top); null or absent: all. */
  only?: readonly number[] | null
  /** Sibling order; the caller passes its language's collation. */
  compare?: (a: string, b: string) => number
}

/** Builds the centre → departments → groups tree from the flat list main returns. */
export function unitTree(all: readonly Unit[], options: UnitTreeOptions = {}): UnitNode[] {
  const only = options.only
  const units = only ? all.filter((unit) => only.includes(unit.id)) : all
  const compare = options.compare ?? ((a: string, b: string) => a.localeCompare(b))
  const children = new Map<number | null, Unit[]>()
  const ids = new Set(units.map((unit) => unit.id))
  for (const unit of units) {
    // A parent missing from the list would orphan the unit; show it at the top instead of losing it.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), unit])
  }
  const build = (parentId: number | null): UnitNode[] =>
    (children.get(parentId) ?? [])
      .filter((unit) => (options.includeArchived || !unit.archived) && unit.id !== options.excludeSubtreeOf)
      .sort((a, b) => compare(a.name, b.name))
      .map((unit) => ({ key: String(unit.id), label: unit.name, data: unit, children: build(unit.id) }))
  return build(null)
}

/** The unit's own id and the ids of everything below it. */
export function subtreeIds(units: readonly Unit[], id: number): Set<number> {
  const found = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const unit of units) {
      if (unit.parentId !== null && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id)
        grew = true
      }
    }
  }
  return found
}

/** Every key of the tree, for "expand all". */
export function allKeys(nodes: readonly UnitNode[]): Record<string, boolean> {
  const keys: Record<string, boolean> = {}
  const visit = (node: UnitNode) => {
    keys[node.key] = true
    node.children.forEach(visit)
  }
  nodes.forEach(visit)
  return keys
}
