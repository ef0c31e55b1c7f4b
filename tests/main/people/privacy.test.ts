import { readFileSync, existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Person, PersonContacts } from '../../../src/shared/contract/people'
import { dataFiles } from '../../../src/main/backend'
import type { TestBackend } from '../../support/backend'
import { addStaff, deskSignedInAs, setUpCentre, startDeskBackend, type Centre, type Desk } from '../../support/desks'
import { asSchemaOwner, registerFamily, samplePerson } from '../../support/people'
import { testEngine } from '../../support/testServer'
import { readPdf } from '../documents/poppler'

/** What identifies the erased person in the erasure test, as stored or as folded for search. */
const TRACES = [
  'Zyxwvutová',
  'zyxwvutova',
  'Xaverie',
  'xaverie',
  'Qwertzuiop',
  'xaverie.zyx@example.cz',
  '608765432',
  '608 765 432',
]

/** Every text column of every table (as `table.column`) holding one of the traces, through plain SQL. */
async function textColumnsContaining(backend: TestBackend, traces: string[]): Promise<string[]> {
  const db = backend.database.dataSource
  const columns: { table: string; column: string }[] =
    backend.database.engine.kind === 'sqlite'
      ? await db.query(
          `SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) c
           WHERE m.type = 'table' AND (upper(c.type) LIKE '%CHAR%' OR upper(c.type) LIKE '%TEXT%')`,
        )
      : await db.query(
          `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
           WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')`,
        )
  expect(columns.map((c) => `${c.table}.${c.column}`)).toContain('person.last_name')
  const found: string[] = []
  for (const { table, column } of columns) {
    for (const trace of traces) {
      const rows: unknown[] = await db.query(`SELECT 1 FROM "${table}" WHERE "${column}" LIKE ? LIMIT 1`, [
        `%${trace}%`,
      ])
      if (rows.length > 0) found.push(`${table}.${column}: ${trace}`)
    }
  }
  return found
}

describe('privacy of the people register', () => {
  let backend: TestBackend
  let centre: Centre
  let accountant: Desk
  let family: Awaited<ReturnType<typeof registerFamily>>

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    const admin = { ...backend, call: centre.admin.call, result: centre.admin.result }
    family = await registerFamily(admin, centre.centreId)
    // The default accountant sees people for invoices, but not their contacts or health notes.
    const member = await addStaff(
      centre.admin,
      { username: 'ucetni', displayName: 'Účetní', password: 'ucetni-heslo-1' },
      [{ roleId: centre.roles.accountant, unitId: centre.centreId, includeSubUnits: true }],
    )
    accountant = await deskSignedInAs(backend, 'accountant-desk', member.id)
  })
  afterAll(() => backend.dispose())

  describe('masking', () => {
    it('hides contacts and health notes from staff without people.contacts', async () => {
      const file = await accountant.call('people/get', { id: family.eliska.person.id })
      expect(file.person.contacts).toBeNull()
      expect(file.person.firstName).toBe('Eliška')
      expect(file.guardians[0].person).toMatchObject({ firstName: 'Jana', phone: null, email: null })
      const [hit] = await accountant.call('people/search', { query: 'jana novakova' })
      expect(hit).toMatchObject({ firstName: 'Jana', phone: null, email: null })
    })

    it('does not let them search by phone or e-mail', async () => {
      expect(await accountant.call('people/search', { query: '777 123 456' })).toEqual([])
      expect(await accountant.call('people/search', { query: 'jana.novakova@' })).toEqual([])
    })

    it('does not confirm a contact through the duplicate check either', async () => {
      const probe = { firstName: '', lastName: '', birthDate: null, phones: ['777 123 456'] }
      expect(await accountant.call('people/find-duplicates', { ...probe, email: 'jana.novakova@example.cz' })).toEqual(
        [],
      )
      const byName = await accountant.call('people/find-duplicates', {
        ...probe,
        firstName: 'Jana',
        lastName: 'Nováková',
        birthDate: '1986-04-12',
        email: 'jana.novakova@example.cz',
      })
      expect(byName.map((candidate) => candidate.reasons)).toEqual([['name_birth_date']])
    })

    it('shows them to staff who hold it', async () => {
      const file = await centre.admin.call('people/get', { id: family.eliska.person.id })
      expect(file.person.contacts?.healthNotes).toBe('Alergie na ořechy')
    })
  })

  describe('units', () => {
    let sportDesk: Desk
    let sportChild: number

    beforeAll(async () => {
      const sport = await centre.admin.call('units/create', { name: 'Sport', parentId: centre.centreId })
      const child = await centre.admin.call('people/create', {
        person: samplePerson(sport.id, { firstName: 'Ondra', lastName: 'Sportovec', birthDate: '2014-02-02' }),
        link: {
          personId: family.mother.person.id,
          as: 'child',
          relation: 'mother',
          primaryContact: true,
          mayPickUp: true,
        },
      })
      sportChild = child.person.id
      const member = await addStaff(
        centre.admin,
        { username: 'recepce.sport', displayName: 'Recepce Sport', password: 'sport-heslo-1' },
        [{ roleId: centre.roles.reception, unitId: sport.id, includeSubUnits: true }],
      )
      sportDesk = await deskSignedInAs(backend, 'sport-desk', member.id)
    })

    it("keep a department's reception to its own people", async () => {
      const mother = family.mother.person.id
      expect((await sportDesk.result('people/get', { id: mother })).ok || 'refused').toBe('refused')
      expect((await sportDesk.call('people/search', { query: 'novakova' })).map((hit) => hit.id)).toEqual([])
      const page = await sportDesk.call('people/list', {
        locale: 'cs',
        membership: 'all',
        includeArchived: false,
        offset: 0,
        limit: 50,
      })
      expect(page.rows.map((row) => row.id)).toEqual([sportChild])
      for (const [name, input] of [
        ['people/update', { id: mother, person: samplePerson(centre.centreId), expectedVersion: 1 }],
        ['people/set-archived', { id: mother, archived: true }],
        ['people/export', { id: mother, format: 'json', locale: 'cs' }],
        ['people/erase', { id: mother, confirmLastName: 'Nováková' }],
        ['people/merge-preview', { keepId: sportChild, removeId: mother }],
      ] as const) {
        const result = await sportDesk.dispatch(name, input)
        expect(result.ok || result.error.code, name).toBe('FORBIDDEN')
      }
    })

    it('let them call the parents of their own children, whatever unit the parents are in', async () => {
      const file = await sportDesk.call('people/get', { id: sportChild })
      expect(file.guardians[0].person).toMatchObject({ firstName: 'Jana', phone: '+420 777 123 456' })
    })
  })

  describe('export', () => {
    it('contains every field of the person, and is written to the audit trail', async () => {
      const exported = await centre.admin.call('people/export', {
        id: family.mother.person.id,
        format: 'json',
        locale: 'cs',
      })
      expect(exported).toMatchObject({ mimeType: 'application/json', fileName: expect.stringMatching(/\.json$/) })
      const data = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as { person: Person }
      const stored = (await centre.admin.call('people/get', { id: family.mother.person.id })).person
      expect(data.person).toEqual(stored)
      const personKeys: (keyof Person)[] = [
        'id',
        'unitId',
        'unitName',
        'firstName',
        'lastName',
        'birthDate',
        'age',
        'sex',
        'school',
        'schoolClass',
        'photoConsent',
        'member',
        'memberUntil',
        'activeMember',
        'notes',
        'archived',
        'anonymised',
        'contacts',
        'createdAt',
        'updatedAt',
        'version',
      ]
      const contactKeys: (keyof PersonContacts)[] = [
        'email',
        'phones',
        'address',
        'healthNotes',
        'dietaryNotes',
        'billing',
      ]
      expect(Object.keys(data.person).sort()).toEqual([...personKeys].sort())
      expect(Object.keys(data.person.contacts ?? {}).sort()).toEqual([...contactKeys].sort())
      expect(JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8'))).toMatchObject({
        children: expect.arrayContaining([
          expect.objectContaining({ person: expect.objectContaining({ firstName: 'Eliška' }) }),
          expect.objectContaining({ person: expect.objectContaining({ firstName: 'Tomáš' }) }),
        ]),
      })
      const [audit] = await backend.database.dataSource.query(
        "SELECT target, summary FROM audit_log WHERE command = 'people/export' ORDER BY id DESC LIMIT 1",
      )
      expect(audit).toEqual({
        target: `person:${family.mother.person.id}`,
        summary: `Exported the personal data of person #${family.mother.person.id} as JSON`,
      })
    })

    it('as a PDF reads in Czech with the family and the health notes', async () => {
      const exported = await centre.admin.call('people/export', {
        id: family.eliska.person.id,
        format: 'pdf',
        locale: 'cs',
      })
      expect(exported).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) })
      const pdf = await readPdf(Buffer.from(exported.base64, 'base64'))
      for (const text of [
        'Eliška',
        'Nováková',
        'Alergie na ořechy',
        'Bez lepku',
        'Jana',
        'Lipová 12',
        'Osobní údaje',
      ]) {
        expect(pdf.text).toContain(text)
      }
    })

    it('is refused to staff without people.contacts', async () => {
      const result = await accountant.result('people/export', {
        id: family.mother.person.id,
        format: 'json',
        locale: 'en',
      })
      expect(result.ok || result.error.code).toBe('FORBIDDEN')
    })
  })

  describe('erasure', () => {
    it('leaves no trace of the name in any table or the data file, keeps the row and the money pointing at it', async () => {
      const db = backend.database.dataSource
      // Stands in for the ledger until it exists: rows pointing at the person, and their total.
      await asSchemaOwner(backend, [
        `CREATE TABLE ledger_probe (id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
           person_id integer NOT NULL REFERENCES person (id), amount integer NOT NULL)`,
      ])
      const person = await centre.admin.call('people/create', {
        person: samplePerson(centre.centreId, {
          firstName: 'Xaverie',
          lastName: 'Zyxwvutová',
          notes: 'Poznámka Qwertzuiop',
          contacts: { ...samplePerson(0).contacts!, email: 'xaverie.zyx@example.cz', phones: ['+420 608 765 432'] },
        }),
        link: {
          personId: family.eliska.person.id,
          as: 'guardian',
          relation: 'other',
          primaryContact: false,
          mayPickUp: true,
        },
      })
      const id = person.person.id
      await centre.admin.call('people/update', {
        id,
        expectedVersion: person.person.version,
        person: samplePerson(centre.centreId, {
          firstName: 'Xaverie',
          lastName: 'Zyxwvutová',
          notes: 'Druhá verze Qwertzuiop',
          contacts: { ...samplePerson(0).contacts!, email: 'xaverie.zyx@example.cz' },
        }),
      })
      // A second record of her, merged in: what it held is kept for the administrator until she is erased.
      const twin = await centre.admin.call('people/create', {
        person: samplePerson(centre.centreId, {
          firstName: 'Xaverie',
          lastName: 'Zyxwvutová',
          notes: 'Sloučená Qwertzuiop',
          contacts: { ...samplePerson(0).contacts!, phones: ['+420 608 765 432'] },
        }),
        allowDuplicate: true,
      })
      await centre.admin.call('people/merge', { keepId: id, removeId: twin.person.id, takeFromRemoved: [] })
      await db.query('INSERT INTO ledger_probe (person_id, amount) VALUES (?, 150000), (?, -50000)', [id, id])
      // A bigint (a string) on PostgreSQL.
      const balance = async () =>
        Number((await db.query('SELECT SUM(amount) AS total FROM ledger_probe WHERE person_id = ?', [id]))[0].total)

      // Each trace is really there before: the search below cannot pass by looking in the wrong place.
      const before = await textColumnsContaining(backend, TRACES)
      expect(new Set(before.map((hit) => hit.split(': ')[1]))).toEqual(new Set(TRACES))
      const wrong = await centre.admin.result('people/erase', { id, confirmLastName: 'Novák' })
      expect(wrong.ok || wrong.error).toMatchObject({ fields: { confirmLastName: { code: 'confirmation_mismatch' } } })
      const erased = await centre.admin.call('people/erase', { id, confirmLastName: 'zyxwvutová' })
      expect(erased.person).toMatchObject({ id, anonymised: true, archived: true, firstName: '', lastName: '' })
      expect(erased.guardians).toEqual([])
      expect(erased.children).toEqual([])
      expect(await balance()).toBe(100000)
      const overErased = { id, person: samplePerson(centre.centreId), expectedVersion: erased.person.version }
      expect(await centre.admin.result('people/update', overErased)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'person_anonymised' },
      })

      expect(await textColumnsContaining(backend, TRACES)).toEqual([])
      if (backend.database.engine.kind === 'sqlite') {
        // The file and its write-ahead log themselves: freed pages are overwritten and the log checkpointed.
        // (A PostgreSQL server's files are not the desk's to read.)
        const { file } = dataFiles(backend.dataDir)
        const bytes = Buffer.concat([
          readFileSync(file),
          existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
        ])
        for (const trace of TRACES) {
          expect(bytes.includes(Buffer.from(trace, 'utf8')), `"${trace}" is still in the data file`).toBe(false)
        }
      }
      const [audit] = await db.query("SELECT summary FROM audit_log WHERE command = 'people/erase'")
      expect(audit.summary).toBe(`Erased the personal data of person #${id}`)
    })

    // PostgreSQL's own mechanism: a desk role that does not own the tables may not VACUUM them.
    it.skipIf(testEngine !== 'postgres')('says once that the desk role may not clean up after erasures', async () => {
      for (const lastName of ['Prvníková', 'Druhová']) {
        const { person } = await centre.admin.call('people/create', {
          person: samplePerson(centre.centreId, { firstName: 'Olga', lastName }),
          allowDuplicate: true,
        })
        await centre.admin.call('people/erase', { id: person.id, confirmLastName: lastName })
      }
      const warnings = backend.logger.lines.filter((line) => line.startsWith('warn ') && line.includes('VACUUM'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/does not own .*person.*GRANT MAINTAIN/)
    })
  })
})
