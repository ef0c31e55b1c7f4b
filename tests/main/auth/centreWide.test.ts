import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import { sampleOrganisation } from '../../support/organisation'
import { auditCount, centreTemplate, deskSignedInAs, type CentreTemplate } from '../../support/desks'
import { saveAutoLock } from '../../support/settings'

const SEARCH_ALL = {
  staffUserId: null,
  command: null,
  text: '',
  from: null,
  to: null,
  utcOffsetMinutes: 0,
  beforeId: null,
}

describe('what belongs to the whole centre', () => {
  let template: CentreTemplate<{ departmentAdminId: number }>
  let backend: TestBackend | undefined

  beforeAll(async () => {
    template = await centreTemplate(async (centre) => {
      const sport = await centre.admin.call('units/create', { name: 'Sport', parentId: centre.centreId })
      const member = await centre.admin.call('staff/create', {
        displayName: 'Petr Sportovní',
        username: 'petr',
        password: 'Florbal-2026',
      })
      await centre.admin.call('staff/grant-role', {
        userId: member.id,
        roleId: centre.roles.administrator,
        unitId: sport.id,
        includeSubUnits: true,
      })
      return { departmentAdminId: member.id }
    })
  })
  afterAll(() => template.dispose())
  afterEach(async () => {
    await backend?.dispose()
    backend = undefined
  })

  it('an administrator of one department cannot change the centre, its backups or read its audit trail', async () => {
    const started = await template.start()
    backend = started.backend
    const department = await deskSignedInAs(backend, 'sport-desk', template.extra.departmentAdminId)
    const before = await auditCount(backend)
    const refusals = [
      await department.result('settings/update-organisation', {
        ...sampleOrganisation('Taken over'),
        expectedVersion: 1,
      }),
      await department.result('settings/update-security', { autoLockMinutes: 240, expectedVersion: 0 }),
      await department.result('system/create-backup', {}),
      await department.result('system/list-backups', {}),
      await department.result('system/restore-backup', { name: 'frontdesk-20260101T000000000Z-manual.sqlite' }),
      await department.result('audit/search', SEARCH_ALL),
      await department.result('audit/list-authors', {}),
    ]
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await auditCount(backend)).toBe(before)

    // The centre's administrator may do all of it.
    await saveAutoLock(started.centre.admin, 15)
    expect((await started.centre.admin.call('audit/search', SEARCH_ALL)).rows.length).toBeGreaterThan(0)
  })

  it('the first start is written in the audit trail under the new administrator, not anonymously', async () => {
    const started = await template.start()
    backend = started.backend
    const { rows } = await started.centre.admin.call('audit/search', { ...SEARCH_ALL, command: 'auth/set-up' })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ staffUserId: started.centre.adminId, staffName: 'Eva Správcová' })
    const authors = await started.centre.admin.call('audit/list-authors', {})
    expect(authors.map((author) => author.staffName)).not.toContain('anonymous')
  })
})
