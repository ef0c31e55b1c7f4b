import { localDate } from '../../shared/calendarDate'
import { AppError } from '../../shared/errors'
import type { Permission } from '../../shared/permissions'
import type { ContextHandlers, HandlerContext } from '../core/handler'
import { findDuplicates } from './duplicates'
import { anonymise, cleanAfterErasure } from './erasure'
import { exportPerson } from './export/exportPerson'
import { assertLinkable, personFile } from './family'
import { GuardianshipSchema, PersonSchema, type PersonRow } from './personEntities'
import { listPeople } from './personList'
import { identityDifferences, mergeConflicts, mergedFile, mergedRow, mergePeople, referenceCounts } from './merge'
import { mergeHistory } from './mergeHistory'
import { toPerson } from './personMapping'
import { insertPerson, personOrFail, updatePerson, writeSearchTermArchiving } from './personStore'
import { parseSearchQuery } from './search/searchQuery'
import { searchPeople } from './search/personSearch'
import { loadUnitAccess } from './unitAccess'

const SEARCH_LIMIT = 20

async function viewerOf(ctx: HandlerContext) {
  return { access: await loadUnitAccess(ctx.em, ctx.session), today: localDate(ctx.now) }
}

/** Checks each permission in the unit of every record involved, naming the first one missing. */
async function authorizeAll(ctx: HandlerContext, permissions: Permission[], unitIds: number[]) {
  for (const unitId of new Set(unitIds)) {
    for (const permission of permissions) await ctx.authorize(permission, unitId)
  }
}

/** The family view of a record: read again by id after a write, or the row a read already has. */
async function fileOf(ctx: HandlerContext, record: number | PersonRow) {
  const { access, today } = await viewerOf(ctx)
  const row = typeof record === 'number' ? await personOrFail(ctx.em, record) : record
  return personFile(ctx.em, row, access, today)
}

async function livePerson(ctx: HandlerContext, id: number) {
  const row = await personOrFail(ctx.em, id)
  if (row.anonymisedAt) throw AppError.conflict('person_anonymised', 'This record was erased and cannot change')
  return row
}

export const peopleHandlers: ContextHandlers<'people'> = {
  'people/search': async ({ query, limit }, ctx) => {
    const { access, today } = await viewerOf(ctx)
    return searchPeople(ctx.em, parseSearchQuery(query), access, today, limit ?? SEARCH_LIMIT)
  },

  'people/list': async (filter, ctx) => {
    const { access, today } = await viewerOf(ctx)
    if (filter.unitId !== undefined) await ctx.authorize('people.view', filter.unitId)
    return listPeople(ctx.em, filter, access, today)
  },

  'people/get': async ({ id }, ctx) => {
    const row = await personOrFail(ctx.em, id)
    // The unit tree read once serves the permission check and the family's unit names.
    const { access, today } = await viewerOf(ctx)
    if (!access.allows('people.view', row.unitId)) {
      // Unit names are no secret inside a centre: naming it tells the desk whom to ask for access.
      throw new AppError('FORBIDDEN', `Not allowed: people.view in unit ${row.unitId}`, undefined, {
        reason: 'outside_units',
        params: { unit: access.unitName(row.unitId) },
      })
    }
    return personFile(ctx.em, row, access, today)
  },

  'people/find-duplicates': async (probe, ctx) => {
    const { access, today } = await viewerOf(ctx)
    return findDuplicates(ctx.em, probe, access, today)
  },

  'people/create': async ({ person, link, allowDuplicate }, ctx) => {
    await authorizeAll(ctx, person.contacts ? ['people.edit', 'people.contacts'] : ['people.edit'], [person.unitId])
    if (!allowDuplicate) {
      const { access, today } = await viewerOf(ctx)
      const probe = { ...person, email: person.contacts?.email ?? null, phones: person.contacts?.phones ?? [] }
      if ((await findDuplicates(ctx.em, probe, access, today)).length > 0) {
        throw AppError.conflict('possible_duplicate', 'This person may already be registered')
      }
    }
    const row = await insertPerson(ctx.em, person, ctx.now)
    ctx.audit.target = `person:${row.id}`
    ctx.audit.summary = `Registered person #${row.id}`
    if (link) {
      const other = await livePerson(ctx, link.personId)
      await ctx.authorize('people.edit', other.unitId)
      const [guardianId, participantId] = link.as === 'guardian' ? [row.id, other.id] : [other.id, row.id]
      await assertLinkable(ctx.em, guardianId, participantId)
      await ctx.em.insert(GuardianshipSchema, { guardianId, participantId, ...link, createdAt: ctx.now.toISOString() })
      ctx.audit.summary += ` as ${link.as === 'guardian' ? 'guardian' : 'child'} of person #${other.id}`
    }
    return fileOf(ctx, row.id)
  },

  'people/update': async ({ id, person, expectedVersion }, ctx) => {
    const row = await livePerson(ctx, id)
    const permissions: Permission[] = person.contacts ? ['people.edit', 'people.contacts'] : ['people.edit']
    await authorizeAll(ctx, permissions, [row.unitId, person.unitId])
    await updatePerson(ctx.em, row, person, expectedVersion, ctx.now)
    ctx.audit.target = `person:${id}`
    ctx.audit.summary = `Updated person #${id}${person.contacts ? ' with contacts' : ''}`
    return fileOf(ctx, id)
  },

  'people/set-archived': async ({ id, archived }, ctx) => {
    const row = await livePerson(ctx, id)
    await ctx.authorize('people.edit', row.unitId)
    const at = ctx.now.toISOString()
    // Counts as a save (TypeORM's update adds version + 1): a form opened before it is stale.
    const archivedAt = archived ? (row.archivedAt ?? at) : null
    await ctx.em.update(PersonSchema, { id }, { archivedAt, updatedAt: at })
    await writeSearchTermArchiving(ctx.em, id, archivedAt)
    ctx.audit.target = `person:${id}`
    ctx.audit.summary = `${archived ? 'Archived' : 'Restored'} person #${id}`
    return fileOf(ctx, id)
  },

  'people/link': async ({ guardianId, participantId, ...details }, ctx) => {
    const guardian = await livePerson(ctx, guardianId)
    const participant = await livePerson(ctx, participantId)
    await authorizeAll(ctx, ['people.edit'], [guardian.unitId, participant.unitId])
    await assertLinkable(ctx.em, guardianId, participantId)
    await ctx.em.insert(GuardianshipSchema, { guardianId, participantId, ...details, createdAt: ctx.now.toISOString() })
    ctx.audit.target = `person:${participantId}`
    ctx.audit.summary = `Linked person #${guardianId} as ${details.relation} of person #${participantId}`
    return fileOf(ctx, participantId)
  },

  'people/update-link': async ({ guardianshipId, ...details }, ctx) => {
    const link = await guardianshipOrFail(ctx, guardianshipId)
    await ctx.em.update(GuardianshipSchema, { id: guardianshipId }, details)
    ctx.audit.target = `person:${link.participantId}`
    ctx.audit.summary = `Changed the link of person #${link.guardianId} to person #${link.participantId}`
    return fileOf(ctx, link.participantId)
  },

  'people/unlink': async ({ guardianshipId }, ctx) => {
    const link = await guardianshipOrFail(ctx, guardianshipId)
    await ctx.em.delete(GuardianshipSchema, { id: guardianshipId })
    ctx.audit.target = `person:${link.participantId}`
    ctx.audit.summary = `Unlinked person #${link.guardianId} from person #${link.participantId}`
    return null
  },

  'people/merge-preview': async ({ keepId, removeId, takeFromRemoved }, ctx) => {
    const [keep, remove] = await mergePair(ctx, keepId, removeId)
    const { access, today } = await viewerOf(ctx)
    const keepFile = await personFile(ctx.em, keep, access, today)
    const removeFile = await personFile(ctx.em, remove, access, today)
    const merged = toPerson(mergedRow(keep, remove, takeFromRemoved ?? []), access, today)
    return {
      keep: keepFile.person,
      remove: removeFile.person,
      conflicts: mergeConflicts(keep, remove),
      differences: identityDifferences(keep, remove),
      result: mergedFile(keepFile, removeFile, merged),
      references: await referenceCounts(ctx.em, removeId),
    }
  },

  'people/merge': async ({ keepId, removeId, takeFromRemoved, confirmDifferences }, ctx) => {
    await mergePair(ctx, keepId, removeId)
    const { snapshotId } = await mergePeople(ctx.em, {
      keepId,
      removeId,
      take: takeFromRemoved,
      confirmDifferences: confirmDifferences ?? false,
      staffUserId: ctx.session.userId,
      now: ctx.now,
    })
    // Audit rows are never erased: people by number only, the removed record's details in the erasable snapshot.
    ctx.audit.target = `person:${keepId}`
    ctx.audit.summary = `Merged person #${removeId} into person #${keepId} (snapshot person_merge:${snapshotId})`
    return fileOf(ctx, keepId)
  },

  'people/merge-history': async ({ id }, ctx) => {
    const row = await personOrFail(ctx.em, id)
    await ctx.authorize('people.merge', row.unitId)
    return mergeHistory(ctx.em, row.id)
  },

  'people/export': async ({ id, format, locale }, ctx) => {
    const row = await personOrFail(ctx.em, id)
    await authorizeAll(ctx, ['people.contacts', 'documents.export'], [row.unitId])
    const file = await exportPerson(ctx, row, format, locale)
    ctx.audit.target = `person:${id}`
    ctx.audit.summary = `Exported the personal data of person #${id} as ${format.toUpperCase()}`
    return file
  },

  'people/erase': async ({ id, confirmLastName }, ctx) => {
    const row = await livePerson(ctx, id)
    await authorizeAll(ctx, ['people.erase', 'people.edit', 'people.contacts'], [row.unitId])
    if (confirmLastName.toLocaleLowerCase() !== row.lastName.toLocaleLowerCase()) {
      throw new AppError('VALIDATION_FAILED', 'Type the surname to confirm', {
        confirmLastName: { code: 'confirmation_mismatch', message: 'Does not match' },
      })
    }
    await anonymise(ctx.em, row, ctx.now)
    ctx.audit.target = `person:${id}`
    ctx.audit.summary = `Erased the personal data of person #${id}`
    // Old versions of the rows would otherwise stay readable in the files for a while.
    ctx.afterCommit(() => cleanAfterErasure(ctx.database, ctx.logger))
    return fileOf(ctx, id)
  },
}

async function guardianshipOrFail(ctx: HandlerContext, id: number) {
  const link = await ctx.em.findOneBy(GuardianshipSchema, { id })
  if (!link) throw new AppError('NOT_FOUND', `No guardianship ${id}`)
  const guardian = await personOrFail(ctx.em, link.guardianId)
  const participant = await personOrFail(ctx.em, link.participantId)
  await authorizeAll(ctx, ['people.edit'], [guardian.unitId, participant.unitId])
  return link
}

/** Merging touches both records and their contacts: the right to merge, edit and see both is needed. */
async function mergePair(ctx: HandlerContext, keepId: number, removeId: number) {
  if (keepId === removeId) {
    throw new AppError('VALIDATION_FAILED', 'Choose two different records', {
      removeId: { code: 'same_person', message: 'Same record' },
    })
  }
  const keep = await livePerson(ctx, keepId)
  const remove = await livePerson(ctx, removeId)
  await authorizeAll(ctx, ['people.merge', 'people.edit', 'people.contacts'], [keep.unitId, remove.unitId])
  return [keep, remove] as const
}
