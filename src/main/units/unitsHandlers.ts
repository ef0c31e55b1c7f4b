import { IsNull, type EntityManager } from 'typeorm'
import type { Unit } from '../../shared/contract/units'
import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'
import { versionedUpdate } from '../database/versionedUpdate'
import { UnitSchema, type UnitRow } from './unitEntity'
import { unitWithAncestors } from './unitTree'

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    archived: row.archivedAt !== null,
    version: row.version,
  }
}

async function unitOrFail(em: EntityManager, id: number): Promise<UnitRow> {
  const row = await em.findOneBy(UnitSchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No unit ${id}`)
  return row
}

async function activeParent(em: EntityManager, id: number): Promise<UnitRow> {
  const parent = await unitOrFail(em, id)
  if (parent.archivedAt) {
    throw AppError.conflict('parent_archived', 'The parent unit is archived', {
      parentId: { code: 'unit_archived', message: 'Archived' },
    })
  }
  return parent
}

export const unitsHandlers: ContextHandlers<'units'> = {
  'units/list': async (_input, { em }) => (await em.find(UnitSchema, { order: { id: 'ASC' } })).map(toUnit),

  'units/create': async ({ name, parentId }, { em, authorize, audit, now }) => {
    await authorize('settings.admin', parentId)
    const parent = await activeParent(em, parentId)
    const row = await em.save(UnitSchema, { name, parentId, archivedAt: null, createdAt: now.toISOString() })
    audit.target = `unit:${row.id}`
    audit.summary = `Created unit ${name} under ${parent.name}`
    return toUnit(row)
  },

  'units/rename': async ({ id, name, expectedVersion }, { em, authorize, audit }) => {
    await authorize('settings.admin', id)
    const row = await unitOrFail(em, id)
    const version = await versionedUpdate(em, UnitSchema, { id }, expectedVersion, { name })
    audit.target = `unit:${id}`
    audit.summary = `Renamed unit ${row.name} to ${name}`
    return toUnit({ ...row, name, version })
  },

  'units/move': async ({ id, parentId, expectedVersion }, { em, authorize, audit }) => {
    // Moving takes the unit out of one branch and into another: both must be the mover's.
    await authorize('settings.admin', id)
    await authorize('settings.admin', parentId)
    const row = await unitOrFail(em, id)
    if (row.parentId === null) throw AppError.conflict('root_unit', 'The centre itself cannot be moved')
    const parent = await activeParent(em, parentId)
    if ((await unitWithAncestors(em, parentId)).includes(id)) {
      throw AppError.conflict('unit_cycle', 'A unit cannot move under itself', {
        parentId: { code: 'unit_cycle', message: 'Cycle' },
      })
    }
    const version = await versionedUpdate(em, UnitSchema, { id }, expectedVersion, { parentId })
    audit.target = `unit:${id}`
    audit.summary = `Moved unit ${row.name} under ${parent.name}`
    return toUnit({ ...row, parentId, version })
  },

  'units/set-archived': async ({ id, archived, expectedVersion }, { em, authorize, audit, now }) => {
    await authorize('settings.admin', id)
    const row = await unitOrFail(em, id)
    if (archived) {
      if (row.parentId === null) throw AppError.conflict('root_unit', 'The centre itself cannot be archived')
      const activeChildren = await em.count(UnitSchema, { where: { parentId: id, archivedAt: IsNull() } })
      if (activeChildren > 0) throw AppError.conflict('has_active_sub_units', 'Archive its sub-units first')
    } else if (row.parentId !== null) {
      await activeParent(em, row.parentId)
    }
    const archivedAt = archived ? (row.archivedAt ?? now.toISOString()) : null
    const version = await versionedUpdate(em, UnitSchema, { id }, expectedVersion, { archivedAt })
    audit.target = `unit:${id}`
    audit.summary = `${archived ? 'Archived' : 'Restored'} unit ${row.name}`
    return toUnit({ ...row, archivedAt, version })
  },
}
