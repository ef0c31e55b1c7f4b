import { demoOrganisation } from '../../src/main/demo/organisation'
import { defineScenario } from '../scenario'

/** Alternates two street numbers so every save is a real change with a real audit summary. */
function alternating() {
  const demo = demoOrganisation()
  let turn = 0
  return () => ({ ...demo, street: turn++ % 2 ? 'Školní 1234/12' : 'Školní 1234/14' })
}

interface State {
  next: ReturnType<typeof alternating>
  nextRaw: ReturnType<typeof alternating>
  /** The stored version, as a form would hold it; both twins save over it and count it. */
  version: number
}

export const updateOrganisationScenario = defineScenario<State>({
  name: 'settings/update-organisation (audited)',
  setup: async (bench) => ({
    next: alternating(),
    nextRaw: alternating(),
    version: (await bench.call('settings/get-organisation', {})).version,
  }),
  measure: async (bench, state) => {
    const saved = await bench.call('settings/update-organisation', { ...state.next(), expectedVersion: state.version })
    state.version = saved.version
  },
  // Same work on a second connection: read the old value, write the new one over the expected
  // version and the audit row in one transaction, opened as the app's writes are on this engine.
  raw: async (bench, state) => {
    const at = new Date().toISOString()
    await bench.raw.begin()
    try {
      await bench.raw.all('SELECT "value" FROM "setting" WHERE "key" = ?', ['organisation'])
      if (state.version === 0) {
        await bench.raw.run(
          'INSERT INTO "setting" ("key", "value", "updated_at", "version") VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING',
          ['organisation', '{}', at],
        )
      }
      await bench.raw.run(
        'UPDATE "setting" SET "value" = ?, "updated_at" = ?, "version" = "version" + 1 WHERE "key" = ? AND "version" = ?',
        [JSON.stringify(state.nextRaw()), at, 'organisation', state.version],
      )
      state.version += 1
      await bench.raw.run(
        'INSERT INTO "audit_log" ("at", "staff_user_id", "staff_name", "command", "target", "summary") VALUES (?, NULL, ?, ?, ?, ?)',
        [at, 'Benchmark', 'settings/update-organisation', 'organisation', 'Changed street'],
      )
      await bench.raw.run('COMMIT')
    } catch (error) {
      await bench.raw.run('ROLLBACK')
      throw error
    }
  },
})
