import { SUMMARY_COLUMNS } from '../../src/main/people/personMapping'
import { Random } from '../../src/main/demo/random'
import { defineScenario } from '../scenario'
import { register, Rotation, type Register } from './peopleRegister'

export const openPersonScenario = defineScenario<{ rotation: Rotation<number>; register: Register }>({
  name: 'people/get: a child with their family',
  setup: async (bench) => {
    const loaded = await register(bench)
    const random = new Random(42)
    const ids = Array.from({ length: 500 }, () => loaded.childIds[random.int(0, loaded.childIds.length - 1)])
    return { rotation: new Rotation(ids), register: loaded }
  },
  measure: (bench, state) => bench.call('people/get', { id: state.rotation.next() }),
  raw: async (bench, state) => {
    const id = state.rotation.current
    const links = (side: string, other: string) =>
      bench.raw.all(
        `SELECT g.id, g.relation, g.primary_contact, g.may_pick_up, ${SUMMARY_COLUMNS}
         FROM guardianship g JOIN person p ON p.id = g.${other} WHERE g.${side} = ?`,
        [id],
      )
    return [
      await bench.raw.all('SELECT * FROM person WHERE id = ?', [id]),
      await links('participant_id', 'guardian_id'),
      await links('guardian_id', 'participant_id'),
    ]
  },
  notes: (_bench, { register: loaded }) => [
    `register: ${loaded.people.toLocaleString('en-US')} people, ${loaded.guardianships.toLocaleString('en-US')} guardianships` +
      (loaded.loadSeconds === null ? ' (reused)' : `, loaded in ${loaded.loadSeconds.toFixed(1)} s`),
  ],
})
