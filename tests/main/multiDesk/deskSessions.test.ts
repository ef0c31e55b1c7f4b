import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SECURITY } from '../../../src/shared/contract/settings'
import { ADMINISTRATOR, desk, deskSignedInAs } from '../../support/desks'
import { samplePerson } from '../../support/personSamples'
import { testEngine } from '../../support/testServer'
import { query, startTwoDesks, type TwoDesks } from './twoDesks'

/** Past the desk's own countdown and main's minute of grace after it. */
const IDLE_PAST_AUTO_LOCK_MS = DEFAULT_SECURITY.autoLockMinutes * 60_000 + 60_000 + 1_000

// Two processes on one SQLite file are not a supported set-up (DESIGN.md: WAL needs one host).
// This is the PostgreSQL set-up of several desks, each its own process.
describe.skipIf(testEngine !== 'postgres')('each desk process keeps its own sessions', () => {
  let desks: TwoDesks

  beforeAll(async () => {
    desks = await startTwoDesks()
  })
  afterAll(() => desks?.dispose())

  it('guessing at one desk slows that desk down, not the other', async () => {
    const guessing = desk(desks.backendA, 'guessing-a')
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(
        await guessing.result('auth/sign-in', { username: ADMINISTRATOR.username, password: 'hádám' }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    }
    // The fourth guess at desk A waited a second first.
    expect(desks.throttleA.waits).toEqual([1000])

    // Desk B knows nothing of A's failures: the right password is checked at once.
    const atB = desks.processB.desk('signing-in-b')
    const session = await atB.call('auth/sign-in', {
      username: ADMINISTRATOR.username,
      password: ADMINISTRATOR.password,
    })
    expect(session.username).toBe(ADMINISTRATOR.username)
    expect(await desks.processB.throttleWaits()).toEqual([])
    // And desk A still remembers its own.
    expect(
      await guessing.result('auth/sign-in', { username: ADMINISTRATOR.username, password: 'hádám' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    expect(desks.throttleA.waits).toEqual([1000, 2000])
  })

  it('an idle desk locks in its own process; the other desk goes on working', async () => {
    const { deskA, deskB, processB } = desks
    const search = { query: 'Nov' }
    expect((await deskA.result('people/search', search)).ok).toBe(true)
    expect((await deskB.result('people/search', search)).ok).toBe(true)

    // Desk B's process sees its desk idle past the auto-lock; desk A was just used.
    await processB.advanceClock(IDLE_PAST_AUTO_LOCK_MS)
    expect(await deskB.result('people/search', search)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
    expect((await deskA.result('people/search', search)).ok).toBe(true)

    // Locking a desk by hand in B touches nothing in A either.
    const laterB = await processB.signInAs('later-b', desks.centre.adminId)
    await laterB.call('auth/lock', {})
    expect(await laterB.result('people/search', search)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
    expect((await deskA.result('people/search', search)).ok).toBe(true)

    // Now desk A idles past its auto-lock while a freshly signed-in desk of B works.
    desks.advanceClockA(IDLE_PAST_AUTO_LOCK_MS)
    const freshB = await processB.signInAs('fresh-b', desks.centre.adminId)
    expect(await deskA.result('people/search', search)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
    expect((await freshB.result('people/search', search)).ok).toBe(true)
  })

  it('a desk switched off in the middle of its work leaves the other desk working', async () => {
    const { processB, centre } = desks
    // Desks of their own: the ones above are locked by now.
    const deskA = await deskSignedInAs(desks.backendA, 'after-b-a', centre.adminId)
    const deskB = await processB.signInAs('switched-off-b', centre.adminId)
    const people = async () =>
      (await query<{ n: number }>(desks, 'SELECT CAST(COUNT(*) AS integer) AS n FROM person'))[0].n
    const before = await people()
    const writing = Array.from({ length: 10 }, (_, i) =>
      deskB.result('people/create', {
        person: { ...samplePerson(centre.centreId), firstName: `Vypnutá${i}`, contacts: undefined },
        allowDuplicate: true,
      }),
    )
    await processB.kill()
    // Whatever B had sent is answered, as a transport failure, not left hanging.
    for (const result of await Promise.all(writing)) {
      if (!result.ok) expect(result.error.code).toBe('TRANSPORT')
    }
    // The server rolled back whatever B had open; A reads, writes, and sees each of B's people once at most.
    const saved = await deskA.call('people/create', { person: samplePerson(centre.centreId), allowDuplicate: true })
    expect(saved.person.id).toBeGreaterThan(0)
    const names = await query<{ firstName: string; n: number }>(
      desks,
      `SELECT first_name AS "firstName", CAST(COUNT(*) AS integer) AS n FROM person
       WHERE first_name LIKE 'Vypnut%' GROUP BY first_name`,
    )
    expect(names.every((row) => row.n === 1)).toBe(true)
    expect(await people()).toBe(before + names.length + 1)
  })
})
