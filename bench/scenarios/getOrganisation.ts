import { demoOrganisation } from '../../src/main/demo/organisation'
import { defineScenario } from '../scenario'

export const getOrganisationScenario = defineScenario({
  name: 'settings/get-organisation',
  setup: async (bench) => {
    const { version } = await bench.call('settings/get-organisation', {})
    await bench.call('settings/update-organisation', { ...demoOrganisation(), expectedVersion: version })
  },
  measure: (bench) => bench.call('settings/get-organisation', {}),
  // The handler's work without the framework: one primary-key read and the JSON decode.
  raw: async (bench) => {
    const [row] = await bench.raw.all<{ value: string; updated_at: string; version: number }>(
      'SELECT "key", "value", "updated_at", "version" FROM "setting" WHERE "key" = ? LIMIT 1',
      ['organisation'],
    )
    return { ...(JSON.parse(row.value) as object), updatedAt: row.updated_at, version: row.version }
  },
})
